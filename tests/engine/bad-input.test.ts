import {describe, expect, it} from 'vitest'
import {lintText} from '../../src/engine/lint.js'
import {findings, only} from '../helpers.js'

const config = only({'unattributed-claim': 'warning'})

describe('bad and odd input', () => {
  it.each([
    {
      name: 'HTML nested 20,000 deep',
      format: 'html' as const,
      text: `${'<div>'.repeat(20000)}<p>It reportedly failed.</p>${'</div>'.repeat(20000)}`
    },
    {name: 'Markdown quotes nested 5,000 deep', format: 'md' as const, text: `${'> '.repeat(5000)}It reportedly failed.\n`}
  ])('$name: one clear fatal message, no crash', ({format, text}) => {
    const report = lintText({text, format, config})
    expect(report.messages.map((message) => [message.fatal, message.reason])).toEqual([
      [true, 'Cannot lint this file: the document is nested too deeply to lint']
    ])
  })

  it.each([
    {name: 'empty text', format: 'txt' as const, text: ''},
    {name: 'empty Markdown', format: 'md' as const, text: ''},
    {name: 'empty HTML', format: 'html' as const, text: ''},
    {name: 'only white space', format: 'txt' as const, text: ' \r\n\t\n'},
    {name: 'only a comment', format: 'html' as const, text: '<!-- nothing here -->'}
  ])('$name: no findings, no error', ({format, text}) => {
    expect(lintText({text, format, config}).messages).toEqual([])
  })

  // The Markdown and HTML converters hand a node's words to its parent with `push(...words)`,
  // which runs out of stack beyond about 100,000 items: these were each reported as "nested too
  // deeply" before large blocks and texts went to the converter in pieces.
  const sentence = 'The council met on Tuesday and the plan failed. '
  const claim = 'It reportedly failed.'
  it.each([
    {name: 'a Markdown paragraph of 90,000 words', format: 'md' as const, before: '# Council\n\n', text: sentence.repeat(10_000)},
    {
      name: 'a Markdown paragraph of 90,000 words ending in a space',
      format: 'md' as const,
      before: '# Council\n\n',
      text: sentence.repeat(10_000),
      after: ' '
    },
    {
      name: 'an HTML paragraph of 90,000 words',
      format: 'html' as const,
      before: '<h1>Council</h1>\n<p>',
      text: sentence.repeat(10_000)
    },
    {
      name: 'a Markdown list of 12,000 links',
      format: 'md' as const,
      before: '# Council\n\n',
      text: Array.from({length: 12_000}, (_, index) => `- [The council met on day ${index}](/day/${index})\n`).join('')
    }
  ])('$name is linted to its end, at the right place', ({format, before, text, after = ''}) => {
    const document = format === 'html' ? `${before}${text}${claim}</p>\n` : `${before}${text}\n${claim}${after}\n`
    const found = findings(document, format, config)
    const start = document.indexOf('reportedly')
    const line = document.slice(0, start).split('\n').length
    expect(found.map(({text, start, line, column}) => [text, start, line, column])).toEqual([
      ['reportedly', start, line, start - document.lastIndexOf('\n', start - 1)]
    ])
  })

  it('moderate nesting is linted normally', () => {
    const text = `${'<div>'.repeat(200)}<p>It reportedly failed.</p>${'</div>'.repeat(200)}`
    expect(findings(text, 'html', config).map((found) => found.text)).toEqual(['reportedly'])
  })
})
