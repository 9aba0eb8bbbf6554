import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {findings, only} from '../helpers.js'

const config = only({readability: 'warning'})
const hard =
  'The decision to consolidate the remaining library provision into multi-functional community hubs, notwithstanding the considerable administrative complexity, will disproportionately affect elderly and disabled residents.'
const plain = 'The council met on Tuesday and voted to close four libraries in the town.'

describe('readability', () => {
  it('flags a hard sentence of running prose, exactly', () => {
    const text = `Headline\n\n${plain} ${hard}\n`
    const found = findings(text, 'txt', config)
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ruleId: 'readability', text: hard, line: 3, column: plain.length + 2})
  })

  it('leaves plain news sentences alone', () => {
    expect(findings(`Headline\n\n${plain} ${plain}\n`, 'txt', config)).toEqual([])
  })

  const notProse: Array<[string, string, 'txt' | 'md' | 'html']> = [
    ['plain-text headline', `${hard.replace(/\.$/, '')}\n\n${plain}\n`, 'txt'],
    ['plain-text bullet', `Headline\n\n- ${hard}\n`, 'txt'],
    ['Markdown heading', `# ${hard}\n\n${plain}\n`, 'md'],
    ['Markdown list item', `# Title\n\n* ${hard}\n`, 'md'],
    ['HTML caption', `<figure><figcaption>${hard}</figcaption></figure><p>${plain}</p>`, 'html'],
    ['quoted speech', `Headline\n\n“${hard}”\n`, 'txt']
  ]
  it.each(notProse)('does not score a %s', (_name, text, format) => {
    expect(findings(text, format, config).filter((f) => f.text !== '')).toEqual([])
  })

  it('targetGrade moves the limit', () => {
    const easygoing = only({readability: ['warning', {targetGrade: 20, sentenceMargin: 15}]})
    expect(findings(`Headline\n\n${hard}\n`, 'txt', easygoing)).toEqual([])
    const strict = only({readability: ['warning', {targetGrade: 3, sentenceMargin: 2}]})
    expect(findings(`Headline\n\n${plain}\n`, 'txt', strict).map((f) => f.text)).toContain(plain)
  })

  it('reports an article over the document limit once, at its start, with the excess', () => {
    const text = `Headline\n\n${hard} ${hard} ${hard} ${hard} ${hard}\n`
    const found = findings(text, 'txt', only({readability: ['warning', {sentenceMargin: 20}]}))
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({start: 0, end: 0, line: 1, column: 1})
    const message = JSON.stringify(found)
    expect(message).not.toContain('NaN')
  })

  it('gives no article grade to a snippet under 100 words', () => {
    expect(findings(`Headline\n\n${hard} ${hard}\n`, 'txt', only({readability: ['warning', {sentenceMargin: 20}]}))).toEqual([])
  })

  it('says by how much the article is over', async () => {
    const {lintText} = await import('../../src/engine/lint.js')
    const report = lintText({
      text: `Headline\n\n${hard} ${hard} ${hard} ${hard} ${hard}\n`,
      format: 'txt',
      config: only({readability: ['warning', {sentenceMargin: 20}]})
    })
    expect(report.messages[0]?.reason).toMatch(
      /^Unexpected article grade \d+(\.\d)?, \d+(\.\d)? over the limit of 13 for a grade-10 reader/
    )
  })

  it('on the founding seed flags the 37-word Baghouz sentence and stays quiet on most', () => {
    const text = readFileSync(new URL('../../seeds/000_3513509d732e560b.txt', import.meta.url), 'utf8')
    const found = findings(text, 'txt', config)
    expect(found.some((f) => f.text.startsWith('The group proclaimed a ‘caliphate’') && f.text.includes('Baghouz'))).toBe(true)
    expect(found.length).toBeLessThanOrEqual(10)
  })
})
