import {VFileMessage} from 'vfile-message'
import type {ResolvedConfig} from '../config/load.js'
import {formatOf} from '../engine/format.js'
import type {FileReport} from '../engine/lint.js'
import {heapLimit} from '../engine/memory.js'
import {source, withoutStackTraces} from '../kit/report.js'
import type {Fix, Format} from '../kit/types.js'
import {emptyMetrics} from '../metrics/empty.js'
import type {Metrics} from '../metrics/index.js'
import type {RenderedFile, StreamOptions} from '../reporters/stream.js'

/** One file to lint, with the config it is linted under. */
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
  /** Names the config, so that a worker keeps one copy of it and rules compile once per config and worker. */
  readonly configId: number
  readonly config: ResolvedConfig
  readonly fix: boolean
  readonly fixDryRun: boolean
  /** Send the linted text back (the HTML report shows it). */
  readonly keepText?: boolean
  /**
   * The cache entry to store the report in (`--cache`, on a miss). The thread that lints the file
   * stores it, so a worker can send back only the file's rendered part of a streamed report.
   */
  readonly cacheEntry?: string
}

/** A task as it crosses to a worker thread: plain data, its config named by id only. */
export type WorkerTask = Omit<LintTask, 'config'>

/**
 * A batch as it crosses to a worker thread. Each config crosses once per batch, not once per file:
 * cloning the resolved config for every task cost about as much as cloning the reports back.
 */
export interface WorkerBatch {
  readonly tasks: readonly WorkerTask[]
  readonly configs: ReadonlyArray<readonly [number, ResolvedConfig]>
  readonly render?: RenderRequest
}

/** A streamed report's format and options, for a worker thread to render each file's part. */
export interface RenderRequest extends StreamOptions {
  readonly format: string
}

/** Splits tasks into what crosses to a worker: the tasks without their configs, and each config once. */
export function toWorkerBatch(tasks: readonly LintTask[], render?: RenderRequest): WorkerBatch {
  const configs = new Map<number, ResolvedConfig>()
  const plain = tasks.map(({config, ...task}) => {
    configs.set(task.configId, config)
    return task
  })
  return {tasks: plain, configs: [...configs], ...(render === undefined ? {} : {render})}
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

/**
 * A finding in a result: plain data when it came from a worker thread (or the cache), or the
 * engine's own VFileMessage when the file was linted in this thread, which the report then takes
 * as it is instead of copying it to plain data and back.
 */
export type ResultMessage = PlainMessage | VFileMessage

/** What linting one file gives back: the serialisable report, never the tree or the vfile. */
export interface TaskResult {
  readonly format: Format
  readonly messages: readonly ResultMessage[]
  readonly metrics: Metrics
  /** Text for standard error (the `--fix-dry-run` diff). */
  readonly stderr: string
  /** The run failed for this file (it could not be parsed, or fixes could not be written). */
  readonly failed: boolean
  /** The text the positions refer to, when the task asked for it. */
  readonly text?: string
  /** The file's part of the streamed report, rendered by the worker thread; `messages` is then empty. */
  readonly rendered?: RenderedFile
}

type Mutable<T> = {-readonly [K in keyof T]: T[K]}

/** The fields of a message as plain data; assigned one by one, as object spreads cost a copy each. */
export function toPlainMessage(message: VFileMessage): PlainMessage {
  const plain: Mutable<PlainMessage> = {reason: message.reason}
  if (message.ruleId !== undefined) plain.ruleId = message.ruleId
  if (message.source !== undefined) plain.source = message.source
  if (message.fatal !== undefined && message.fatal !== null) plain.fatal = message.fatal
  if (message.place !== undefined) plain.place = message.place
  if (message.actual !== undefined) plain.actual = message.actual
  if (message.expected !== undefined) plain.expected = message.expected
  if (message.url !== undefined) plain.url = message.url
  if (message.note !== undefined) plain.note = message.note
  if (message.fix !== undefined) plain.fix = message.fix
  if (message.weak) plain.weak = true
  return plain
}

/** A result as plain data, as the cache stores it. */
export function toPlainResult(result: TaskResult): TaskResult {
  return {
    ...result,
    messages: result.messages.map((message) => (message instanceof VFileMessage ? toPlainMessage(message) : message))
  }
}

/**
 * Rebuilds a message as `file.message` makes it on a file at `path` (the same fields in the same
 * order, its name prefixed with the path), so every reporter renders it as before.
 */
export function reviveMessage(path: string, plain: PlainMessage): VFileMessage {
  // Each revived message is an Error again; its stack would be captured here and never shown.
  const message = withoutStackTraces(
    () =>
      new VFileMessage(plain.reason, {
        ...(plain.place === undefined ? {} : {place: plain.place}),
        ...(plain.ruleId === undefined ? {} : {ruleId: plain.ruleId}),
        ...(plain.source === undefined ? {} : {source: plain.source})
      })
  )
  if (path) {
    message.name = `${path}:${message.name}`
    message.file = path
  }
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
  return {
    path: display,
    format: result.format,
    messages: result.messages.map((message) => (message instanceof VFileMessage ? message : reviveMessage(display, message))),
    metrics: result.metrics,
    ...(result.text === undefined ? {} : {text: result.text})
  }
}

/** Whether `error` is a worker thread's end for want of memory (Node's `ERR_WORKER_OUT_OF_MEMORY`). */
export function outOfMemory(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY'
}

/**
 * The report of a file whose linting threw: a bug in copydesk, reported on that file; or a file
 * too large for the memory a thread may use, which the user can do something about.
 */
export function internalError(filePath: string, error: unknown): TaskResult {
  if (outOfMemory(error)) {
    const limitMb = Math.round(heapLimit() / 2 ** 20)
    return failedResult(
      filePath,
      `Cannot lint this file: it needs more memory than a thread may use (${limitMb} MB). Split it, or raise the limit with NODE_OPTIONS=--max-old-space-size=<MB>`
    )
  }
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
