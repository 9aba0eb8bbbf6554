import {STATUS_CODES} from 'node:http'
import {availableParallelism} from 'node:os'
import {MessageChannel} from 'node:worker_threads'
import Fastify, {type FastifyError, type FastifyInstance, type FastifyReply} from 'fastify'
import {Piscina} from 'piscina'
import type {Format} from '../kit/types.js'
import {pageAssets, pageHeaders} from './page/assets.js'
import type {LintOutcome, LintTask} from './worker.js'

export interface ServerOptions {
  /** Largest request body, in bytes (default 1 MiB: about ten long articles). */
  readonly bodyLimit?: number
  /** Longest one lint may take once a worker has it, in milliseconds (default 10 s). */
  readonly timeout?: number
  /** Worker threads that lint (default: one per core, at most 8). */
  readonly jobs?: number
  /** Requests that may wait for a free worker before new ones get 503 (default: 64 per worker). */
  readonly queue?: number
  /** Config (`.lintrc.json` form, reading no files) for requests that send none. */
  readonly config?: unknown
  /** Pino log level; `silent` logs nothing. Logs are JSON lines on `logStream` (default stderr). */
  readonly logLevel?: string
  readonly logStream?: NodeJS.WritableStream
  readonly version?: string
}

export const defaults = {
  bodyLimit: 1024 * 1024,
  timeout: 10_000,
  jobs: Math.max(1, Math.min(availableParallelism(), 8))
} as const

interface LintBody {
  text: string
  format?: Format
  path?: string
  config?: Record<string, unknown>
  fix?: boolean
}

const bodyFields = ['text', 'format', 'config', 'fix', 'path'] as const

const lintBodySchema = {
  type: 'object',
  required: ['text'],
  additionalProperties: false,
  properties: {
    text: {type: 'string'},
    format: {type: 'string', enum: ['txt', 'md', 'html']},
    path: {type: 'string', maxLength: 1024},
    // Checked in full by the config validator, which names the key path.
    config: {type: 'object'},
    fix: {type: 'boolean'}
  }
} as const

/** An error answer: fastify's own shape (`statusCode`, `error`, `message`) plus details. */
function refuse(reply: FastifyReply, statusCode: number, message: string, extra: Record<string, unknown> = {}): FastifyReply {
  const error = STATUS_CODES[statusCode] ?? 'Error'
  return reply
    .code(statusCode)
    .type('application/json; charset=utf-8')
    .send({statusCode, error, message, ...extra})
}

interface ValidationIssue {
  keyword: string
  instancePath: string
  params: Record<string, unknown>
  message?: string
}

/** A body-validation error a developer can act on: which field, what was wrong, what is allowed. */
function explainValidation(issue: ValidationIssue | undefined): string {
  if (!issue) return 'The request body is not valid'
  const field = issue.instancePath.replace(/^\//, '').replace(/\//g, '.')
  switch (issue.keyword) {
    case 'required':
      return `Missing field \`${String(issue.params.missingProperty)}\`: send {"text": "...", "format": "txt|md|html"}`
    case 'additionalProperties':
      return `Unknown field \`${String(issue.params.additionalProperty)}\`: expected ${bodyFields.map((name) => `\`${name}\``).join(', ')}`
    case 'type':
      return field ? `Field \`${field}\` must be ${article(String(issue.params.type))}` : 'The request body must be a JSON object'
    case 'enum':
      return `Field \`${field}\` must be one of ${(issue.params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`
    default:
      return `Field \`${field || 'body'}\` ${issue.message ?? 'is not valid'}`
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`
}

// `__proto__` in a body could become a prototype once merged into options; no config needs it.
function refuseProto(key: string, value: unknown): unknown {
  if (key === '__proto__') throw new SyntaxError('the key "__proto__" is not allowed')
  return value
}

function requestError(message: string, code: string): FastifyError {
  return Object.assign(new Error(message), {code, statusCode: 400, name: 'BadRequest'})
}

/** A request's config may only extend the presets: a path would make the server read its own files. */
function fileExtends(config: Record<string, unknown>): string | undefined {
  const bases = Array.isArray(config.extends) ? config.extends : [config.extends]
  return bases.find(
    (base): base is string => typeof base === 'string' && base !== 'copydesk:recommended' && base !== 'copydesk:strict'
  )
}

/** The HTTP service: `POST /v1/lint`, `GET /healthz` and the editor page at `/`. Call `close()` to stop its workers. */
export async function createApp(options: ServerOptions = {}): Promise<FastifyInstance> {
  const bodyLimit = options.bodyLimit ?? defaults.bodyLimit
  const timeout = options.timeout ?? defaults.timeout
  const jobs = options.jobs ?? defaults.jobs
  const queueLimit = options.queue ?? jobs * 64
  // How long a request may wait for a worker before it is turned away as "busy".
  const queueWait = Math.max(30_000, timeout * 3)

  const app = Fastify({
    bodyLimit,
    // Time to receive a whole request: a client trickling its body cannot hold a socket forever.
    requestTimeout: 30_000,
    // An idle socket is dropped, but never while its request waits for a worker or is linted.
    connectionTimeout: Math.max(60_000, queueWait + timeout + 5_000),
    logger: {level: options.logLevel ?? 'info', stream: options.logStream ?? process.stderr},
    ajv: {
      // Unknown fields and wrong types are errors, not silently dropped or coerced ("1" is not 1).
      customOptions: {removeAdditional: false, coerceTypes: false, useDefaults: false}
    }
  })

  // Fastify's own JSON parser says only "not valid JSON"; V8's message says where.
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', {parseAs: 'string'}, (_request, body, done) => {
    if (body === '') return done(requestError('The request body is empty: send a JSON object', 'EMPTY_BODY'), undefined)
    try {
      done(null, JSON.parse(body as string, refuseProto))
    } catch (error) {
      done(requestError(`The request body is not valid JSON: ${(error as Error).message}`, 'BAD_JSON'), undefined)
    }
  })

  const pool = new Piscina<LintTask, LintOutcome>({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: jobs,
    maxThreads: jobs,
    // Workers load every rule and word list once; keep them rather than pay that per request.
    idleTimeout: Number.POSITIVE_INFINITY
  })
  app.addHook('onClose', async () => {
    await pool.destroy()
  })
  // On shutdown, answers in flight still go out, but their keep-alive connections must not hold
  // the server open: tell each client this connection ends with its answer.
  let closing = false
  app.addHook('preClose', async () => {
    closing = true
  })
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close')
  })

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation) return refuse(reply, 400, explainValidation(error.validation[0] as ValidationIssue | undefined))
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return refuse(reply, 413, `The request body is larger than the limit of ${bodyLimit} bytes`, {limit: bodyLimit})
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return refuse(reply, 415, 'Send the body as JSON, with the header Content-Type: application/json')
    }
    const status = error.statusCode ?? 500
    if (status >= 400 && status < 500) return refuse(reply, status, error.message)
    request.log.error({err: error}, 'request failed')
    return refuse(reply, 500, 'Internal error: the text could not be linted (see the server log)')
  })

  app.setNotFoundHandler((request, reply) =>
    refuse(reply, 404, `Nothing at ${request.method} ${request.url}: use POST /v1/lint, GET /healthz or GET /`)
  )

  app.get('/healthz', async () => ({status: 'ok', ...(options.version === undefined ? {} : {version: options.version})}))

  app.get('/v1/lint', async (_request, reply) => {
    reply.header('allow', 'POST')
    return refuse(reply, 405, 'Use POST with a JSON body {"text": "...", "format": "txt|md|html"}')
  })

  app.post<{Body: LintBody}>('/v1/lint', {schema: {body: lintBodySchema}}, async (request, reply) => {
    const body = request.body
    if (body.config) {
      const base = fileExtends(body.config)
      if (base !== undefined) {
        return refuse(
          reply,
          400,
          `config: extends: only "copydesk:recommended" or "copydesk:strict" in a request, got \`${base}\``,
          {
            keyPath: 'config.extends'
          }
        )
      }
    }
    if (pool.queueSize >= queueLimit) {
      reply.header('retry-after', '1')
      return refuse(reply, 503, 'The server is busy: too many texts are waiting to be linted, try again shortly')
    }

    const config = body.config ?? options.config
    const task: LintTask = {
      text: body.text,
      ...(body.format === undefined ? {} : {format: body.format}),
      ...(body.path === undefined ? {} : {path: body.path}),
      ...(config === undefined ? {} : {config}),
      ...(body.fix ? {fix: true} : {})
    }
    // One signal for every way a lint stops early: the time limit, too long in the queue, or the
    // client going away. The time limit starts when a worker takes the task, so a text is not
    // charged for the texts ahead of it or for a worker starting up.
    const controller = new AbortController()
    const channel = new MessageChannel()
    let timer = setTimeout(() => controller.abort('queued'), queueWait)
    channel.port1.once('message', () => {
      clearTimeout(timer)
      timer = setTimeout(() => controller.abort('timeout'), timeout)
    })
    const gone = () => {
      if (!reply.raw.writableEnded) controller.abort('client-closed')
    }
    reply.raw.once('close', gone)
    const started = performance.now()
    let outcome: LintOutcome
    try {
      outcome = await pool.run({...task, started: channel.port2}, {signal: controller.signal, transferList: [channel.port2]})
    } catch (error) {
      if (controller.signal.aborted) {
        if (controller.signal.reason === 'client-closed') {
          request.log.info('client closed the connection before the lint finished')
          return reply
        }
        if (controller.signal.reason === 'queued') {
          request.log.warn({waited: queueWait}, 'gave up waiting for a free worker')
          reply.header('retry-after', '5')
          return refuse(reply, 503, `The server is busy: no worker was free within ${queueWait} ms, try again shortly`)
        }
        request.log.warn({chars: body.text.length, limit: timeout}, 'lint stopped at the time limit')
        return refuse(reply, 504, `Linting took longer than the time limit of ${timeout} ms; the text was not checked`, {
          limit: timeout
        })
      }
      throw error
    } finally {
      clearTimeout(timer)
      channel.port1.close()
      reply.raw.off('close', gone)
    }
    if (!outcome.ok) {
      const keyPath = outcome.keyPath ? `config.${outcome.keyPath}` : 'config'
      return refuse(reply, 400, `${keyPath}: ${outcome.expected}`, {keyPath, expected: outcome.expected})
    }
    // The article text is confidential copy: log its size and the outcome, never the text.
    request.log.info(
      {
        format: body.format ?? 'txt',
        chars: body.text.length,
        messages: outcome.report.messages.length,
        ms: Math.round(performance.now() - started)
      },
      'linted'
    )
    return outcome.report
  })

  for (const asset of pageAssets()) {
    app.get(asset.url, async (_request, reply) => reply.headers({...pageHeaders, 'content-type': asset.type}).send(asset.body))
  }

  return app
}
