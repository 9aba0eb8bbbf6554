import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {createServer} from 'node:net'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {lint} from '../../src/api.js'
import {copydesk, root} from '../cli/spawn.js'
import {postLint, type Served, serve} from './serve.js'

const seed = readFileSync(path.join(root, 'seeds/000_3513509d732e560b.txt'), 'utf8')
const markdown = readFileSync(path.join(root, 'seeds/council-budget.md'), 'utf8')

/** The library's answer, as it reads once sent as JSON. */
async function library(text: string, options: Parameters<typeof lint>[1]): Promise<unknown> {
  return JSON.parse(JSON.stringify(await lint(text, options)))
}

describe('POST /v1/lint', () => {
  let server: Served
  beforeAll(async () => {
    server = await serve()
  })
  afterAll(async () => {
    await server.stop()
  })

  it('answers GET /healthz', async () => {
    const response = await fetch(`${server.url}/healthz`)
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({status: 'ok'})
  })

  it('answers exactly what the library returns: path, messages, metrics', async () => {
    const answer = await postLint(server.url, {text: seed, format: 'txt'})
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/)
    expect(answer.body).toEqual(await library(seed, {format: 'txt'}))
    const messages = answer.body.messages as Array<{
      ruleId: string
      place: {start: {offset: number}; end: {offset: number}}
      actual?: string
    }>
    const loaded = messages.find((message) => message.ruleId === 'loaded-wording')
    expect(loaded && seed.slice(loaded.place.start.offset, loaded.place.end.offset)).toBe(loaded?.actual)
    expect(answer.body.metrics).toMatchObject({words: expect.any(Number), fleschReadingEase: expect.any(Number)})
  })

  it('keeps positions in the original Markdown', async () => {
    const answer = await postLint(server.url, {text: markdown, format: 'md', path: 'council-budget.md'})
    expect(answer.status).toBe(200)
    expect(answer.body).toEqual(await library(markdown, {format: 'md', path: 'council-budget.md'}))
    expect(answer.body.path).toBe('council-budget.md')
  })

  it('returns the fixed text when asked to fix', async () => {
    const answer = await postLint(server.url, {text: seed, format: 'txt', fix: true})
    expect(answer.status).toBe(200)
    expect(answer.body).toEqual(await library(seed, {format: 'txt', fix: true}))
    expect(seed).toContain('Share this article')
    expect(answer.body.fixed).toEqual(expect.any(String))
    expect(answer.body.fixed).not.toContain('Share this article')
  })

  it('applies a config sent with the request', async () => {
    const config = {rules: {'unattributed-claim': 'error', readability: 'off'}}
    const answer = await postLint(server.url, {text: seed, config})
    expect(answer.status).toBe(200)
    expect(answer.body).toEqual(await library(seed, {config}))
    const messages = answer.body.messages as Array<{ruleId: string; severity: string}>
    // At `error`, claims are errors and vague sources (reported one step lower) warnings: none stays at info.
    const claims = messages.filter((message) => message.ruleId === 'unattributed-claim')
    expect(claims.some((message) => message.severity === 'error')).toBe(true)
    expect(claims.every((message) => message.severity !== 'info')).toBe(true)
    expect(messages.some((message) => message.ruleId === 'readability')).toBe(false)
  })

  it('lints concurrent requests without mixing them up', async () => {
    const texts = Array.from(
      {length: 24},
      (_, index) => `Headline ${index}\n\nThe ISIS fanatics, it is claimed, met ${index} times.\n`
    )
    const answers = await Promise.all(texts.map((text) => postLint(server.url, {text})))
    for (const [index, answer] of answers.entries()) {
      expect(answer.status).toBe(200)
      expect(answer.body).toEqual(await library(texts[index]!, {}))
    }
  })

  const bad: Array<[string, number, string | unknown, RegExp]> = [
    ['broken JSON', 400, '{"text": "a",', /not valid JSON/],
    ['an empty body', 400, '', /empty|JSON object/],
    ['a JSON array', 400, [1, 2], /must be a JSON object/],
    ['no text', 400, {format: 'txt'}, /Missing field `text`/],
    ['text that is not a string', 400, {text: 5}, /`text` must be a string/],
    ['fix that is not a boolean', 400, {text: 'a', fix: 'true'}, /`fix` must be a boolean/],
    ['an unknown format', 400, {text: 'a', format: 'docx'}, /`format` must be one of "txt", "md", "html"/],
    ['an unknown field', 400, {text: 'a', formt: 'md'}, /Unknown field `formt`/],
    ['a config that is not an object', 400, {text: 'a', config: 'strict'}, /`config` must be an object/],
    ['a "__proto__" key', 400, '{"text": "a", "config": {"__proto__": {"x": 1}}}', /__proto__/]
  ]
  it.each(bad)('refuses %s with %i and a message', async (_name, status, body, message) => {
    const answer = await postLint(server.url, body)
    expect(answer.status).toBe(status)
    expect(answer.body.message).toMatch(message)
    expect(answer.body.statusCode).toBe(status)
  })

  it('refuses a bad config with 400 naming the key path', async () => {
    const answer = await postLint(server.url, {text: 'a', config: {rules: {readability: ['warning', {targetGrade: 'nine'}]}}})
    expect(answer.status).toBe(400)
    expect(answer.body.keyPath).toBe('config.rules.readability[1].targetGrade')
    expect(answer.body.message).toContain('config.rules.readability[1].targetGrade')
    const unknown = await postLint(server.url, {text: 'a', config: {rules: {'no-such-rule': 'error'}}})
    expect(unknown.status).toBe(400)
    expect(unknown.body.message).toMatch(/unknown rule `no-such-rule`/)
  })

  it('never reads server files named by a request config', async () => {
    for (const base of ['../../../../etc/passwd', '/etc/passwd', ['copydesk:strict', './.lintrc.json']]) {
      const answer = await postLint(server.url, {text: 'a', config: {extends: base}})
      expect(answer.status).toBe(400)
      expect(answer.body.keyPath).toBe('config.extends')
      expect(JSON.stringify(answer.body)).not.toContain('root:')
    }
    const presets = await postLint(server.url, {text: seed, config: {extends: 'copydesk:strict'}})
    expect(presets.status).toBe(200)
  })

  it('refuses a body that is not JSON with 415', async () => {
    const answer = await postLint(server.url, 'text=hello', {'content-type': 'application/x-www-form-urlencoded'})
    expect(answer.status).toBe(415)
    expect(answer.body.message).toMatch(/Content-Type: application\/json/)
  })

  it('refuses a body over the limit with 413', async () => {
    const answer = await postLint(server.url, {text: 'a'.repeat(1024 * 1024 + 10)})
    expect(answer.status).toBe(413)
    expect(answer.body.message).toMatch(/larger than the limit of 1048576 bytes/)
  })

  it('answers unknown routes and methods with a pointer to the right one', async () => {
    const missing = await fetch(`${server.url}/v2/lint`)
    expect(missing.status).toBe(404)
    expect(((await missing.json()) as {message: string}).message).toMatch(/POST \/v1\/lint/)
    const wrongMethod = await fetch(`${server.url}/v1/lint`)
    expect(wrongMethod.status).toBe(405)
    expect(wrongMethod.headers.get('allow')).toBe('POST')
  })

  it('keeps serving after every kind of bad request', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    const answer = await postLint(server.url, {text: seed})
    expect(answer.status).toBe(200)
  })

  it('serves the editor page, self-contained and locked to this origin', async () => {
    const page = await fetch(`${server.url}/`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'")
    const html = await page.text()
    expect(html).not.toMatch(/https?:\/\//)
    for (const asset of ['/page/client.js', '/page/model.js', '/page/style.css']) {
      const response = await fetch(`${server.url}${asset}`)
      expect(response.status).toBe(200)
      expect(await response.text()).not.toMatch(/\bimport\s[^;]*from\s+['"](?!\.\/)/)
    }
  })

  it('logs JSON lines to stderr, without the article text', async () => {
    const secret = 'Embargoed-until-Tuesday-zebra'
    await postLint(server.url, {text: `Headline\n\n${secret} said the plan failed.\n`})
    const lines = server.stderr().trim().split('\n')
    const entries = lines.map((line) => JSON.parse(line) as {msg?: string; level?: number})
    expect(entries.some((entry) => entry.msg === 'linted')).toBe(true)
    expect(server.stderr()).not.toContain(secret)
  })
})

describe('limits', () => {
  let server: Served
  beforeAll(async () => {
    server = await serve(['--quiet', '--jobs', '1', '--timeout', '200', '--body-limit', '1500000'])
  })
  afterAll(async () => {
    await server.stop()
  })

  it('stops a lint at the time limit with 504, then lints the next text', async () => {
    // 900 KB of real article: far beyond 200 ms for any linter that reads every sentence.
    const answer = await postLint(server.url, {text: seed.repeat(150)})
    expect(answer.status).toBe(504)
    expect(answer.body.message).toMatch(/time limit of 200 ms/)
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    // The stopped worker is replaced; its start-up does not count against the next text.
    const next = await postLint(server.url, {text: 'Headline\n\nThe plan, it is claimed, failed.\n'})
    expect(next.status).toBe(200)
    expect(next.body.messages).toEqual(expect.any(Array))
  })

  it('takes its body limit from --body-limit', async () => {
    const tooBig = await postLint(server.url, {text: 'x'.repeat(1_600_000)})
    expect(tooBig.status).toBe(413)
    expect(tooBig.body.message).toMatch(/limit of 1500000 bytes/)
  })
})

describe('copydesk serve', () => {
  it('stops cleanly on SIGTERM and SIGINT, exit code 0', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const server = await serve()
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
      const exited = new Promise<number | null>((resolve) => server.child.once('exit', resolve))
      server.child.kill(signal)
      expect(await exited).toBe(0)
      expect(server.stderr()).toContain('shutting down')
    }
  })

  it('finishes a request in flight before it stops', async () => {
    const server = await serve()
    const answer = postLint(server.url, {text: seed.repeat(6)})
    // Signal only once the server has the request, so the test never races the connection.
    while (!server.stderr().includes('"url":"/v1/lint"')) await new Promise((resolve) => setTimeout(resolve, 20))
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', resolve))
    server.child.kill('SIGTERM')
    const finished = await answer
    expect(finished.status).toBe(200)
    expect(finished.body.messages).toEqual(expect.any(Array))
    expect(await exited).toBe(0)
  })

  it.each([
    [['--port', 'http'], /--port expects a whole number from 0 to 65535, got `http`/],
    [['--port', '70000'], /--port expects a whole number/],
    [['--port', '-1'], /--port/],
    [['--host', 'not a host!'], /--host expects an IP address or a host name/],
    [['--jobs', '0'], /--jobs expects a whole number from 1/],
    [['--timeout', '1.5'], /--timeout expects a whole number/],
    [['--colour'], /Unknown option '--colour'/]
  ])('exits 2 with a message for %j', (args, message) => {
    const run = copydesk(['serve', ...args])
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(message)
    expect(run.stderr).toContain('Usage: copydesk serve')
  })

  it('exits 2 with a clear message when the port is taken', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const address = blocker.address()
    const port = typeof address === 'object' && address ? address.port : 0
    try {
      const run = copydesk(['serve', '--host', '127.0.0.1', '--port', String(port)])
      expect(run.status).toBe(2)
      expect(run.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`)
    } finally {
      blocker.close()
    }
  })

  it('uses a --config file (with its extends) for requests that send no config', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'copydesk-serve-'))
    writeFileSync(path.join(dir, 'base.json'), JSON.stringify({rules: {'passive-voice': 'off'}}))
    writeFileSync(
      path.join(dir, '.lintrc.json'),
      JSON.stringify({extends: ['copydesk:recommended', './base.json'], rules: {'loaded-wording': 'error'}})
    )
    const server = await serve(['--quiet', '--config', path.join(dir, '.lintrc.json')])
    try {
      const house = await postLint(server.url, {text: seed})
      const rules = (house.body.messages as Array<{ruleId: string; severity: string}>).map(
        (message) => `${message.ruleId}:${message.severity}`
      )
      expect(rules).toContain('loaded-wording:error')
      expect(rules.some((rule) => rule.startsWith('passive-voice'))).toBe(false)
      // A request's own config is used instead, as the library would use it.
      const own = await postLint(server.url, {text: seed, config: {rules: {}}})
      expect(own.body).toEqual(await library(seed, {config: {rules: {}}}))
    } finally {
      await server.stop()
    }
  })

  it('exits 2 naming the key path of a bad --config file', () => {
    const run = copydesk(['serve', '--port', '0', '--config', 'package.json'])
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/bad config: .*package\.json/)
  })

  it('prints its own help', () => {
    const run = copydesk(['serve', '--help'])
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('--port N')
  })
})
