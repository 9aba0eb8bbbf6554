import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {folder} from '../folder.js'
import {copydesk} from './spawn.js'

interface Report {
  path: string
  messages: Array<{ruleId: string | null; actual?: string; line: number | null}>
}
const found = (stdout: string) =>
  (JSON.parse(stdout) as Report[]).flatMap((report) =>
    report.messages.map((message) => `${report.path} ${message.ruleId} ${message.actual}`)
  )

// Two rules only, so that every finding in these stories is known by name.
const flags = [
  '--no-config',
  ...[
    'loaded-wording=error',
    'unattributed-claim=warning',
    'simpler-wording=off',
    'readability=off',
    'passive-voice=off'
  ].flatMap((rule) => ['--rule', rule])
]
const story = 'Headline\n\nThe fanatics, it is claimed, failed.\n\nThe council met.\n'

function lint(dir: string, args: readonly string[]) {
  return copydesk([...flags, '--format', 'json', ...args], {cwd: dir})
}

describe('--write-baseline', () => {
  it('records every finding, sorted, with paths relative to the baseline file, and reports none of them', () => {
    const dir = folder({'desk/b.txt': story, 'desk/a.txt': story, 'desk/clean.txt': 'The council met.\n'})
    const run = lint(dir, ['--write-baseline', 'ci/baseline.json', 'desk'])
    expect(run.status).toBe(0)
    expect(found(run.stdout)).toEqual([])
    expect(run.stderr).toContain('wrote 4 findings in 2 files to ci/baseline.json')
    const baseline = JSON.parse(readFileSync(path.join(dir, 'ci/baseline.json'), 'utf8'))
    expect(baseline.version).toBe(1)
    expect(Object.keys(baseline.files)).toEqual(['../desk/a.txt', '../desk/b.txt'])
    expect(baseline.files['../desk/a.txt']).toEqual([
      {ruleId: 'loaded-wording', fingerprint: expect.stringMatching(/^[0-9a-f]{24}$/), count: 1, text: 'fanatics'},
      {ruleId: 'unattributed-claim', fingerprint: expect.stringMatching(/^[0-9a-f]{24}$/), count: 1, text: 'it is claimed'}
    ])
    // No line numbers: nothing that moves when the file is edited elsewhere.
    expect(readFileSync(path.join(dir, 'ci/baseline.json'), 'utf8')).not.toMatch(/"line"|"column"|"offset"/)
  })

  it('writes the same bytes for the same findings', () => {
    const dir = folder({'a.txt': story, 'b.txt': story})
    lint(dir, ['--write-baseline', 'one.json', 'b.txt', 'a.txt'])
    lint(dir, ['--write-baseline', 'two.json', 'a.txt', 'b.txt'])
    expect(readFileSync(path.join(dir, 'one.json'), 'utf8')).toBe(readFileSync(path.join(dir, 'two.json'), 'utf8'))
  })
})

describe('--baseline', () => {
  it('hides known findings, whatever is edited elsewhere in the file', () => {
    const dir = folder({'a.txt': story})
    lint(dir, ['--write-baseline', 'baseline.json', 'a.txt'])
    writeFileSync(
      path.join(dir, 'a.txt'),
      `New headline\n\nA new first paragraph.\n\n${story.replace('Headline\n\n', '')}More at the end.\n`
    )
    const run = lint(dir, ['--baseline', 'baseline.json', 'a.txt'])
    expect(found(run.stdout)).toEqual([])
    expect(run.status).toBe(0)
    expect(run.stderr).toContain('2 known findings not shown')
  })

  it('still knows a finding whose neighbouring words were edited', () => {
    const dir = folder({'a.txt': story})
    lint(dir, ['--write-baseline', 'baseline.json', 'a.txt'])
    writeFileSync(
      path.join(dir, 'a.txt'),
      story.replace('The fanatics, it is claimed, failed.', 'Those fanatics, it is claimed, have failed badly.')
    )
    expect(found(lint(dir, ['--baseline', 'baseline.json', 'a.txt']).stdout)).toEqual([])
  })

  it('reports new findings, a second copy of a known one included, and only they count for the exit code', () => {
    const dir = folder({'a.txt': story})
    lint(dir, ['--write-baseline', 'baseline.json', 'a.txt'])
    expect(lint(dir, ['--baseline', 'baseline.json', 'a.txt']).status).toBe(0)
    writeFileSync(path.join(dir, 'a.txt'), `${story}\nMore fanatics arrived, reportedly.\n`)
    const run = lint(dir, ['--baseline', 'baseline.json', 'a.txt'])
    expect(found(run.stdout)).toEqual(['a.txt loaded-wording fanatics', 'a.txt unattributed-claim reportedly'])
    expect(run.status).toBe(1)
  })

  it('--max-warnings counts only new warnings', () => {
    const dir = folder({'a.txt': 'The plan, it is claimed, failed.\n'})
    lint(dir, ['--write-baseline', 'baseline.json', 'a.txt'])
    expect(lint(dir, ['--baseline', 'baseline.json', '--max-warnings', '0', 'a.txt']).status).toBe(0)
    expect(lint(dir, ['--max-warnings', '0', 'a.txt']).status).toBe(1)
  })

  it('matches files by path relative to the baseline, from whichever folder copydesk runs in', () => {
    const dir = folder({'desk/a.txt': story})
    lint(dir, ['--write-baseline', 'baseline.json', 'desk/a.txt'])
    const run = copydesk([...flags, '--format', 'json', '--baseline', '../baseline.json', 'a.txt'], {cwd: path.join(dir, 'desk')})
    expect(found(run.stdout)).toEqual([])
    // Another file with the same findings is not covered by a.txt's entries.
    writeFileSync(path.join(dir, 'desk/b.txt'), story)
    expect(found(lint(dir, ['--baseline', 'baseline.json', 'desk']).stdout)).toEqual([
      'desk/b.txt loaded-wording fanatics',
      'desk/b.txt unattributed-claim it is claimed'
    ])
  })

  it('a missing, corrupt or unknown-version baseline stops the run with exit 2 and says why', () => {
    const dir = folder({
      'a.txt': story,
      'broken.json': '{"version": 1, "files": {',
      'future.json': '{"version": 9, "files": {}}',
      'wrong.json': '{"version": 1, "files": {"a.txt": [{"ruleId": "loaded-wording", "fingerprint": "xyz", "count": 1}]}}'
    })
    const missing = lint(dir, ['--baseline', 'nope.json', 'a.txt'])
    expect(missing.status).toBe(2)
    expect(missing.stdout).toBe('')
    expect(missing.stderr).toContain('cannot read baseline `')
    expect(missing.stderr).toContain('nope.json`: no such file (create one with --write-baseline)')
    const broken = lint(dir, ['--baseline', 'broken.json', 'a.txt'])
    expect(broken.status).toBe(2)
    expect(broken.stderr).toMatch(/baseline `.*broken\.json` is not valid JSON/)
    const future = lint(dir, ['--baseline', 'future.json', 'a.txt'])
    expect(future.status).toBe(2)
    expect(future.stderr).toContain('version: expected 1')
    const wrong = lint(dir, ['--baseline', 'wrong.json', 'a.txt'])
    expect(wrong.status).toBe(2)
    expect(wrong.stderr).toContain('files["a.txt"][0].fingerprint: expected 24 hexadecimal digits')
  })

  it('feeds the other formats too: stylish shows only new findings', () => {
    const dir = folder({'a.txt': story})
    copydesk([...flags, '--write-baseline', 'baseline.json', 'a.txt'], {cwd: dir})
    writeFileSync(path.join(dir, 'a.txt'), `${story}\nThe plan reportedly failed.\n`)
    const run = copydesk([...flags, '--baseline', 'baseline.json', 'a.txt'], {cwd: dir})
    expect(run.stdout).toContain('reportedly')
    expect(run.stdout).not.toContain('fanatics')
    expect(run.stdout).not.toContain('it is claimed')
  })
})
