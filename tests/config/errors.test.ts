import {mkdirSync, mkdtempSync, realpathSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {copydesk} from '../cli/spawn.js'

const article = 'Headline\n\nThe rebels, it is claimed, slammed the plan.\n'
const json = (value: unknown) => JSON.stringify(value)
const severities = '"off", "info", "warning", "error"'

interface Case {
  readonly name: string
  /** Files of the project (`a.txt` is added); string values are written as they are. */
  readonly files: Record<string, unknown>
  readonly args?: readonly string[]
  /** The first line of stderr, `<dir>` standing for the project folder. */
  readonly stderr: string | RegExp
}

const cases: readonly Case[] = [
  {
    name: 'wrong option type',
    files: {'.lintrc.json': {rules: {readability: ['warning', {targetGrade: 'nine'}]}}},
    stderr: 'copydesk: bad config: <dir>/.lintrc.json: rules.readability[1].targetGrade: expected: must be number'
  },
  {
    name: 'unknown rule',
    files: {'.lintrc.json': {rules: {'no-such-rule': 'warning'}}},
    stderr: 'copydesk: bad config: <dir>/.lintrc.json: rules.no-such-rule: unknown rule `no-such-rule` (see `copydesk rules`)'
  },
  {
    name: 'unknown option',
    files: {'.lintrc.json': {rules: {'loaded-wording': ['warning', {alow: []}]}}},
    stderr: 'copydesk: bad config: <dir>/.lintrc.json: rules.loaded-wording[1].alow: unknown option `alow`'
  },
  {
    name: 'bad severity',
    files: {'.lintrc.json': {rules: {'passive-voice': 'warn'}}},
    stderr: `copydesk: bad config: <dir>/.lintrc.json: rules.passive-voice: expected a severity (${severities}) or [severity, options]`
  },
  {
    name: 'bad severity in an entry with options',
    files: {'.lintrc.json': {rules: {'passive-voice': ['warn', {}]}}},
    stderr: `copydesk: bad config: <dir>/.lintrc.json: rules.passive-voice[0]: expected one of ${severities}`
  },
  {
    name: 'a rule entry of the wrong shape',
    files: {'.lintrc.json': {rules: {readability: ['warning', {targetGrade: 9}, {}]}}},
    stderr: `copydesk: bad config: <dir>/.lintrc.json: rules.readability: expected a severity (${severities}) or [severity, options]`
  },
  {
    name: 'an option value not in the list',
    files: {'.lintrc.json': {rules: {'stray-widget-text': ['warning', {kinds: ['ads']}]}}},
    stderr:
      'copydesk: bad config: <dir>/.lintrc.json: rules.stray-widget-text[1].kinds[0]: expected one of "share", "call-to-action", "ad", "related", "caption", "byline"'
  },
  {
    name: 'extends of the wrong type',
    files: {'.lintrc.json': {extends: 3}},
    stderr:
      'copydesk: bad config: <dir>/.lintrc.json: extends: expected "copydesk:recommended", "copydesk:strict", a relative path, or a list of them'
  },
  {
    name: 'not an object',
    files: {'.lintrc.json': []},
    stderr: 'copydesk: bad config: <dir>/.lintrc.json: expected: must be object'
  },
  {
    name: 'broken JSON',
    files: {'.lintrc.json': '{\n  "rules": {\n    "readability": "off",\n  }\n}'},
    stderr: /^copydesk: bad config: <dir>\/\.lintrc\.json: broken JSON: .+ at line 4, column 3$/
  },
  {
    name: 'empty file',
    files: {'.lintrc.json': ''},
    stderr: /^copydesk: bad config: <dir>\/\.lintrc\.json: broken JSON: /
  },
  {
    name: 'a bad pattern',
    files: {
      '.lintrc.json': {rules: {'stray-widget-text': ['warning', {phrases: ['Echo Live Desk', 'x', '/(more|less from/i']}]}}
    },
    stderr:
      'copydesk: bad config: <dir>/.lintrc.json: rules.stray-widget-text[1].phrases[2]: invalid pattern `/(more|less from/i`: missing closing ): `(more|less from`'
  },
  {
    name: 'a pattern that would need backtracking',
    files: {'.lintrc.json': {rules: {'unattributed-claim': ['warning', {allow: ['/(\\w+) \\1/']}]}}},
    stderr:
      'copydesk: bad config: <dir>/.lintrc.json: rules.unattributed-claim[1].allow[0]: invalid pattern `/(\\w+) \\1/`: invalid escape sequence: `\\1` (lookarounds and backreferences are not supported: patterns run in linear time)'
  },
  {
    name: 'a pattern flag that means nothing here',
    files: {'.lintrc.json': {rules: {'stray-widget-text': ['warning', {allow: ['/read more/g']}]}}},
    stderr:
      'copydesk: bad config: <dir>/.lintrc.json: rules.stray-widget-text[1].allow[0]: flag `g` in `/read more/g` has no use here, expected some of i, m, s'
  },
  {
    name: 'wrong type in an extended file names that file',
    files: {
      '.lintrc.json': {extends: './shared/base.json'},
      'shared/base.json': {rules: {readability: ['warning', {targetGrade: 'x'}]}}
    },
    stderr: 'copydesk: bad config: <dir>/shared/base.json: rules.readability[1].targetGrade: expected: must be number'
  },
  {
    name: 'unknown rule in an extended file names that file',
    files: {
      '.lintrc.json': {extends: ['copydesk:strict', './shared/base.json']},
      'shared/base.json': {rules: {'no-rule': 'off'}}
    },
    stderr: 'copydesk: bad config: <dir>/shared/base.json: rules.no-rule: unknown rule `no-rule` (see `copydesk rules`)'
  },
  {
    name: 'broken JSON in an extended file names that file',
    files: {'.lintrc.json': {extends: './base.json'}, 'base.json': '{"rules": '},
    stderr: /^copydesk: bad config: <dir>\/base\.json: broken JSON: /
  },
  {
    name: 'a missing extended file',
    files: {'.lintrc.json': {extends: ['copydesk:recommended', './shared/nope.json']}},
    stderr:
      'copydesk: bad config: <dir>/.lintrc.json: extends[1]: cannot read `./shared/nope.json` (<dir>/shared/nope.json): no such file'
  },
  {
    name: 'an extended file that is a folder',
    files: {'.lintrc.json': {extends: './shared'}, 'shared/x.json': {}},
    stderr: 'copydesk: bad config: <dir>/.lintrc.json: extends: cannot read `./shared` (<dir>/shared): is a folder, not a file'
  },
  {
    name: 'an unknown preset',
    files: {'.lintrc.json': {extends: 'eslint:recommended'}},
    stderr:
      'copydesk: bad config: <dir>/.lintrc.json: extends: expected "copydesk:recommended", "copydesk:strict" or a relative path, got `eslint:recommended`'
  },
  {
    name: 'circular extends',
    files: {'.lintrc.json': {extends: './shared/b.json'}, 'shared/b.json': {extends: '../.lintrc.json'}},
    stderr: 'copydesk: bad config: <dir>/shared/b.json: extends: circular extends: .lintrc.json → shared/b.json → .lintrc.json'
  },
  {
    name: 'a config extending itself',
    files: {'.lintrc.json': {extends: './.lintrc.json'}},
    stderr: 'copydesk: bad config: <dir>/.lintrc.json: extends: circular extends: .lintrc.json → .lintrc.json'
  },
  {
    name: '--config pointing to a missing file',
    files: {},
    args: ['--config', 'missing.json'],
    stderr: 'copydesk: bad config: <dir>/missing.json: cannot read config: no such file'
  },
  {
    name: '--config pointing to a bad file',
    files: {'other.json': {rules: {readability: 'loud'}}},
    args: ['--config', 'other.json'],
    stderr: `copydesk: bad config: <dir>/other.json: rules.readability: expected a severity (${severities}) or [severity, options]`
  },
  {
    name: '--rule without a severity',
    files: {},
    args: ['--rule', 'loaded-wording'],
    stderr: 'copydesk: --rule expects ID=SEVERITY, got `loaded-wording`'
  },
  {
    name: '--rule with an unknown rule',
    files: {},
    args: ['--rule', 'nope=error'],
    stderr: 'copydesk: --rule: unknown rule `nope` (see `copydesk rules`)'
  },
  {
    name: '--rule with a bad severity',
    files: {},
    args: ['--rule', 'passive-voice=warn'],
    stderr: 'copydesk: --rule passive-voice: unknown severity `warn`, expected off, info, warning, error'
  }
]

describe('every config mistake exits 2 with one line naming the file, the key path and what was expected', () => {
  it.each(cases)('$name', ({files, args = [], stderr}) => {
    // The real path: the message shows the folder as the process sees it.
    const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'copydesk-config-errors-')))
    for (const [name, content] of Object.entries({...files, 'a.txt': article})) {
      mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
      writeFileSync(path.join(dir, name), typeof content === 'string' ? content : json(content))
    }
    const run = copydesk([...args, 'a.txt'], {cwd: dir})
    expect(run.status).toBe(2)
    expect(run.stdout).toBe('')
    const first = (run.stderr.split('\n')[0] ?? '').replaceAll(dir, '<dir>')
    if (typeof stderr === 'string') expect(first).toBe(stderr)
    else expect(first).toMatch(stderr)
    expect(run.stderr).not.toMatch(/\n\s+at /)
  })
})

describe('configs that look alike but are fine', () => {
  it('two configs extending one shared base is not a loop', () => {
    const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'copydesk-config-errors-')))
    mkdirSync(path.join(dir, 'shared'))
    mkdirSync(path.join(dir, 'desk'))
    writeFileSync(path.join(dir, 'shared/base.json'), json({rules: {'unattributed-claim': 'error'}}))
    writeFileSync(path.join(dir, '.lintrc.json'), json({extends: './shared/base.json'}))
    writeFileSync(path.join(dir, 'desk/.lintrc.json'), json({extends: ['../shared/base.json', '../shared/base.json']}))
    writeFileSync(path.join(dir, 'desk/a.txt'), article)
    const run = copydesk(['--format', 'json', 'desk/a.txt'], {cwd: dir})
    expect(run.stderr).toBe('')
    expect(run.status).toBe(1)
    const messages = (JSON.parse(run.stdout) as Array<{messages: Array<{ruleId: string; severity: string}>}>)[0]?.messages ?? []
    expect(messages.map((message) => `${message.ruleId}:${message.severity}`)).toContain('unattributed-claim:error')
  })
})
