import {existsSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import type {Piscina} from 'piscina'
import {tooLargeToShareThread} from '../engine/memory.js'
import {readBytesSync} from '../engine/read.js'
import {packageRoot} from '../package-root.js'
import {
  failedResult,
  internalError,
  type LintTask,
  outOfMemory,
  type RenderRequest,
  type TaskResult,
  toWorkerBatch,
  type WorkerBatch
} from './task.js'

/** Lints batches of files: in worker threads, or in this thread for `--jobs 1` and single files. */
export interface Runner {
  /**
   * The results in the order of the tasks. Worker threads also render each file's part of the
   * streamed report when asked (`render`); this thread leaves that to the printer.
   */
  run(tasks: readonly LintTask[], render?: RenderRequest): Promise<TaskResult[]>
  close(): Promise<void>
  /** Worker threads started (0: everything ran in this thread). */
  readonly threads: number
}

/**
 * The main thread as a runner: the same lint function, so `--jobs 1` gives the same reports, its
 * findings handed to the report as the engine made them. The engine is loaded with the first
 * batch, so a run that lints nothing (every file cached) never loads it. A file too large to lint
 * safely here (see `tooLargeToShareThread`) goes to a worker thread of its own, started for it.
 */
function inThread(): Runner {
  let ownThread: Runner | undefined
  return {
    async run(tasks) {
      const {runBatch} = await import('./lint-task.js')
      const results: TaskResult[] = []
      for (const task of tasks) {
        // Read here, not by the task, to know its size first; the task then lints these bytes.
        const read = task.bytes ? {ok: true as const, bytes: task.bytes} : readBytesSync(task.file ?? task.display)
        if (!read.ok) {
          results.push(failedResult(task.display, read.reason))
          continue
        }
        const sized = {...task, bytes: read.bytes}
        if (tooLargeToShareThread(read.bytes.length)) {
          ownThread ??= pooled(1)
          results.push(...(await ownThread.run([sized]).catch((error: unknown) => [internalError(task.display, error)])))
        } else {
          results.push(...(await runBatch([sized], 'engine')))
        }
      }
      return results
    },
    async close() {
      await ownThread?.close()
    },
    get threads() {
      return ownThread?.threads ?? 0
    }
  }
}

/**
 * Each worker's nursery. A file's trees die young, so a bigger nursery means fewer collections
 * and fewer trees promoted by accident: 32 MB took the BBC corpus from about 6.6 to 6.2 s of CPU
 * with two workers, for about 25 MB more peak memory (about 250 MB in all) than 16 MB.
 */
const youngGenerationMb = 32

/** The worker's built module: beside this one in dist/, or in dist/ when this runs from source (tests). */
function workerFile(): string {
  const beside = new URL('./worker.js', import.meta.url)
  if (existsSync(fileURLToPath(beside))) return beside.href
  return pathToFileURL(path.join(packageRoot(), 'dist', 'src', 'cli', 'worker.js')).href
}

/**
 * A pool of `jobs` worker threads, each loading the rules once. With `start`, the threads start
 * now, to load the engine while this thread is still finding files and resolving configs (a
 * thread takes about a third of a second before it can lint); otherwise they start on the first
 * task, so a run where every file is cached starts none.
 */
export function createRunner(jobs: number, {start = false}: {start?: boolean} = {}): Runner {
  return jobs <= 1 ? inThread() : pooled(jobs, start)
}

/** `jobs` worker threads; see `createRunner`. */
function pooled(jobs: number, start = false): Runner {
  let pool: Promise<Pool> | undefined = start ? startPool(jobs) : undefined
  return {
    async run(tasks, render) {
      pool ??= startPool(jobs)
      const started = await pool
      try {
        return await started.run(toWorkerBatch(tasks, render))
      } catch (error) {
        // A thread that runs out of memory takes its whole batch with it: each file of the batch
        // is linted again on its own, so that only the one too large for a thread fails.
        if (!outOfMemory(error) || tasks.length === 1) throw error
        return Promise.all(
          tasks.map(async (task) => {
            try {
              const [result] = await started.run(toWorkerBatch([task], render))
              return result ?? internalError(task.display, new Error('the worker returned no report for this file'))
            } catch (again) {
              return internalError(task.display, again)
            }
          })
        )
      }
    },
    async close() {
      await (await pool)?.destroy()
    },
    get threads() {
      return pool ? jobs : 0
    }
  }
}

type Pool = Piscina<WorkerBatch, TaskResult[]>

/** Piscina (15 modules) is loaded with the first pool: a run in this thread never needs it. */
async function startPool(jobs: number): Promise<Pool> {
  const {Piscina} = await import('piscina')
  return new Piscina<WorkerBatch, TaskResult[]>({
    filename: workerFile(),
    minThreads: jobs,
    maxThreads: jobs,
    // A batch's reports come back in one message; nothing is shared between tasks.
    concurrentTasksPerWorker: 1,
    idleTimeout: 60_000,
    // The old generation is left unlimited, so a huge file still fits.
    resourceLimits: {maxYoungGenerationSizeMb: youngGenerationMb}
  })
}
