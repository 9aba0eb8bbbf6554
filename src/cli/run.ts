import {existsSync} from 'node:fs'
import path from 'node:path'
import {createTwoFilesPatch} from 'diff'
import {VFile} from 'vfile'
import {ConfigError, ConfigResolver, applyRules, preset, resolveConfigFile, type ResolvedConfig} from '../config/load.js'
import {formatOf} from '../engine/format.js'
import {lintText, severityOf, type FileReport} from '../engine/lint.js'
import {decode, encode, readText} from '../engine/read.js'
import {writeAtomically} from '../engine/write.js'
import {source} from '../kit/report.js'
import {measureTree} from '../metrics/index.js'
import {rules} from '../registry.js'
import {interactiveFormats, reporters} from '../reporters/index.js'
import {toolInfo} from '../reporters/tool.js'
import {BaselineError} from '../baseline.js'
import {parseCli, usage, UsageError, type CliOptions} from './args.js'
import {readBaselineOption, settleBaseline} from './baseline.js'
import {expandPaths} from './files.js'
import {createProgress} from './progress.js'

/** Where the CLI writes; tests and the server can capture it. */
export interface Io {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly stdin: () => Promise<string | Uint8Array>
  readonly cwd: string
  /** stderr is a terminal a person is watching (not CI): progress may be shown there. */
  readonly interactive?: boolean
}

export type Command = (argv: readonly string[], io: Io) => Promise<number>

/** Sub-commands by name; everything else is a lint run. */
export const commands: Record<string, Command> = {
  rules: async (_argv, io) => {
    const width = Math.max(...rules.map((rule) => rule.meta.id.length))
    for (const rule of rules) {
      const state = rule.meta.recommended ? rule.meta.severity : 'off'
      io.stdout(`${rule.meta.id.padEnd(width)}  ${state.padEnd(7)}  ${rule.meta.fixable ? 'fixable  ' : '         '}${rule.meta.description}\n`)
    }
    return 0
  },
  // Loaded on demand: a lint run should not pay for the language-server libraries.
  lsp: async (argv) => (await import('../lsp/server.js')).lspCommand(argv)
}

/** A report for a file that could not be linted: one fatal message, no metrics worth reading. */
function failedReport(filePath: string, reason: string): FileReport {
  const file = new VFile({path: filePath})
  const message = file.message(reason, {source})
  message.fatal = true
  return {path: filePath, format: formatOf(filePath), messages: [message], metrics: measureTree({type: 'RootNode', children: []})}
}

function configFor(options: CliOptions, cwd: string): (folder: string) => ResolvedConfig {
  if (options.noConfig || options.config !== undefined) {
    const base = options.config === undefined ? {rules: preset('recommended'), files: []} : resolveConfigFile(path.resolve(cwd, options.config))
    const settings = {...base.rules}
    applyRules(settings, options.rules)
    const resolved: ResolvedConfig = {rules: settings, files: base.files}
    return () => resolved
  }
  const resolver = new ConfigResolver(existsSync, options.rules)
  return (folder) => resolver.forFolder(folder)
}

interface RunState {
  failed: boolean
}

async function lintOne(
  filePath: string,
  read: Promise<ReturnType<typeof decode>>,
  options: CliOptions,
  config: (folder: string) => ResolvedConfig,
  io: Io,
  state: RunState
): Promise<FileReport> {
  const display = path.relative(io.cwd, filePath) || filePath
  const result = await read
  if (!result.ok) {
    state.failed = true
    return failedReport(display, result.reason)
  }
  const resolved = config(path.dirname(filePath))
  const report = lintText({text: result.text, path: display, config: resolved, fix: options.fix || options.fixDryRun})
  // A file the engine could not parse is unreadable input, not a finding.
  if (report.messages.some((message) => message.fatal === true && !message.ruleId)) state.failed = true
  if (result.latin1) {
    const file = new VFile({path: display})
    const note = file.message('File is not valid UTF-8: read as Latin-1', {source})
    note.fatal = undefined
    report.messages.unshift(note)
  }
  if (report.output !== undefined && options.fixDryRun) {
    io.stderr(createTwoFilesPatch(display, display, result.text, report.output, '', '', {context: 1}))
  } else if (report.output !== undefined && options.fix && filePath !== '-') {
    try {
      await writeAtomically(filePath, encode(report.output, result.encoding), result.bytes ? {expected: result.bytes} : {})
    } catch (error) {
      state.failed = true
      const file = new VFile({path: display})
      const message = file.message(`Fixes not written, file left as it was: ${(error as Error).message}`, {source})
      message.fatal = true
      report.messages.unshift(message)
    }
  }
  return report
}

/** The lint run: expand paths, lint each file, report, and return the exit code. */
export async function lintCommand(options: CliOptions, io: Io): Promise<number> {
  const config = configFor(options, io.cwd)
  const baseline = readBaselineOption(options, io.cwd)
  const state: RunState = {failed: false}
  const reports: FileReport[] = []
  const paths = options.paths.length > 0 ? options.paths : ['.']
  const stdinAt = paths.indexOf('-')
  if (stdinAt !== -1) {
    const name = options.stdinFilename ?? '<stdin>'
    const input = await io.stdin()
    const read = Promise.resolve(typeof input === 'string' ? ({ok: true, text: input, latin1: false} as const) : decode(input))
    const report = await lintOne(path.resolve(io.cwd, name), read, options, config, io, state)
    reports.push({...report, path: options.stdinFilename ?? '<stdin>'})
  }
  const {files, unmatched} = await expandPaths(
    paths.filter((value) => value !== '-'),
    io.cwd
  )
  for (const missing of unmatched) {
    state.failed = true
    reports.push(failedReport(missing, `No files matching \`${missing}\``))
  }
  const progress = createProgress(io.stderr, {
    enabled: io.interactive === true && interactiveFormats.has(options.format) && !options.fixDryRun,
    total: files.length,
    ...(process.stderr.columns === undefined ? {} : {columns: process.stderr.columns})
  })
  for (const file of files) {
    reports.push(await lintOne(file, readText(file), options, config, io, state))
    progress.tick(path.relative(io.cwd, file))
  }
  progress.done()
  const current = await settleBaseline(options, baseline, reports, io)

  const shown = options.quiet
    ? current.map((report) => ({...report, messages: report.messages.filter((message) => message.fatal === true)}))
    : current
  const reporter = reporters[options.format]
  if (!reporter) throw new UsageError(`unknown format ${options.format}`)
  io.stdout(reporter(shown, {color: options.color, quiet: options.quiet, cwd: io.cwd}))

  if (state.failed) return 2
  let errors = 0
  let warnings = 0
  for (const report of current) {
    for (const message of report.messages) {
      const severity = severityOf(message)
      if (severity === 'error') errors++
      else if (severity === 'warning') warnings++
    }
  }
  if (errors > 0) return 1
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.stderr(`copydesk: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`)
    return 1
  }
  return 0
}

/** The whole CLI: never throws; internal errors print a short message (the stack with --debug). */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const debug = argv.includes('--debug')
  try {
    const [first, ...rest] = argv
    if (first !== undefined) {
      const command = commands[first]
      if (command) return await command(rest, io)
    }
    const options = parseCli(argv)
    if (options.help) {
      io.stdout(`${usage}\n`)
      return 0
    }
    if (options.version) {
      io.stdout(`${toolInfo().version}\n`)
      return 0
    }
    return await lintCommand(options, io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`copydesk: ${error.message}\n\n${usage}\n`)
      return 2
    }
    if (error instanceof BaselineError) {
      io.stderr(`copydesk: ${error.message}\n`)
      return 2
    }
    if (error instanceof ConfigError) {
      io.stderr(`copydesk: bad config: ${error.message}\n`)
      return 2
    }
    io.stderr(`copydesk: internal error: ${(error as Error).message ?? String(error)}\n`)
    if (debug) io.stderr(`${(error as Error).stack ?? ''}\n`)
    else io.stderr('Run again with --debug for details.\n')
    return 2
  }
}
