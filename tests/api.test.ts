import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {createLinter, lint, lintFile} from '../src/index.js'

describe('library API', () => {
  it('lint(text, {format, config}) gives messages in the JSON shape and metrics', async () => {
    const report = await lint('# Title\n\nThe plan, it is claimed, failed.\n', {
      format: 'md',
      config: {rules: {'simpler-wording': 'off'}}
    })
    expect(report.messages).toEqual([
      expect.objectContaining({
        ruleId: 'unattributed-claim',
        severity: 'warning',
        fatal: false,
        actual: 'it is claimed',
        line: 3,
        column: 11
      })
    ])
    expect(report.metrics.words).toBe(7)
    expect(report.metrics.sentences).toBe(2)
  })

  it('a bad config object is refused with the key path', async () => {
    await expect(lint('x', {config: {rules: {readability: ['warning', {targetGrade: 'x'}]}}})).rejects.toThrow(
      'rules.readability[1].targetGrade'
    )
  })

  it('an unknown format is refused', async () => {
    await expect(lint('x', {format: 'docx' as 'md'})).rejects.toThrow('Unknown format `docx`')
  })

  it('fix returns the fixed text', async () => {
    const report = await lint('Headline\n\nOne.\n\nAdvertisement\n\nTwo.\n', {fix: true})
    expect(report.fixed).toBe('Headline\n\nOne.\n\nTwo.\n')
  })

  it('lintFile uses the nearest .lintrc.json', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'copydesk-api-'))
    writeFileSync(path.join(dir, '.lintrc.json'), JSON.stringify({rules: {'unattributed-claim': 'error'}}))
    writeFileSync(path.join(dir, 'a.txt'), 'Headline\n\nIt reportedly failed.\n')
    const report = await lintFile(path.join(dir, 'a.txt'))
    expect(report.messages.find((m) => m.ruleId === 'unattributed-claim')?.severity).toBe('error')
  })

  it('createLinter compiles a config once and lints many texts', async () => {
    const linter = createLinter({config: {rules: {'unattributed-claim': 'info'}}})
    const first = await linter.lint('It reportedly failed.')
    const second = await linter.lint('It allegedly failed.')
    expect([first, second].map((r) => r.messages.find((m) => m.ruleId === 'unattributed-claim')?.severity)).toEqual([
      'info',
      'info'
    ])
  })
})
