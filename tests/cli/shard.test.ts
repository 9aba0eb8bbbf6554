import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {copydesk} from './spawn.js'

function archive(count: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'copydesk-shard-'))
  for (let index = 0; index < count; index++) {
    const file = path.join(dir, `desk${index % 4}`, `story-${index}.txt`)
    mkdirSync(path.dirname(file), {recursive: true})
    writeFileSync(file, `Headline ${index}\n\nThe plan, it is claimed, failed.\n`)
  }
  return dir
}

const paths = (stdout: string): string[] => (JSON.parse(stdout) as Array<{path: string}>).map((report) => report.path)

describe('--shard', () => {
  it('splits the files into parts that cover every file exactly once', () => {
    const dir = archive(30)
    const all = paths(copydesk(['--format', 'json', '.'], {cwd: dir}).stdout)
    expect(all).toHaveLength(30)
    for (const count of [1, 2, 3, 5]) {
      const parts = Array.from({length: count}, (_, index) =>
        paths(copydesk(['--shard', `${index + 1}/${count}`, '--format', 'json', '.'], {cwd: dir}).stdout)
      )
      expect(parts.flat().sort()).toEqual([...all].sort())
      if (count > 1) expect(parts.filter((part) => part.length > 0).length).toBeGreaterThan(1)
    }
  })

  it('is deterministic, whatever the current folder or the other files', () => {
    const dir = archive(20)
    const first = paths(copydesk(['--shard', '2/3', '--format', 'json', '.'], {cwd: dir}).stdout)
    expect(paths(copydesk(['--shard', '2/3', '--format', 'json', '.'], {cwd: dir}).stdout)).toEqual(first)
    // Named differently on the command line: the same part.
    expect(
      paths(copydesk(['--shard', '2/3', '--format', 'json', 'desk0', 'desk1', 'desk2', 'desk3'], {cwd: dir}).stdout).sort()
    ).toEqual([...first].sort())
    // New files do not move the old ones between parts.
    writeFileSync(path.join(dir, 'desk0', 'late.txt'), 'Headline\n\nLate news.\n')
    const later = paths(copydesk(['--shard', '2/3', '--format', 'json', '.'], {cwd: dir}).stdout)
    expect(later.filter((file) => !file.endsWith('late.txt'))).toEqual(first)
  })

  it('refuses a bad shard with exit code 2 and the reason', () => {
    for (const value of ['0/3', '4/3', '1/0', 'a/b', '2', '1/2/3']) {
      const run = copydesk([`--shard=${value}`, '.'])
      expect(run.status).toBe(2)
      expect(run.stderr).toContain('--shard expects I/N')
    }
  })
})
