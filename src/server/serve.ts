import {readFileSync} from 'node:fs'
import {isIP} from 'node:net'
import path from 'node:path'
import {parseArgs} from 'node:util'
import type {Io} from '../cli/run.js'
import {type ResolvedConfig, resolveConfigFile} from '../config/load.js'
import {createApp, defaults} from './app.js'

export const serveUsage = `Usage: copydesk serve [options]

Runs the HTTP service: POST /v1/lint, GET /healthz, and the editor page at /.

Options:
  --host HOST         address to listen on (default: 127.0.0.1, this machine only)
  --port N            port to listen on, 0 for any free one (default: 8787)
  --jobs N            worker threads that lint (default: ${defaults.jobs})
  --timeout MS        time limit for one lint, in milliseconds (default: ${defaults.timeout})
  --body-limit BYTES  largest request body (default: ${defaults.bodyLimit})
  --config FILE       config for requests that send none (default: built-in defaults)
  --quiet             log warnings and errors only
  -h, --help          show this help

Logs are JSON lines on standard error. Stops cleanly on SIGINT or SIGTERM.`

/** Bad `serve` usage: exit code 2 with this message. */
class ServeUsageError extends Error {}

interface ServeOptions {
  host: string
  port: number
  jobs: number
  timeout: number
  bodyLimit: number
  config?: string
  quiet: boolean
  help: boolean
}

function whole(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback
  const number = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw new ServeUsageError(`--${name} expects a whole number from ${min} to ${max}, got \`${value}\``)
  }
  return number
}

// A host name as DNS allows it (RFC 1123 labels), or an IP address.
const hostName = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i

function parseServeFlags(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: false,
    strict: true,
    options: {
      host: {type: 'string'},
      port: {type: 'string', short: 'p'},
      jobs: {type: 'string'},
      timeout: {type: 'string'},
      'body-limit': {type: 'string'},
      config: {type: 'string', short: 'c'},
      quiet: {type: 'boolean', short: 'q'},
      help: {type: 'boolean', short: 'h'}
    }
  })
}

export function parseServeArgs(argv: readonly string[]): ServeOptions {
  let parsed: ReturnType<typeof parseServeFlags>
  try {
    parsed = parseServeFlags(argv)
  } catch (error) {
    throw new ServeUsageError((error as Error).message)
  }
  const values = parsed.values
  const host = values.host ?? '127.0.0.1'
  if (isIP(host) === 0 && !hostName.test(host)) {
    throw new ServeUsageError(`--host expects an IP address or a host name, got \`${host}\``)
  }
  return {
    host,
    port: whole('port', values.port, 8787, 0, 65535),
    jobs: whole('jobs', values.jobs, defaults.jobs, 1, 256),
    timeout: whole('timeout', values.timeout, defaults.timeout, 1, 600_000),
    bodyLimit: whole('body-limit', values['body-limit'], defaults.bodyLimit, 1, 1024 * 1024 * 1024),
    ...(values.config === undefined ? {} : {config: values.config}),
    quiet: values.quiet ?? false,
    help: values.help ?? false
  }
}

/** A `--config` file with its `extends` resolved, as a config object that reads no files. */
function flatten(resolved: ResolvedConfig): unknown {
  return {
    rules: Object.fromEntries(Object.entries(resolved.rules).map(([id, setting]) => [id, [setting.severity, setting.options]]))
  }
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {version: string}
  return pkg.version
}

function listenFailure(error: NodeJS.ErrnoException, host: string, port: number): string {
  switch (error.code) {
    case 'EADDRINUSE':
      return `port ${port} on ${host} is already in use: stop what is using it, or pick another with --port`
    case 'EACCES':
      return `no permission to listen on port ${port} (ports below 1024 need privileges): pick another with --port`
    case 'EADDRNOTAVAIL':
      return `cannot listen on ${host}: that address is not on this machine`
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot listen on ${host}: the host name does not resolve`
    default:
      return `cannot listen on ${host}:${port}: ${error.message}`
  }
}

/** `copydesk serve`: runs until SIGINT or SIGTERM, then finishes the requests in flight and exits 0. */
export async function serve(argv: readonly string[], io: Io): Promise<number> {
  let options: ServeOptions
  try {
    options = parseServeArgs(argv)
  } catch (error) {
    if (!(error instanceof ServeUsageError)) throw error
    io.stderr(`copydesk serve: ${error.message}\n\n${serveUsage}\n`)
    return 2
  }
  if (options.help) {
    io.stdout(`${serveUsage}\n`)
    return 0
  }
  // A bad --config is found now, not on the first request.
  const config = options.config === undefined ? undefined : flatten(resolveConfigFile(path.resolve(io.cwd, options.config)))

  const app = await createApp({
    jobs: options.jobs,
    timeout: options.timeout,
    bodyLimit: options.bodyLimit,
    ...(config === undefined ? {} : {config}),
    logLevel: options.quiet ? 'warn' : 'info',
    version: version()
  })
  let address: string
  try {
    address = await app.listen({host: options.host, port: options.port})
  } catch (error) {
    await app.close()
    io.stderr(`copydesk serve: ${listenFailure(error as NodeJS.ErrnoException, options.host, options.port)}\n`)
    return 2
  }
  if (!/^(127\.|::1$|localhost$)/.test(options.host)) {
    app.log.warn(
      {host: options.host},
      'listening beyond this machine: the service has no authentication, put it behind your gateway'
    )
  }
  // The one line for people (and scripts using --port 0): where to point the browser or the CMS.
  io.stdout(`copydesk: serving on ${address}/ (POST /v1/lint, GET /healthz, editor page at /)\n`)

  return new Promise<number>((resolve) => {
    let stopping = false
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        // A second signal means "now": do not wait for slow requests.
        io.stderr(`copydesk serve: ${signal} again, stopping at once\n`)
        process.exit(130)
      }
      stopping = true
      app.log.info({signal}, 'shutting down: finishing requests in flight')
      // Requests in flight get their time limit and a little more; then connections are cut.
      setTimeout(() => app.server.closeAllConnections(), options.timeout + 5000).unref()
      app.close().then(
        () => {
          process.off('SIGINT', stop)
          process.off('SIGTERM', stop)
          resolve(0)
        },
        (error: unknown) => {
          io.stderr(`copydesk serve: shutdown failed: ${(error as Error).message}\n`)
          resolve(1)
        }
      )
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}
