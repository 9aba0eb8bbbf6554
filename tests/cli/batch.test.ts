import {describe, expect, it} from 'vitest'
import {Batcher, batchSizeFor} from '../../src/cli/batch.js'
import type {Runner} from '../../src/cli/pool.js'
import {failedResult, type LintTask, type TaskResult} from '../../src/cli/task.js'

const config = {rules: {}, files: []}
const task = (name: string): LintTask => ({display: name, configId: 0, config, fix: false, fixDryRun: false})

/** A runner that records each batch it is handed and answers with a report naming each file. */
function recordingRunner(fail = false): Runner & {batches: string[][]} {
  const batches: string[][] = []
  return {
    batches,
    threads: 2,
    close: async () => undefined,
    run: async (tasks) => {
      batches.push(tasks.map((one) => one.display))
      if (fail) throw new Error('worker died')
      return tasks.map((one): TaskResult => failedResult(one.display, `linted ${one.display}`))
    }
  }
}

const reasonOf = (result: TaskResult): string | undefined => result.messages[0]?.reason

describe('batchSizeFor', () => {
  it.each([
    // files, threads, size
    [2225, 2, 32],
    [2225, 1, 1],
    [100, 2, 7],
    [40, 2, 3],
    [3, 2, 1],
    [0, 2, 1],
    [10_000, 8, 32]
  ])('%i files on %i threads go %i at a time', (files, threads, size) => {
    expect(batchSizeFor(files, threads)).toBe(size)
  })
})

describe('Batcher', () => {
  it('sends a batch when it is full, each file getting its own report', async () => {
    const runner = recordingRunner()
    const batcher = new Batcher(runner, () => 2)
    const a = batcher.add(task('a'), 0)
    const b = batcher.add(task('b'), 1)
    const c = batcher.add(task('c'), 2)
    expect(runner.batches).toEqual([['a', 'b']])
    expect(reasonOf(await a)).toBe('linted a')
    expect(reasonOf(await b)).toBe('linted b')
    batcher.flush()
    expect(runner.batches).toEqual([['a', 'b'], ['c']])
    expect(reasonOf(await c)).toBe('linted c')
  })

  it('sends an unfilled batch as soon as the printer needs a file in it', () => {
    const runner = recordingRunner()
    const batcher = new Batcher(runner, () => 4)
    void batcher.add(task('a'), 0)
    void batcher.add(task('b'), 1)
    batcher.need(0)
    expect(runner.batches).toEqual([['a', 'b']])
  })

  it('does not send an unfilled batch the printer does not need yet', () => {
    const runner = recordingRunner()
    const batcher = new Batcher(runner, () => 4)
    void batcher.add(task('c'), 5)
    batcher.need(4)
    expect(runner.batches).toEqual([])
  })

  it('sends a file added late (after a cache lookup) at once if the printer already waits for it', () => {
    const runner = recordingRunner()
    const batcher = new Batcher(runner, () => 4)
    batcher.need(3)
    void batcher.add(task('d'), 3)
    expect(runner.batches).toEqual([['d']])
  })

  it('sizes each batch by where it starts: batches shrink towards the end of the run', () => {
    const runner = recordingRunner()
    const files = 100
    const batcher = new Batcher(runner, (order) => batchSizeFor(files - order, 2))
    for (let order = 0; order < files; order++) void batcher.add(task(String(order)), order)
    batcher.flush()
    const sizes = runner.batches.map((batch) => batch.length)
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(files)
    expect(sizes[0]).toBe(7)
    expect(sizes.at(-1)).toBe(1)
    // Never larger than the one before it.
    expect(sizes.every((size, index) => index === 0 || size <= (sizes[index - 1] ?? 0))).toBe(true)
  })

  it('fails every file of a batch whose runner failed', async () => {
    const batcher = new Batcher(recordingRunner(true), () => 2)
    const a = batcher.add(task('a'), 0)
    const b = batcher.add(task('b'), 1)
    await expect(a).rejects.toThrow('worker died')
    await expect(b).rejects.toThrow('worker died')
  })
})
