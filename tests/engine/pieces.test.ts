import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {toNlcst as hastToNlcst} from 'hast-util-to-nlcst'
import {toNlcst} from 'mdast-util-to-nlcst'
import type {Root} from 'nlcst'
import {ParseEnglish} from 'parse-english'
import rehypeParse from 'rehype-parse'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {htmlToNlcst, markdownToNlcst, parseEnglish, pieceEnds} from '../../src/engine/parse.js'

const seeds = path.join(import.meta.dirname, '..', '..', 'seeds')
const texts = readdirSync(seeds)
  .filter((name) => name.endsWith('.txt') || name.endsWith('.md'))
  .map((name) => readFileSync(path.join(seeds, name), 'utf8'))
const tricky = [
  'Prices rose to 133,000.\n\nAnalysts said so.\n\nthe next one starts low.\n\n2005 was a year.\n\nSee Smith et al.\n\nThen etc.\n\nA Pro.\n\nDone here.',
  'Headline\r\n\r\nFirst paragraph ends here.\r\n\r\n  Indented Second paragraph starts.\r\n\r\nLast words.\r\n'
]

describe('plain text parsed in pieces (large files)', () => {
  it('gives the tree of one parse, positions included, wherever the pieces are cut', () => {
    const oneLineBreak = (text: string): string => text.replace(/(\r?\n)\s*\r?\n\s*/g, '$1')
    const oneLine = (text: string): string => text.replace(/\s*\r?\n\s*/g, ' ')
    const all = [
      ...texts,
      ...tricky,
      texts.join('\n\n'),
      // No blank lines (one parse-latin paragraph per line), and no line breaks at all (one paragraph).
      ...[...texts, ...tricky].map(oneLineBreak),
      ...[...texts, ...tricky].map(oneLine),
      'Mr. Smith met Dr. Jones. He said: “Stop.” Then U.S. officials left! Why? Because.\nNext line. A. B. Co. Ltd. Done.'
    ]
    for (const text of all) {
      const whole = new ParseEnglish().parse(text)
      for (const piece of [1, 50, 500]) expect(parseEnglish(text, piece)).toEqual(whole)
    }
  })
})

describe('a long paragraph parsed in pieces', () => {
  // Where one parse starts a sentence: the only places a piece may end.
  const sentenceStarts = (tree: Root): Set<number | undefined> => {
    const starts = new Set<number | undefined>()
    for (const paragraph of tree.children) {
      if (paragraph.type !== 'ParagraphNode') continue
      for (const sentence of paragraph.children) if (sentence.type === 'SentenceNode') starts.add(sentence.position?.start.offset)
    }
    return starts
  }
  const oneParagraph = (text: string): string => text.replace(/\s*\r?\n\s*/g, ' ')

  it.each([
    ['the seeds with every line break made a space', texts.map(oneParagraph).join(' ')],
    [
      'abbreviations, initials and figures',
      'Mr. Smith met Dr. Jones at 10 a.m. Today. He owes U.S. Steel $1.5. Millions. '.repeat(40)
    ]
  ])('%s: cut only where one parse starts a sentence, then joined into the tree of one parse', (_name, text) => {
    const whole = new ParseEnglish().parse(text)
    expect(whole.children.filter((node) => node.type === 'ParagraphNode')).toHaveLength(1)
    const starts = sentenceStarts(whole)
    for (const piece of [200, 2000]) {
      const ends = pieceEnds(text, piece)
      expect(ends.length).toBeGreaterThan(text.length / piece / 4)
      for (const end of ends.slice(0, -1)) expect(starts.has(end), text.slice(end - 20, end + 20)).toBe(true)
      expect(parseEnglish(text, piece)).toEqual(whole)
    }
  })
})

describe('Markdown converted a run of blocks at a time (large files)', () => {
  const markdown = [
    ...texts,
    texts.join('\n\n'),
    '# Title\n\nFirst paragraph.\n\n```\ncode\n```\n\nthe next starts low.\n\n- a list\n- of items\n\n> A quote.\n\n2005 was a year.\n\nSee Smith et al.\n\nEnd'
  ]
  it.each(markdown.map((text) => [text.slice(0, 30), text]))('%s…: the tree of one conversion', (_name, text) => {
    const file = new VFile({path: 'a.md', value: text})
    const source = unified().use(remarkParse).parse(text)
    const whole = toNlcst(source, file, ParseEnglish)
    for (const piece of [1, 200, 2000]) expect(markdownToNlcst(source, file, piece)).toEqual(whole)
  })

  it.each(markdown.map((text) => [text.slice(0, 30), text]))(
    '%s…: with every block and text larger than a few units given in pieces, the tree of one conversion',
    (_name, text) => {
      const file = new VFile({path: 'a.md', value: text})
      const source = unified().use(remarkParse).parse(text)
      const whole = toNlcst(source, file, ParseEnglish)
      for (const largest of [1, 7, 40, 400]) {
        for (const piece of [1, 2000, 100_000]) expect(markdownToNlcst(source, file, piece, largest)).toEqual(whole)
      }
    }
  )
})

describe('HTML with long texts converted in pieces (large files)', () => {
  const pages = [
    ...readdirSync(seeds)
      .filter((name) => name.endsWith('.html'))
      .map((name) => readFileSync(path.join(seeds, name), 'utf8')),
    '<h1>Title here</h1><p>Some &amp; text with <em>emphasis here</em> and<br>a break &mdash; then <a href="x">a link</a> more.</p><div>Loose words <span>and a span</span> end</div><ul><li>one item here</li><li>two items</li></ul>'
  ]
  it.each(pages.map((text) => [text.slice(0, 30), text]))('%s…: the tree of one conversion', (_name, text) => {
    const file = new VFile({path: 'a.html', value: text})
    const source = unified().use(rehypeParse).parse(text)
    const whole = hastToNlcst(source, file, ParseEnglish)
    for (const largest of [1, 7, 40, 400]) expect(htmlToNlcst(source, file, largest)).toEqual(whole)
  })
})

describe('plain text tokenized from a table of character types', () => {
  it('gives parse-english’s tokens for every UTF-16 unit, astral pairs and line ends included', () => {
    let text = ''
    // Runs of one unit, a pair of neighbours and a separator, over the whole Basic Multilingual Plane.
    for (let code = 0; code < 0x10000; code += 7) text += String.fromCharCode(code, code, code + 1) + (code % 5 ? ' ' : '\r\n')
    text += 'Emoji 😀😀 a😀b 𝐀𝐁 ‼‼ ... !!? ”“ soft\u00adhyphen zero\u200bwidth\r\rend\n'
    expect(parseEnglish(text)).toEqual(new ParseEnglish().parse(text))
  })
})
