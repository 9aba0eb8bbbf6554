import {existsSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {documentFormat} from '../../src/lsp/convert.js'
import {defaultDebounce} from '../../src/lsp/server.js'
import {root} from '../cli/spawn.js'
import {LspClient} from './client.js'

const folder = path.join(root, 'editors', 'vscode')
const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as {
  main: string
  engines: {vscode: string}
  activationEvents: string[]
  contributes: {
    commands: {command: string; title: string}[]
    configuration: {properties: Record<string, {default?: unknown; type: string}>}
  }
  dependencies: Record<string, string>
}
const source = readFileSync(path.join(folder, 'src', 'extension.ts'), 'utf8')
const rootManifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {dependencies: Record<string, string>}

const major = (range: string | undefined): number => Number(/(\d+)/.exec(range ?? '')?.[1])
const minimum = (range: string): number[] => (/(\d+)\.(\d+)\.(\d+)/.exec(range) ?? []).slice(1).map(Number)

describe('the VS Code extension', () => {
  it('builds its entry point from a source file that exists', () => {
    expect(manifest.main).toBe('./dist/extension.js')
    expect(existsSync(path.join(folder, 'src', 'extension.ts'))).toBe(true)
  })

  it('contributes every command it registers, and registers every command it contributes', () => {
    const registered = [...source.matchAll(/registerCommand\('([^']+)'/g)].map((match) => match[1])
    const contributed = manifest.contributes.commands.map((command) => command.command)
    expect(registered.sort()).toEqual([...contributed].sort())
  })

  it('declares every setting it reads, with the default it assumes', () => {
    const properties = manifest.contributes.configuration.properties
    const read = [...source.matchAll(/get<\w+>\('([^']+)', ([^)]+)\)/g)].map((match) => [match[1], match[2]])
    expect(read.length).toBeGreaterThan(0)
    for (const [key, fallback] of read) {
      const declared = properties[`copydesk.${key}`]
      expect(declared, `copydesk.${key}`).toBeDefined()
      expect(JSON.stringify(declared?.default)).toBe(fallback?.replace(/^'(.*)'$/, '"$1"'))
    }
    // vscode-languageclient reads `<client id>.trace.server`.
    expect(source).toContain("new LanguageClient('copydesk'")
    expect(properties['copydesk.trace.server']).toBeDefined()
    expect(properties['copydesk.debounce']?.default).toBe(defaultDebounce)
  })

  it('activates on exactly the languages it sends, all of which the server lints', () => {
    const listed = /languages = \[([^\]]+)\]/.exec(source)?.[1] ?? ''
    const languages = [...listed.matchAll(/'([^']+)'/g)].map((match) => match[1] ?? '')
    expect(manifest.activationEvents.sort()).toEqual(languages.map((language) => `onLanguage:${language}`).sort())
    for (const language of languages) expect(documentFormat(language, 'untitled:Untitled-1'), language).toBeDefined()
  })

  it('pairs a client with the server library of the same major version, on a VS Code it supports', () => {
    expect(major(manifest.dependencies['vscode-languageclient'])).toBe(major(rootManifest.dependencies['vscode-languageserver']))
    const lock = path.join(folder, 'package-lock.json')
    const locked = JSON.parse(readFileSync(lock, 'utf8')) as {packages: Record<string, {engines?: {vscode?: string}}>}
    const needs = locked.packages['node_modules/vscode-languageclient']?.engines?.vscode ?? '^0.0.0'
    const [needMajor = 0, needMinor = 0] = minimum(needs)
    const [haveMajor = 0, haveMinor = 0] = minimum(manifest.engines.vscode)
    expect(haveMajor * 1000 + haveMinor).toBeGreaterThanOrEqual(needMajor * 1000 + needMinor)
  })

  it('starts the server the way vscode-languageclient does (`lsp --stdio --clientProcessId=N`)', async () => {
    expect(source).toContain("transport: TransportKind.stdio, args: ['lsp']")
    const client = LspClient.spawn(['lsp', '--stdio', `--clientProcessId=${process.pid}`])
    const result = await client.initialize(pathToFileURL(tmpdir()).href)
    expect(result.serverInfo?.name).toBe('copydesk')
    expect(await client.stop()).toBe(0)
  })
})
