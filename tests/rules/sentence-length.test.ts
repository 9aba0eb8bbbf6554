import {describe, expect, it} from 'vitest'
import {findings, only} from '../helpers.js'

const config = only({'sentence-length': 'warning'})
const words = (count: number) => `${Array.from({length: count}, (_, index) => (index === 0 ? 'Word' : 'word')).join(' ')}.`

describe('sentence-length', () => {
  it.each([
    [40, 0],
    [41, 1]
  ])('a sentence of %i words gives %i findings', (count, expected) => {
    expect(findings(`Headline\n\n${words(count)}\n`, 'txt', config)).toHaveLength(expected)
  })

  it('reports the whole sentence with its count', async () => {
    const text = `Headline\n\nShort one. ${words(45)}\n`
    const found = findings(text, 'txt', config)
    expect(found).toMatchObject([{text: words(45), line: 3, column: 12}])
    const {lintText} = await import('../../src/engine/lint.js')
    expect(lintText({text, format: 'txt', config}).messages[0]?.reason).toBe(
      'Unexpected long sentence: 45 words, more than 40; split it'
    )
  })

  it('max is configurable', () => {
    expect(findings(`Headline\n\n${words(12)}\n`, 'txt', only({'sentence-length': ['warning', {max: 10}]}))).toHaveLength(1)
  })

  it('ignores lists and quoted speech', () => {
    expect(findings(`Headline\n\n- ${words(45)}\n`, 'txt', config)).toEqual([])
    expect(findings(`Headline\n\n"${words(45)}"\n`, 'txt', config)).toEqual([])
  })
})
