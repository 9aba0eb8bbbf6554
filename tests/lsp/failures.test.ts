import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {StreamMessageReader, StreamMessageWriter} from 'vscode-jsonrpc/node'
import {createConnection, ProposedFeatures} from 'vscode-languageserver/node'
import {type LintInput, lintText} from '../../src/engine/lint.js'
import type {AnyRule} from '../../src/kit/types.js'
import {startServer} from '../../src/lsp/server.js'
import {rulesById} from '../../src/registry.js'
import {LspClient} from './client.js'

// In process, so a rule can be broken and the engine made to throw; the protocol is the same.
let client: LspClient
let folder: string
const passive = rulesById.get('passive-voice') as {plugin: AnyRule['plugin']}
const original = passive.plugin

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'copydesk-lsp-fail-'))
  const pipes = LspClient.inProcess()
  client = pipes.client
  const connection = createConnection(
    ProposedFeatures.all,
    new StreamMessageReader(pipes.serverInput),
    new StreamMessageWriter(pipes.serverOutput)
  )
  startServer(connection, {
    lint: (input: LintInput) => {
      if (input.text.includes('CRASH')) throw new Error('parser fell over')
      return lintText(input)
    }
  })
  // A rule that throws on every document it sees.
  passive.plugin = () => () => {
    throw new Error('passive-voice broke')
  }
  await client.initialize(pathToFileURL(folder).href)
})

afterAll(() => {
  passive.plugin = original
  client.connection.dispose()
  rmSync(folder, {recursive: true, force: true})
})

describe('a failure on one document', () => {
  it('of one rule is reported and logged; the other rules still report', async () => {
    const uri = pathToFileURL(path.join(folder, 'rule.md')).href
    await client.open(uri, 'markdown', 'The fanatics were arrested.\n')
    const diagnostics = await client.diagnostics(uri)
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toContain('loaded-wording')
    const failure = diagnostics.find((diagnostic) => diagnostic.code === 'passive-voice')
    expect(failure).toMatchObject({severity: 1, message: expect.stringContaining('passive-voice broke')})
    const log = await client.waitFor('a log line', () =>
      client.logged.find((line) => line.message.includes('passive-voice broke'))
    )
    expect(log.type).toBe(1)
  })

  it('of the whole lint is reported, and the server goes on with the next edit', async () => {
    const uri = pathToFileURL(path.join(folder, 'crash.md')).href
    await client.open(uri, 'markdown', 'CRASH\n')
    const diagnostics = await client.diagnostics(uri)
    expect(diagnostics).toHaveLength(1)
    expect(diagnostics[0]?.message).toBe('copydesk could not lint this document: parser fell over')
    await client.waitFor('a log line', () => client.logged.find((line) => line.message.includes('parser fell over')))

    const version = await client.change(uri, {text: 'The fanatics fled.\n'})
    expect((await client.diagnostics(uri, version)).map((diagnostic) => diagnostic.code)).toContain('loaded-wording')
  })
})
