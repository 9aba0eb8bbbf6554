/**
 * `npm run bench`: copydesk against its peers on a news archive, side by side in one run.
 *
 * Every configuration runs in a child process of its own, so each gets a cold start, a clean heap
 * and its own peak RSS (worker threads share their process, so `--jobs` runs count them all).
 * Results are compared as ratios within this run: the machine (often shared) sets the absolute
 * figures, the ratios are what the targets are about. The side-by-side table runs in rounds and
 * shows medians (`--rounds N`); an archive-scale section repeats the corpus (`--archive N`).
 */
import {fork} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {availableParallelism, cpus, loadavg, tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))
const corpus = path.resolve(root, '..', 'shared', 'corpus', 'bbc')
const cores = availableParallelism()

/** What a child measured: wall and CPU time of the work (module loading excluded), peak RSS. */
interface Measure {
  readonly wallMs: number
  readonly cpuMs: number
  readonly rssMb: number
  readonly words: number
  /** Findings (or nodes, for the parser): proof the work was done. */
  readonly findings: number
}

function articleFiles(folder: string): string[] {
  const found: string[] = []
  for (const name of readdirSync(folder).sort()) {
    const file = path.join(folder, name)
    if (statSync(file).isDirectory()) found.push(...articleFiles(file))
    else if (/\.(txt|md|markdown|html?)$/.test(name)) found.push(file)
  }
  return found
}

function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0
}

// ---------------------------------------------------------------------------------------------
// Children: `node dist/bench/bench.js --child NAME ARGS...` runs one configuration and reports.

/** Takes `--name VALUE` out of `args`. */
function take(args: string[], name: string): string | undefined {
  const at = args.indexOf(name)
  if (at === -1) return undefined
  return args.splice(at, 2)[1]
}

async function child(name: string, args: string[]): Promise<void> {
  const list = take(args, '--files')
  const files = list === undefined ? articleFiles(corpus) : (JSON.parse(readFileSync(list, 'utf8')) as string[])
  const cwd = take(args, '--cwd') ?? process.cwd()
  // Words are counted before the clock starts, for every configuration alike: counting them is
  // the bench's work, not the tool's. Reading the files is the tool's, and is timed.
  let words = 0
  for (const file of files) words += countWords(readFileSync(file, 'utf8'))
  let findings = 0
  const each = async (work: (text: string, file: string) => number | Promise<number>): Promise<void> => {
    for (const file of files) findings += await work(readFileSync(file, 'utf8'), file)
  }
  let run: () => Promise<void>
  if (name === 'copydesk') {
    // The CLI itself, as a user runs it, with its output counted instead of printed.
    const {main} = await import('../src/cli/run.js')
    const cli = args
    run = async () => {
      // Counted as it is written, not kept: the CLI writes to stdout and holds none of it, so a
      // copy of the whole report here would only add to the measured peak memory.
      const code = await main([...cli, ...(cli.includes('--format') ? [] : ['--format', 'json']), ...files], {
        stdout: (text) => {
          // Each piece is whole files' JSON, so no `"ruleId":` is split between two pieces.
          findings += text.split('"ruleId":').length - 1
        },
        stderr: (text) => process.stderr.write(text),
        stdin: async () => '',
        cwd
      })
      if (code === 2) throw new Error(`copydesk ${cli.join(' ')} failed`)
    }
  } else if (name === 'native') {
    // The engine with only copydesk's own rules (the three wrapped retext rules off): what the
    // parse, the shared document, the metrics and the kit cost without the stock plugins.
    const {lintText} = await import('../src/engine/lint.js')
    const {defaultConfig} = await import('../src/config/load.js')
    const rules = {...defaultConfig.rules}
    for (const id of ['readability', 'passive-voice', 'simpler-wording']) {
      const setting = rules[id]
      if (setting) rules[id] = {...setting, severity: 'off'}
    }
    const config = {rules, files: []}
    run = () => each((text, file) => lintText({text, path: file, config}).messages.length)
  } else if (name === 'retext') {
    const {unified} = await import('unified')
    const retextEnglish = (await import('retext-english')).default
    const retextReadability = (await import('retext-readability')).default
    const retextPassive = (await import('retext-passive')).default
    const retextSimplify = (await import('retext-simplify')).default
    const retextEquality = (await import('retext-equality')).default
    const processor = unified()
      .use(retextEnglish)
      .use(retextReadability)
      .use(retextPassive)
      .use(retextSimplify)
      .use(retextEquality)
      .use(function stringify() {
        this.compiler = () => ''
      })
    run = () => each((text) => processor.processSync(text).messages.length)
  } else if (name === 'write-good') {
    const writeGood = createRequire(import.meta.url)('write-good') as (text: string) => readonly unknown[]
    run = () => each((text) => writeGood(text).length)
  } else if (name === 'parse-english') {
    const {ParseEnglish} = await import('parse-english')
    run = () => each((text) => new ParseEnglish().parse(text).children.length)
  } else throw new Error(`unknown child ${name}`)

  const cpu = process.cpuUsage()
  const start = performance.now()
  await run()
  const wallMs = performance.now() - start
  const used = process.cpuUsage(cpu)
  const measure: Measure = {
    wallMs,
    cpuMs: (used.user + used.system) / 1000,
    rssMb: process.resourceUsage().maxRSS / 1024,
    words,
    findings
  }
  process.send?.(measure)
}

function measure(name: string, args: readonly string[] = [], cwd = root): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const runner = fork(fileURLToPath(import.meta.url), ['--child', name, ...args], {
      cwd,
      stdio: ['ignore', 'ignore', 'inherit', 'ipc']
    })
    let result: Measure | undefined
    runner.on('message', (message) => {
      result = message as Measure
    })
    runner.on('error', reject)
    runner.on('exit', (code) => (result && code === 0 ? resolve(result) : reject(new Error(`${name} exited with ${code}`))))
  })
}

// ---------------------------------------------------------------------------------------------
// The parent: run every configuration, print the table and the ratios.

const rate = (m: Measure): number => m.words / (m.wallMs / 1000)
const fixed = (value: number, digits = 1): string => value.toFixed(digits)
const thousands = (value: number): string => Math.round(value).toLocaleString('en-GB')

function row(label: string, m: Measure): string {
  return `${label.padEnd(34)}${fixed(m.wallMs / 1000, 2).padStart(8)}${fixed(m.cpuMs / 1000, 2).padStart(8)}${thousands(rate(m)).padStart(11)}${thousands(m.words / (m.cpuMs / 1000)).padStart(11)}${fixed(m.rssMb, 0).padStart(9)}${thousands(m.findings).padStart(10)}`
}

/** One configuration of the side-by-side table; `args` and `cwd` may differ by round. */
interface Configuration {
  readonly key: string
  readonly label: string
  readonly name: string
  readonly args?: (round: number) => readonly string[]
  readonly cwd?: (round: number) => string
}

/** The run with the median wall time (of an even number, the faster of the middle two). */
function medianOf(measures: readonly Measure[]): Measure {
  const sorted = [...measures].sort((a, b) => a.wallMs - b.wallMs)
  const middle = sorted[Math.floor((sorted.length - 1) / 2)]
  if (!middle) throw new Error('no runs to take the median of')
  return middle
}

/** `1.23–1.45`: the smallest and largest of some figures. */
function spread(values: readonly number[], digits = 2, unit = ''): string {
  if (values.length < 2) return ''
  return `${fixed(Math.min(...values), digits)}–${fixed(Math.max(...values), digits)}${unit}`
}

/** A whole-number option of the bench (`--name N`, 1 or more), or `fallback` when it is not given. */
function countOption(name: string, fallback: number): number {
  if (!process.argv.includes(name)) return fallback
  const value = take(process.argv.slice(2), name) ?? ''
  const count = Number(value)
  if (value === '' || !Number.isInteger(count) || count < 1) {
    console.error(`copydesk bench: ${name} expects a whole number of 1 or more, got ${value === '' ? 'nothing' : `\`${value}\``}`)
    process.exit(2)
  }
  return count
}

/** Copies of the corpus in the archive-scale section: `npm run bench -- --archive N` (default 3). */
const archiveCopies = countOption('--archive', 3)

/** Rounds of the side-by-side table: `npm run bench -- --rounds N` (default 3). */
const rounds = countOption('--rounds', 3)

async function parent(): Promise<void> {
  if (!existsSync(corpus)) {
    console.error(`copydesk bench: the corpus is missing: expected the BBC articles in ${corpus}`)
    process.exitCode = 1
    return
  }
  const files = articleFiles(corpus)
  const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0)
  const words = files.reduce((sum, file) => sum + countWords(readFileSync(file, 'utf8')), 0)
  console.log(
    `corpus   ${path.relative(root, corpus)}: ${files.length} files, ${thousands(words)} words, ${fixed(bytes / 1e6)} MB`
  )
  console.log(
    `machine  ${cores} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, ${process.platform} ${process.arch}`
  )
  // Wall times assume the cores are free; a busy machine shows here (cpu s stays honest).
  console.log(`load     ${loadavg()[0]?.toFixed(2)} (1-minute load average at the start)`)
  console.log('')
  console.log(`rounds   ${rounds} (each configuration once per round; the median round is shown)`)
  console.log('')
  console.log(
    `${'configuration'.padEnd(34)}${'wall s'.padStart(8)}${'cpu s'.padStart(8)}${'words/s'.padStart(11)}${'w/cpu-s'.padStart(11)}${'RSS MB'.padStart(9)}${'findings'.padStart(10)}   wall s, fastest–slowest`
  )

  const cacheHome = mkdtempSync(path.join(tmpdir(), 'copydesk-bench-'))
  try {
    // Every configuration runs once per round, the rounds one after another, so a slow spell of a
    // shared machine falls on every configuration alike; the table shows each one's median round.
    const cold = (round: number): string => path.join(cacheHome, `cache-${round}`)
    const configurations: readonly Configuration[] = [
      {key: 'parse', label: 'parse-english alone', name: 'parse-english'},
      {key: 'write-good', label: 'write-good', name: 'write-good'},
      {key: 'retext', label: 'retext stock pipeline (5 plugins)', name: 'retext'},
      {key: 'one', label: 'copydesk --jobs 1', name: 'copydesk', args: () => ['--jobs', '1', '--cwd', root]},
      {key: 'all', label: `copydesk --jobs ${cores}`, name: 'copydesk', args: () => ['--jobs', String(cores), '--cwd', root]},
      // A fresh cache folder each round: the first run fills it, the next finds every file.
      {
        key: 'cold',
        label: `copydesk --jobs ${cores} --cache (cold)`,
        name: 'copydesk',
        args: (round) => ['--jobs', String(cores), '--cache', '--cwd', cold(round)],
        cwd: cold
      },
      {
        key: 'warm',
        label: `copydesk --jobs ${cores} --cache (warm)`,
        name: 'copydesk',
        args: (round) => ['--jobs', String(cores), '--cache', '--cwd', cold(round)],
        cwd: cold
      },
      {key: 'native', label: 'copydesk engine, own rules only', name: 'native'}
    ]
    const runs = new Map<string, Measure[]>(configurations.map((configuration) => [configuration.key, []]))
    for (let round = 0; round < rounds; round++) {
      mkdirSync(cold(round))
      for (const configuration of configurations) {
        const m = await measure(configuration.name, configuration.args?.(round) ?? [], configuration.cwd?.(round) ?? root)
        runs.get(configuration.key)?.push(m)
      }
      console.error(`round ${round + 1} of ${rounds} done`)
    }
    const median = (key: string): Measure => medianOf(runs.get(key) ?? [])
    for (const configuration of configurations) {
      const all = runs.get(configuration.key) ?? []
      console.log(`${row(configuration.label, median(configuration.key))}   ${spread(all.map((m) => m.wallMs / 1000))}`)
    }
    const parse = median('parse')
    const writeGood = median('write-good')
    const retext = median('retext')
    const one = median('one')
    const all = median('all')
    const warm = median('warm')
    const native = median('native')
    /** A ratio in each round, for the spread beside the ratio of the medians. */
    const perRound = (measure: (round: number) => number): string =>
      spread(
        Array.from({length: rounds}, (_, round) => measure(round)),
        2,
        '×'
      )
    const at = (key: string, round: number): Measure => runs.get(key)?.[round] ?? median(key)

    console.log('')
    console.log(`ratios of the medians (speed: words/s over words/s), and their spread over the ${rounds} rounds`)
    const ratio = (a: Measure, b: Measure): string => `${fixed(rate(a) / rate(b), 2)}×`
    const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met')
    console.log(
      `  copydesk --jobs ${cores} vs stock retext      ${ratio(all, retext).padStart(8)}   target ≥ 15×   ${verdict(rate(all) / rate(retext) >= 15).padEnd(8)} ${perRound((round) => rate(at('all', round)) / rate(at('retext', round)))}`
    )
    console.log(
      `  copydesk --jobs 1 vs stock retext      ${ratio(one, retext).padStart(8)}                           ${perRound((round) => rate(at('one', round)) / rate(at('retext', round)))}`
    )
    console.log(`  copydesk --jobs ${cores} vs --jobs 1           ${ratio(all, one).padStart(8)}`)
    console.log(
      `  time of copydesk --jobs ${cores} / write-good   ${`${fixed(all.wallMs / writeGood.wallMs, 2)}×`.padStart(8)}   target ≤ 0.5×  ${verdict(all.wallMs / writeGood.wallMs <= 0.5).padEnd(8)} ${perRound((round) => at('all', round).wallMs / at('write-good', round).wallMs)}`
    )
    console.log(
      `  time of copydesk --jobs ${cores} / parse-english ${`${fixed(all.wallMs / parse.wallMs, 2)}×`.padStart(7)}   target ≤ 2×    ${verdict(all.wallMs / parse.wallMs <= 2).padEnd(8)} ${perRound((round) => at('all', round).wallMs / at('parse', round).wallMs)}`
    )
    console.log(
      `  time of own-rules engine / parse-english ${`${fixed(native.wallMs / parse.wallMs, 2)}×`.padStart(7)}   (1 thread)`
    )
    console.log(
      `  cpu per word, copydesk --jobs 1 / retext ${`${fixed(one.cpuMs / one.words / (retext.cpuMs / retext.words), 2)}×`.padStart(7)}   (less is better; robust to a busy machine)`
    )
    console.log(`  warm cache vs no cache (--jobs ${cores})       ${ratio(warm, all).padStart(8)}`)
    const peak = Math.max(...[...(runs.get('one') ?? []), ...(runs.get('all') ?? [])].map((m) => m.rssMb))
    console.log(
      `  peak RSS, whole corpus                  ${`${fixed(peak, 0)} MB`.padStart(8)}   target < 300 MB ${verdict(peak < 300)}`
    )

    // An archive: the corpus several times over. Each thread's warm-up (compiling, first sight of
    // each word) is paid once per run, so it weighs less the more files a run has; the peers lint
    // file by file and gain nothing from size. Measured once each, copies under distinct paths.
    console.log('')
    console.log(
      `archive scale: the corpus ${archiveCopies} times over (${thousands(files.length * archiveCopies)} files, one run each)`
    )
    const archiveList = path.join(cacheHome, 'archive.json')
    const archiveFiles: string[] = []
    for (let copy = 0; copy < archiveCopies; copy++) {
      for (const file of files) {
        const target = path.join(cacheHome, 'archive', String(copy), path.relative(corpus, file))
        mkdirSync(path.dirname(target), {recursive: true})
        writeFileSync(target, readFileSync(file))
        archiveFiles.push(target)
      }
    }
    writeFileSync(archiveList, JSON.stringify(archiveFiles))
    const archive = async (label: string, name: string, args: readonly string[] = []): Promise<Measure> => {
      const m = await measure(name, [...args, '--files', archiveList], cacheHome)
      console.log(row(label, m))
      return m
    }
    const bigParse = await archive('parse-english alone', 'parse-english')
    const bigRetext = await archive('retext stock pipeline (5 plugins)', 'retext')
    const bigOne = await archive('copydesk --jobs 1', 'copydesk', ['--jobs', '1', '--cwd', cacheHome])
    const bigAll = await archive(`copydesk --jobs ${cores}`, 'copydesk', ['--jobs', String(cores), '--cwd', cacheHome])
    console.log(
      `  copydesk --jobs ${cores} vs stock retext      ${ratio(bigAll, bigRetext).padStart(8)}   (--jobs 1: ${ratio(bigOne, bigRetext)})`
    )
    console.log(`  copydesk --jobs ${cores} vs --jobs 1           ${ratio(bigAll, bigOne).padStart(8)}`)
    console.log(
      `  time of copydesk --jobs ${cores} / parse-english ${`${fixed(bigAll.wallMs / bigParse.wallMs, 2)}×`.padStart(7)}`
    )

    // Flat in the number of files: a quarter, a half and all of the corpus.
    console.log('')
    console.log(`memory by number of files (copydesk --jobs ${cores})`)
    for (const share of [4]) {
      const list = path.join(cacheHome, `files-${share}.json`)
      writeFileSync(list, JSON.stringify(files.filter((_, index) => index % share === 0)))
      const m = await measure('copydesk', ['--jobs', String(cores), '--cwd', root, '--files', list])
      console.log(`  1/${share} of the files: ${fixed(m.rssMb, 0)} MB`)
    }
    console.log(`  all the files: ${fixed(all.rssMb, 0)} MB`)
    console.log("  (workers and the main thread together; each thread holds one file's trees at a time)")

    /** copydesk on one file, in one thread (the file's list is written beside it). */
    const oneFile = (file: string, args: readonly string[] = []): Promise<Measure> => {
      const list = `${file}.json`
      writeFileSync(list, JSON.stringify([file]))
      return measure('copydesk', ['--jobs', '1', '--cwd', cacheHome, ...args, '--files', list])
    }

    // One big file: 2.5, 5 and 10 MB of articles back to back; time should grow with size only.
    console.log('')
    console.log('one large file (copydesk: one file, so one thread)')
    const texts = files.map((file) => readFileSync(file, 'utf8').replace(/^\uFEFF/, ''))
    const sizes = [2.5, 5, 10]
    let base: Measure | undefined
    let largest = ''
    for (const megabytes of sizes) {
      const parts: string[] = []
      let length = 0
      for (let index = 0; length < megabytes * 1024 * 1024; index++) {
        const text = texts[index % texts.length] ?? ''
        parts.push(text)
        length += text.length + 2
      }
      const file = path.join(cacheHome, `large-${megabytes}.txt`)
      largest = parts.join('\n\n')
      writeFileSync(file, largest)
      const m = await oneFile(file)
      base ??= m
      const scale = megabytes / (sizes[0] ?? 1)
      console.log(
        `  ${`${megabytes} MB`.padEnd(7)} ${fixed(m.wallMs / 1000, 2).padStart(7)} s wall ${fixed(m.cpuMs / 1000, 2).padStart(7)} s cpu ${thousands(rate(m)).padStart(9)} words/s ${fixed(m.rssMb, 0).padStart(6)} MB   ${fixed(scale, 0)}× size → ${fixed(m.wallMs / base.wallMs, 2)}× wall, ${fixed(m.cpuMs / base.cpuMs, 2)}× cpu`
      )
    }
    // The largest again with no blank lines: one line per paragraph, so no paragraph break for
    // the parser to start a piece at (this was quadratic).
    const unbroken = path.join(cacheHome, 'large-unbroken.txt')
    writeFileSync(unbroken, largest.replace(/(\r?\n)[ \t]*(?:\r?\n\s*)+/g, '$1'))
    const u = await oneFile(unbroken)
    console.log(
      `  ${`${sizes.at(-1)} MB`.padEnd(7)} ${fixed(u.wallMs / 1000, 2).padStart(7)} s wall ${fixed(u.cpuMs / 1000, 2).padStart(7)} s cpu ${thousands(rate(u)).padStart(9)} words/s ${fixed(u.rssMb, 0).padStart(6)} MB   no blank lines`
    )

    // Page shapes that once took time in the square of their size: each at 1× and 4×; the time
    // should grow about 4×, not 16×.
    console.log('')
    console.log('page shapes (copydesk: one file, one thread; 1× and 4× the size)')
    const shapes: readonly {label: string; extension: string; args?: readonly string[]; make: (count: number) => string}[] = [
      {
        label: 'plain text: furniture lines in one paragraph',
        extension: 'txt',
        make: (count) =>
          `Council news\n\n${Array.from({length: count}, (_, index) => `Share this article ${index}`).join('\n')}\n`
      },
      {
        label: 'HTML on one line: "Read more" links',
        extension: 'html',
        make: (count) =>
          `<h1>Council news</h1>${Array.from({length: count}, (_, index) => `<div><p>Read more: <a href="/s/${index}">story ${index}</a></p></div>`).join('')}`
      },
      {
        label: 'Markdown: one paragraph',
        extension: 'md',
        make: (count) => `# Council news\n\n${'The council met on Tuesday, and the plan reportedly failed. '.repeat(count)}\n`
      },
      {
        label: 'HTML report: a finding in every paragraph',
        extension: 'txt',
        args: ['--format', 'html'],
        make: (count) =>
          `Council news\n\n${Array.from({length: count}, (_, index) => `Paragraph ${index}: the plan reportedly failed.\n\n`).join('')}`
      }
    ]
    for (const shape of shapes) {
      const times: Measure[] = []
      for (const count of [5000, 20000]) {
        const file = path.join(cacheHome, `shape-${count}.${shape.extension}`)
        writeFileSync(file, shape.make(count))
        times.push(await oneFile(file, shape.args))
      }
      const [small, large] = times
      if (small && large) {
        console.log(
          `  ${shape.label.padEnd(44)} ${fixed(small.wallMs / 1000, 2).padStart(6)} s → ${fixed(large.wallMs / 1000, 2).padStart(6)} s   4× size → ${fixed(large.wallMs / small.wallMs, 2)}× wall`
        )
      }
    }
  } finally {
    rmSync(cacheHome, {recursive: true, force: true})
  }
}

const at = process.argv.indexOf('--child')
if (at === -1) await parent()
else await child(process.argv[at + 1] ?? '', process.argv.slice(at + 2))
