import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {preset} from '../../src/config/load.js'
import {applyFixes} from '../../src/engine/fix.js'
import {lintText} from '../../src/engine/lint.js'
import type {Format} from '../../src/kit/types.js'

// Every rule on, so every rule meets the odd input.
const config = {rules: preset('strict'), files: []}

const words = fc.constantFrom(
  'It',
  'is',
  'claimed',
  'reportedly',
  'fanatics',
  'slammed',
  'Share this article',
  'Read more',
  'was',
  'arrested',
  'by',
  'police',
  'in order to',
  '“',
  '”',
  '‘',
  '’',
  '"',
  "'",
  '.',
  ',',
  '…',
  '—',
  '\n',
  '\n\n',
  '\r\n',
  ' ',
  '&amp;',
  '\uFEFF',
  '😀',
  'é',
  'e\u0301',
  '\t',
  '•',
  '-',
  '*',
  '#',
  '<',
  '>',
  '&',
  ';'
)
const prose = fc
  .array(fc.oneof(words, fc.string({unit: 'grapheme', maxLength: 6})), {maxLength: 60})
  .map((parts) => parts.join(' '))

const markdownBlock = fc.oneof(
  prose.map((text) => `# ${text}`),
  prose.map((text) => `- ${text}`),
  prose.map((text) => `> ${text}`),
  prose.map((text) => `*${text}* **${text}**`),
  prose.map((text) => `[${text}](http://example.com)`),
  prose.map((text) => `\`\`\`\n${text}\n\`\`\``),
  fc.constantFrom('<!-- copydesk-disable -->', '<!-- copydesk-ignore-next loaded-wording -->', '<!-- copydesk-enable -->'),
  prose
)
const markdown = fc.array(markdownBlock, {maxLength: 8}).map((blocks) => blocks.join('\n\n'))

const htmlTag = fc.constantFrom('p', 'h1', 'li', 'figcaption', 'aside', 'div', 'blockquote', 'em', 'a', 'span', 'nav', 'script')
const htmlBlock = fc.tuple(htmlTag, prose).map(([tag, text]) => `<${tag}>${text.replace(/</g, '&lt;')}</${tag}>`)
const html = fc
  .array(fc.oneof(htmlBlock, fc.constantFrom('<!-- copydesk-disable -->', '<br>', '&nbsp;', '&#128512;', '<p>', '</div>')), {
    maxLength: 10
  })
  .map((parts) => parts.join('\n'))

const inputs: Array<[Format, fc.Arbitrary<string>]> = [
  ['txt', prose],
  ['txt', fc.string({unit: 'binary', maxLength: 300})],
  ['md', markdown],
  ['html', html]
]

describe.each(inputs)('any %s input', (format, arbitrary) => {
  it('never crashes; every range lies in the file and slices to `actual`; results are deterministic', () => {
    fc.assert(
      fc.property(arbitrary, (text) => {
        const first = lintText({text, format, config})
        const again = lintText({text, format, config})
        expect(again.messages.map(String)).toEqual(first.messages.map(String))
        for (const message of first.messages) {
          expect(message.fatal === true && message.ruleId !== null && String(message.reason).includes('failed')).toBe(false)
          const place = message.place && 'start' in message.place ? message.place : undefined
          if (!place) continue
          const start = place.start.offset ?? -1
          const end = place.end.offset ?? -1
          expect(start).toBeGreaterThanOrEqual(0)
          expect(end).toBeGreaterThanOrEqual(start)
          expect(end).toBeLessThanOrEqual(text.length)
          if (message.actual !== undefined && message.actual !== null) expect(text.slice(start, end)).toBe(message.actual)
        }
      }),
      {numRuns: 80}
    )
  })

  it('applying every fix and linting again leaves no fixable findings', () => {
    fc.assert(
      fc.property(arbitrary, (text) => {
        const fixed = lintText({text, format, config, fix: true})
        const output = fixed.output ?? text
        const after = lintText({text: output, format, config})
        expect(after.messages.filter((message) => message.fix).map(String)).toEqual([])
        expect(applyFixes(output, after.messages).applied).toHaveLength(0)
      }),
      {numRuns: 50}
    )
  })
})
