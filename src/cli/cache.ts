import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {threadId} from 'node:worker_threads'
import type {ResolvedConfig} from '../config/load.js'
import type {Format} from '../kit/types.js'
import {type TaskResult, toPlainResult} from './task.js'

export const cacheFolderName = '.copydesk-cache'
/** Bumped when the shape of an entry changes. */
const layout = 1

/**
 * Reports of files already linted, one JSON file per entry under `.copydesk-cache/`, named by a
 * hash of everything that decides a report: the file's bytes, its format, the resolved rule
 * settings and the copydesk version. A folder of small entries, not one big file: a run reads
 * only the entries of its files (memory stays flat however big the archive), CI shards can share
 * the folder, and a damaged entry costs one file, which is linted again and rewritten.
 */
export class ReportCache {
  readonly folder: string
  hits = 0
  misses = 0
  private usable = true
  private readonly configKeys = new WeakMap<ResolvedConfig, string>()

  constructor(
    cwd: string,
    private readonly version: string
  ) {
    const root = path.join(cwd, cacheFolderName)
    this.folder = path.join(root, `v${layout}-${version}`)
    try {
      if (!isFolder(root)) rmSync(root, {force: true, recursive: true})
      mkdirSync(this.folder, {recursive: true})
      // Entries of other copydesk versions can never match again.
      for (const name of readdirSync(root)) {
        if (name !== path.basename(this.folder)) rmSync(path.join(root, name), {force: true, recursive: true})
      }
    } catch {
      // A cache that cannot be set up only costs speed.
      this.usable = false
    }
  }

  /** The entry name for these bytes under this config. */
  key(bytes: Uint8Array, format: Format, config: ResolvedConfig): string {
    let configKey = this.configKeys.get(config)
    if (configKey === undefined) {
      configKey = stableStringify(config.rules)
      this.configKeys.set(config, configKey)
    }
    return createHash('sha256').update(`${this.version}\0${format}\0${configKey}\0`).update(bytes).digest('hex')
  }

  get(key: string): TaskResult | undefined {
    if (!this.usable) return undefined
    const file = this.entryPath(key)
    try {
      // A missing entry is the common case of a cold cache: asking first is cheaper than the
      // exception a failed read throws.
      const entry = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as unknown) : undefined
      if (isResult(entry)) {
        this.hits++
        return entry
      }
    } catch {
      // Missing or damaged: lint the file again.
    }
    this.misses++
    return undefined
  }

  /** Where the entry for `key` is stored (see `storeEntry`); undefined when the cache is not usable. */
  entryFor(key: string): string | undefined {
    return this.usable ? this.entryPath(key) : undefined
  }

  private entryPath(key: string): string {
    return path.join(this.folder, key.slice(0, 2), `${key.slice(2)}.json`)
  }
}

/** Entry folders this thread has made (one per first two characters of a key). */
const madeFolders = new Set<string>()

/**
 * Stores a file's report as the cache entry `file` (`ReportCache.entryFor`), written whole or not
 * at all. Run by the thread that linted the file.
 */
export function storeEntry(file: string, result: TaskResult): void {
  // Failures (fixes not written) depend on more than the bytes, so they are linted again.
  if (result.failed) return
  const temporary = `${file}.${process.pid}.${threadId}.${Math.random().toString(36).slice(2)}.tmp`
  try {
    const folder = path.dirname(file)
    if (!madeFolders.has(folder)) {
      mkdirSync(folder, {recursive: true})
      madeFolders.add(folder)
    }
    // Findings linted in this thread are the engine's VFileMessages: stored as plain data.
    writeFileSync(temporary, JSON.stringify({...toPlainResult(result), stderr: ''}))
    renameSync(temporary, file)
  } catch {
    // A cache that cannot be written only costs speed.
    rmSync(temporary, {force: true})
  }
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory()
  } catch (error) {
    // Nothing there yet is fine: it is created next.
    return (error as NodeJS.ErrnoException).code === 'ENOENT'
  }
}

function isResult(value: unknown): value is TaskResult {
  if (typeof value !== 'object' || value === null) return false
  const entry = value as Record<string, unknown>
  return (
    typeof entry.format === 'string' &&
    Array.isArray(entry.messages) &&
    entry.messages.every(
      (message) => typeof message === 'object' && message !== null && typeof (message as {reason?: unknown}).reason === 'string'
    ) &&
    typeof entry.metrics === 'object' &&
    entry.metrics !== null &&
    entry.failed === false
  )
}

/** JSON with object keys sorted, so equal settings give equal keys whatever order they were merged in. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>
    return `{${Object.keys(record)
      .sort()
      .filter((key) => record[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${stableStringify(record[key])}`)
      .join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}
