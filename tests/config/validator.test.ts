import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {ValidateFunction} from 'ajv'
import {describe, expect, it} from 'vitest'
import {compileSchema} from '../../src/config/validator.js'
import {rules} from '../../src/registry.js'
import {bin, root} from '../cli/spawn.js'

// `npm run build` compiles the config schema to code (src/config/build-validator.ts); a run from
// source compiles it with Ajv instead. Both must judge every config the same, to the error.
const built = (
  (await import(pathToFileURL(path.join(root, 'dist', 'src', 'config', 'config-validator.js')).href)) as {
    default: ValidateFunction
  }
).default
const compiled = compileSchema().validate

const everyRuleWithDefaults = Object.fromEntries(rules.map((rule) => [rule.meta.id, ['warning', rule.meta.defaults]]))
const configs: ReadonlyArray<readonly [string, unknown]> = [
  ['empty', {}],
  ['the repository’s own', JSON.parse(readFileSync(path.join(root, '.lintrc.json'), 'utf8'))],
  ['every rule with its defaults', {root: true, extends: ['copydesk:strict', './base.json'], rules: everyRuleWithDefaults}],
  ['every rule off', {rules: Object.fromEntries(rules.map((rule) => [rule.meta.id, 'off']))}],
  ['phrases and patterns', {rules: {'unattributed-claim': ['error', {phrases: ['it is rumoured', '/sources? (?:say|said)/i']}]}}],
  ['not an object', ['warning']],
  ['unknown key', {rule: {}}],
  ['extends of the wrong type', {extends: 3}],
  ['unknown rule', {rules: {'no-such-rule': 'warning'}}],
  ['bad severity', {rules: {'passive-voice': 'warn'}}],
  ['bad severity with options', {rules: {'passive-voice': ['warn', {}]}}],
  ['entry too long', {rules: {readability: ['warning', {targetGrade: 9}, {}]}}],
  ['empty entry', {rules: {readability: []}}],
  ['option of the wrong type', {rules: {readability: ['warning', {targetGrade: 'nine'}]}}],
  ['unknown option', {rules: {'loaded-wording': ['warning', {alow: []}]}}],
  ['value not in the list', {rules: {'stray-widget-text': ['warning', {kinds: ['ads']}]}}],
  ['a pattern that does not compile', {rules: {'unattributed-claim': ['warning', {phrases: ['/(abc/']}]}}],
  ['a phrase twice', {rules: {'unattributed-claim': ['warning', {allow: ['they say', 'they say']}]}}],
  ['an empty phrase', {rules: {'loaded-wording': ['warning', {allow: ['']}]}}],
  ['several mistakes at once', {root: 'yes', rules: {readability: 'loud', 'passive-voice': ['warning', {x: 1}]}}]
]

describe('the config validator built with the package', () => {
  it.each(configs)('judges a config as the schema compiled now does: %s', (_name, config) => {
    const builtValid = built(config)
    const compiledValid = compiled(config)
    expect(builtValid).toBe(compiledValid)
    expect(built.errors ?? null).toEqual(compiled.errors ?? null)
  })

  it('tells the valid configs from the invalid ones', () => {
    const valid = configs.filter(([, config]) => built(config)).map(([name]) => name)
    expect(valid).toEqual([
      'empty',
      'the repository’s own',
      'every rule with its defaults',
      'every rule off',
      'phrases and patterns'
    ])
  })

  it('is what a run uses: a run with a config file never loads Ajv’s compiler', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'copydesk-validator-'))
    writeFileSync(
      path.join(folder, '.lintrc.json'),
      JSON.stringify({rules: {'unattributed-claim': ['warning', {phrases: ['x']}]}})
    )
    writeFileSync(path.join(folder, 'story.txt'), 'Headline\n\nThe plan, it is claimed, failed.\n')
    // Lists the CommonJS modules the process loaded (Ajv and its helpers are CommonJS).
    const preload = path.join(folder, 'list-modules.cjs')
    writeFileSync(
      preload,
      "process.on('exit', () => { for (const file of Object.keys(require.cache)) process.stderr.write('CJS ' + file + '\\n') })\n"
    )
    const run = spawnSync(process.execPath, ['--require', preload, bin, '--jobs', '1', 'story.txt'], {
      cwd: folder,
      encoding: 'utf8'
    })
    expect(run.stdout).toContain('unattributed-claim')
    const loaded = run.stderr.split('\n').filter((line) => line.startsWith('CJS '))
    // The built validator's own helper shows the list is complete...
    expect(loaded.some((line) => line.endsWith(path.join('ajv', 'dist', 'runtime', 'equal.js')))).toBe(true)
    // ...and Ajv's compiler is not in it.
    expect(loaded.filter((line) => /[\\/]ajv[\\/]dist[\\/](ajv|core)\.js$/.test(line))).toEqual([])
  })
})
