import type {FileReport} from '../engine/lint.js'
import type {ReporterOptions} from './index.js'
import {toJsonReport} from './json.js'
import {stylishStream} from './stylish.js'

/** A format that can be written file by file, as files are done, instead of all at the end. */
export interface StreamingReporter {
  file(report: FileReport): string
  end(): string
}

/** Formats whose output is printed as the run goes; the others are rendered once, at the end. */
export const streamingReporters: Readonly<Record<string, (options: ReporterOptions) => StreamingReporter>> = {
  stylish: (options) => stylishStream(options),
  // The same bytes as `JSON.stringify` of the whole array, one element at a time.
  json: () => {
    let count = 0
    return {
      file: (report) => `${count++ === 0 ? '[' : ','}${JSON.stringify(toJsonReport(report))}`,
      end: () => (count === 0 ? '[]\n' : ']\n')
    }
  }
}
