import {parseArgs} from 'node:util'
import type {RuleEntry} from '../config/load.js'
import {type Severity, severities} from '../kit/types.js'
import {reporters} from '../reporters/index.js'
import {parseShard, type Shard} from './shard.js'

/** Bad usage: the run stops with exit code 2 and this message. */
export class UsageError extends Error {
  override name = 'UsageError'
}

export interface CliOptions {
  readonly paths: string[]
  readonly format: string
  readonly config?: string
  readonly noConfig: boolean
  readonly rules: Record<string, RuleEntry>
  readonly stdinFilename?: string
  readonly fix: boolean
  readonly fixDryRun: boolean
  readonly quiet: boolean
  readonly maxWarnings?: number
  readonly color: boolean
  readonly debug: boolean
  /** Files linted at once, each in a worker thread (1: in this thread); absent: one per core. */
  readonly jobs?: number
  /** Reuse reports of unchanged files from `.copydesk-cache`. */
  readonly cache: boolean
  readonly shard?: Shard
  readonly help: boolean
  readonly version: boolean
  /** Report only findings not in this baseline file. */
  readonly baseline?: string
  /** Write every current finding to this baseline file. */
  readonly writeBaseline?: string
}

export const usage = `Usage: copydesk [options] [paths, globs or - ...]
       copydesk rules
       copydesk serve [--host HOST] [--port N]   (HTTP service and editor page; see serve --help)

Lints news articles (.txt, .md, .markdown, .html, .htm) for unattributed claims, loaded wording,
stray page furniture and readability.

Options:
  --format NAME          ${Object.keys(reporters).join(', ')} (default: stylish)
  --config FILE          use this config file instead of looking for .lintrc.json
  --no-config            built-in defaults only
  --rule ID=SEVERITY     set a rule's severity (off, info, warning, error); repeatable
  --stdin-filename NAME  name (and so format) of the text read from -
  --fix                  apply safe fixes in place
  --fix-dry-run          show what --fix would change, change nothing
  --quiet                report errors only
  --max-warnings N       fail when there are more than N warnings
  --baseline FILE        report only findings that are not in FILE
  --write-baseline FILE  record every current finding in FILE (then report none of them)
  --color, --no-color    force colour on or off
  --jobs N               lint N files at once (default: one per core)
  --cache                skip unchanged files, using .copydesk-cache
  --shard I/N            lint only the I-th of N parts of the files (for CI matrices)
  --debug                show stack traces of internal errors
  -h, --help             show this help
  -v, --version          show the version

Exit codes: 0 no errors, 1 errors or too many warnings, 2 the run failed.`

function parseRule(value: string, rulesById: ReadonlyMap<string, unknown>): [string, Severity] {
  const match = /^([a-z0-9-]+)=([a-z]+)$/.exec(value.trim())
  if (!match?.[1] || !match[2]) throw new UsageError(`--rule expects ID=SEVERITY, got \`${value}\``)
  if (!rulesById.has(match[1])) throw new UsageError(`--rule: unknown rule \`${match[1]}\` (see \`copydesk rules\`)`)
  if (!(severities as readonly string[]).includes(match[2])) {
    throw new UsageError(`--rule ${match[1]}: unknown severity \`${match[2]}\`, expected ${severities.join(', ')}`)
  }
  return [match[1], match[2] as Severity]
}

/** node's own parser, with its errors turned into usage errors (exit 2). */
function parseFlags(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: {type: 'string', short: 'f'},
        config: {type: 'string', short: 'c'},
        'no-config': {type: 'boolean'},
        rule: {type: 'string', multiple: true},
        'stdin-filename': {type: 'string'},
        fix: {type: 'boolean'},
        'fix-dry-run': {type: 'boolean'},
        quiet: {type: 'boolean', short: 'q'},
        'max-warnings': {type: 'string'},
        color: {type: 'boolean'},
        'no-color': {type: 'boolean'},
        debug: {type: 'boolean'},
        jobs: {type: 'string', short: 'j'},
        cache: {type: 'boolean'},
        shard: {type: 'string'},
        help: {type: 'boolean', short: 'h'},
        version: {type: 'boolean', short: 'v'},
        baseline: {type: 'string'},
        'write-baseline': {type: 'string'}
      }
    })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

/** Parses the command line. Async only to load the rule registry when `--rule` needs its ids. */
export async function parseCli(argv: readonly string[]): Promise<CliOptions> {
  const parsed = parseFlags(argv)
  const values = parsed.values
  const format = values.format ?? 'stylish'
  if (!Object.hasOwn(reporters, format)) {
    throw new UsageError(`--format: unknown format \`${format}\`, expected one of ${Object.keys(reporters).join(', ')}`)
  }
  let maxWarnings: number | undefined
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings'])
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) {
      throw new UsageError(`--max-warnings expects a whole number, got \`${values['max-warnings']}\``)
    }
  }
  let jobs: number | undefined
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs)
    if (!/^\d+$/.test(values.jobs.trim()) || !Number.isInteger(jobs) || jobs < 1) {
      throw new UsageError(`--jobs expects a whole number of at least 1, got \`${values.jobs}\``)
    }
  }
  const shard = values.shard === undefined ? undefined : parseShard(values.shard)
  if (typeof shard === 'string') throw new UsageError(shard)
  if (values.config !== undefined && values['no-config']) throw new UsageError('--config and --no-config cannot be used together')
  const rules: Record<string, RuleEntry> = {}
  const ruleValues = values.rule ?? []
  const known = ruleValues.length > 0 ? (await import('../registry.js')).rulesById : new Map<string, unknown>()
  for (const value of ruleValues) {
    const [id, severity] = parseRule(value, known)
    rules[id] = severity
  }
  return {
    paths: parsed.positionals,
    format,
    ...(values.config === undefined ? {} : {config: values.config}),
    noConfig: values['no-config'] ?? false,
    rules,
    ...(values['stdin-filename'] === undefined ? {} : {stdinFilename: values['stdin-filename']}),
    fix: values.fix ?? false,
    fixDryRun: values['fix-dry-run'] ?? false,
    quiet: values.quiet ?? false,
    ...(maxWarnings === undefined ? {} : {maxWarnings}),
    color: values['no-color'] ? false : (values.color ?? (process.stdout.isTTY === true && !process.env.NO_COLOR)),
    debug: values.debug ?? false,
    ...(jobs === undefined ? {} : {jobs}),
    cache: values.cache ?? false,
    ...(shard === undefined ? {} : {shard}),
    help: values.help ?? false,
    version: values.version ?? false,
    ...(values.baseline === undefined ? {} : {baseline: values.baseline}),
    ...(values['write-baseline'] === undefined ? {} : {writeBaseline: values['write-baseline']})
  }
}
