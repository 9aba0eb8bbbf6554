import {describe, expect, it} from 'vitest'
import type {Format} from '../../src/kit/types.js'
import {findings, only} from '../helpers.js'

const config = only({'unattributed-claim': 'warning'})

// Each case: the flagged phrase must slice out of the original text exactly, whatever the format.
const cases: Array<{name: string; format: Format; text: string; expected: string; line: number; column: number}> = [
  {
    name: 'plain text',
    format: 'txt',
    text: 'Headline\n\nThe plan, it is claimed, failed.\n',
    expected: 'it is claimed',
    line: 3,
    column: 11
  },
  {
    name: 'plain text with CRLF',
    format: 'txt',
    text: 'Headline\r\n\r\nThe plan, it is claimed, failed.\r\n',
    expected: 'it is claimed',
    line: 3,
    column: 11
  },
  {
    name: 'plain text with BOM',
    format: 'txt',
    text: '\uFEFFThe plan reportedly failed.',
    expected: 'reportedly',
    line: 1,
    column: 11
  },
  {
    name: 'Markdown emphasis',
    format: 'md',
    text: '# Title\n\nThe *plan* was, **it is claimed**, a failure.\n',
    expected: 'it is claimed',
    line: 3,
    column: 19
  },
  {
    name: 'Markdown escapes and references',
    format: 'md',
    text: 'Fish \\& chips &amp; peas, it is claimed, sold out.\n',
    expected: 'it is claimed',
    line: 1,
    column: 27
  },
  {
    name: 'Markdown with CRLF',
    format: 'md',
    text: '# Title\r\n\r\nThe team\r\nreportedly left.\r\n',
    expected: 'reportedly',
    line: 4,
    column: 1
  },
  {
    name: 'Markdown with BOM',
    format: 'md',
    text: '\uFEFF# Title\n\nIt reportedly left.\n',
    expected: 'reportedly',
    line: 3,
    column: 4
  },
  {
    name: 'HTML entities before the finding',
    format: 'html',
    text: '<p>Fish &amp; chips&nbsp;&mdash; it is claimed &ndash; sold out.</p>',
    expected: 'it is claimed',
    line: 1,
    column: 34
  },
  {
    name: 'HTML numeric references',
    format: 'html',
    text: '<p>It&#8217;s &#x2014; reportedly &#128512; over.</p>',
    expected: 'reportedly',
    line: 1,
    column: 24
  },
  {
    name: 'HTML on later lines with CRLF',
    format: 'html',
    text: '<article>\r\n<h1>Title</h1>\r\n<p>Rebels\r\n reportedly left.</p>\r\n</article>',
    expected: 'reportedly',
    line: 4,
    column: 2
  }
]

describe('positions refer to the original file', () => {
  it.each(cases)('$name', ({format, text, expected, line, column}) => {
    const found = findings(text, format, config)
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({text: expected, line, column})
  })
})
