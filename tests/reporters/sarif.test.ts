import {readFileSync} from 'node:fs'
import {Ajv} from 'ajv'
import addFormatsModule from 'ajv-formats'
import type * as Sarif from 'sarif'
import {describe, expect, it} from 'vitest'
import {fingerprint} from '../../src/baseline.js'
import {type FileReport, lintText} from '../../src/engine/lint.js'
import {rules} from '../../src/registry.js'
import {toJsonMessage} from '../../src/reporters/json.js'
import {formatSarif} from '../../src/reporters/sarif.js'
import {copydesk} from '../cli/spawn.js'
import {folder} from '../folder.js'
import {only} from '../helpers.js'

// ajv-formats is CommonJS: under NodeNext its plugin is the module's `default`.
const addFormats = addFormatsModule.default
const schema = JSON.parse(readFileSync(new URL('../fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as object
const ajv = new Ajv({allErrors: true, strict: false})
addFormats(ajv)
const validate = ajv.compile(schema)

const story = 'Headline\n\nThe fanatics, it is claimed, failed.\n\nThe fanatics fled in order to hide.\n'
const config = only({'loaded-wording': 'error', 'unattributed-claim': 'warning', 'simpler-wording': 'info'})

function sarifOf(reports: FileReport[]): Sarif.Log {
  const text = formatSarif(reports, '/newsroom')
  const log = JSON.parse(text) as Sarif.Log
  expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true)
  return log
}

describe('--format sarif', () => {
  const report = lintText({text: story, path: 'desk/front page.txt', config})
  const log = sarifOf([report])
  const run = log.runs[0] as Sarif.Run
  const results = run.results ?? []

  it('is valid SARIF 2.1.0 and names the tool with every rule, its help and default level', () => {
    expect(log.version).toBe('2.1.0')
    // The schema check is not a formality: a level SARIF does not have is refused.
    expect(validate({...log, runs: [{...run, results: [{...results[0], level: 'info'}]}]})).toBe(false)
    const driver = run.tool.driver
    expect(driver).toMatchObject({
      name: 'copydesk',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      informationUri: expect.any(String)
    })
    expect(driver.rules?.map((rule) => rule.id)).toEqual(rules.map((rule) => rule.meta.id))
    for (const descriptor of driver.rules ?? []) {
      const meta = rules.find((rule) => rule.meta.id === descriptor.id)?.meta
      expect(descriptor.shortDescription?.text).toBe(meta?.description)
      expect(descriptor.helpUri).toContain(descriptor.id)
      expect(descriptor.help?.text).toContain(descriptor.id)
      expect(descriptor.defaultConfiguration?.level).toBe(
        {error: 'error', warning: 'warning', info: 'note'}[meta?.severity ?? 'info']
      )
    }
  })

  it('has one result per finding, at the place the JSON report gives, with its rule, level and message', () => {
    expect(results).toHaveLength(report.messages.length)
    results.forEach((result, index) => {
      const json = toJsonMessage(report.messages[index]!)
      expect(result.ruleId).toBe(json.ruleId)
      expect(run.tool.driver.rules?.[result.ruleIndex ?? -1]?.id).toBe(json.ruleId)
      expect(result.level).toBe({error: 'error', warning: 'warning', info: 'note'}[json.severity])
      expect(result.message.text).toBe(json.reason)
      const location = result.locations?.[0]?.physicalLocation
      expect(location?.region).toMatchObject({
        startLine: json.place?.start.line,
        startColumn: json.place?.start.column,
        endLine: json.place?.end.line,
        endColumn: json.place?.end.column,
        charOffset: json.place?.start.offset,
        charLength: (json.place?.end.offset ?? 0) - (json.place?.start.offset ?? 0)
      })
      const region = location?.region
      expect(story.slice(region?.charOffset, (region?.charOffset ?? 0) + (region?.charLength ?? 0))).toBe(region?.snippet?.text)
    })
    expect(results.map((result) => [result.ruleId, result.level])).toEqual(
      expect.arrayContaining([
        ['loaded-wording', 'error'],
        ['unattributed-claim', 'warning'],
        ['simpler-wording', 'note']
      ])
    )
  })

  it('gives paths relative, with forward slashes and percent-encoding', () => {
    const location = results[0]?.locations?.[0]?.physicalLocation?.artifactLocation
    expect(location).toEqual({uri: 'desk/front%20page.txt', uriBaseId: '%SRCROOT%'})
    expect(run.originalUriBaseIds?.['%SRCROOT%']?.uri).toBe('file:///newsroom/')
    const windows = sarifOf([{...report, path: 'desk\\a#1.txt'}]).runs[0]?.results?.[0]?.locations?.[0]?.physicalLocation
    expect(windows?.artifactLocation?.uri).toBe('desk/a%231.txt')
  })

  it('fingerprints findings as the baseline does, numbering repeats', () => {
    const fanatics = results.filter((result) => result.ruleId === 'loaded-wording')
    const messages = report.messages.filter((message) => message.ruleId === 'loaded-wording')
    expect(fanatics.map((result) => result.partialFingerprints?.['copydesk/v1'])).toEqual(
      messages.map((message) => `${fingerprint(message, report.text)}:1`)
    )
    // The same words around the same word: one fingerprint, told apart by `:1`, `:2` as GitHub does.
    const twice = lintText({
      text: 'they said the fanatics had won and they said the fanatics had won and\n',
      path: 'a.txt',
      config
    })
    const value = fingerprint(twice.messages[0]!, twice.text)
    const values = (sarifOf([twice]).runs[0]?.results ?? []).map((result) => result.partialFingerprints?.['copydesk/v1'])
    expect(values).toEqual([`${value}:1`, `${value}:2`])
  })

  it('offers safe fixes as SARIF fixes', () => {
    const furniture = lintText({
      text: 'Headline\n\nShare this article\n\nThe text.\n',
      path: 'a.txt',
      config: only({'stray-widget-text': 'warning'})
    })
    const result = sarifOf([furniture]).runs[0]?.results?.[0]
    const replacement = result?.fixes?.[0]?.artifactChanges[0]?.replacements[0]
    const fix = furniture.messages[0]?.fix
    expect(fix).toBeDefined()
    expect(replacement).toEqual({
      deletedRegion: {charOffset: fix?.range[0], charLength: (fix?.range[1] ?? 0) - (fix?.range[0] ?? 0)},
      insertedContent: {text: fix?.text}
    })
  })

  it('reports a file that could not be read as a failed tool execution, not as a finding', () => {
    const dir = folder({'a.txt': story, 'binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2])})
    const ran = copydesk(['--format', 'sarif', 'a.txt', 'binary.txt'], {cwd: dir})
    expect(ran.status).toBe(2)
    const cli = JSON.parse(ran.stdout) as Sarif.Log
    expect(validate(cli), JSON.stringify(validate.errors)).toBe(true)
    const invocation = cli.runs[0]?.invocations?.[0]
    expect(invocation?.executionSuccessful).toBe(false)
    expect(invocation?.toolExecutionNotifications).toEqual([
      expect.objectContaining({
        level: 'error',
        message: {text: expect.stringContaining('binary file')},
        locations: [{physicalLocation: {artifactLocation: {uri: 'binary.txt', uriBaseId: '%SRCROOT%'}}}]
      })
    ])
    const uris = new Set(cli.runs[0]?.results?.map((result) => result.locations?.[0]?.physicalLocation?.artifactLocation?.uri))
    expect([...uris]).toEqual(['a.txt'])
  })

  it('validates for every seed article', () => {
    const ran = copydesk(['--format', 'sarif', 'seeds'])
    const cli = JSON.parse(ran.stdout) as Sarif.Log
    expect(validate(cli), JSON.stringify(validate.errors)).toBe(true)
    expect(cli.runs[0]?.results?.length).toBeGreaterThan(50)
  })
})
