import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {runLoad, seedBodies} from '../../bench/http-load.js'
import {type Served, serve} from './serve.js'

// The small version of bench/http-load.ts: bounded in count (500) and time, asserts no failures.
describe('under load', () => {
  let server: Served
  beforeAll(async () => {
    server = await serve(['--quiet'])
  })
  afterAll(async () => {
    await server.stop()
  })

  it('answers 500 requests over 10 connections without an error, then still answers /healthz', async () => {
    const result = await runLoad({
      url: server.url,
      requests: 500,
      connections: 10,
      maxSeconds: 240,
      bodies: seedBodies(new URL('../../', import.meta.url), 'short')
    })
    expect(result.cutShort).toBe(false)
    expect(result).toMatchObject({sent: 500, ok: 500, non2xx: 0, errors: 0, timeouts: 0})
    const health = await fetch(`${server.url}/healthz`)
    expect(health.status).toBe(200)
    expect(server.child.exitCode).toBeNull()
  })
})
