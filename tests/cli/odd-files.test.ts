import {spawnSync} from 'node:child_process'
import {chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {decode} from '../../src/engine/read.js'
import {writeAtomically} from '../../src/engine/write.js'
import {folder} from '../folder.js'
import {bin, copydesk} from './spawn.js'

interface Report {
  path: string
  messages: Array<{ruleId: string | null; severity: string; reason: string; line: number; column: number; actual?: string}>
}
const json = (stdout: string) => JSON.parse(stdout) as Report[]
const claim = 'Headline\n\nThe plan, it is claimed, failed.\n'
const furniture = 'Headline\n\nThe first paragraph.\n\nShare this article\n\nThe second paragraph.\n'
const fixedFurniture = 'Headline\n\nThe first paragraph.\n\nThe second paragraph.\n'

/**
 * Permissions mean nothing to root. Run as root, these tests run the CLI as `nobody` instead;
 * when that is not possible, they are skipped and say why.
 */
const unprivileged: {uid?: number; gid?: number} | undefined = (() => {
  if (process.getuid?.() !== 0) return {}
  const probe = spawnSync(process.execPath, [bin, '--version'], {uid: 65534, gid: 65534, cwd: tmpdir()})
  return probe.status === 0 ? {uid: 65534, gid: 65534} : undefined
})()
const permissions = it.skipIf(unprivileged === undefined)
const skipReason = unprivileged ? '' : ' (skipped: running as root, and cannot run the CLI as another user)'

describe('files copydesk cannot read or write', () => {
  permissions(`a file without read permission is one fatal message; the others are still linted; exit 2${skipReason}`, () => {
    const dir = folder({'a.txt': claim, 'secret.txt': claim})
    chmodSync(path.join(dir, 'secret.txt'), 0o000)
    const run = copydesk(['--format', 'json', 'a.txt', 'secret.txt'], {cwd: dir, ...unprivileged})
    expect(run.status).toBe(2)
    const reports = json(run.stdout)
    expect(reports.find((report) => report.path === 'secret.txt')?.messages.map((message) => message.reason)).toEqual([
      'cannot read file: permission denied'
    ])
    expect(reports.find((report) => report.path === 'a.txt')?.messages.some((m) => m.ruleId === 'unattributed-claim')).toBe(true)
  })

  permissions(`--fix in a read-only folder leaves the file as it was, says so, and exits 2${skipReason}`, () => {
    const dir = folder({'a.txt': furniture})
    chmodSync(dir, 0o555)
    const run = copydesk(['--fix', '--format', 'json', 'a.txt'], {cwd: dir, ...unprivileged})
    chmodSync(dir, 0o755)
    expect(run.status).toBe(2)
    expect(json(run.stdout)[0]?.messages[0]?.reason).toBe(
      'Fixes not written, file left as it was: cannot write in its folder: permission denied'
    )
    expect(readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe(furniture)
    expect(readdirSync(dir)).toEqual(['a.txt'])
  })

  it('--fix does not overwrite a file another program changed while it was linted', async () => {
    const dir = folder({'a.txt': furniture})
    const file = path.join(dir, 'a.txt')
    const read = decode(readFileSync(file))
    if (!read.ok || !read.bytes) throw new Error('the article should read')
    // Someone saves the file between copydesk's read and its write.
    writeFileSync(file, `${furniture}A paragraph the reporter just added.\n`)
    await expect(writeAtomically(file, fixedFurniture, {expected: read.bytes})).rejects.toThrow(
      'the file changed on disk while it was being linted'
    )
    expect(readFileSync(file, 'utf8')).toBe(`${furniture}A paragraph the reporter just added.\n`)
    expect(readdirSync(dir)).toEqual(['a.txt'])
    // Unchanged, it is written.
    const again = decode(readFileSync(file))
    if (!again.ok || !again.bytes) throw new Error('the article should read')
    await writeAtomically(file, fixedFurniture, {expected: again.bytes})
    expect(readFileSync(file, 'utf8')).toBe(fixedFurniture)
  })
})

describe('a file too large for the memory a thread may use', () => {
  // Each thread gets a 64 MB old generation here (workers take Node's limit): about 1.5 MB of
  // prose needs more than that, and the 20 articles beside it much less. With two jobs, batches
  // hold two files, so the large one shares its batch with an article.
  const limited = {NODE_OPTIONS: '--max-old-space-size=64'}
  const sentence = 'The council, it is claimed, slammed the plan to close four libraries on Tuesday. '
  const articles = Object.fromEntries(
    Array.from({length: 20}, (_, index) => [`story-${String(index + 1).padStart(2, '0')}.txt`, claim])
  )
  const dir = folder({'big.txt': `Headline\n\n${sentence.repeat(18_000)}\n`, ...articles})

  it.each([['1'], ['2']])(
    'with --jobs %s: that file is one fatal message saying so, every other file is linted, exit 2',
    (jobs) => {
      const run = copydesk(['--jobs', jobs, '--format', 'json', '.'], {cwd: dir, env: limited})
      expect(run.status).toBe(2)
      const reports = json(run.stdout)
      expect(reports.map((report) => report.path)).toEqual(['big.txt', ...Object.keys(articles)])
      expect(reports[0]?.messages.map((message) => [message.severity, message.reason])).toEqual([
        [
          'error',
          expect.stringMatching(
            /^Cannot lint this file: it needs more memory than a thread may use \(\d+ MB\)\. Split it, or raise the limit with NODE_OPTIONS=--max-old-space-size=<MB>$/
          )
        ]
      ])
      for (const report of reports.slice(1)) {
        expect(report.messages.map((message) => [message.ruleId, message.line, message.column, message.actual])).toEqual([
          ['unattributed-claim', 3, 11, 'it is claimed']
        ])
      }
    }
  )
})

describe('odd files', () => {
  it('NUL in the middle of an otherwise-text file: binary, one fatal message, exit 2', () => {
    const dir = folder({'a.txt': Buffer.concat([Buffer.from(claim), Buffer.from([0]), Buffer.from(claim)])})
    const run = copydesk(['--format', 'json', 'a.txt'], {cwd: dir})
    expect(run.status).toBe(2)
    expect(json(run.stdout)[0]?.messages.map((message) => message.reason)).toEqual(['binary file, not linted'])
  })

  it.each([
    ['UTF-16 LE', 'utf-16le', Buffer.from([0xff, 0xfe])],
    ['UTF-16 BE', 'utf-16be', Buffer.from([0xfe, 0xff])]
  ] as const)(
    '%s with a byte-order mark is decoded: findings at the right place, --fix keeps the encoding',
    (_name, encoding, bom) => {
      const toBytes = (text: string) => {
        const le = Buffer.from(text, 'utf16le')
        return Buffer.concat([bom, encoding === 'utf-16le' ? le : Buffer.from(le).swap16()])
      }
      const text = `Café closes\n\nThe plan, it is claimed, failed.\n\nShare this article\n\nThe owners left.\n`
      const dir = folder({'a.txt': toBytes(text)})
      const run = copydesk(['--format', 'json', 'a.txt'], {cwd: dir})
      expect(run.status).toBe(0)
      const messages = json(run.stdout)[0]?.messages ?? []
      expect(messages.map((message) => [message.ruleId, message.line, message.column, message.actual])).toEqual(
        expect.arrayContaining([
          ['unattributed-claim', 3, 11, 'it is claimed'],
          ['stray-widget-text', 5, 1, 'Share this article']
        ])
      )
      copydesk(['--fix', 'a.txt'], {cwd: dir})
      expect(readFileSync(path.join(dir, 'a.txt'))).toEqual(toBytes(text.replace('Share this article\n\n', '')))
    }
  )

  it('UTF-16 without a byte-order mark is reported as such, not as garbage', () => {
    const dir = folder({'a.txt': Buffer.from(claim, 'utf16le')})
    const run = copydesk(['--format', 'json', 'a.txt'], {cwd: dir})
    expect(run.status).toBe(2)
    expect(json(run.stdout)[0]?.messages.map((message) => message.reason)).toEqual([
      'UTF-16 text without a byte-order mark, not linted: save it as UTF-8'
    ])
  })

  it('--fix on a Latin-1 file writes Latin-1 back: every byte outside the fix is kept', () => {
    const latin1 = Buffer.from(furniture.replace('first', 'caf\u00e9'), 'latin1')
    const dir = folder({'a.txt': latin1})
    copydesk(['--fix', 'a.txt'], {cwd: dir})
    expect(readFileSync(path.join(dir, 'a.txt'))).toEqual(Buffer.from(fixedFurniture.replace('first', 'caf\u00e9'), 'latin1'))
  })

  it('a folder named like an article is walked, not read as a file', () => {
    const dir = folder({'x.md/inside.txt': claim, 'a.txt': claim})
    mkdirSync(path.join(dir, 'empty.md'))
    const run = copydesk(['--format', 'json', '.'], {cwd: dir})
    expect(run.status).toBe(0)
    expect(json(run.stdout).map((report) => report.path)).toEqual(['a.txt', path.join('x.md', 'inside.txt')])
    const named = copydesk(['--format', 'json', 'x.md'], {cwd: dir})
    expect(named.status).toBe(0)
    expect(json(named.stdout).map((report) => report.path)).toEqual([path.join('x.md', 'inside.txt')])
    const empty = copydesk(['--format', 'json', 'empty.md'], {cwd: dir})
    expect(empty.status).toBe(2)
    expect(json(empty.stdout)[0]?.messages.map((message) => message.reason)).toEqual(['No files matching `empty.md`'])
  })
})
