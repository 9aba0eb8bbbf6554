import {reporter} from 'vfile-reporter'
import {VFile} from 'vfile'
import type {FileReport} from '../engine/lint.js'

export interface StylishOptions {
  readonly color: boolean
  readonly quiet: boolean
}

/** The unified family's report (vfile-reporter): file, `line:col-line:col`, severity, message, rule id. */
export function formatStylish(reports: readonly FileReport[], options: StylishOptions): string {
  const files = reports.map((report) => {
    const file = new VFile({path: report.path})
    file.messages = [...report.messages]
    return file
  })
  const text = reporter(files, {color: options.color, quiet: options.quiet, silent: false, verbose: false})
  return text ? `${text}\n` : ''
}
