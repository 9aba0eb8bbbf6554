import type {Runner} from './pool.js'
import type {LintTask, RenderRequest, TaskResult} from './task.js'

/**
 * How many files go to a worker at once, when `files` are left to hand out: enough to spread them
 * over every thread a few times. Asked again for each batch, so batches shrink as the run nears
 * its end (guided scheduling) and no thread is left with a long batch while the others idle.
 */
export function batchSizeFor(files: number, threads: number, largest = 32): number {
  // One thread gains nothing from batches, and a file's report should print as soon as it is done.
  if (threads <= 1) return 1
  // About eight batches per thread: the last one to finish then holds up the run only briefly.
  return Math.max(1, Math.min(largest, Math.ceil(files / (threads * 8))))
}

interface Waiting {
  readonly task: LintTask
  /** The task's place in the run, to know whether the printer is waiting for it. */
  readonly order: number
  readonly resolve: (result: TaskResult) => void
  readonly reject: (error: unknown) => void
}

/**
 * Gathers tasks into batches for a runner: a batch goes out when it is full, or as soon as the
 * printer (which prints files in order) needs a file still waiting in an unfilled batch.
 */
export class Batcher {
  readonly #runner: Runner
  /** The size of a batch whose first file is at `order`. */
  readonly #size: (order: number) => number
  #waiting: Waiting[] = []
  /** The printer waits for every file up to this place in the run. */
  #needed = -1

  readonly #render: RenderRequest | undefined

  /** With `render`, worker threads send each file's part of the streamed report instead of its messages. */
  constructor(runner: Runner, size: (order: number) => number, render?: RenderRequest) {
    this.#runner = runner
    this.#size = size
    this.#render = render
  }

  /** Queues a task; `order` is its place in the run. Resolves with its result. */
  add(task: LintTask, order: number): Promise<TaskResult> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({task, order, resolve, reject})
      const first = this.#waiting[0]?.order ?? order
      if (this.#waiting.length >= this.#size(first) || order <= this.#needed) this.flush()
    })
  }

  /** The printer is about to wait for the file at `order`: send it now if it is still waiting. */
  need(order: number): void {
    this.#needed = Math.max(this.#needed, order)
    if (this.#waiting.some((waiting) => waiting.order <= order)) this.flush()
  }

  /** Sends whatever is waiting as one batch. */
  flush(): void {
    const batch = this.#waiting
    if (batch.length === 0) return
    this.#waiting = []
    this.#runner
      .run(
        batch.map((waiting) => waiting.task),
        this.#render
      )
      .then(
        (results) => {
          batch.forEach((waiting, index) => {
            const result = results[index]
            if (result) waiting.resolve(result)
            else waiting.reject(new Error('the worker returned no report for this file'))
          })
        },
        (error: unknown) => {
          for (const waiting of batch) waiting.reject(error)
        }
      )
  }
}
