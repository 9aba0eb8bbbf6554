import {existsSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {Piscina} from 'piscina'
import {packageRoot} from '../package-root.js'
import {type LintTask, runTask, type TaskResult} from './task.js'

/** Lints files: in worker threads, or in this thread for `--jobs 1` and single files. */
export interface Runner {
  run(task: LintTask): Promise<TaskResult>
  close(): Promise<void>
  /** Worker threads started (0: everything ran in this thread). */
  readonly threads: number
}

/** The main thread as a runner: the same task function, so `--jobs 1` gives the same reports. */
function inThread(): Runner {
  return {run: runTask, close: async () => undefined, threads: 0}
}

const youngGenerationMb = 16

/** The worker's built module: beside this one in dist/, or in dist/ when this runs from source (tests). */
function workerFile(): string {
  const beside = new URL('./worker.js', import.meta.url)
  if (existsSync(fileURLToPath(beside))) return beside.href
  return pathToFileURL(path.join(packageRoot(), 'dist', 'src', 'cli', 'worker.js')).href
}

/**
 * A pool of `jobs` worker threads. Threads start on the first task (a run where every file is
 * cached starts none) and each loads the rules once.
 */
export function createRunner(jobs: number): Runner {
  if (jobs <= 1) return inThread()
  let pool: Piscina<LintTask, TaskResult> | undefined
  return {
    run(task) {
      pool ??= startPool(jobs)
      return pool.run(task)
    },
    async close() {
      await pool?.destroy()
    },
    get threads() {
      return pool ? jobs : 0
    }
  }
}

function startPool(jobs: number): Piscina<LintTask, TaskResult> {
  return new Piscina<LintTask, TaskResult>({
    filename: workerFile(),
    minThreads: jobs,
    maxThreads: jobs,
    // A file's whole report comes back in one message; nothing is shared between tasks.
    concurrentTasksPerWorker: 1,
    idleTimeout: 60_000,
    // Every file's trees die young; a smaller nursery per thread keeps the pool's peak memory
    // near one thread's without costing throughput (the old generation is left unlimited, so a
    // huge file still fits).
    resourceLimits: {maxYoungGenerationSizeMb: youngGenerationMb}
  })
}
