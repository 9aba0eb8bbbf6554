import {describe, expect, it} from 'vitest'
import type {Format} from '../../src/kit/types.js'
import {findings, only} from '../helpers.js'

const config = only({'unattributed-claim': 'warning', 'loaded-wording': 'warning'})

// What remains flagged, as `rule:text`, after inline control comments.
function flagged(text: string, format: Format): string[] {
  return findings(text, format, config).map((found) => `${found.ruleId}:${found.text}`)
}

describe('inline control comments', () => {
  it.each([
    {
      name: 'markdown: disable and enable one rule',
      format: 'md' as const,
      text: '<!-- copydesk-disable unattributed-claim -->\n\nIt reportedly failed.\n\n<!-- copydesk-enable unattributed-claim -->\n\nIt allegedly failed.\n',
      expected: ['unattributed-claim:allegedly']
    },
    {
      name: 'markdown: disable with no rule named means every rule',
      format: 'md' as const,
      text: '<!-- copydesk-disable -->\n\nIt reportedly failed.\n',
      expected: []
    },
    {
      name: 'markdown: ignore-next covers only the next block',
      format: 'md' as const,
      text: '<!-- copydesk-ignore-next unattributed-claim -->\nIt reportedly failed.\n\nIt allegedly failed.\n',
      expected: ['unattributed-claim:allegedly']
    },
    {
      name: 'markdown: another rule stays on',
      format: 'md' as const,
      text: '<!-- copydesk-disable loaded-wording -->\n\nIt reportedly failed.\n',
      expected: ['unattributed-claim:reportedly']
    },
    {
      name: 'markdown: an ordinary comment changes nothing',
      format: 'md' as const,
      text: '<!-- subbed by JP -->\n\nIt reportedly failed.\n',
      expected: ['unattributed-claim:reportedly']
    },
    {
      name: 'html: ignore-next skips white space to the next element',
      format: 'html' as const,
      text: '<!-- copydesk-ignore-next unattributed-claim -->\n<p>It reportedly failed.</p>\n<p>It allegedly failed.</p>',
      expected: ['unattributed-claim:allegedly']
    },
    {
      name: 'html: disable and enable',
      format: 'html' as const,
      text: '<p>It reportedly failed.</p><!-- copydesk-disable unattributed-claim --><p>It allegedly failed.</p><!-- copydesk-enable unattributed-claim --><p>It apparently failed.</p>',
      expected: ['unattributed-claim:reportedly', 'unattributed-claim:apparently']
    }
  ])('$name', ({text, format, expected}) => {
    expect(flagged(text, format)).toEqual(expected)
  })

  it('plain text has no comments: the syntax is just text', () => {
    expect(flagged('<!-- copydesk-disable -->\n\nIt reportedly failed.\n', 'txt')).toEqual(['unattributed-claim:reportedly'])
  })
})
