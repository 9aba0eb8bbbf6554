import {describe, expect, it} from 'vitest'
import {findings, only} from '../helpers.js'

const config = only({'paragraph-length': 'info'})
const sentence = 'The council met on Tuesday to vote on the budget.'

describe('paragraph-length', () => {
  it('flags a paragraph of more than six sentences, from its first to its last sentence', () => {
    const paragraph = Array.from({length: 7}, () => sentence).join(' ')
    const found = findings(`Headline\n\n${paragraph}\n\n${sentence}\n`, 'txt', config)
    expect(found).toMatchObject([{ruleId: 'paragraph-length', severity: 'info', text: paragraph, line: 3, column: 1}])
  })

  it('leaves six sentences alone', () => {
    expect(findings(`Headline\n\n${Array.from({length: 6}, () => sentence).join(' ')}\n`, 'txt', config)).toEqual([])
  })

  it('counts words, across hard-wrapped lines', () => {
    const long = Array.from({length: 13}, () => 'word').join(' ')
    const lines = Array.from({length: 10}, () => long).join('\n')
    expect(findings(`Headline\n\n${lines}.\n`, 'txt', config)).toHaveLength(1)
  })

  it('treats each Markdown paragraph on its own', () => {
    const md = `# Title\n\n${Array.from({length: 4}, () => sentence).join(' ')}\n\n${Array.from({length: 4}, () => sentence).join(' ')}\n`
    expect(findings(md, 'md', config)).toEqual([])
  })

  it('limits are configurable', () => {
    const strict = only({'paragraph-length': ['info', {maxSentences: 1}]})
    expect(findings(`Headline\n\n${sentence} ${sentence}\n`, 'txt', strict)).toHaveLength(1)
  })
})
