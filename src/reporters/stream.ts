import type {FileReport} from '../engine/lint.js'
import type {ReporterOptions} from './index.js'

/** A format that can be written file by file, as files are done, instead of all at the end. */
export interface StreamingReporter {
  file(report: FileReport): string
  end(): string
}

/**
 * Formats whose output is printed as the run goes; the others are rendered once, at the end.
 * Each is loaded when asked for, like the reporters.
 */
export const streamingReporters: Readonly<Record<string, (options: ReporterOptions) => Promise<StreamingReporter>>> = {
  stylish: async (options) => (await import('./stylish.js')).stylishStream(options),
  // The same bytes as `JSON.stringify` of the whole array, one element at a time.
  json: async () => {
    const {toJsonReport} = await import('./json.js')
    let count = 0
    return {
      file: (report) => `${count++ === 0 ? '[' : ','}${JSON.stringify(toJsonReport(report))}`,
      end: () => (count === 0 ? '[]\n' : ']\n')
    }
  }
}
