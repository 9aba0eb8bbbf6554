import {describe, expect, it} from 'vitest'
import {defaultConfig} from '../../src/config/load.js'
import {lintText} from '../../src/engine/lint.js'

// Big inputs finish with the findings a person would expect. No time is asserted; the generous
// timeout only keeps a regression (say, something quadratic) from hanging the suite.
const generous = {timeout: 600_000}

const countBy = (ruleIds: readonly (string | null | undefined)[]): Record<string, number> => {
  const counts: Record<string, number> = {}
  for (const id of ruleIds) counts[String(id)] = (counts[String(id)] ?? 0) + 1
  return counts
}

describe('large and odd texts lint to completion', () => {
  it('a 10 MB plain-text article: every planted claim and widget line is found, at the right line', generous, () => {
    const clean =
      'Councillors voted on Tuesday night to close four libraries and cut the youth budget by a third. ' +
      'The council said that the closures would save about one million pounds a year.\n\n'
    const planted = 'The plan, it is claimed, was drawn up in secret.\n\nShare this article\n\n'
    const parts = ['Council closes four libraries\n\n']
    let length = parts[0]?.length ?? 0
    let plantedCount = 0
    let lastClaimLine = 0
    let line = 3
    for (let index = 0; length < 10_000_000; index++) {
      const part = index % 100 === 50 ? planted : clean
      if (part === planted) {
        plantedCount++
        lastClaimLine = line
      }
      parts.push(part)
      length += part.length
      line += 2 + (part === planted ? 2 : 0)
    }
    const text = parts.join('')
    expect(text.length).toBeGreaterThanOrEqual(10_000_000)

    const report = lintText({text, path: 'big.txt', config: defaultConfig})
    expect(report.messages.filter((message) => message.fatal === true)).toEqual([])
    const counts = countBy(report.messages.map((message) => message.ruleId))
    expect(counts['unattributed-claim']).toBe(plantedCount)
    expect(counts['stray-widget-text']).toBe(plantedCount)
    const claims = report.messages.filter((message) => message.ruleId === 'unattributed-claim')
    expect(claims.at(-1)?.line).toBe(lastClaimLine)
    expect(claims.at(-1)?.actual).toBe('it is claimed')
    expect(report.metrics.paragraphs).toBeGreaterThan(40_000)
  })

  it('a 2 MB file on one line (no line breaks): every sentence is read, positions stay on line 1', generous, () => {
    const sentence = 'The council, it is claimed, closed the library in secret. '
    const copies = Math.ceil(2_000_000 / sentence.length)
    const text = sentence.repeat(copies)
    const report = lintText({text, path: 'line.txt', config: defaultConfig})
    expect(report.messages.filter((message) => message.fatal === true)).toEqual([])
    const claims = report.messages.filter((message) => message.ruleId === 'unattributed-claim')
    expect(claims).toHaveLength(copies)
    expect(claims.every((message) => message.line === 1)).toBe(true)
    expect(claims.at(-1)?.column).toBe((copies - 1) * sentence.length + 'The council, '.length + 1)
    expect(report.metrics.sentences).toBe(copies)
  })

  it.each([
    ['only punctuation', '.,;:!?…—–-()[]{}«»“”‘’"\'/\\|@#$%^&*_~`\n\n!!!\n\n...\n'],
    ['only emoji', '😀😃😄 🇬🇧🏳️‍🌈 👩‍👩‍👧‍👦\n\n🔥🔥🔥\n'],
    ['only white space', ' \t\n\r\n\u00a0\u2028\u3000\n'],
    ['only combining marks', '\u0301\u0302\u0303\u0304 \u20dd\n']
  ])('%s: no findings, no failure, metrics that are numbers', (_name, text) => {
    for (const format of ['txt', 'md', 'html'] as const) {
      const report = lintText({text, format, config: defaultConfig})
      expect(report.messages.map(String)).toEqual([])
      for (const [name, value] of Object.entries(report.metrics)) expect(Number.isFinite(value), name).toBe(true)
    }
  })
})
