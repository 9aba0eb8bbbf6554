import {readFileSync} from 'node:fs'
import path from 'node:path'
import type {ErrorObject, ValidateFunction} from 'ajv'
import {patternFormat, patternProblem} from '../kit/patterns.js'
import {type ActiveSeverity, type Severity, severities} from '../kit/types.js'
import {rules, rulesById} from '../registry.js'
import {ConfigError} from './error.js'
import {loadValidator} from './validator.js'

export const configFileName = '.lintrc.json'

/** A rule as configured: how severe, and its full options (defaults filled in). */
export interface RuleSetting {
  readonly severity: Severity
  readonly options: Readonly<Record<string, unknown>>
}

export interface ResolvedConfig {
  readonly rules: Readonly<Record<string, RuleSetting>>
  /** Config files that went into it, nearest last. */
  readonly files: readonly string[]
}

/** A rule entry as written: a severity, or `[severity, options]`. */
export type RuleEntry = Severity | [Severity] | [Severity, Record<string, unknown>]

export interface ConfigFile {
  $schema?: string
  root?: boolean
  extends?: string | string[]
  rules?: Record<string, RuleEntry>
}

export {ConfigError}

let validator: ValidateFunction | undefined
function validate(value: unknown): ErrorObject[] {
  // Loaded when the first config file is validated: most runs (no config file, --version, a
  // worker thread) never need it.
  validator ??= loadValidator()
  return validator(value) ? [] : (validator.errors ?? [])
}

/** `/rules/readability/1/targetGrade` → `rules.readability[1].targetGrade`. */
function keyPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((done, part) => (/^\d+$/.test(part) ? `${done}[${part}]` : done ? `${done}.${part}` : part), '')
}

/** The one error a person should read first: the deepest, most specific one. */
function explain(file: string, errors: readonly ErrorObject[], value: unknown): ConfigError {
  // In an `anyOf`, a branch whose `type` does not fit the value says nothing useful
  // (`"warn"` is not an array); keep the errors of the branches the value could have meant.
  const misfits = errors
    .filter((error) => error.keyword === 'type' && /\/anyOf\/\d+\/type$/.test(error.schemaPath))
    .map((error) => error.schemaPath.replace(/type$/, ''))
  const relevant = errors.filter(
    (error) => error.keyword !== 'anyOf' && !misfits.some((prefix) => error.schemaPath.startsWith(prefix))
  )
  const rank = (error: ErrorObject): number =>
    error.instancePath.split('/').length * 10 +
    (error.keyword === 'additionalProperties' ? 3 : error.keyword === 'enum' ? 2 : error.keyword === 'anyOf' ? 0 : 1)
  // Every branch misfits: the `anyOf` itself is the error.
  const candidates = relevant.length > 0 ? relevant : errors.filter((error) => error.keyword === 'anyOf')
  const best = [...(candidates.length > 0 ? candidates : errors)].sort((a, b) => rank(b) - rank(a))[0]
  if (!best) return new ConfigError(file, '', 'invalid configuration')
  let at = keyPath(best.instancePath)
  let expected = best.message ?? 'invalid value'
  const ruleEntry = /^\/rules\/[^/]+$/.test(best.instancePath)
  if (best.keyword === 'additionalProperties') {
    const key = String((best.params as {additionalProperty?: unknown}).additionalProperty)
    at = at ? `${at}.${key}` : key
    expected =
      at.startsWith('rules.') && at.split('.').length === 2
        ? `unknown rule \`${key}\` (see \`copydesk rules\`)`
        : `unknown ${at.startsWith('rules.') ? 'option' : 'key'} \`${key}\``
  } else if (best.keyword === 'format' && (best.params as {format?: unknown}).format === patternFormat) {
    const text = valueAt(value, best.instancePath)
    expected = (typeof text === 'string' && patternProblem(text)) || 'invalid pattern'
  } else if (ruleEntry) {
    expected = `expected a severity (${severities.map((v) => JSON.stringify(v)).join(', ')}) or [severity, options]`
  } else if (best.keyword === 'enum') {
    expected = `expected one of ${(best.params as {allowedValues: unknown[]}).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`
  } else if (best.keyword === 'anyOf' && best.instancePath === '/extends') {
    expected = 'expected "copydesk:recommended", "copydesk:strict", a relative path, or a list of them'
  } else {
    expected = `expected: ${expected}`
  }
  return new ConfigError(file, at, expected)
}

const readProblems: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder'
}

function readProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  return (code && readProblems[code]) ?? (error as Error).message ?? String(error)
}

/** Reads and validates one config file. */
export function readConfigFile(file: string): ConfigFile {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new ConfigError(file, '', `cannot read config: ${readProblem(error)}`)
  }
  let value: unknown
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new ConfigError(file, '', `broken JSON: ${jsonPosition(text, (error as Error).message)}`)
  }
  checkConfig(file, value)
  return value as ConfigFile
}

/** Validates a config object (from a file, the API or an HTTP request). */
export function checkConfig(origin: string, value: unknown): asserts value is ConfigFile {
  const errors = validate(value)
  if (errors.length > 0) throw explain(origin, errors, value)
}

/** The value at a JSON pointer. */
function valueAt(value: unknown, pointer: string): unknown {
  let current = value
  for (const part of pointer.split('/').slice(1)) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')]
  }
  return current
}

/** Turns V8's "at position N" into a line and column a person can go to. */
function jsonPosition(text: string, message: string): string {
  const at = /position (\d+)/.exec(message)
  if (!at?.[1]) return message
  const offset = Number(at[1])
  const before = text.slice(0, offset).split('\n')
  const line = before.length
  const column = (before[before.length - 1]?.length ?? 0) + 1
  return `${message.replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)/, '')} at line ${line}, column ${column}`
}

/** Rule settings from the built-in defaults: `copydesk:recommended` or `copydesk:strict`. */
export function preset(name: 'recommended' | 'strict'): Record<string, RuleSetting> {
  const settings: Record<string, RuleSetting> = {}
  for (const rule of rules) {
    const on = name === 'strict' || rule.meta.recommended
    settings[rule.meta.id] = {severity: on ? rule.meta.severity : 'off', options: {...rule.meta.defaults}}
  }
  return settings
}

function entrySeverity(entry: RuleEntry): Severity {
  return Array.isArray(entry) ? entry[0] : entry
}

/** Applies config entries over settings: a severity keeps the options; options merge over earlier ones. */
export function applyRules(settings: Record<string, RuleSetting>, entries: Readonly<Record<string, RuleEntry>>): void {
  for (const [id, entry] of Object.entries(entries)) {
    const previous = settings[id] ?? {severity: 'off' as Severity, options: {...rulesById.get(id)?.meta.defaults}}
    const options = Array.isArray(entry) && entry[1] ? {...previous.options, ...entry[1]} : previous.options
    settings[id] = {severity: entrySeverity(entry), options}
  }
}

/** Where a config file is named: the file and key that extend it, when one does. */
interface Via {
  readonly origin: string
  readonly key: string
  readonly written: string
}

/** A path as a person reads it in a message: relative to the working folder when under it. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file)
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file
}

/**
 * Resolves one config file over its `extends` chain into settings (mutates `settings`). `chain` is
 * the files being resolved, outermost first: a file may be extended twice (by two configs, or twice
 * in one list) but never by itself.
 */
function applyFile(file: string, settings: Record<string, RuleSetting>, chain: string[], files: string[], via?: Via): ConfigFile {
  if (chain.includes(file)) {
    const loop = [...chain.slice(chain.indexOf(file)), file].map(shown).join(' → ')
    throw new ConfigError(via?.origin ?? file, via?.key ?? 'extends', `circular extends: ${loop}`)
  }
  let config: ConfigFile
  try {
    config = readConfigFile(file)
  } catch (error) {
    // A missing or unreadable base is the extending file's mistake: name it and the key.
    if (via && error instanceof ConfigError && error.keyPath === '' && error.expected.startsWith('cannot read config')) {
      throw new ConfigError(
        via.origin,
        via.key,
        `cannot read \`${via.written}\` (${file}): ${error.expected.replace(/^cannot read config: /, '')}`
      )
    }
    throw error
  }
  chain.push(file)
  applyConfig(config, path.dirname(file), file, settings, chain, files)
  chain.pop()
  if (!files.includes(file)) files.push(file)
  return config
}

function applyConfig(
  config: ConfigFile,
  folder: string,
  origin: string,
  settings: Record<string, RuleSetting>,
  chain: string[],
  files: string[]
): void {
  const bases = config.extends === undefined ? [] : Array.isArray(config.extends) ? config.extends : [config.extends]
  bases.forEach((base, index) => {
    const key = Array.isArray(config.extends) ? `extends[${index}]` : 'extends'
    if (base === 'copydesk:recommended' || base === 'copydesk:strict') {
      Object.assign(settings, preset(base === 'copydesk:strict' ? 'strict' : 'recommended'))
    } else if (base.startsWith('.') || path.isAbsolute(base)) {
      applyFile(path.resolve(folder, base), settings, chain, files, {origin, key, written: base})
    } else {
      throw new ConfigError(origin, key, `expected "copydesk:recommended", "copydesk:strict" or a relative path, got \`${base}\``)
    }
  })
  if (config.rules) applyRules(settings, config.rules)
}

/** Settings from a config object given in code (library API, HTTP request), over the defaults. */
export function resolveConfigObject(config: unknown, origin = 'config', folder = process.cwd()): ResolvedConfig {
  checkConfig(origin, config)
  const settings = preset('recommended')
  const files: string[] = []
  applyConfig(config, folder, origin, settings, [], files)
  return {rules: settings, files}
}

/** Settings from one config file (`--config FILE`). */
export function resolveConfigFile(file: string): ResolvedConfig {
  const settings = preset('recommended')
  const files: string[] = []
  applyFile(path.resolve(file), settings, [], files)
  return {rules: settings, files}
}

export const defaultConfig: ResolvedConfig = {rules: preset('recommended'), files: []}

/** The `.lintrc.json` files that apply in `folder`: from the farthest (or a `root`) down to the nearest. */
export function findConfigFiles(folder: string, exists: (file: string) => boolean): string[] {
  const found: string[] = []
  let current = path.resolve(folder)
  for (;;) {
    const candidate = path.join(current, configFileName)
    if (exists(candidate)) found.unshift(candidate)
    const parent = path.dirname(current)
    if (parent === current) break
    current = parent
  }
  return found
}

/** Finds and merges the config for files in each folder, caching per folder. */
export class ConfigResolver {
  private readonly cache = new Map<string, ResolvedConfig>()

  constructor(
    private readonly exists: (file: string) => boolean,
    private readonly overrides: Readonly<Record<string, RuleEntry>> = {}
  ) {}

  forFolder(folder: string): ResolvedConfig {
    const key = path.resolve(folder)
    let resolved = this.cache.get(key)
    if (!resolved) {
      const settings = preset('recommended')
      const files: string[] = []
      const chain = findConfigFiles(key, this.exists)
      // A `root` config ends the search upward: start from the nearest root.
      let first = 0
      const configs = chain.map((file) => readConfigFile(file))
      configs.forEach((config, index) => {
        if (config.root) first = index
      })
      for (const file of chain.slice(first)) applyFile(file, settings, [], files)
      applyRules(settings, this.overrides)
      resolved = {rules: settings, files}
      this.cache.set(key, resolved)
    }
    return resolved
  }
}

export function isActive(severity: Severity): severity is ActiveSeverity {
  return severity !== 'off'
}
