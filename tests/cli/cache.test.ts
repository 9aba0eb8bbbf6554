import {existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {copydesk} from './spawn.js'

function archive(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'copydesk-cache-'))
  writeFileSync(path.join(dir, 'a.txt'), 'Headline\n\nThe plan, it is claimed, failed.\n')
  writeFileSync(path.join(dir, 'b.md'), '# Vote\n\nThe motion was passed. Sources say it was rushed.\n')
  writeFileSync(path.join(dir, 'c.html'), '<h1>Floods</h1>\n<p>The bridge was closed, reportedly.</p>\n')
  return dir
}

/** The `--debug` line that counts cache hits and misses. */
function counts(stderr: string): {hits: number; misses: number} {
  const match = /cache: (\d+) hits, (\d+) misses/.exec(stderr)
  if (!match) throw new Error(`no cache counts in: ${stderr}`)
  return {hits: Number(match[1]), misses: Number(match[2])}
}

/** Every entry file in the cache folder. */
function entries(dir: string): string[] {
  const found: string[] = []
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const file = path.join(folder, name)
      if (statSync(file).isDirectory()) walk(file)
      else found.push(file)
    }
  }
  walk(path.join(dir, '.copydesk-cache'))
  return found
}

describe('--cache', () => {
  it('a second run reuses every report: identical output, nothing linted again', () => {
    const dir = archive()
    const first = copydesk(['--cache', '--debug', '--format', 'json', '.'], {cwd: dir})
    expect(counts(first.stderr)).toEqual({hits: 0, misses: 3})
    expect(existsSync(path.join(dir, '.copydesk-cache'))).toBe(true)
    const second = copydesk(['--cache', '--debug', '--format', 'json', '.'], {cwd: dir})
    expect(counts(second.stderr)).toEqual({hits: 3, misses: 0})
    expect(second.stdout).toBe(first.stdout)
    expect(second.status).toBe(first.status)
    const stylish = copydesk(['--format', 'stylish', '.'], {cwd: dir}).stdout
    expect(copydesk(['--cache', '--format', 'stylish', '.'], {cwd: dir}).stdout).toBe(stylish)
  })

  it.each(['json', 'stylish'])('worker threads store what they lint, and a second run reuses it: --jobs 2, %s', (format) => {
    const dir = archive()
    const uncached = copydesk(['--jobs', '2', '--format', format, '.'], {cwd: dir})
    const first = copydesk(['--cache', '--debug', '--jobs', '2', '--format', format, '.'], {cwd: dir})
    expect(first.stderr).toContain('2 worker threads')
    expect(counts(first.stderr)).toEqual({hits: 0, misses: 3})
    expect(first.stdout).toBe(uncached.stdout)
    // One entry per file, stored whole (no temporary files left).
    expect(entries(dir).map((file) => path.extname(file))).toEqual(['.json', '.json', '.json'])
    const second = copydesk(['--cache', '--debug', '--jobs', '2', '--format', format, '.'], {cwd: dir})
    expect(counts(second.stderr)).toEqual({hits: 3, misses: 0})
    expect(second.stdout).toBe(uncached.stdout)
    expect(second.status).toBe(uncached.status)
  })

  it('lints again only the files that changed', () => {
    const dir = archive()
    copydesk(['--cache', '.'], {cwd: dir})
    writeFileSync(path.join(dir, 'a.txt'), 'Headline\n\nThe plan failed, reportedly.\n')
    const run = copydesk(['--cache', '--debug', '--format', 'json', '.'], {cwd: dir})
    expect(counts(run.stderr)).toEqual({hits: 2, misses: 1})
    expect(run.stdout).toBe(copydesk(['--format', 'json', '.'], {cwd: dir}).stdout)
    expect(run.stdout).toContain('reportedly')
  })

  it('a different config is a different report', () => {
    const dir = archive()
    copydesk(['--cache', '.'], {cwd: dir})
    const run = copydesk(['--cache', '--debug', '--rule', 'unattributed-claim=error', '--format', 'json', '.'], {cwd: dir})
    expect(counts(run.stderr)).toEqual({hits: 0, misses: 3})
    expect(run.status).toBe(1)
    writeFileSync(path.join(dir, '.lintrc.json'), JSON.stringify({rules: {'unattributed-claim': 'off'}}))
    const configured = copydesk(['--cache', '--debug', '--format', 'json', '.'], {cwd: dir})
    expect(counts(configured.stderr).misses).toBe(3)
    expect(configured.stdout).not.toContain('unattributed-claim')
  })

  it('ignores and rebuilds a damaged cache, never failing the run', () => {
    const dir = archive()
    const expected = copydesk(['--format', 'json', '.'], {cwd: dir}).stdout
    copydesk(['--cache', '.'], {cwd: dir})
    for (const [index, file] of entries(dir).entries())
      writeFileSync(file, index === 0 ? '{"format":' : '{"format":"txt","messages":7}')
    const damaged = copydesk(['--cache', '--debug', '--format', 'json', '.'], {cwd: dir})
    expect(damaged.status).toBe(0)
    expect(damaged.stdout).toBe(expected)
    expect(counts(damaged.stderr)).toEqual({hits: 0, misses: 3})
    expect(counts(copydesk(['--cache', '--debug', '.'], {cwd: dir}).stderr)).toEqual({hits: 3, misses: 0})

    // Something else where the cache folder should be.
    rmSync(path.join(dir, '.copydesk-cache'), {recursive: true})
    writeFileSync(path.join(dir, '.copydesk-cache'), 'not a cache')
    const replaced = copydesk(['--cache', '--debug', '--format', 'json', '.'], {cwd: dir})
    expect(replaced.stdout).toBe(expected)
    expect(counts(replaced.stderr)).toEqual({hits: 0, misses: 3})
    expect(counts(copydesk(['--cache', '--debug', '.'], {cwd: dir}).stderr)).toEqual({hits: 3, misses: 0})
  })

  it('is not read without --cache, and not used when fixing', () => {
    const dir = archive()
    copydesk(['.'], {cwd: dir})
    expect(existsSync(path.join(dir, '.copydesk-cache'))).toBe(false)
    writeFileSync(path.join(dir, 'd.txt'), 'Headline\n\nStory.\n\nShare this story\n\nMore.\n')
    copydesk(['--cache', '.'], {cwd: dir})
    const fixed = copydesk(['--cache', '--fix', '--debug', '--format', 'json', '.'], {cwd: dir})
    expect(fixed.stderr).not.toContain('cache:')
    expect(fixed.stdout).not.toContain('stray-widget-text')
  })
})
