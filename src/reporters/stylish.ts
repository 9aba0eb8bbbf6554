import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import type {FileReport} from '../engine/lint.js'
import {countsOf, type FileStream, type RenderedFile, shownMessages} from './stream.js'

export interface StylishOptions {
  readonly color: boolean
  readonly quiet: boolean
}

/** Stylish output written file by file, as each file is done. */
export interface StylishStream extends FileStream {
  /** The lines for one file (empty when `quiet` hides it). */
  file(report: FileReport): string
}

/**
 * One file's stylish lines (vfile-reporter's, without its summary), rendered on their own: the
 * stream puts them together.
 */
export function renderStylishFile(report: FileReport, options: StylishOptions): RenderedFile {
  const shown = shownMessages(report, options)
  const counts = countsOf(report.messages, shown)
  const file = new VFile({path: report.path})
  file.messages = [...shown]
  const text = reporter([file], {color: options.color, quiet: options.quiet, silent: false, verbose: false})
  if (!text) return {text: '', shown: false, ...counts}
  const rows = text.split('\n')
  // vfile-reporter ends with a blank row and this file's summary; the run's summary comes at the end.
  if (counts.fatal || counts.warn) rows.splice(-2)
  return {text: rows.join('\n'), shown: rows.length > 1, ...counts}
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
  const add = (rendered: RenderedFile): string => {
    fatal += rendered.fatal
    warn += rendered.warn
    info += rendered.info
    if (!rendered.text) return ''
    const out = `${lastHadMessages ? '\n' : ''}${rendered.text}\n`
    lastHadMessages = rendered.shown
    return out
  }
  return {
    add,
    file: (report) => add(renderStylishFile(report, options)),
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
