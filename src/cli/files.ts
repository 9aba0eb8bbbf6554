import {existsSync, readFileSync, type Stats, statSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import type FastGlob from 'fast-glob'
import type ignoreFactory from 'ignore'
import type {Ignore} from 'ignore'
import {extensions} from '../engine/format.js'

// fast-glob and ignore are CommonJS, and required as such. Imported from an ES module, Node 20
// first runs its JavaScript lexer over each CommonJS file to find its exports: with fast-glob's
// modules and ignore's 50 kB that lexer got hot enough to be optimised twice, and finding the
// BBC corpus's 2,225 files took about 210 ms of CPU instead of about 80.
const require = createRequire(import.meta.url)

export const ignoreFileName = '.lintignore'
const walkedExtensions = Object.keys(extensions).map((extension) => extension.slice(1))

export interface Expansion {
  /** Absolute paths of the files to lint, sorted, without duplicates. */
  readonly files: string[]
  /** Arguments that matched nothing. */
  readonly unmatched: string[]
}

/** Escapes glob syntax in a literal path. */
function literal(value: string): string {
  return value.replace(/\\/g, '/').replace(/[*?[\]{}()!]/g, '\\$&')
}

/**
 * Turns paths, directories and globs into files: directories are walked for the formats copydesk
 * reads; `.lintignore` files (gitignore syntax) apply, the nearest one to a file deciding.
 */
export async function expandPaths(args: readonly string[], cwd: string): Promise<Expansion> {
  const files = new Set<string>()
  const unmatched: string[] = []
  const ignored = new LintIgnore()
  for (const arg of args) {
    const absolute = path.resolve(cwd, arg)
    // One stat per argument: a run may name thousands of files.
    const stats = statOf(absolute)
    const pattern = stats?.isDirectory()
      ? `${literal(path.relative(cwd, absolute) || '.')}/**/*.{${walkedExtensions.join(',')}}`
      : arg
    // fast-glob is loaded only for a directory or a glob: naming files (a pre-publish check of one
    // article, an editor) should not pay for loading it.
    const found =
      stats && !stats.isDirectory()
        ? [absolute]
        : await (require('fast-glob') as typeof FastGlob)(pattern, {
            cwd,
            absolute: true,
            dot: false,
            ignore: ['**/node_modules/**', '**/.git/**']
          })
    const kept = found.filter((file) => !ignored.ignores(file))
    if (kept.length === 0 && found.length === 0) unmatched.push(arg)
    for (const file of kept) files.add(path.normalize(file))
  }
  return {files: [...files].sort(), unmatched}
}

/** What is at `file`, or `undefined` when nothing can be read there (as `existsSync` would say). */
function statOf(file: string): Stats | undefined {
  try {
    return statSync(file, {throwIfNoEntry: false})
  } catch {
    return undefined
  }
}

/** `.lintignore` files from a file's folder up to the filesystem root; the nearest that decides wins. */
class LintIgnore {
  private readonly perFolder = new Map<string, Ignore | null>()

  private rulesIn(folder: string): Ignore | null {
    let rules = this.perFolder.get(folder)
    if (rules === undefined) {
      const file = path.join(folder, ignoreFileName)
      rules = existsSync(file) ? (require('ignore') as typeof ignoreFactory)().add(readFileSync(file, 'utf8')) : null
      this.perFolder.set(folder, rules)
    }
    return rules
  }

  ignores(file: string): boolean {
    let folder = path.dirname(file)
    for (;;) {
      const rules = this.rulesIn(folder)
      if (rules) {
        const relative = path.relative(folder, file).split(path.sep).join('/')
        const verdict = rules.test(relative)
        if (verdict.ignored) return true
        if (verdict.unignored) return false
      }
      const parent = path.dirname(folder)
      if (parent === folder) return false
      folder = parent
    }
  }
}
