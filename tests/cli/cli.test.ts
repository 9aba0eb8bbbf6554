import {spawnSync} from 'node:child_process'
import {chmodSync, readFileSync, statSync, symlinkSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {folder} from '../folder.js'
import {bin, copydesk} from './spawn.js'

interface Report {
  path: string
  messages: Array<{ruleId: string | null; severity: string; fatal: boolean | null; reason: string; actual?: string}>
}
const json = (stdout: string) => JSON.parse(stdout) as Report[]

const claim = 'Headline\n\nThe plan, it is claimed, failed.\n'
const clean = 'Headline\n\nThe council approved the budget on Tuesday, the mayor said.\n'

describe('the installed command', () => {
  it('is executable, so `npx copydesk` runs it', () => {
    expect(statSync(bin).mode & 0o111).not.toBe(0)
    const run = spawnSync(bin, ['rules'], {encoding: 'utf8'})
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('unattributed-claim')
  })

  it('ends quietly when its reader closes the pipe early (`copydesk seeds | head -1`)', () => {
    const run = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" --format json --jobs 1 seeds | head -c 1`], {
      encoding: 'utf8',
      cwd: path.join(bin, '..', '..', '..')
    })
    expect(run.stdout).toBe('[')
    expect(run.stderr).toBe('')
  })
})

describe('exit codes', () => {
  it('0 when nothing is wrong', () => {
    const dir = folder({'a.txt': clean})
    expect(copydesk(['a.txt'], {cwd: dir}).status).toBe(0)
  })
  it('0 with warnings only, 1 with --max-warnings exceeded', () => {
    const dir = folder({'a.txt': claim})
    expect(copydesk(['a.txt'], {cwd: dir}).status).toBe(0)
    const run = copydesk(['--max-warnings', '0', 'a.txt'], {cwd: dir})
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('more than --max-warnings 0')
  })
  it('1 when a rule at error finds something', () => {
    const dir = folder({'a.txt': claim})
    expect(copydesk(['--rule', 'unattributed-claim=error', 'a.txt'], {cwd: dir}).status).toBe(1)
  })
  it('2 on bad usage, with the reason', () => {
    const run = copydesk(['--format', 'xml', 'a.txt'])
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('unknown format `xml`')
    expect(copydesk(['--no-such-flag']).status).toBe(2)
    expect(copydesk(['--rule', 'readability=loud']).stderr).toContain('unknown severity `loud`')
  })
})

describe('files', () => {
  it('walks folders for article formats, honours .lintignore, and skips other files', () => {
    const dir = folder({
      'desk/a.txt': claim,
      'desk/b.md': `# Title\n\n${claim}`,
      'desk/c.html': `<p>${claim}</p>`,
      'desk/d.json': '{}',
      'desk/drafts/e.txt': claim,
      'desk/.lintignore': 'drafts/\n'
    })
    const paths = json(copydesk(['--format', 'json', 'desk'], {cwd: dir}).stdout).map((file) => file.path)
    expect(paths).toEqual(['desk/a.txt', 'desk/b.md', 'desk/c.html'])
  })

  it('expands globs', () => {
    const dir = folder({'a.txt': claim, 'b.txt': claim, 'c.md': claim})
    expect(json(copydesk(['--format', 'json', '*.txt'], {cwd: dir}).stdout).map((file) => file.path)).toEqual(['a.txt', 'b.txt'])
  })

  it('an unreadable or missing file is one fatal message; the others are still linted; exit 2', () => {
    const dir = folder({'a.txt': claim, 'binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2])})
    const run = copydesk(['--format', 'json', 'a.txt', 'binary.txt', 'missing.txt'], {cwd: dir})
    expect(run.status).toBe(2)
    const reports = json(run.stdout)
    expect(reports.find((file) => file.path === 'a.txt')?.messages.map((m) => m.ruleId)).toContain('unattributed-claim')
    expect(reports.find((file) => file.path === 'binary.txt')?.messages).toEqual([
      expect.objectContaining({fatal: true, severity: 'error', reason: expect.stringContaining('binary file')})
    ])
    expect(reports.find((file) => file.path === 'missing.txt')?.messages[0]?.reason).toContain('No files matching')
  })

  it('reads standard input, with its format from --stdin-filename', () => {
    const run = copydesk(['--format', 'json', '--stdin-filename', 'story.md', '-'], {
      input: '# It is claimed\n\nIt is claimed, reportedly.\n'
    })
    const [report] = json(run.stdout)
    expect(report?.path).toBe('story.md')
    const claims = report?.messages.filter((m) => m.ruleId === 'unattributed-claim')
    expect(claims?.map((m) => m.actual)).toEqual(['It is claimed', 'It is claimed', 'reportedly'])
  })
})

describe('reports', () => {
  it('stylish shows the file, the range, severity, message and rule id', () => {
    const dir = folder({'a.txt': claim})
    const run = copydesk(['a.txt'], {cwd: dir})
    expect(run.stdout).toContain('a.txt')
    expect(run.stdout).toMatch(
      /3:11-3:24\s+warning\s+Claim `it is claimed` has no source: name who claims it\s+unattributed-claim\s+copydesk/
    )
  })

  it('json has the INTERFACE.md shape, offsets included', () => {
    const dir = folder({'a.txt': claim})
    const [report] = JSON.parse(copydesk(['--format', 'json', '--rule', 'simpler-wording=off', 'a.txt'], {cwd: dir}).stdout)
    expect(report.messages).toHaveLength(1)
    expect(report.messages[0]).toMatchObject({
      ruleId: 'unattributed-claim',
      source: 'copydesk',
      severity: 'warning',
      fatal: false,
      line: 3,
      column: 11,
      place: {start: {line: 3, column: 11, offset: 20}, end: {line: 3, column: 24, offset: 33}},
      actual: 'it is claimed',
      url: expect.stringContaining('unattributed-claim')
    })
  })

  it('--quiet shows errors only', () => {
    const dir = folder({'a.txt': claim})
    const reports = json(copydesk(['--quiet', '--format', 'json', 'a.txt'], {cwd: dir}).stdout)
    expect(reports[0]?.messages).toEqual([])
  })

  it('rules lists every rule with its default severity', () => {
    const run = copydesk(['rules'])
    for (const id of [
      'unattributed-claim',
      'loaded-wording',
      'stray-widget-text',
      'readability',
      'passive-voice',
      'simpler-wording'
    ]) {
      expect(run.stdout).toMatch(new RegExp(`^${id}\\s+(info|warning|error|off)\\s`, 'm'))
    }
  })
})

describe('--fix', () => {
  const story = 'Headline\n\nThe first paragraph.\n\nShare this article\n\nThe second paragraph.\n'

  it('removes furniture in place, keeps the mode, and a second run changes nothing', () => {
    const dir = folder({'a.txt': story})
    const file = path.join(dir, 'a.txt')
    chmodSync(file, 0o640)
    copydesk(['--fix', 'a.txt'], {cwd: dir})
    expect(readFileSync(file, 'utf8')).toBe('Headline\n\nThe first paragraph.\n\nThe second paragraph.\n')
    expect(statSync(file).mode & 0o777).toBe(0o640)
    copydesk(['--fix', 'a.txt'], {cwd: dir})
    expect(readFileSync(file, 'utf8')).toBe('Headline\n\nThe first paragraph.\n\nThe second paragraph.\n')
  })

  it('--fix-dry-run shows the change and writes nothing', () => {
    const dir = folder({'a.txt': story})
    const run = copydesk(['--fix-dry-run', 'a.txt'], {cwd: dir})
    expect(run.stderr).toContain('-Share this article')
    expect(readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe(story)
  })

  it('refuses to write through a link that leaves the folder, and says so', () => {
    const outside = folder({'real.txt': story})
    const dir = folder({})
    symlinkSync(path.join(outside, 'real.txt'), path.join(dir, 'a.txt'))
    const run = copydesk(['--fix', '--format', 'json', 'a.txt'], {cwd: dir})
    expect(run.status).toBe(2)
    expect(json(run.stdout)[0]?.messages[0]?.reason).toContain('Fixes not written')
    expect(readFileSync(path.join(outside, 'real.txt'), 'utf8')).toBe(story)
  })
})

describe('odd files in a run', () => {
  it('invalid UTF-8 is read as Latin-1 and says so, with exact offsets', () => {
    const text = Buffer.concat([
      Buffer.from('Headline\n\nCaf'),
      Buffer.from([0xe9]),
      Buffer.from(' owners, it is claimed, left.\n')
    ])
    const dir = folder({'a.txt': text})
    const [report] = json(copydesk(['--format', 'json', 'a.txt'], {cwd: dir}).stdout)
    expect(report?.messages[0]?.reason).toContain('not valid UTF-8: read as Latin-1')
    const claim = report?.messages.find((m) => m.ruleId === 'unattributed-claim') as unknown as {place: {start: {offset: number}}}
    expect(claim.place.start.offset).toBe('Headline\n\nCafé owners, '.length)
  })

  it('a file nested too deeply is reported on its own; the run goes on and exits 2', () => {
    const dir = folder({'deep.html': `${'<div>'.repeat(20000)}x${'</div>'.repeat(20000)}`, 'a.txt': claim})
    const run = copydesk(['--format', 'json', '.'], {cwd: dir})
    expect(run.status).toBe(2)
    const reports = json(run.stdout)
    expect(reports.find((r) => r.path === 'deep.html')?.messages[0]?.reason).toContain('nested too deeply')
    expect(reports.find((r) => r.path === 'a.txt')?.messages.some((m) => m.ruleId === 'unattributed-claim')).toBe(true)
  })

  it('no stack trace reaches the user', () => {
    const dir = folder({'deep.md': `${'> '.repeat(5000)}x\n`})
    const run = copydesk(['deep.md'], {cwd: dir})
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /)
  })
})
