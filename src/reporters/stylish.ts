import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import type {FileReport} from '../engine/lint.js'

export interface StylishOptions {
  readonly color: boolean
  readonly quiet: boolean
}

/** Stylish output written file by file, as each file is done. */
export interface StylishStream {
  /** The lines for one file (empty when `quiet` hides it). */
  file(report: FileReport): string
  /** The closing summary line. */
  end(): string
}

/**
 * The unified family's report (vfile-reporter): file, `line:col-line:col`, severity, message,
 * rule id, then a summary. Each file is rendered on its own (its columns aligned within the
 * file), so a long run can print every file as soon as it is linted.
 */
export function stylishStream(options: StylishOptions): StylishStream {
  let fatal = 0
  let warn = 0
  let info = 0
  let lastHadMessages = false
  return {
    file(report) {
      const file = new VFile({path: report.path})
      file.messages = [...report.messages]
      const stats = {fatal: 0, warn: 0, info: 0}
      for (const message of report.messages) stats[message.fatal ? 'fatal' : message.fatal === false ? 'warn' : 'info']++
      fatal += stats.fatal
      warn += stats.warn
      info += stats.info
      const text = reporter([file], {color: options.color, quiet: options.quiet, silent: false, verbose: false})
      if (!text) return ''
      const rows = text.split('\n')
      // vfile-reporter ends with a blank row and this file's summary; the run's summary comes at the end.
      if (stats.fatal || stats.warn) rows.splice(-2)
      const hasMessages = rows.length > 1
      const out = `${lastHadMessages ? '\n' : ''}${rows.join('\n')}\n`
      lastHadMessages = hasMessages
      return out
    },
    end() {
      if (!fatal && !warn) return ''
      return `\n${byline(options.color, fatal, warn, fatal + warn + info)}\n`
    }
  }
}

/** vfile-reporter's summary: `✖ 1 error, ⚠ 2 warnings`, with the total when infos are among them. */
function byline(color: boolean, fatal: number, warn: number, total: number): string {
  const red = color ? '\u001B[31m' : ''
  const yellow = color ? '\u001B[33m' : ''
  const reset = color ? '\u001B[39m' : ''
  let result = fatal ? `${red}✖${reset} ${fatal} error${fatal === 1 ? '' : 's'}` : ''
  if (warn) result = `${result ? `${result}, ` : ''}${yellow}⚠${reset} ${warn} warning${warn === 1 ? '' : 's'}`
  if (total !== fatal && total !== warn) result = `${total} messages (${result})`
  return result
}

export function formatStylish(reports: readonly FileReport[], options: StylishOptions): string {
  const stream = stylishStream(options)
  return reports.map((report) => stream.file(report)).join('') + stream.end()
}
