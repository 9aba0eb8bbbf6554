import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {parse} from '../../src/engine/parse.js'
import {attributionOf, isEmbedded} from '../../src/kit/attribution.js'
import {getDocument, type WordToken} from '../../src/kit/document.js'
import {withoutPossessive} from '../../src/kit/phrases.js'
import type {Format} from '../../src/kit/types.js'

function documentOf(text: string, format: Format = 'txt') {
  const file = new VFile({value: text})
  const parsed = parse(file, format)
  file.data.copydesk = {format, blocks: parsed.blocks}
  return getDocument(parsed.tree, file)
}

const quoted = (text: string, format: Format = 'txt') => {
  const document = documentOf(text, format)
  return document.quotations.map((quotation) => ({
    text: text.slice(quotation.start, quotation.end),
    attribution: attributionOf(document, quotation),
    embedded: isEmbedded(document, quotation)
  }))
}

describe('withoutPossessive', () => {
  const token = (text: string): WordToken => ({
    node: {type: 'WordNode', children: []},
    text,
    lower: text.toLowerCase(),
    normal: text.toLowerCase(),
    start: 10,
    end: 10 + text.length,
    index: 0
  })
  it.each([
    ["regime's", 'regime', 16],
    ['Holmbridge’s', 'Holmbridge', 20],
    ['regimes', 'regimes', 17],
    ["'s", "'s", 12]
  ])('%s → %s', (word, text, end) => {
    expect(withoutPossessive(token(word))).toMatchObject({
      text,
      lower: text.toLowerCase(),
      normal: text.toLowerCase(),
      start: 10,
      end
    })
  })
})

describe('attributionOf', () => {
  it.each([
    ['"It was a disgrace," said Maureen Tate.', 'sentence'],
    ['“It was a disgrace,” she told reporters.', 'sentence'],
    ['The mayor said: “It was a disgrace.”', 'colon'],
    ['According to the mayor, it was “a disgrace”.', 'sentence'],
    ['The mayor spoke on Monday. “It was a disgrace.”', undefined],
    ['The mayor said the day went badly. “It was a disgrace.”', 'adjacent'],
    ['The plan, it is said, was “a disgrace”.', undefined],
    ['The plan was “a disgrace”.', undefined]
  ])('%s', (text, attribution) => {
    expect(quoted(text).map((quotation) => quotation.attribution)).toEqual([attribution])
  })

  it('carries the speaker of an open quote into the paragraph that reopens it', () => {
    const found = quoted('He said: “The water came fast.\n\n“We had ten minutes.”')
    expect(found.map((quotation) => quotation.attribution)).toEqual(['colon', 'continued'])
  })

  it('does not carry it into a paragraph that does not open with a quote', () => {
    const found = quoted('He said: “The water came fast.\n\nBy noon the river fell.\n\nThen “it was over”.')
    expect(found.map((quotation) => [quotation.text, quotation.attribution])).toEqual([
      ['“The water came fast.', 'colon'],
      ['“it was over”', undefined]
    ])
  })

  it('treats a quoted headline (no full stop) as an echo of speech', () => {
    expect(quoted('# “No easy choices”\n\nText.\n', 'md').map((quotation) => quotation.attribution)).toEqual(['heading'])
  })

  it('tells embedded quotes from quoted sentences', () => {
    expect(quoted('The ‘regime’ fell. “We won,” she said.').map((quotation) => quotation.embedded)).toEqual([true, false])
  })
})

describe('attributionOf in a long document', () => {
  // Each kind of attribution once, in paragraphs a news story repeats hundreds of times: the
  // lookups by offset must find each quotation's own sentence, paragraph and neighbours.
  const paragraphs = [
    'Rain fell all week.',
    'The mayor said: “It was a disgrace.”',
    '“The water came fast,” she said.',
    'He said: “We had no warning.',
    '“We had ten minutes.”',
    'Officials said the day went badly. “It was chaos.”',
    'The council met on Monday. Its ‘plan’ was dropped.',
    'By noon the river fell, and “it was over”.'
  ]
  const story = `${paragraphs.join('\n\n')}\n\n`
  const expected: [quote: string, attribution: string | undefined, embedded: boolean][] = [
    ['“It was a disgrace.”', 'colon', true],
    ['“The water came fast,”', 'sentence', false],
    ['“We had no warning.', 'colon', true],
    ['“We had ten minutes.”', 'continued', false],
    ['“It was chaos.”', 'adjacent', false],
    ['‘plan’', undefined, true],
    ['“it was over”', undefined, true]
  ]
  const title = 'Flood latest\n\n'
  const repeats = 400
  const text = title + story.repeat(repeats)

  it.each([0, 1, 199, repeats - 1])('finds every quotation of copy %i where it is, with its speaker', (copy) => {
    const document = documentOf(text)
    expect(document.quotations).toHaveLength(expected.length * repeats)
    const offset = title.length + copy * story.length
    const own = document.quotations.filter((quotation) => quotation.start >= offset && quotation.end <= offset + story.length)
    let from = 0
    const want = expected.map(([quote, attribution, embedded]) => {
      const start = story.indexOf(quote, from)
      from = start + quote.length
      return {start: offset + start, end: offset + from, attribution, embedded}
    })
    expect(
      own.map((quotation) => ({
        start: quotation.start,
        end: quotation.end,
        attribution: attributionOf(document, quotation),
        embedded: isEmbedded(document, quotation)
      }))
    ).toEqual(want)
  })
})

describe('quotations', () => {
  it('reads quotation marks written as HTML entities, and apostrophes as apostrophes', () => {
    const text = '<p class="x">&ldquo;It was a war zone,&rdquo; said Kerry Osei of Holmbridge&rsquo;s flood team.</p>'
    expect(quoted(text, 'html').map((quotation) => quotation.text)).toEqual(['&ldquo;It was a war zone,&rdquo;'])
  })

  it('runs an unclosed curly quote on to its closing mark in a later paragraph', () => {
    const text = 'She said: “They came at night\nand broke every window.” Then they left.'
    expect(quoted(text).map((quotation) => quotation.text)).toEqual(['“They came at night\nand broke every window.”'])
  })
})
