import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {copydesk} from '../cli/spawn.js'
import {folder} from '../folder.js'

const article = 'Headline\n\nThe rebels, it is claimed, slammed the plan.\n'

describe('bad config exits 2 naming the file, the key path and what was expected', () => {
  it.each([
    {
      name: 'wrong option type',
      config: {rules: {readability: ['warning', {targetGrade: 'nine'}]}},
      path: 'rules.readability[1].targetGrade',
      expected: 'number'
    },
    {name: 'unknown rule', config: {rules: {'no-such-rule': 'warning'}}, path: 'rules.no-such-rule', expected: 'unknown rule'},
    {
      name: 'unknown option',
      config: {rules: {'loaded-wording': ['warning', {alow: []}]}},
      path: 'rules.loaded-wording[1].alow',
      expected: 'unknown option'
    },
    {
      name: 'bad severity',
      config: {rules: {'passive-voice': 'warn'}},
      path: 'rules.passive-voice',
      expected: '"off", "info", "warning", "error"'
    },
    {name: 'unknown top-level key', config: {rulez: {}}, path: 'rulez', expected: 'unknown key'},
    {name: 'bad extends', config: {extends: 'eslint:recommended'}, path: 'extends', expected: 'copydesk:recommended'}
  ])('$name', ({config, path: keyPath, expected}) => {
    const dir = folder({'.lintrc.json': JSON.stringify(config), 'a.txt': article})
    const run = copydesk(['a.txt'], {cwd: dir})
    expect(run.status).toBe(2)
    expect(run.stderr).toContain(path.join(dir, '.lintrc.json'))
    expect(run.stderr).toContain(keyPath)
    expect(run.stderr).toContain(expected)
  })

  it('broken JSON names the file, line and column', () => {
    const dir = folder({'.lintrc.json': '{\n  "rules": {\n    "readability": "off",\n  }\n}', 'a.txt': article})
    const run = copydesk(['a.txt'], {cwd: dir})
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('.lintrc.json')
    expect(run.stderr).toMatch(/line 4, column \d+/)
  })
})

describe('config is found from each file upward and merged', () => {
  const ids = (stdout: string) =>
    (JSON.parse(stdout) as Array<{messages: Array<{ruleId: string; severity: string}>}>).flatMap((file) =>
      file.messages.map((message) => `${message.ruleId}:${message.severity}`)
    )

  it('the nearest config overrides the farther one, which still applies', () => {
    const dir = folder({
      '.lintrc.json': JSON.stringify({rules: {'unattributed-claim': 'error'}}),
      'desk/.lintrc.json': JSON.stringify({rules: {'loaded-wording': 'off'}}),
      'desk/a.txt': article
    })
    const found = ids(copydesk(['--format', 'json', 'desk/a.txt'], {cwd: dir}).stdout)
    expect(found).toContain('unattributed-claim:error')
    expect(found.some((id) => id.startsWith('loaded-wording'))).toBe(false)
  })

  it('a root config stops the search upward', () => {
    const dir = folder({
      '.lintrc.json': JSON.stringify({rules: {'unattributed-claim': 'off'}}),
      'desk/.lintrc.json': JSON.stringify({root: true, rules: {}}),
      'desk/a.txt': article
    })
    expect(ids(copydesk(['--format', 'json', 'desk/a.txt'], {cwd: dir}).stdout)).toContain('unattributed-claim:warning')
  })

  it('extends a relative file, then overrides it', () => {
    const dir = folder({
      'shared/base.json': JSON.stringify({rules: {'unattributed-claim': 'error', 'loaded-wording': 'off'}}),
      'desk/.lintrc.json': JSON.stringify({extends: '../shared/base.json', rules: {'unattributed-claim': 'info'}}),
      'desk/a.txt': article
    })
    const found = ids(copydesk(['--format', 'json', 'desk/a.txt'], {cwd: dir}).stdout)
    expect(found).toContain('unattributed-claim:info')
    expect(found.some((id) => id.startsWith('loaded-wording'))).toBe(false)
  })

  it('--no-config ignores config files; --rule overrides', () => {
    const dir = folder({'.lintrc.json': JSON.stringify({rules: {'unattributed-claim': 'off'}}), 'a.txt': article})
    const found = ids(copydesk(['--no-config', '--rule', 'loaded-wording=error', '--format', 'json', 'a.txt'], {cwd: dir}).stdout)
    expect(found).toContain('unattributed-claim:warning')
    expect(found).toContain('loaded-wording:error')
  })

  it('--config uses the given file only', () => {
    const dir = folder({
      '.lintrc.json': JSON.stringify({rules: {'unattributed-claim': 'off'}}),
      'other.json': JSON.stringify({rules: {'unattributed-claim': 'error'}}),
      'a.txt': article
    })
    expect(ids(copydesk(['--config', 'other.json', '--format', 'json', 'a.txt'], {cwd: dir}).stdout)).toContain(
      'unattributed-claim:error'
    )
  })
})
