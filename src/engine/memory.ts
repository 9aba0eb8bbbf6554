import {getHeapStatistics} from 'node:v8'

/**
 * Bytes of memory the engine holds at its peak per byte of text: one 10 MB article peaks at about
 * 1.4 GB (its trees, the shared document and the findings; `npm run bench`, one large file).
 */
const memoryPerTextByte = 140

let limit: number | undefined

/** The memory this thread's heap may use, in bytes: fixed for the life of the thread, so read once. */
export function heapLimit(): number {
  limit ??= getHeapStatistics().heap_size_limit
  return limit
}

/**
 * Whether linting `bytes` of text would need more than a quarter of the memory a thread may use
 * (about 7.8 MB of text under Node's usual 4 GB limit), too much to lint beside everything else
 * a long-lived thread holds. Running out of memory ends the whole process, and every report with
 * it, but only a worker thread: the CLI lints such a file in a worker of its own, and the
 * language server leaves such a document alone.
 */
export function tooLargeToShareThread(bytes: number, threadLimit = heapLimit()): boolean {
  return bytes * memoryPerTextByte > threadLimit / 4
}
