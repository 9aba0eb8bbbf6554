// The linting side of a task: what a worker thread runs (and the main thread with `--jobs 1`).
// Kept apart from task.ts so that the main thread of a run in worker threads never loads the engine.
import type {ResolvedConfig} from '../config/load.js'
import {lintText} from '../engine/lint.js'
import {decode, encode, readBytesSync} from '../engine/read.js'
import {writeAtomically} from '../engine/write.js'
import {source} from '../kit/report.js'
import {streamingFormats} from '../reporters/stream.js'
import {storeEntry} from './cache.js'
import {
  failedResult,
  internalError,
  type LintTask,
  type PlainMessage,
  type ResultMessage,
  reviveMessage,
  type TaskResult,
  toFileReport,
  toPlainMessage,
  type WorkerBatch,
  type WorkerTask
} from './task.js'

/**
 * How a result carries its findings: as plain data, to cross back from a worker thread, or as the
 * engine made them, when the report is made in this thread (`--jobs 1`).
 */
export type MessageForm = 'plain' | 'engine'

/**
 * Lints one file: read (unless the bytes came along), decode, lint (and fix), write or diff the fixes. The same function runs
 * in a worker thread and, with `--jobs 1`, in the main thread, so both give the same report.
 */
export async function runTask(task: WorkerTask, config: ResolvedConfig, form: MessageForm): Promise<TaskResult> {
  let bytes = task.bytes
  if (!bytes) {
    const read = readBytesSync(task.file ?? task.display)
    if (!read.ok) return failedResult(task.display, read.reason)
    bytes = read.bytes
  }
  const decoded = decode(bytes)
  if (!decoded.ok) return failedResult(task.display, decoded.reason)
  const report = lintText({text: decoded.text, path: task.display, config, fix: task.fix || task.fixDryRun})
  // Notes about the file itself, shown before its findings.
  const notes: PlainMessage[] = []
  let stderr = ''
  // A file the engine could not parse is unreadable input, not a finding.
  let failed = report.messages.some((message) => message.fatal === true && !message.ruleId)
  if (decoded.latin1) notes.unshift({reason: 'File is not valid UTF-8: read as Latin-1', source})
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
      notes.unshift({reason: `Fixes not written, file left as it was: ${(error as Error).message}`, source, fatal: true})
    }
  }
  const messages: ResultMessage[] =
    form === 'plain'
      ? [...notes, ...report.messages.map(toPlainMessage)]
      : [...notes.map((note) => reviveMessage(task.display, note)), ...report.messages]
  const result: TaskResult = {
    format: report.format,
    messages,
    metrics: report.metrics,
    stderr,
    failed,
    ...(task.keepText && report.text !== undefined ? {text: report.text} : {})
  }
  if (task.cacheEntry !== undefined) storeEntry(task.cacheEntry, result)
  return result
}

/**
 * Lints files one after another. A batch is what crosses to a worker thread: one message there
 * and one back for many files, instead of a round trip per file that leaves the worker idle until
 * the main thread is scheduled again (on a busy machine, longer than linting a short article).
 * A file that throws gets its own failed report; the rest of the batch is still linted.
 */
export async function runBatch(tasks: readonly LintTask[], form: MessageForm): Promise<TaskResult[]> {
  const results: TaskResult[] = []
  for (const task of tasks) {
    try {
      results.push(await runTask(task, task.config, form))
    } catch (error) {
      results.push(internalError(task.display, error))
    }
  }
  return results
}

/** Each config a worker has been sent, by id: the first copy is kept, so rules compile once per config and worker. */
const workerConfigs = new Map<number, ResolvedConfig>()

/**
 * A worker thread's batch: its configs arrive once per batch. Its findings go back as plain data
 * or, for a streamed report, as each file's rendered part: one string crosses instead of every
 * message, and the main thread neither rebuilds the messages nor renders them.
 */
export async function runWorkerBatch(batch: WorkerBatch): Promise<TaskResult[]> {
  for (const [id, config] of batch.configs) if (!workerConfigs.has(id)) workerConfigs.set(id, config)
  const render = batch.render
  const format = render ? await streamingFormats[render.format]?.() : undefined
  const results: TaskResult[] = []
  for (const task of batch.tasks) {
    try {
      const config = workerConfigs.get(task.configId)
      if (!config) throw new Error(`config ${task.configId} was not sent with the batch`)
      if (render && format) {
        const result = await runTask(task, config, 'engine')
        const rendered = format.render(toFileReport(task.display, result), render)
        results.push({...result, messages: [], rendered})
      } else {
        results.push(await runTask(task, config, 'plain'))
      }
    } catch (error) {
      results.push(internalError(task.display, error))
    }
  }
  return results
}
