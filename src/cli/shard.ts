import {createHash} from 'node:crypto'
import path from 'node:path'

/** The `index`-th (1-based) of `count` parts of the files: `--shard 2/4`. */
export interface Shard {
  readonly index: number
  readonly count: number
}

/** Parses `I/N`; returns the reason as a string when it is not a valid shard. */
export function parseShard(value: string): Shard | string {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value)
  const index = Number(match?.[1])
  const count = Number(match?.[2])
  if (!match || !Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) {
    return `--shard expects I/N with 1 ≤ I ≤ N (such as 1/4), got \`${value}\``
  }
  return {index, count}
}

/**
 * Which part a file belongs to: a hash of its path relative to `cwd`, with `/` separators, so
 * every machine of a CI matrix puts a file in the same part however the paths were given or
 * listed, and adding a file never moves the others.
 */
export function shardOf(file: string, cwd: string, count: number): number {
  const relative = path.relative(cwd, file).split(path.sep).join('/')
  return createHash('sha1').update(relative).digest().readUInt32BE(0) % count
}

/** The files of one shard, in their given order. */
export function selectShard(files: readonly string[], shard: Shard, cwd: string): string[] {
  return files.filter((file) => shardOf(file, cwd, shard.count) === shard.index - 1)
}
