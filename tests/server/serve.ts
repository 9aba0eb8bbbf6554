import {type ChildProcessWithoutNullStreams, spawn} from 'node:child_process'
import {once} from 'node:events'
import {bin, root} from '../cli/spawn.js'

export interface Served {
  /** `http://127.0.0.1:PORT` (no trailing slash). */
  readonly url: string
  readonly child: ChildProcessWithoutNullStreams
  /** Everything the server wrote to stderr so far (its JSON log lines). */
  stderr(): string
  /** Sends SIGTERM and waits for the exit code. */
  stop(): Promise<number | null>
}

/** Starts the built `copydesk serve` on a free port of 127.0.0.1, as a user would run it. */
export async function serve(args: readonly string[] = []): Promise<Served> {
  const child = spawn(process.execPath, [bin, 'serve', '--host', '127.0.0.1', '--port', '0', ...args], {
    cwd: root,
    env: {...process.env, NO_COLOR: '1'}
  })
  let stdout = ''
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
  })
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
      const found = /serving on (http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout)
      if (found?.[1]) resolve(found[1])
    })
    child.once('exit', (code) => reject(new Error(`copydesk serve exited with ${code} before listening:\n${stderr}`)))
  })
  return {
    url,
    child,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null) return child.exitCode
      const exited = once(child, 'exit')
      child.kill('SIGTERM')
      const [code] = (await exited) as [number | null]
      return code
    }
  }
}

export interface Answer {
  readonly status: number
  readonly headers: Headers
  readonly body: Record<string, unknown>
}

/** POSTs a body (an object is sent as JSON, a string as is) to /v1/lint. */
export async function postLint(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${url}/v1/lint`, {
    method: 'POST',
    headers: {'content-type': 'application/json', ...headers},
    body: typeof body === 'string' ? body : JSON.stringify(body)
  })
  return {status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown>}
}
