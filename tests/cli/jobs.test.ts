import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {copydesk} from './spawn.js'

const articles = [
  'Headline\n\nThe plan, it is claimed, failed.\n',
  'Headline\n\nThe council approved the budget on Tuesday, the mayor said.\n',
  '# Vote\n\nThe motion was passed. Sources say it was &quot;rushed&quot;.\n',
  '<h1>Floods</h1>\n<p>The bridge was closed, reportedly after a warning.</p>\n<p>Share this story</p>\n',
  'Headline\n\nIn order to utilize the funds, the minister was criticised.\n'
]
const extensions = ['txt', 'txt', 'md', 'html', 'txt']

/** A folder of `count` articles across formats and sub-folders, more than one small run. */
function archive(count: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'copydesk-jobs-'))
  for (let index = 0; index < count; index++) {
    const kind = index % articles.length
    const file = path.join(dir, `desk${index % 3}`, `story-${String(index).padStart(3, '0')}.${extensions[kind]}`)
    mkdirSync(path.dirname(file), {recursive: true})
    writeFileSync(file, `${articles[kind]}\nParagraph ${index} is here.\n`)
  }
  return dir
}

/**
 * The archive with what makes reports differ between files: a desk with its own config (two
 * configs in one run), a file that is not UTF-8 (a note before its findings) and one with an error.
 */
function mixedArchive(): string {
  const dir = archive(40)
  writeFileSync(
    path.join(dir, 'desk2', '.lintrc.json'),
    JSON.stringify({rules: {'passive-voice': 'error', 'simpler-wording': 'off'}})
  )
  writeFileSync(
    path.join(dir, 'desk1', 'latin.txt'),
    Buffer.from('Headline\n\nThe caf\xe9 was closed, it is claimed.\n', 'latin1')
  )
  return dir
}

describe('--jobs', () => {
  const mixed = mixedArchive()
  it.each([
    // format, other arguments
    ['json', []],
    ['json', ['--quiet']],
    ['stylish', []],
    ['stylish', ['--quiet']],
    ['stylish', ['--color']],
    ['metrics', []],
    ['sarif', []],
    ['github', []],
    ['junit', []],
    ['html', []]
  ])('gives the same %s report %j, byte for byte, with one job and with several', (format, args) => {
    const run = (jobs: string) => copydesk(['--jobs', jobs, '--format', format, ...args, '.'], {cwd: mixed})
    const one = run('1')
    expect(one.stdout.length).toBeGreaterThan(0)
    for (const several of [run('2'), run('3')]) {
      expect(several.stdout).toBe(one.stdout)
      expect(several.stderr).toBe(one.stderr)
      expect(several.status).toBe(one.status)
    }
  })

  it('really uses worker threads when asked', () => {
    const dir = archive(6)
    expect(copydesk(['--jobs', '2', '--debug', '.'], {cwd: dir}).stderr).toMatch(/6 files, 2 worker threads/)
    expect(copydesk(['--jobs', '1', '--debug', '.'], {cwd: dir}).stderr).toMatch(/6 files, 0 worker threads/)
  })

  it('prints files in path order, each file once', () => {
    const dir = archive(30)
    const reports = JSON.parse(copydesk(['--jobs', '2', '--format', 'json', '.'], {cwd: dir}).stdout) as Array<{path: string}>
    const paths = reports.map((report) => report.path)
    expect(paths).toHaveLength(30)
    expect(paths).toEqual([...paths].sort())
  })

  it('a bad config fails the run the same way with any number of jobs: exit 2, no report', () => {
    const dir = archive(20)
    writeFileSync(path.join(dir, 'desk1', '.lintrc.json'), JSON.stringify({rules: {'no-such-rule': 'error'}}))
    const one = copydesk(['--jobs', '1', '.'], {cwd: dir})
    const two = copydesk(['--jobs', '2', '.'], {cwd: dir})
    expect(one.status).toBe(2)
    expect(one.stderr).toContain('unknown rule `no-such-rule`')
    expect(two.status).toBe(2)
    expect(two.stderr).toBe(one.stderr)
    expect(two.stdout).toBe('')
    expect(one.stdout).toBe('')
  })

  it('keeps unreadable files, missing paths and exit codes as with one job', () => {
    const dir = archive(10)
    writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1]))
    const args = ['--format', 'json', '.', 'missing/*.txt']
    const one = copydesk(['--jobs', '1', ...args], {cwd: dir})
    const two = copydesk(['--jobs', '2', ...args], {cwd: dir})
    expect(one.status).toBe(2)
    expect(two.status).toBe(2)
    expect(two.stdout).toBe(one.stdout)
    const reports = JSON.parse(two.stdout) as Array<{path: string; messages: Array<{reason: string}>}>
    expect(reports.find((report) => report.path === 'binary.txt')?.messages[0]?.reason).toContain('binary file')
    expect(reports[0]?.messages[0]?.reason).toContain('No files matching')
  })

  it('--fix writes every file with several jobs as with one', () => {
    const one = archive(20)
    const two = archive(20)
    copydesk(['--jobs', '1', '--fix', '.'], {cwd: one})
    copydesk(['--jobs', '2', '--fix', '.'], {cwd: two})
    const story = path.join('desk0', 'story-003.html')
    expect(readFileSync(path.join(one, story), 'utf8')).not.toContain('Share this story')
    for (let index = 0; index < 20; index++) {
      const file = path.join(`desk${index % 3}`, `story-${String(index).padStart(3, '0')}.${extensions[index % articles.length]}`)
      expect(readFileSync(path.join(two, file), 'utf8')).toBe(readFileSync(path.join(one, file), 'utf8'))
    }
  })

  it('with --cache, lints the changed files among cached ones with several jobs, in order', () => {
    const dir = archive(40)
    copydesk(['--jobs', '2', '--cache', '.'], {cwd: dir})
    // Changed files scattered through the run: each batch of work is partly cached.
    for (const index of [1, 7, 8, 22, 39]) {
      const file = path.join(`desk${index % 3}`, `story-${String(index).padStart(3, '0')}.${extensions[index % articles.length]}`)
      writeFileSync(path.join(dir, file), 'Headline\n\nThe plan failed, reportedly.\n')
    }
    const run = copydesk(['--jobs', '2', '--cache', '--debug', '--format', 'json', '.'], {cwd: dir})
    expect(run.stderr).toMatch(/cache: 35 hits, 5 misses/)
    expect(run.stdout).toBe(copydesk(['--jobs', '1', '--format', 'json', '.'], {cwd: dir}).stdout)
  })

  it('with --cache, a run in one format fills the cache for another: each prints its own', () => {
    const dir = archive(20)
    const json = copydesk(['--jobs', '2', '--cache', '--format', 'json', '.'], {cwd: dir})
    expect(json.stdout).toBe(copydesk(['--jobs', '1', '--format', 'json', '.'], {cwd: dir}).stdout)
    // Every report now comes from the cache, which holds findings, not the JSON the workers rendered.
    const stylish = copydesk(['--jobs', '2', '--cache', '--debug', '--format', 'stylish', '.'], {cwd: dir})
    expect(stylish.stderr).toMatch(/cache: 20 hits, 0 misses/)
    expect(stylish.stdout).toBe(copydesk(['--jobs', '1', '--format', 'stylish', '.'], {cwd: dir}).stdout)
    expect(stylish.stdout).not.toContain('"ruleId"')
  })

  it('still reads standard input alongside files', () => {
    const dir = archive(4)
    const run = copydesk(['--jobs', '2', '--format', 'json', '--stdin-filename', 'story.md', '-', '.'], {
      cwd: dir,
      input: 'It is claimed, reportedly.\n'
    })
    const reports = JSON.parse(run.stdout) as Array<{path: string; messages: Array<{actual?: string}>}>
    expect(reports[0]?.path).toBe('story.md')
    expect(reports[0]?.messages.map((message) => message.actual)).toContain('reportedly')
    expect(reports).toHaveLength(5)
  })

  it('refuses a --jobs that is not a whole number of at least 1', () => {
    for (const value of ['0', '-1', 'two', '1.5']) {
      const run = copydesk([`--jobs=${value}`, '.'])
      expect(run.status).toBe(2)
      expect(run.stderr).toContain('--jobs expects a whole number of at least 1')
    }
  })
})
