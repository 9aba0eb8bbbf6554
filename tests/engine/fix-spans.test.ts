import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import data from '../../rules/stray-widget-text/phrases.json' with {type: 'json'}
import {preset} from '../../src/config/load.js'
import {applyFixes} from '../../src/engine/fix.js'
import {lintText} from '../../src/engine/lint.js'
import type {Fix, Format} from '../../src/kit/types.js'

// Every rule on: whichever rule offers a fix, it must touch only its own span.
const config = {rules: preset('strict'), files: []}

const sentences = fc.constantFrom(
  'Councillors voted on Tuesday night to close four libraries.',
  'The council said the closures would save £1.1m a year.',
  'It is claimed the rebels slammed the plan, reportedly in secret.',
  '“We had no warning,” said Ann Cole, who runs the café.',
  'The bridge was closed… by police at 6am & reopened at noon.',
  'Residents can e-mail the council or read more about the plan online.'
)
const odd = fc.string({unit: 'grapheme', maxLength: 12})
// Odd characters anywhere but at the end: a paragraph of copy still ends like a sentence.
const paragraph = fc
  .tuple(fc.array(fc.oneof({weight: 4, arbitrary: sentences}, {weight: 1, arbitrary: odd}), {maxLength: 3}), sentences)
  .map(([parts, last]) => [...parts, last].join(' '))
const furniture = fc.constantFrom(...Object.values(data.kinds).flatMap((entry) => entry.examples))
/** Copy with furniture between (and around) its paragraphs. */
const article = fc.tuple(
  fc.array(
    fc.oneof(
      {weight: 3, arbitrary: paragraph.map((text) => ({text, furniture: false}))},
      {
        weight: 2,
        arbitrary: furniture.map((text) => ({text, furniture: true}))
      }
    ),
    {minLength: 1, maxLength: 10}
  ),
  fc.constantFrom('\n', '\r\n'),
  fc.boolean()
)

function render(format: Format, blocks: readonly {text: string; furniture: boolean}[], eol: string, bom: boolean): string {
  const body = blocks.map(({text, furniture}) => {
    if (format !== 'html') return text
    const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;')
    return furniture ? `<div class="share-bar"><p>${escaped}</p></div>` : `<p>${escaped}</p>`
  })
  const head =
    format === 'md'
      ? '# Council closes libraries'
      : format === 'html'
        ? '<h1>Council closes libraries</h1>'
        : 'Council closes libraries'
  return `${bom ? '\uFEFF' : ''}${[head, ...body].join(eol + eol)}${eol}`
}

/** The text with each fix's range replaced, built from the kept slices (independently of the engine's applyFixes). */
function spliced(text: string, fixes: readonly Fix[]): string {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0])
  let out = ''
  let at = 0
  for (const fix of sorted) {
    expect(fix.range[0]).toBeGreaterThanOrEqual(at)
    expect(fix.range[1]).toBeLessThanOrEqual(text.length)
    out += text.slice(at, fix.range[0]) + fix.text
    at = fix.range[1]
  }
  return out + text.slice(at)
}

describe.each(['txt', 'md', 'html'] as const)('--fix on %s copy with furniture inserted', (format) => {
  it('changes only the fix ranges: every other character is kept, in order, and what goes is furniture', () => {
    fc.assert(
      fc.property(article, ([blocks, eol, bom]) => {
        const original = render(format, blocks, eol, bom)
        let text = original
        for (let pass = 0; pass < 10; pass++) {
          const {messages} = lintText({text, format, config})
          const {applied, output} = applyFixes(text, messages)
          if (applied.length === 0) break
          // Every character outside the applied ranges survives, in order.
          expect(output).toBe(spliced(text, applied))
          // What a fix removes is the flagged text itself, plus space and (in HTML) the element's tags.
          for (const fix of applied) {
            let removed = text.slice(fix.range[0], fix.range[1])
            for (const message of messages) {
              const place = message.place && 'start' in message.place ? message.place : undefined
              const start = place?.start.offset ?? -1
              const end = place?.end.offset ?? -1
              if (message.fix && start >= fix.range[0] && end <= fix.range[1]) {
                removed = removed.replace(text.slice(start, end), '')
              }
            }
            if (format === 'html') removed = removed.replace(/<[^>]*>/g, '')
            expect(removed.trim(), `left over from cutting ${JSON.stringify(text.slice(...fix.range))}`).toBe('')
          }
          text = output
        }
        // The engine's own --fix produces exactly that: no other change (line ends, BOM, spacing).
        const fixed = lintText({text: original, format, config, fix: true})
        expect(fixed.output ?? original).toBe(text)
        // The copy itself is all still there.
        for (const block of blocks) {
          if (!block.furniture && format !== 'html') expect(text).toContain(block.text)
        }
      }),
      {numRuns: 60}
    )
  })
})
