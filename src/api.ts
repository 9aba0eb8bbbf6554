import {existsSync} from 'node:fs'
import path from 'node:path'
import {ConfigResolver, defaultConfig, type ResolvedConfig, resolveConfigObject} from './config/load.js'
import {isFormat} from './engine/format.js'
import {type FileReport, lintText} from './engine/lint.js'
import {readText} from './engine/read.js'
import type {Format} from './kit/types.js'
import type {Metrics} from './metrics/index.js'
import {type JsonMessage, toJsonMessage} from './reporters/json.js'

export interface LintOptions {
  /** `txt`, `md` or `html` (default: from `path`, else `txt`). */
  readonly format?: Format
  /** A config object in `.lintrc.json` form, over the built-in defaults. */
  readonly config?: unknown
  /** Shown in messages; picks the format when `format` is not given. */
  readonly path?: string
  /** Apply safe fixes and return the fixed text as `fixed`. */
  readonly fix?: boolean
}

/** What the library, the HTTP service and the JSON report all give for one text. */
export interface LintReport {
  readonly path: string
  readonly messages: JsonMessage[]
  readonly metrics: Metrics
  readonly fixed?: string
}

export function toLintReport(report: FileReport): LintReport {
  return {
    path: report.path,
    messages: report.messages.map(toJsonMessage),
    metrics: report.metrics,
    ...(report.output === undefined ? {} : {fixed: report.output})
  }
}

export interface Linter {
  lint(text: string, options?: Omit<LintOptions, 'config'>): Promise<LintReport>
  lintFile(file: string, options?: {readonly fix?: boolean}): Promise<LintReport>
}

/**
 * A linter with a fixed configuration (compiled once, reused for every text): `config` in
 * `.lintrc.json` form; without it, texts use the defaults and files their nearest `.lintrc.json`.
 */
export function createLinter(options: {readonly config?: unknown; readonly cwd?: string} = {}): Linter {
  const cwd = options.cwd ?? process.cwd()
  const fixed: ResolvedConfig | undefined =
    options.config === undefined ? undefined : resolveConfigObject(options.config, 'config', cwd)
  const resolver = new ConfigResolver(existsSync)
  return {
    async lint(text, lintOptions = {}) {
      if (lintOptions.format !== undefined && !isFormat(lintOptions.format)) {
        throw new TypeError(`Unknown format \`${String(lintOptions.format)}\`: expected txt, md or html`)
      }
      const report = lintText({
        text,
        config: fixed ?? defaultConfig,
        ...(lintOptions.format === undefined ? {} : {format: lintOptions.format}),
        ...(lintOptions.path === undefined ? {} : {path: lintOptions.path}),
        ...(lintOptions.fix ? {fix: true} : {})
      })
      return toLintReport(report)
    },
    async lintFile(file, fileOptions = {}) {
      const absolute = path.resolve(cwd, file)
      const read = await readText(absolute)
      if (!read.ok) throw new Error(`${file}: ${read.reason}`)
      const config = fixed ?? resolver.forFolder(path.dirname(absolute))
      return toLintReport(lintText({text: read.text, path: file, config, ...(fileOptions.fix ? {fix: true} : {})}))
    }
  }
}

/** Lints a text with the built-in defaults, or with `options.config` over them. */
export async function lint(text: string, options: LintOptions = {}): Promise<LintReport> {
  const {config, ...rest} = options
  return createLinter(config === undefined ? {} : {config}).lint(text, rest)
}

/** Lints a file with the config found from its folder upward. */
export async function lintFile(file: string, options: {readonly fix?: boolean} = {}): Promise<LintReport> {
  return createLinter().lintFile(file, options)
}
