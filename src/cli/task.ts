import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {ResolvedConfig} from '../config/load.js'
import {formatOf} from '../engine/format.js'
import {type FileReport, lintText} from '../engine/lint.js'
import {decode, encode, readBytesSync} from '../engine/read.js'
import {writeAtomically} from '../engine/write.js'
import {source, withoutStackTraces} from '../kit/report.js'
import type {Fix, Format} from '../kit/types.js'
import {emptyMetrics, type Metrics} from '../metrics/index.js'

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

const configs = new Map<number, ResolvedConfig>()

/**
 * Lints one file: read (unless the bytes came along), decode, lint (and fix), write or diff the fixes. The same function runs
 * in a worker thread and, with `--jobs 1`, in the main thread, so both give the same report.
 */
export async function runTask(task: LintTask): Promise<TaskResult> {
  let config = configs.get(task.configId)
  if (!config) {
    config = task.config
    configs.set(task.configId, config)
  }
  let bytes = task.bytes
  if (!bytes) {
    const read = readBytesSync(task.file ?? task.display)
    if (!read.ok) return failedResult(task.display, read.reason)
    bytes = read.bytes
  }
  const decoded = decode(bytes)
  const format = formatOf(task.display)
  if (!decoded.ok) {
    return {format, messages: [{reason: decoded.reason, source, fatal: true}], metrics: emptyMetrics(), stderr: '', failed: true}
  }
  const report = lintText({text: decoded.text, path: task.display, config, fix: task.fix || task.fixDryRun})
  const messages = report.messages.map(toPlainMessage)
  let stderr = ''
  // A file the engine could not parse is unreadable input, not a finding.
  let failed = report.messages.some((message) => message.fatal === true && !message.ruleId)
  if (decoded.latin1) messages.unshift({reason: 'File is not valid UTF-8: read as Latin-1', source})
  if (report.output !== undefined && task.fixDryRun) {
    // Loaded only for a dry run: every worker thread would otherwise load its 19 modules at start.
    const {createTwoFilesPatch} = await import('diff')
    stderr = createTwoFilesPatch(task.display, task.display, decoded.text, report.output, '', '', {context: 1})
  } else if (report.output !== undefined && task.fix && task.file !== undefined) {
    try {
      // Written back in the encoding it was read in, and only if the file still holds what was linted.
      await writeAtomically(task.file, encode(report.output, decoded.encoding), {expected: bytes})
    } catch (error) {
      failed = true
      messages.unshift({reason: `Fixes not written, file left as it was: ${(error as Error).message}`, source, fatal: true})
    }
  }
  return {
    format: report.format,
    messages,
    metrics: report.metrics,
    stderr,
    failed,
    ...(task.keepText && report.text !== undefined ? {text: report.text} : {})
  }
}

/**
 * Lints files one after another. A batch is what crosses to a worker thread: one message there
 * and one back for many files, instead of a round trip per file that leaves the worker idle until
 * the main thread is scheduled again (on a busy machine, longer than linting a short article).
 * A file that throws gets its own failed report; the rest of the batch is still linted.
 */
export async function runBatch(tasks: readonly LintTask[]): Promise<TaskResult[]> {
  const results: TaskResult[] = []
  for (const task of tasks) {
    try {
      results.push(await runTask(task))
    } catch (error) {
      results.push(internalError(task.display, error))
    }
  }
  return results
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
