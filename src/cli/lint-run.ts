// The lint run, loaded by run.ts only when there is something to lint: `--version`, `--help` and
// `rules` never load the config loader, the file walker, the cache or the worker pool.
import {existsSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import path from 'node:path'
import {applyRules, ConfigResolver, preset, type ResolvedConfig, resolveConfigFile} from '../config/load.js'
import {formatOf} from '../engine/format.js'
import type {FileReport} from '../engine/lint.js'
import {readBytesSync} from '../engine/read.js'
import {tallyFindings} from '../engine/severity.js'
import {interactiveFormats, reporters} from '../reporters/index.js'
import {shownMessages, streamingFormats} from '../reporters/stream.js'
import {toolInfo} from '../reporters/tool.js'
import {type CliOptions, UsageError} from './args.js'
import {readBaselineOption, settleBaseline} from './baseline.js'
import {Batcher, batchSizeFor} from './batch.js'
import {ReportCache} from './cache.js'
import {expandPaths} from './files.js'
import {createRunner, type Runner} from './pool.js'
import {createProgress} from './progress.js'
import type {Io} from './run.js'
import {selectShard} from './shard.js'
import {failedResult, internalError, type TaskResult, toFileReport} from './task.js'

function configFor(options: CliOptions, cwd: string): (folder: string) => ResolvedConfig {
  if (options.noConfig || options.config !== undefined) {
    const base =
      options.config === undefined
        ? {rules: preset('recommended'), files: []}
        : resolveConfigFile(path.resolve(cwd, options.config))
    const settings = {...base.rules}
    applyRules(settings, options.rules)
    const resolved: ResolvedConfig = {rules: settings, files: base.files}
    return () => resolved
  }
  const resolver = new ConfigResolver(existsSync, options.rules)
  return (folder) => resolver.forFolder(folder)
}

/** Without `--jobs`, runs this small stay in one thread: starting workers would cost more than it saves. */
const smallRun = 16

/** The lint run: expand paths, lint the files (in worker threads), print each report as it is done, and return the exit code. */
export async function lintCommand(options: CliOptions, io: Io): Promise<number> {
  const config = configFor(options, io.cwd)
  const baseline = readBaselineOption(options, io.cwd)
  const entries: Entry[] = []
  const paths = options.paths.length > 0 ? options.paths : ['.']
  if (paths.includes('-')) {
    const input = await io.stdin()
    entries.push({
      display: options.stdinFilename ?? '<stdin>',
      folder: path.dirname(path.resolve(io.cwd, options.stdinFilename ?? '<stdin>')),
      bytes: typeof input === 'string' ? new TextEncoder().encode(input) : input
    })
  }
  const expansion = await expandPaths(
    paths.filter((value) => value !== '-'),
    io.cwd
  )
  for (const missing of expansion.unmatched) entries.push({display: missing, unmatched: true})
  const files = options.shard ? selectShard(expansion.files, options.shard, io.cwd) : expansion.files
  for (const file of files) entries.push({display: path.relative(io.cwd, file) || file, file, folder: path.dirname(file)})

  const fixing = options.fix || options.fixDryRun
  const cache = options.cache && !fixing ? new ReportCache(io.cwd, toolInfo().version) : undefined
  const lintable = entries.filter((entry) => !entry.unmatched).length
  const jobs = Math.min(options.jobs ?? (lintable < smallRun ? 1 : availableParallelism()), lintable)
  // Without a cache every file is linted, so the threads start now and load the engine while
  // configs are resolved; with one, on the first file not cached.
  const runner = createRunner(jobs, {start: cache === undefined})
  try {
    return await lintFiles(options, io, {entries, config, baseline, cache, lintable, jobs, runner})
  } finally {
    await runner.close()
  }
}

interface LintRun {
  readonly entries: readonly Entry[]
  readonly config: (folder: string) => ResolvedConfig
  readonly baseline: ReturnType<typeof readBaselineOption>
  readonly cache: ReportCache | undefined
  /** Entries that are files to lint (not arguments that matched nothing). */
  readonly lintable: number
  readonly jobs: number
  readonly runner: Runner
}

/** Lints every entry with `runner`, prints the reports and returns the exit code. */
async function lintFiles(
  options: CliOptions,
  io: Io,
  {entries, config, baseline, cache, lintable, jobs, runner}: LintRun
): Promise<number> {
  // Every config is resolved before the first file is linted, so a bad config stops the run
  // before any output, whatever the number of jobs.
  const configIds = new Map<ResolvedConfig, number>()
  const configs = entries.map((entry) => {
    if (entry.folder === undefined) return undefined
    const resolved = config(entry.folder)
    if (!configIds.has(resolved)) configIds.set(resolved, configIds.size)
    return resolved
  })
  const loadReporter = reporters[options.format]
  if (!loadReporter) throw new UsageError(`unknown format ${options.format}`)
  const reporter = await loadReporter()
  const reporterOptions = {color: options.color, quiet: options.quiet, cwd: io.cwd}
  // A baseline needs every report before it can tell new findings from known ones: no streaming then.
  const baselining = options.baseline !== undefined || options.writeBaseline !== undefined
  const streaming = baselining ? undefined : await streamingFormats[options.format]?.()
  const stream = streaming?.stream(reporterOptions)
  // Worker threads render each file's part of a streamed report and send the text, not every
  // message (with --cache, they store the messages themselves).
  const render = stream ? {format: options.format, color: options.color, quiet: options.quiet} : undefined
  const batcher = new Batcher(runner, (order) => batchSizeFor(entries.length - order, jobs), render)

  const lintEntry = async (entry: Entry, resolved: ResolvedConfig | undefined, order: number): Promise<TaskResult> => {
    if (entry.unmatched || !resolved) return failedResult(entry.display, `No files matching \`${entry.display}\``)
    let bytes = entry.bytes
    // Only the cache needs the bytes here (its key is their hash); otherwise the task reads the file.
    // Read synchronously: for files this small, `fs.promises.readFile` cost this thread about ten
    // times the CPU (about 200 ms against 20 ms for the BBC corpus's 2,225 files).
    if (!bytes && cache) {
      const read = readBytesSync(entry.file ?? entry.display)
      if (!read.ok) return failedResult(entry.display, read.reason)
      bytes = read.bytes
    }
    const key = cache && bytes && entry.file !== undefined ? cache.key(bytes, formatOf(entry.display), resolved) : undefined
    const cached = key === undefined ? undefined : cache?.get(key)
    if (cached) return cached
    const cacheEntry = key === undefined ? undefined : cache?.entryFor(key)
    try {
      return await batcher.add(
        {
          ...(entry.file === undefined ? {} : {file: entry.file}),
          display: entry.display,
          ...(bytes === undefined ? {} : {bytes}),
          configId: configIds.get(resolved) ?? 0,
          config: resolved,
          fix: options.fix,
          fixDryRun: options.fixDryRun,
          // Only the HTML report shows the text; other formats should not carry it between threads.
          keepText: options.format === 'html',
          ...(cacheEntry === undefined ? {} : {cacheEntry})
        },
        order
      )
    } catch (error) {
      return internalError(entry.display, error)
    }
  }

  const progress = createProgress(io.stderr, {
    enabled: io.interactive === true && interactiveFormats.has(options.format) && !options.fixDryRun,
    total: lintable,
    ...(process.stderr.columns === undefined ? {} : {columns: process.stderr.columns})
  })
  // A streamed report is printed and dropped (only its counts stay), so memory stays flat in the
  // number of files; the other formats need every report at the end.
  const collected: FileReport[] = []
  const tally = {errors: 0, warnings: 0}
  let failed = false

  // Files are linted ahead of the one being printed, but never more than `ahead` of it: reports
  // come out in order and only a window of files is in memory at once. The window holds about
  // two batches per thread, so a thread has its next batch before it finishes the one in hand.
  const ahead = Math.max(8, jobs * 4, batchSizeFor(entries.length, jobs) * (jobs * 2 + 1))
  const pending: Array<Promise<TaskResult> | undefined> = []
  let started = 0
  try {
    for (let index = 0; index < entries.length; index++) {
      for (; started < entries.length && started <= index + ahead; started++) {
        const entry = entries[started]
        if (entry) pending[started] = lintEntry(entry, configs[started], started)
      }
      // The printer waits for this file next: it goes out now if its batch is not full yet. Once
      // every file is queued, the last batch goes out whatever its size.
      batcher.need(index)
      if (started >= entries.length) batcher.flush()
      const entry = entries[index]
      const result = await pending[index]
      pending[index] = undefined
      if (!entry || !result) continue
      if (result.failed) failed = true
      if (result.stderr) io.stderr(result.stderr)
      if (!entry.unmatched) progress.tick(entry.display)
      if (stream && streaming) {
        // Rendered by the worker thread, or here for a file linted in this thread (or failed).
        const rendered = result.rendered ?? streaming.render(toFileReport(entry.display, result), reporterOptions)
        const text = stream.add(rendered)
        if (text) {
          progress.done()
          io.stdout(text)
        }
        tally.errors += rendered.errors
        tally.warnings += rendered.warnings
      } else {
        collected.push(toFileReport(entry.display, result))
      }
    }
  } finally {
    progress.done()
  }
  const reports = baselining ? await settleBaseline(options, baseline, collected, io) : collected
  io.stdout(
    stream
      ? stream.end()
      : reporter(
          reports.map((report) => quieted(report, options.quiet)),
          reporterOptions
        )
  )
  for (const report of reports) tallyFindings(tally, report.messages)
  const {errors, warnings} = tally
  if (options.debug) {
    const cacheNote = cache ? `, cache: ${cache.hits} hits, ${cache.misses} misses` : ''
    io.stderr(`copydesk: ${entries.length} files, ${runner.threads} worker threads${cacheNote}\n`)
  }

  if (failed) return 2
  if (errors > 0) return 1
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.stderr(`copydesk: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`)
    return 1
  }
  return 0
}

/** `--quiet`: errors only. */
function quieted(report: FileReport, quiet: boolean): FileReport {
  return quiet ? {...report, messages: shownMessages(report, {quiet})} : report
}

/** One thing to report on: a file, standard input, or an argument that matched nothing. */
interface Entry {
  readonly display: string
  /** Absolute path of a file on disk. */
  readonly file?: string
  /** Where its config is looked up. */
  readonly folder?: string
  /** Standard input, already read. */
  readonly bytes?: Uint8Array
  readonly unmatched?: boolean
}
