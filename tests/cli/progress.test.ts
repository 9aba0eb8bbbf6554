import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {createProgress, isCI, isInteractive, minimumFiles} from '../../src/cli/progress.js'
import {main} from '../../src/cli/run.js'
import {copydesk} from './spawn.js'

function manyFiles(count: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'copydesk-progress-'))
  for (let index = 0; index < count; index++)
    writeFileSync(path.join(dir, `story-${String(index).padStart(2, '0')}.txt`), 'The council met.\n')
  return dir
}

async function run(argv: string[], cwd: string, interactive: boolean) {
  let stdout = ''
  let stderr = ''
  const status = await main(argv, {
    stdout: (text) => {
      stdout += text
    },
    stderr: (text) => {
      stderr += text
    },
    stdin: async () => '',
    cwd,
    interactive
  })
  return {status, stdout, stderr}
}

describe('progress on stderr', () => {
  const dir = manyFiles(minimumFiles + 5)

  it('is one line, redrawn in place, and cleared before the report, at an interactive terminal', async () => {
    const result = await run(['--no-config', '.'], dir, true)
    expect(result.status).toBe(0)
    const total = minimumFiles + 5
    expect(result.stderr).toContain(`\r\x1b[2KLinting ${total}/${total} story-${String(total - 1).padStart(2, '0')}.txt`)
    expect(result.stderr).not.toContain('\n')
    expect(result.stderr.endsWith('\r\x1b[2K')).toBe(true)
  })

  it('is never shown with a machine-readable format, nor when not at a terminal', async () => {
    for (const format of ['json', 'sarif', 'github', 'junit', 'html', 'metrics']) {
      expect((await run(['--no-config', '--format', format, '.'], dir, true)).stderr).toBe('')
    }
    expect((await run(['--no-config', '.'], dir, false)).stderr).toBe('')
    // The real bin, its stderr a pipe.
    expect(copydesk(['--no-config', '.'], {cwd: dir}).stderr).toBe('')
  })

  it('is not shown for a handful of files', async () => {
    expect((await run(['--no-config', '.'], manyFiles(3), true)).stderr).toBe('')
  })

  it('truncates long paths to the terminal width', () => {
    const written: string[] = []
    const progress = createProgress((text) => written.push(text), {enabled: true, total: minimumFiles, columns: 30, now: () => 0})
    progress.tick(`${'very-long-folder-name/'.repeat(5)}story.txt`)
    expect(written[0]).toBe(`\r\x1b[2K${'Linting 1/20 very-long-folder'.slice(0, 28)}…`)
  })

  it('knows CI and dumb terminals', () => {
    expect(isCI({CI: 'true'})).toBe(true)
    expect(isCI({GITHUB_ACTIONS: 'true'})).toBe(true)
    expect(isCI({CI: 'false'})).toBe(false)
    expect(isCI({})).toBe(false)
    expect(isInteractive({isTTY: true}, {})).toBe(true)
    expect(isInteractive({isTTY: true}, {CI: '1'})).toBe(false)
    expect(isInteractive({isTTY: true}, {TERM: 'dumb'})).toBe(false)
    expect(isInteractive({isTTY: false}, {})).toBe(false)
  })
})
