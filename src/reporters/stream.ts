import type {VFileMessage} from 'vfile-message'
import type {FileReport} from '../engine/lint.js'
import {tallyFindings} from '../engine/severity.js'

export interface StreamOptions {
  readonly color: boolean
  /** Errors only. */
  readonly quiet: boolean
}

/**
 * One file's part of a streamed report, rendered apart from the rest of the run (so a worker
 * thread can render it, and send a string instead of every message): its text and its counts.
 */
export interface RenderedFile {
  /** The file's text, before whatever separates it from the file printed before it. */
  readonly text: string
  /** It shows messages (stylish puts a blank line after such a file). */
  readonly shown: boolean
  /** Messages shown, by kind, for the run's summary line. */
  readonly fatal: number
  readonly warn: number
  readonly info: number
  /** Every error and warning of the file, shown or not (`--quiet`): they decide the exit code. */
  readonly errors: number
  readonly warnings: number
}

/** Joins rendered files into the run's output, in order. */
export interface FileStream {
  add(file: RenderedFile): string
  end(): string
}

/** A format that can be written file by file, as files are done, instead of all at the end. */
export interface StreamingFormat {
  /** One file's part; depends on nothing but the report and the options. */
  render(report: FileReport, options: StreamOptions): RenderedFile
  stream(options: StreamOptions): FileStream
}

/**
 * Formats whose output is printed as the run goes; the others are rendered once, at the end.
 * Each is loaded when asked for, like the reporters.
 */
export const streamingFormats: Readonly<Record<string, () => Promise<StreamingFormat>>> = {
  stylish: async () => {
    const {renderStylishFile, stylishStream} = await import('./stylish.js')
    return {render: renderStylishFile, stream: stylishStream}
  },
  json: async () => {
    const {renderJsonFile, jsonStream} = await import('./json.js')
    return {render: renderJsonFile, stream: jsonStream}
  }
}

/** The messages `--quiet` shows: errors only. */
export function shownMessages(report: FileReport, options: Pick<StreamOptions, 'quiet'>): VFileMessage[] {
  return options.quiet ? report.messages.filter((message) => message.fatal === true) : report.messages
}

/** A rendered file's counts: the shown messages by kind, and every error and warning. */
export function countsOf(
  all: readonly VFileMessage[],
  shown: readonly VFileMessage[]
): Pick<RenderedFile, 'fatal' | 'warn' | 'info' | 'errors' | 'warnings'> {
  const counts = {fatal: 0, warn: 0, info: 0, errors: 0, warnings: 0}
  for (const message of shown) counts[message.fatal ? 'fatal' : message.fatal === false ? 'warn' : 'info']++
  tallyFindings(counts, all)
  return counts
}
