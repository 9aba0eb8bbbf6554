// A bounded load test of `copydesk serve` on 127.0.0.1: a fixed number of requests, a hard time
// cap, then a verdict. Run with `npm run build && node dist/bench/http-load.js [--requests N]
// [--connections N] [--mix full|short|mixed] [--max-seconds N]`. It starts the built server itself and stops it after.
import {type ChildProcess, spawn} from 'node:child_process'
import {once} from 'node:events'
import {readFileSync} from 'node:fs'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {parseArgs} from 'node:util'
import autocannon from 'autocannon'

export interface LoadOptions {
  /** `http://127.0.0.1:PORT` of a running server. */
  readonly url: string
  readonly requests: number
  readonly connections: number
  /** The whole run stops here even if requests are left (then `cutShort` is true). */
  readonly maxSeconds: number
  /** JSON bodies for POST /v1/lint, sent in turn. */
  readonly bodies: readonly string[]
}

export interface LoadResult {
  readonly sent: number
  readonly ok: number
  readonly non2xx: number
  readonly errors: number
  readonly timeouts: number
  readonly cutShort: boolean
  readonly seconds: number
  readonly perSecond: number
  readonly latencyMs: {readonly p50: number; readonly p99: number; readonly max: number}
}

const seeds: ReadonlyArray<[string, 'txt' | 'md' | 'html']> = [
  ['000_3513509d732e560b.txt', 'txt'],
  ['council-budget.md', 'md'],
  ['flood-response.html', 'html']
]

/**
 * Request bodies from seeds/: each whole article in its format, and (`short`) passages of a few
 * paragraphs, the size a CMS sends when an editor checks one section. `mixed` is both.
 */
export function seedBodies(root: URL, mix: 'full' | 'short' | 'mixed' = 'mixed'): string[] {
  const bodies: string[] = []
  for (const [name, format] of seeds) {
    const text = readFileSync(new URL(`seeds/${name}`, root), 'utf8')
    if (mix !== 'short') bodies.push(JSON.stringify({text, format}))
    if (mix === 'full') continue
    const passages = text.split(/\n\s*\n/).reduce<string[]>((done, paragraph) => {
      const last = done[done.length - 1]
      if (last !== undefined && last.length < 500) done[done.length - 1] = `${last}\n\n${paragraph}`
      else done.push(paragraph)
      return done
    }, [])
    for (const passage of passages.slice(0, 3)) bodies.push(JSON.stringify({text: passage, format}))
  }
  bodies.push(
    JSON.stringify({text: 'Headline\n\nThe plan, it is claimed, failed.\nShare this article\n', format: 'txt', fix: true})
  )
  return bodies
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  let cutShort = false
  let cap: ReturnType<typeof setTimeout> | undefined
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        amount: options.requests,
        // Per-request socket timeout, in seconds: far above any lint, so a timeout means trouble.
        timeout: 30,
        requests: options.bodies.map((body) => ({
          method: 'POST' as const,
          path: '/v1/lint',
          headers: {'content-type': 'application/json'},
          body
        }))
      },
      (error, done) => (error ? reject(error) : resolve(done))
    )
    cap = setTimeout(() => {
      cutShort = true
      instance.stop()
    }, options.maxSeconds * 1000)
  })
  clearTimeout(cap)
  return {
    sent: result.requests.sent,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    cutShort,
    seconds: result.duration,
    perSecond: result.requests.average,
    latencyMs: {p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max}
  }
}

/** Resident memory of a process, in MiB (Linux /proc; worker threads included). */
export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1]
  if (!kb) throw new Error(`No VmRSS for process ${pid}`)
  return Math.round((Number(kb) / 1024) * 10) / 10
}

async function startServer(bin: string, jobs: string | undefined): Promise<{child: ChildProcess; url: string}> {
  const child = spawn(
    process.execPath,
    [bin, 'serve', '--host', '127.0.0.1', '--port', '0', '--quiet', ...(jobs ? ['--jobs', jobs] : [])],
    {stdio: ['ignore', 'pipe', 'inherit']}
  )
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk
      const found = /serving on (http:\/\/127\.0\.0\.1:\d+)\//.exec(out)
      if (found?.[1]) resolve(found[1])
    })
    child.once('exit', (code) => reject(new Error(`the server exited with ${code} before listening`)))
  })
  return {child, url}
}

async function main(): Promise<number> {
  const {values} = parseArgs({
    options: {
      requests: {type: 'string', default: '10000'},
      connections: {type: 'string', default: '10'},
      rounds: {type: 'string', default: '5'},
      warmup: {type: 'string', default: '1000'},
      'max-seconds': {type: 'string', default: '600'},
      mix: {type: 'string', default: 'mixed'},
      jobs: {type: 'string'}
    }
  })
  const requests = Number(values.requests)
  const rounds = Number(values.rounds)
  const connections = Number(values.connections)
  const maxSeconds = Number(values['max-seconds'])
  const root = new URL('../../', import.meta.url)
  const bin = fileURLToPath(new URL('../src/bin.js', import.meta.url))
  const mix = values.mix === 'full' || values.mix === 'short' ? values.mix : 'mixed'
  const bodies = seedBodies(root, mix)
  const {child, url} = await startServer(bin, values.jobs)
  const pid = child.pid ?? 0
  const started = Date.now()
  const left = () => Math.max(1, maxSeconds - (Date.now() - started) / 1000)
  let failed = false
  try {
    console.log(
      `copydesk serve at ${url}: ${requests} requests (${mix} texts) in ${rounds} rounds, ${connections} connections, ` +
        `after ${values.warmup} to warm up`
    )
    const warm = await runLoad({url, requests: Number(values.warmup), connections, maxSeconds: left(), bodies})
    const baseline = rssMiB(pid)
    console.log(`warm-up: ${warm.ok} ok, ${warm.non2xx} non-2xx, ${warm.errors} errors; RSS ${baseline} MiB`)
    const samples = [baseline]
    const totals = {sent: 0, ok: 0, non2xx: 0, errors: 0, timeouts: 0, seconds: 0}
    const p99s: number[] = []
    for (let round = 1; round <= rounds; round++) {
      const result = await runLoad({url, requests: Math.round(requests / rounds), connections, maxSeconds: left(), bodies})
      const rss = rssMiB(pid)
      samples.push(rss)
      for (const key of ['sent', 'ok', 'non2xx', 'errors', 'timeouts', 'seconds'] as const) totals[key] += result[key]
      p99s.push(result.latencyMs.p99)
      console.log(
        `round ${round}: ${result.ok} ok, ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts; ` +
          `${result.perSecond.toFixed(0)} req/s, p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms; RSS ${rss} MiB`
      )
      if (result.cutShort) {
        console.log(`stopped at the ${maxSeconds} s cap`)
        failed = true
        break
      }
    }
    const health = await fetch(`${url}/healthz`)
    const last = samples[samples.length - 1] ?? baseline
    const afterFirst = samples[1] ?? baseline
    // A leak grows round after round; a warm heap settles. Judge the rounds after the first.
    const growth = last - afterFirst
    console.log(
      `total: ${totals.ok}/${totals.sent} ok, ${totals.non2xx} non-2xx, ${totals.errors} errors, ${totals.timeouts} timeouts in ${totals.seconds} s ` +
        `(${(totals.sent / Math.max(1, totals.seconds)).toFixed(0)} req/s); /healthz ${health.status}`
    )
    console.log(
      `RSS MiB: after warm-up ${baseline}, per round ${samples.slice(1).join(', ')}; change over the rounds ${growth.toFixed(1)} MiB`
    )
    const leaky = growth > Math.max(32, afterFirst * 0.1)
    if (totals.errors > 0 || totals.non2xx > 0 || totals.timeouts > 0 || health.status !== 200 || leaky) failed = true
    console.log(failed ? 'FAIL' : 'PASS: no errors, no non-2xx answers, memory flat')
  } finally {
    const exited = once(child, 'exit')
    child.kill('SIGTERM')
    await exited
  }
  return failed ? 1 : 0
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main()
}
