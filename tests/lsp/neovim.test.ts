import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {defaultConfig} from '../../src/config/load.js'
import {lintText} from '../../src/engine/lint.js'
import {bin} from '../cli/spawn.js'

const init = fileURLToPath(new URL('nvim/init.lua', import.meta.url))
const nvim = spawnSync('nvim', ['--version'], {encoding: 'utf8'})
const present = nvim.status === 0
// In CI Neovim must be there (.ci/run installs it): a missing editor fails there, never skips.
const skip = !present && !process.env.CI
if (skip) console.warn('Skipping the Neovim test: `nvim` is not installed (apt-get install neovim); it always runs in CI.')

interface Shown {
  lnum: number
  col: number
  end_lnum: number
  end_col: number
  severity: number
  code?: string
  source?: string
  message: string
}

interface Result {
  arrived?: boolean
  first?: Shown[]
  actions?: string[]
  fixed?: boolean
  text?: string
  after?: Shown[]
  error?: string
}

describe.skipIf(skip)('in Neovim, with its built-in LSP client', () => {
  it('shows the findings where they are, and applies a quick fix', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'copydesk-nvim-'))
    try {
      const file = path.join(folder, 'story.md')
      const lines = ['# Floods', '', '😀 The fanatics reportedly fled the town.', '']
      writeFileSync(file, lines.join('\n'))
      const out = path.join(folder, 'result.json')
      const run = spawnSync('nvim', ['--headless', '--clean', '-n', '-i', 'NONE', '-u', init], {
        cwd: folder,
        encoding: 'utf8',
        timeout: 120_000,
        env: {
          ...process.env,
          COPYDESK_NODE: process.execPath,
          COPYDESK_BIN: bin,
          COPYDESK_FILE: file,
          COPYDESK_OUT: out,
          XDG_STATE_HOME: folder,
          XDG_DATA_HOME: folder
        }
      })
      expect(run.error).toBeUndefined()
      const result = JSON.parse(readFileSync(out, 'utf8')) as Result
      expect(result.error).toBeUndefined()
      expect(result.arrived).toBe(true)

      const loaded = result.first?.find((shown) => shown.code === 'loaded-wording')
      expect(loaded).toMatchObject({source: 'copydesk', severity: 2, lnum: 2, end_lnum: 2})
      // Neovim turned the UTF-16 range into byte columns: past the four-byte emoji, onto the word.
      const line = Buffer.from(lines[2] ?? '')
      expect(line.subarray(loaded?.col, loaded?.end_col).toString()).toBe('fanatics')
      expect(result.first?.map((shown) => shown.code)).toContain('unattributed-claim')

      const text = lines.join('\n')
      const first = lintText({text, format: 'md', config: defaultConfig}).messages.find(
        (message) => message.ruleId === 'loaded-wording'
      )?.expected?.[0]
      expect(result.actions?.[0]).toBe(`Replace \`fanatics\` with \`${first}\``)
      expect(result.fixed).toBe(true)
      expect(result.text).toContain(`😀 The ${first} reportedly fled the town.`)
      expect(result.after?.map((shown) => shown.code)).toContain('unattributed-claim')
    } finally {
      rmSync(folder, {recursive: true, force: true})
    }
  })
})
