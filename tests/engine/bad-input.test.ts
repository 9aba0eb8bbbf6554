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

  it('moderate nesting is linted normally', () => {
    const text = `${'<div>'.repeat(200)}<p>It reportedly failed.</p>${'</div>'.repeat(200)}`
    expect(findings(text, 'html', config).map((found) => found.text)).toEqual(['reportedly'])
  })
})
