import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {ResolvedConfig} from '../config/load.js'
import {formatOf} from '../engine/format.js'
import type {FileReport} from '../engine/lint.js'
import {source, withoutStackTraces} from '../kit/report.js'
import type {Fix, Format} from '../kit/types.js'
import {emptyMetrics} from '../metrics/empty.js'
import type {Metrics} from '../metrics/index.js'

/** One file to lint, as it crosses to a worker thread: plain data only. */
export interface LintTask {
  /** Absolute path, to read the file and to write fixes; `undefined` for standard input (never written). */
  readonly file?: string
  /** The path reports show. */
  readonly display: string
  /**
   * The bytes, when the main thread already has them (standard input, or read for the cache
   * key); otherwise the task reads `file` itself, so a worker does its own I/O and the bytes
   * never cross between threads.
   */
  readonly bytes?: Uint8Array
  /**
   * A config arrives as a fresh copy with every task; its id lets a worker keep the first copy,
   * so rules compile once per config and worker, not once per file.
   */
  readonly configId: number
  readonly config: ResolvedConfig
  readonly fix: boolean
  readonly fixDryRun: boolean
  /** Send the linted text back (the HTML report shows it). */
  readonly keepText?: boolean
}

/** A message as plain data (a VFileMessage is an Error, and loses its fields crossing threads). */
export interface PlainMessage {
  readonly reason: string
  readonly ruleId?: string
  readonly source?: string
  readonly fatal?: boolean
  readonly place?: VFileMessage['place']
  readonly actual?: string
  readonly expected?: readonly string[]
  readonly url?: string
  readonly note?: string
  readonly fix?: Fix
  readonly weak?: boolean
}

/** What linting one file gives back: the serialisable report, never the tree or the vfile. */
export interface TaskResult {
  readonly format: Format
  readonly messages: readonly PlainMessage[]
  readonly metrics: Metrics
  /** Text for standard error (the `--fix-dry-run` diff). */
  readonly stderr: string
  /** The run failed for this file (it could not be parsed, or fixes could not be written). */
  readonly failed: boolean
  /** The text the positions refer to, when the task asked for it. */
  readonly text?: string
}

export function toPlainMessage(message: VFileMessage): PlainMessage {
  return {
    reason: message.reason,
    ...(message.ruleId === undefined ? {} : {ruleId: message.ruleId}),
    ...(message.source === undefined ? {} : {source: message.source}),
    ...(message.fatal === undefined || message.fatal === null ? {} : {fatal: message.fatal}),
    ...(message.place === undefined ? {} : {place: message.place}),
    ...(message.actual === undefined ? {} : {actual: message.actual}),
    ...(message.expected === undefined ? {} : {expected: message.expected}),
    ...(message.url === undefined ? {} : {url: message.url}),
    ...(message.note === undefined ? {} : {note: message.note}),
    ...(message.fix === undefined ? {} : {fix: message.fix}),
    ...(message.weak ? {weak: true} : {})
  }
}

/** Rebuilds a message as `file.message` made it, so every reporter renders it as before. */
export function reviveMessage(file: VFile, plain: PlainMessage): VFileMessage {
  const message = file.message(plain.reason, {
    ...(plain.place === undefined ? {} : {place: plain.place}),
    ...(plain.ruleId === undefined ? {} : {ruleId: plain.ruleId}),
    ...(plain.source === undefined ? {} : {source: plain.source})
  })
  message.fatal = plain.fatal
  if (plain.actual !== undefined) message.actual = plain.actual
  if (plain.expected !== undefined) message.expected = [...plain.expected]
  if (plain.url !== undefined) message.url = plain.url
  if (plain.note !== undefined) message.note = plain.note
  if (plain.fix !== undefined) message.fix = plain.fix
  if (plain.weak) message.weak = true
  return message
}

/** The report the reporters take, under the path this run shows. */
export function toFileReport(display: string, result: TaskResult): FileReport {
  const file = new VFile({path: display})
  // Each revived message is an Error again; its stack would be captured here and never shown.
  const messages = withoutStackTraces(() => result.messages.map((plain) => reviveMessage(file, plain)))
  return {
    path: display,
    format: result.format,
    messages,
    metrics: result.metrics,
    ...(result.text === undefined ? {} : {text: result.text})
  }
}

/** The report of a file whose linting threw: a bug in copydesk, reported on that file. */
export function internalError(filePath: string, error: unknown): TaskResult {
  const reason = error instanceof Error ? error.message : String(error)
  return failedResult(filePath, `Internal error while linting this file: ${reason}`)
}

/** A report for a file that could not be linted: one fatal message. */
export function failedResult(filePath: string, reason: string): TaskResult {
  return {
    format: formatOf(filePath),
    messages: [{reason, source, fatal: true}],
    metrics: emptyMetrics(),
    stderr: '',
    failed: true
  }
}
