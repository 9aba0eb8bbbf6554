import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {CodeAction} from 'vscode-languageserver'
import {defaultConfig} from '../../src/config/load.js'
import {lintText} from '../../src/engine/lint.js'
import type {Format} from '../../src/kit/types.js'
import {copydesk} from '../cli/spawn.js'
import {LspClient, rangeOf, slice} from './client.js'

const article = [
  '# Flood 😀 update',
  '',
  'The fanatics reportedly fled the town.',
  '',
  'In order to help, the council opened the hall.',
  '',
  'Share this article',
  ''
].join('\n')

/** The alternatives the engine itself gives for the finding on `word`: what the quick fixes must offer. */
function expectedAt(text: string, format: Format, word: string): string[] {
  const start = text.indexOf(word)
  const message = lintText({text, format, config: defaultConfig}).messages.find(
    (candidate) => candidate.place && 'start' in candidate.place && candidate.place.start.offset === start
  )
  return message?.expected ?? []
}

/** The actions for one rule's findings. */
function forRule(actions: CodeAction[], ruleId: string): CodeAction[] {
  return actions.filter((action) => action.diagnostics?.some((diagnostic) => diagnostic.code === ruleId))
}

let folder: string
let client: LspClient
const uriOf = (name: string): string => pathToFileURL(path.join(folder, name)).href

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'copydesk-lsp-'))
  client = LspClient.spawn()
  await client.initialize(pathToFileURL(folder).href)
})

afterAll(async () => {
  await client.stop()
  rmSync(folder, {recursive: true, force: true})
})

describe('copydesk lsp', () => {
  it('publishes findings on open, exactly over the flagged text', async () => {
    const uri = uriOf('open.md')
    await client.open(uri, 'markdown', article)
    const diagnostics = await client.diagnostics(uri)
    const loaded = diagnostics.find((diagnostic) => slice(article, diagnostic.range) === 'fanatics')
    expect(loaded).toMatchObject({
      code: 'loaded-wording',
      source: 'copydesk',
      severity: 2,
      codeDescription: {href: expect.stringMatching(/rules\/loaded-wording\/README\.md$/)},
      message: expect.stringContaining('fanatics')
    })
    // The emoji before it is two UTF-16 units; the range is over the word itself.
    expect(slice(article, loaded?.range ?? rangeOf(article, 'x'))).toBe('fanatics')
    const flagged = diagnostics.map((diagnostic) => [diagnostic.code, slice(article, diagnostic.range)])
    expect(flagged).toContainEqual(['unattributed-claim', 'reportedly'])
    expect(flagged).toContainEqual(['simpler-wording', 'In order to'])
    expect(flagged).toContainEqual(['stray-widget-text', 'Share this article'])
    // `simpler-wording` is an info rule by default.
    expect(diagnostics.find((diagnostic) => diagnostic.code === 'simpler-wording')?.severity).toBe(3)
  })

  it('keeps ranges exact in a document with Windows line ends', async () => {
    const uri = uriOf('crlf.md')
    const text = '# Floods\r\n\r\n“Quoted” 𝒳 then the fanatics fled.\r\n'
    await client.open(uri, 'markdown', text)
    const loaded = (await client.diagnostics(uri)).find((diagnostic) => diagnostic.code === 'loaded-wording')
    expect(loaded?.range.start.line).toBe(2)
    expect(loaded && slice(text, loaded.range)).toBe('fanatics')
  })

  it('answers edits with the findings of the latest version', async () => {
    const uri = uriOf('edit.md')
    await client.open(uri, 'markdown', article)
    await client.diagnostics(uri)
    // Three quick keystrokes' worth of edits: the findings shown are those of the last one.
    await client.change(uri, {range: rangeOf(client.text(uri), 'fanatics'), text: 'protesters'})
    await client.change(uri, {range: rangeOf(client.text(uri), 'the hall'), text: 'the fanatics hall'})
    const last = await client.change(uri, {range: rangeOf(client.text(uri), 'In order to'), text: 'To'})
    const diagnostics = await client.diagnostics(uri, last)
    const text = client.text(uri)
    const flagged = diagnostics.map((diagnostic) => [diagnostic.code, slice(text, diagnostic.range)])
    expect(flagged).toContainEqual(['loaded-wording', 'fanatics'])
    expect(flagged).not.toContainEqual(['simpler-wording', 'In order to'])
    expect(diagnostics.find((diagnostic) => slice(text, diagnostic.range) === 'fanatics')?.range.start.line).toBe(4)
    // Nothing older arrives after the latest.
    const versions = client.published.filter((params) => params.uri === uri).map((params) => params.version ?? 0)
    expect(versions).toEqual([...versions].sort((a, b) => a - b))
  })

  it('offers each alternative, the safe fix and "ignore here" as quick fixes that work', async () => {
    const uri = uriOf('actions.md')
    await client.open(uri, 'markdown', article)
    await client.diagnostics(uri)

    const alternatives = expectedAt(article, 'md', 'fanatics')
    expect(alternatives.length).toBeGreaterThan(1)
    const onWord = forRule(await client.codeActions(uri, rangeOf(article, 'fanatics')), 'loaded-wording')
    expect(onWord.map((action) => action.title)).toEqual([
      ...alternatives.map((alternative) => `Replace \`fanatics\` with \`${alternative}\``),
      'Ignore `loaded-wording` in this block',
      'Disable `loaded-wording` for this file'
    ])
    expect(onWord.every((action) => action.kind === 'quickfix')).toBe(true)
    // Several alternatives: none is applied without asking.
    expect(onWord.some((action) => action.isPreferred)).toBe(false)

    let version = await client.apply(uri, onWord[1]?.edit)
    expect(client.text(uri)).toContain(`The ${alternatives[1]} reportedly fled the town`)
    let flagged = (await client.diagnostics(uri, version)).map((diagnostic) => diagnostic.code)
    expect(flagged).not.toContain('loaded-wording')

    // Stray page furniture: the fix removes the line, and the finding with it.
    const onWidget = await client.codeActions(uri, rangeOf(client.text(uri), 'Share this'))
    const remove = onWidget.find((action) => action.title === 'Remove `Share this article`')
    expect(remove?.isPreferred).toBe(true)
    version = await client.apply(uri, remove?.edit)
    expect(client.text(uri)).not.toContain('Share this article')
    flagged = (await client.diagnostics(uri, version)).map((diagnostic) => diagnostic.code)
    expect(flagged).not.toContain('stray-widget-text')

    // "Ignore here" silences the rule in that paragraph only.
    const onClaim = await client.codeActions(uri, rangeOf(client.text(uri), 'reportedly'))
    const ignore = onClaim.find((action) => action.title === 'Ignore `unattributed-claim` in this block')
    version = await client.apply(uri, ignore?.edit)
    expect(client.text(uri)).toContain(`<!-- copydesk-ignore-next unattributed-claim -->\nThe ${alternatives[1]} reportedly`)
    flagged = (await client.diagnostics(uri, version)).map((diagnostic) => diagnostic.code)
    expect(flagged).not.toContain('unattributed-claim')
    expect(flagged).toContain('simpler-wording')
  })

  it('matches the case of the flagged word in replacements', async () => {
    const uri = uriOf('case.md')
    const text = 'Fanatics fled the town.\n'
    await client.open(uri, 'markdown', text)
    await client.diagnostics(uri)
    const first = expectedAt(text, 'md', 'Fanatics')[0] ?? ''
    const actions = await client.codeActions(uri, rangeOf(text, 'Fanatics'))
    expect(actions[0]?.title).toBe(`Replace \`Fanatics\` with \`${first.charAt(0).toUpperCase()}${first.slice(1)}\``)
  })

  it('fixes everything fixable at once, as `copydesk --fix` does, as a fix-all source action', async () => {
    const uri = uriOf('fix-all.md')
    // Two pieces of furniture apart, so that fixing one leaves the other: "fix all" does more than either.
    const text = '# Floods\n\nThe river rose.\n\nShare this article\n\nThe water fell.\n\nRead more\n\nThe roads opened.\n'
    await client.open(uri, 'markdown', text)
    await client.diagnostics(uri)
    const actions = await client.codeActions(uri, rangeOf(text, '# Floods'), ['source.fixAll'])
    expect(actions.map((action) => [action.kind, action.title])).toEqual([
      ['source.fixAll.copydesk', 'Fix all auto-fixable copydesk problems (2)']
    ])
    const version = await client.apply(uri, actions[0]?.edit)
    const onDisk = path.join(folder, 'fix-all-cli.md')
    writeFileSync(onDisk, text)
    copydesk(['--fix', onDisk])
    expect(client.text(uri)).toBe(readFileSync(onDisk, 'utf8'))
    expect(client.text(uri)).toBe('# Floods\n\nThe river rose.\n\nThe water fell.\n\nThe roads opened.\n')
    expect(await client.diagnostics(uri, version)).toEqual([])

    // Beside a fix at the cursor, the light bulb offers "fix all" too when there is more to fix.
    await client.change(uri, {text})
    await client.diagnostics(uri)
    const atCursor = await client.codeActions(uri, rangeOf(text, 'Read more'))
    expect(atCursor.map((action) => action.title)).toContain('Fix all auto-fixable copydesk problems (2)')
  })

  it('offers no inline comments in plain text, which has none', async () => {
    const uri = uriOf('plain.txt')
    const text = 'Floods\n\nThe fanatics fled the town.\n'
    await client.open(uri, 'plaintext', text)
    await client.diagnostics(uri)
    const titles = (await client.codeActions(uri, rangeOf(text, 'fanatics'))).map((action) => action.title)
    expect(titles).toEqual(
      expectedAt(text, 'txt', 'fanatics').map((alternative) => `Replace \`fanatics\` with \`${alternative}\``)
    )
  })

  it('reads HTML, and plain text by extension, and leaves other documents alone', async () => {
    const html = '<article>\n  <h1>Floods</h1>\n  <p>The &amp; <b>fanatics</b> fled.</p>\n</article>\n'
    await client.open(uriOf('page.html'), 'html', html)
    const onPage = await client.diagnostics(uriOf('page.html'))
    const loaded = onPage.find((diagnostic) => diagnostic.code === 'loaded-wording')
    expect(loaded && slice(html, loaded.range)).toBe('fanatics')
    const actions = await client.codeActions(uriOf('page.html'), rangeOf(html, 'fanatics'))
    const ignore = actions.find((action) => action.title === 'Ignore `loaded-wording` in this block')
    const version = await client.apply(uriOf('page.html'), ignore?.edit)
    expect(client.text(uriOf('page.html'))).toContain('  <!-- copydesk-ignore-next loaded-wording -->\n  <p>The &amp;')
    expect((await client.diagnostics(uriOf('page.html'), version)).map((d) => d.code)).not.toContain('loaded-wording')

    await client.open(uriOf('config.json'), 'json', '{"fanatics": true}\n')
    await client.open(uriOf('notes.txt'), 'unknown-language', 'The fanatics fled.\n')
    expect((await client.diagnostics(uriOf('notes.txt'))).map((d) => d.code)).toContain('loaded-wording')
    // The server handles notifications in order: had it linted the JSON, that would be here by now.
    expect(client.published.some((params) => params.uri === uriOf('config.json'))).toBe(false)
  })

  it('clears the findings of a closed document', async () => {
    const uri = uriOf('close.md')
    await client.open(uri, 'markdown', article)
    expect((await client.diagnostics(uri)).length).toBeGreaterThan(0)
    const since = client.published.length
    await client.close(uri)
    expect(await client.nextDiagnostics(uri, since)).toEqual([])
  })

  it('follows the nearest .lintrc.json, reloads it when it changes, and explains a broken one', async () => {
    const sub = path.join(folder, 'desk')
    const configFile = path.join(sub, '.lintrc.json')
    const configUri = pathToFileURL(configFile).href
    const uri = pathToFileURL(path.join(sub, 'story.md')).href
    mkdirSync(sub, {recursive: true})
    writeFileSync(configFile, JSON.stringify({rules: {'loaded-wording': 'error'}}))
    await client.open(uri, 'markdown', article)
    let diagnostics = await client.diagnostics(uri)
    expect(diagnostics.find((diagnostic) => diagnostic.code === 'loaded-wording')?.severity).toBe(1)

    // The rule turned off on disk: open documents are linted again.
    let since = client.published.length
    writeFileSync(configFile, JSON.stringify({rules: {'loaded-wording': 'off'}}))
    await client.filesChanged([{uri: configUri, type: 2}])
    diagnostics = await client.nextDiagnostics(uri, since)
    expect(diagnostics.map((diagnostic) => diagnostic.code)).not.toContain('loaded-wording')
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toContain('unattributed-claim')

    // A broken config: a notification and a diagnostic that name the file and the key; the server lives on.
    since = client.published.length
    const shownBefore = client.shown.length
    writeFileSync(configFile, '{\n  "rules": {\n    "readability": ["warning", {"targetGrade": 99}]\n  }\n}\n')
    await client.filesChanged([{uri: configUri, type: 2}])
    diagnostics = await client.nextDiagnostics(uri, since)
    expect(diagnostics).toHaveLength(1)
    expect(diagnostics[0]?.message).toContain(configFile)
    expect(diagnostics[0]?.message).toContain('rules.readability[1].targetGrade')
    const shown = await client.waitFor('a notification', () => client.shown.slice(shownBefore)[0])
    expect(shown.type).toBe(1)
    expect(shown.message).toContain(configFile)
    expect(shown.message).toContain('targetGrade')
    const onConfig = await client.nextDiagnostics(configUri, since)
    expect(onConfig[0]?.range.start).toEqual({line: 2, character: 32})

    // Fixed again: the findings come back and the config's diagnostic goes away.
    since = client.published.length
    writeFileSync(configFile, JSON.stringify({rules: {readability: ['warning', {targetGrade: 9}]}}))
    await client.filesChanged([{uri: configUri, type: 2}])
    diagnostics = await client.nextDiagnostics(uri, since)
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toContain('loaded-wording')
    expect(await client.nextDiagnostics(configUri, since)).toEqual([])
  })

  it('asks the editor to watch config files', async () => {
    expect(client.registrations).toContain('workspace/didChangeWatchedFiles')
  })
})

describe('copydesk lsp on the command line', () => {
  it('refuses options it does not take, with a usage error', () => {
    const run = copydesk(['lsp', '--socket=9000'])
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('--socket=9000')
  })

  it('leaves a document too large for its memory alone, says so, and lints it again once it is cut down', async () => {
    // A 64 MB old generation: about 1.5 MB of prose is more than a quarter of what the server may use.
    const server = LspClient.spawn(['lsp', '--stdio'], {NODE_OPTIONS: '--max-old-space-size=64'})
    const folder = mkdtempSync(path.join(tmpdir(), 'copydesk-lsp-large-'))
    await server.initialize(pathToFileURL(folder).href)
    const uri = pathToFileURL(path.join(folder, 'large.md')).href
    const paragraph = 'The fanatics, it is claimed, slammed the plan to close four libraries on Tuesday.\n\n'
    await server.open(uri, 'markdown', `# Council\n\n${paragraph.repeat(18_000)}`)
    const refused = await server.diagnostics(uri)
    expect(refused.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.range.start])).toEqual([
      ['too-large', 2, {line: 0, character: 0}]
    ])
    expect(refused[0]?.message).toMatch(/^copydesk does not lint a document this large in the editor \(1\.4 MB\)/)
    // The server is still there: cut down to one paragraph, the document is linted.
    const cut = await server.change(uri, {text: `# Council\n\n${paragraph}`})
    const linted = await server.diagnostics(uri, cut)
    expect(linted.map((diagnostic) => diagnostic.code)).toEqual(expect.arrayContaining(['loaded-wording', 'unattributed-claim']))
    expect(await server.stop()).toBe(0)
    rmSync(folder, {recursive: true, force: true})
  })

  it('exits cleanly after shutdown and exit', async () => {
    const server = LspClient.spawn(['lsp'])
    await server.initialize(pathToFileURL(tmpdir()).href)
    expect(await server.stop()).toBe(0)
  })
})
