import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {toNlcst as hastToNlcst} from 'hast-util-to-nlcst'
import {toNlcst as mdastToNlcst} from 'mdast-util-to-nlcst'
import type {Nodes, Root} from 'nlcst'
import {toString as nlcstToString} from 'nlcst-to-string'
import {ParseEnglish} from 'parse-english'
import rehypeParse from 'rehype-parse'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import * as copies from '../../src/engine/latin-expressions.js'
import {isNewLine, isTerminalMarker, isWordSymbolInner, startsWithLowerCase} from '../../src/engine/latin-passes.js'
import {FastParseEnglish} from '../../src/engine/parse.js'

// FastParseEnglish runs parse-english's plugin passes as plain loops (src/engine/latin-passes.ts).
// Stock parse-english is the oracle: every tree must be identical, positions and key order included
// (JSON text is compared, so a key added in another order or a point moved shows).

const same = (ours: Root, stock: Root): void => {
  expect(JSON.stringify(ours)).toBe(JSON.stringify(stock))
  sharesAsStock(ours, stock)
}

/**
 * Each group of nodes whose positions or points are one object in stock's tree (a sentence starts
 * with the very point its first word starts with) is one object in ours too. Ours may share more
 * (a word and its text node share one position), for no one edits a point in place.
 */
function sharesAsStock(ours: Root, stock: Root): void {
  const groups = (tree: Root): Map<object, string[]> => {
    const seen = new Map<object, string[]>()
    const note = (object: object | undefined, where: string): void => {
      if (!object) return
      const list = seen.get(object)
      if (list) list.push(where)
      else seen.set(object, [where])
    }
    const visit = (node: Nodes, path: string): void => {
      note(node.position, `${path}.position`)
      note(node.position?.start, `${path}.start`)
      note(node.position?.end, `${path}.end`)
      if (!('children' in node)) return
      for (let index = 0; index < node.children.length; index++) visit(node.children[index] as Nodes, `${path}/${index}`)
    }
    visit(tree, '')
    return seen
  }
  const owner = new Map<string, object>()
  for (const [object, paths] of groups(ours)) for (const where of paths) owner.set(where, object)
  for (const paths of groups(stock).values()) {
    const first = owner.get(paths[0] as string)
    for (const where of paths) expect(owner.get(where), where).toBe(first)
  }
}
const stockText = (text: string): Root => new ParseEnglish().parse(text)
const ourText = (text: string): Root => new FastParseEnglish().parse(text)
const markdown = (text: string, Parser: new () => ParseEnglish): Root => {
  const tree = unified().use(remarkParse).parse(text)
  return tree.position ? (mdastToNlcst(tree, new VFile(text), Parser) as Root) : {type: 'RootNode', children: []}
}
const html = (text: string, Parser: new () => ParseEnglish): Root => {
  const tree = unified().use(rehypeParse, {fragment: true}).parse(text)
  return tree.position ? (hastToNlcst(tree, new VFile(text), Parser) as Root) : {type: 'RootNode', children: []}
}

/** Each word of a tree with its start offset, as "text@offset". */
function words(tree: Root): string[] {
  const found: string[] = []
  const visit = (node: Nodes): void => {
    if (node.type === 'WordNode') found.push(`${nlcstToString(node)}@${node.position?.start.offset}`)
    else if ('children' in node) for (const child of node.children) visit(child)
  }
  visit(tree)
  return found
}

/** Each sentence of a tree, as its text. */
function sentences(tree: Root): string[] {
  const found: string[] = []
  const visit = (node: Nodes): void => {
    if (node.type === 'SentenceNode') found.push(nlcstToString(node))
    else if ('children' in node) for (const child of node.children) visit(child)
  }
  visit(tree)
  return found
}

// Texts for each pass, with a word (and where it starts) or a sentence that only that pass makes,
// so each case shows it reaches the pass it is for.
const cases: ReadonlyArray<{pass: string; text: string; word?: string; sentence?: string}> = [
  {pass: 'elision: w/', text: 'Tea w/ milk.', word: 'w/@4'},
  {pass: 'elision: prefix', text: "An ol' car.", word: "ol'@3"},
  {pass: 'elision: affix', text: "It was 'twas and ’90s.", word: "'twas@7"},
  {pass: 'elision: affix digits', text: "Back in '90s music.", word: "'90s@8"},
  {pass: "elision: 'n'", text: "Rock 'n' roll lives.", word: "'n'@5"},
  {pass: 'initial word symbol', text: 'Smith &co went.', word: '&co@6'},
  {pass: 'final word symbol', text: 'Pre- and post-war.', word: 'Pre-@0'},
  {pass: 'inner word symbol', text: "Don't e-mail me at 3.5 o'clock.", word: 'e-mail@6'},
  {pass: 'inner word symbol: decimals', text: 'It rose 1.5 per cent.', word: '1.5@8'},
  {pass: 'inner word slash', text: 'Yes and/or no, 50 km/h.', word: 'km/h@18'},
  {pass: 'inner word slash: long words stay apart', text: 'Either/or and cats/dogs.', word: 'cats@14'},
  {pass: 'initialisms', text: 'The U.S. and U.K. agreed.', word: 'U.S.@4'},
  {pass: 'initialisms: e.g.', text: 'Fruit, e.g. apples.', word: 'e.g.@7'},
  {pass: 'english prefix exceptions', text: 'Mr. Smith met Dr. Jones on Jan. 5.', sentence: 'Mr. Smith met Dr. Jones on Jan. 5.'},
  {pass: 'prefix exceptions', text: 'See Smith et al. for more. Item a. is here.', sentence: 'See Smith et al. for more.'},
  {pass: 'non-word sentences', text: 'Really?! ... Yes.', sentence: 'Really?! ...'},
  {pass: 'affix symbol', text: 'He said “Stop.” Then (it ended.) Done.', sentence: 'He said “Stop.”'},
  {pass: 'lower-case sentence start', text: 'It was 5 p.m. when he left.', sentence: 'It was 5 p.m. when he left.'},
  {pass: 'digit sentence start', text: 'Wow!5 ways to win.', sentence: 'Wow!5 ways to win.'},
  {pass: 'affix exceptions', text: 'Wait. , he said. Go.', sentence: 'Wait. , he said.'},
  {pass: 'remaining full stops: before a word', text: 'Read it. .NET is here.', sentence: 'Read it. .'},
  {pass: 'remaining full stops', text: 'He woke. then he slept.', word: 'woke.@3'},
  {pass: 'implicit sentences', text: 'First line\n\nSecond line\r\n\r\nThird', sentence: 'Second line'},
  {pass: 'white space siblings', text: '  Leading and trailing.  \n\n  Next.  ', sentence: 'Leading and trailing.'}
]

const more = [
  '',
  ' ',
  '\n\n\t  \r\n',
  'Emoji 😀 and 👍🏽 and 𝐚𝐛 here. Ünïcödé Straße, ΑΒΓ.',
  'Line one\r\nline two\rline three\n\nNew paragraph.',
  "'n' at the start, and at the end 'n'",
  'Q. and A. U.S.A. 1.2.3. A.1. x.y.z',
  '... ?! !!! ‽ … ."\' .) .] .» .’',
  '& && &word word& / // a/b/c w/o W/ ok',
  '- -- word- -word word-- a - b',
  '"Quoted," she said. (Bracketed.) [Square.] {Curly.}',
  'Ends with abbreviation Mr.',
  'etc. etc. Etc. ETC. vs. Vs. Inc. inc.',
  '50. 60. 7. 1000. done.',
  'a. b. c. D. E.',
  'Tab\tseparated\u00a0non-breaking\u2003spaces.',
  "ol' ol 'ol' 'em 'er 'im 'cause 'tis 'twere",
  'end.',
  '.start',
  '?',
  'U.S',
  'Hello.World. Foo.bar.baz. A.B.C',
  "He's 'n' she's, rock'n'roll, rock 'n roll, rock n' roll.",
  'Price: $5.50/kg; 30% off; a@b.com; x=y; snake_case and __init__.',
  'Prices rose to 133,000.\n\nAnalysts said so.\n\nthe next one starts low.\n\n2005 was a year.',
  '\n\n\nThree blank lines.\n\n\n\nThen four.\n',
  '...\n!!!\n?\n\n--\n“”\n',
  '“Quoted.” ‘Single.’ «Guillemets.» „Low.“',
  'J. R. R. Tolkien and G.K. Chesterton met at 10.30 a.m. on 3.5.2020.',
  'See https://www.bbc.co.uk/news/uk-123?x=1&y=2 and mail a@b.co.uk now.',
  '中文句子。日本語の文！ Русский текст. العربية؟ हिन्दी।',
  'Lone \ud800 high and \udc00 low surrogates. 😀😀 pairs.',
  'CRLF line\r\n\r\nparagraph\r\nand CR\r\rlines.',
  'no marks at all here',
  'It costs £3.50 - or 4.5% - and/or more & less.'
]

describe('parse-english passes as plain loops', () => {
  it.each(cases)('$pass: the same tree as stock parse-english', ({text, word, sentence}) => {
    const stock = stockText(text)
    if (word) expect(words(stock)).toContain(word)
    if (sentence) expect(sentences(stock)).toContain(sentence)
    same(ourText(text), stock)
  })

  it('gives the same trees for edge cases: empty, white space only, emoji, line endings, marks', () => {
    for (const text of [...more, ...cases.map((row) => row.text)]) same(ourText(text), stockText(text))
  })

  it('gives the same trees through the Markdown and HTML converters', () => {
    const texts = [
      ...more,
      ...cases.map((row) => row.text),
      '# Heading\n\nA *U.S.* report, e.g. `code.here` and [a link](http://x.y).\n\n- item one.\n- item two\n\n> Quoted. text',
      "<p>A <b>U.S.</b> report.</p><p>Rock &amp; roll, rock 'n' roll.</p><ul><li>one.</li><li>two</li></ul>"
    ]
    for (const text of texts) {
      same(markdown(text, FastParseEnglish), markdown(text, ParseEnglish))
      same(html(text, FastParseEnglish), html(text, ParseEnglish))
    }
  })

  it('gives the same trees for random mixes of the marks and words the passes look at', () => {
    const pieces = ['a', 'w', 'n', 'ol', 'U', 'S', 'Mr', 'etc', 'twas', '90s', '1', '12', 'ß', 'Word', '.', '.', ',', ';']
    pieces.push('-', '/', '&', "'", '’', '"', '”', '(', ')', '!', '?', '…', '_', ' ', ' ', '\n', '\n\n', '\r\n', '😀')
    for (const text of randomTexts(pieces, {seed: 7, count: 1500, longest: 30})) same(ourText(text), stockText(text))
  })

  it('gives the same trees for random strings of many scripts, marks, spaces, line endings and lone surrogates', () => {
    const units = [...'aZß9٣ख中ёΩ-–—/&\'’"“”«»()[]{}.,;:!?‽…。、_@=#$%*+<>|~^`\\ \t\n\r\u00a0\u2003\u000b\f\u00ad\u2027\u0301']
    units.push(
      '\ud800',
      '\udfff',
      '😀',
      '𝐚',
      '\r\n',
      '\n\n',
      '  ',
      '...',
      '--',
      '//',
      '&&',
      "''",
      'http://x.y/a?b=1',
      'e.g.',
      'U.S.',
      '3.5'
    )
    for (const text of randomTexts(units, {seed: 11, count: 3000, longest: 40})) same(ourText(text), stockText(text))
  })

  const corpus = path.join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'bbc')
  it.runIf(existsSync(corpus))('gives the same trees for a sample of the BBC corpus, as text and Markdown', () => {
    const files = readdirSync(corpus, {recursive: true, withFileTypes: true})
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort()
    const sample = files.filter((_, index) => index % 40 === 0)
    expect(sample.length).toBeGreaterThan(20)
    for (const file of sample) {
      const text = readFileSync(file, 'utf8')
      same(ourText(text), stockText(text))
      same(markdown(text, FastParseEnglish), markdown(text, ParseEnglish))
    }
  })
})

describe('copied parse-latin and parse-english expressions', () => {
  it('match the installed packages', async () => {
    const latin = await import('../../node_modules/parse-latin/lib/expressions.js')
    const english = await import('../../node_modules/parse-english/lib/regex.js')
    const pairs: ReadonlyArray<readonly [RegExp, RegExp]> = [
      [copies.affixSymbol, latin.affixSymbol],
      [copies.numerical, latin.numerical],
      [copies.lowerInitial, latin.lowerInitial],
      [copies.wordSymbolInner, latin.wordSymbolInner],
      [copies.terminalMarker, latin.terminalMarker],
      [copies.abbreviations, english.abbreviations],
      [copies.abbreviationsSensitive, english.abbreviationsSensitive],
      [copies.elisionPrefix, english.elisionPrefix],
      [copies.elisionAffix, english.elisionAffix]
    ]
    for (const [ours, theirs] of pairs) expect(String(ours)).toBe(String(theirs))
    // merge-prefix-exceptions builds its expression from string pieces inside `new RegExp(...)`.
    const plugin = readFileSync(
      path.join(import.meta.dirname, '..', '..', 'node_modules', 'parse-latin', 'lib', 'plugin', 'merge-prefix-exceptions.js'),
      'utf8'
    )
    const call = /new RegExp\(([\s\S]*?)\n\)/.exec(plugin)?.[1] ?? ''
    const source = [...call.matchAll(/'([^']*)'/g)].map((match) => match[1]).join('')
    expect(copies.abbreviationPrefix.source).toBe(source)
  })
})

describe('character tests in place of parse-latin expressions', () => {
  const newLine = /^[ \t]*((\r?\n|\r)[\t ]*)+$/
  const tests: ReadonlyArray<readonly [string, (value: string) => boolean, RegExp]> = [
    ['wordSymbolInner', isWordSymbolInner, copies.wordSymbolInner],
    ['terminalMarker', isTerminalMarker, copies.terminalMarker],
    ['lowerInitial', startsWithLowerCase, copies.lowerInitial],
    ['newLine', isNewLine, newLine]
  ]
  const values = ['', '__', '_-', '..', '.?!…‽', '.a', ' \n', '\n\n', '\r\n \t\r', ' \t', '\n\u00a0', 'ab', 'Ab', '\ud801\udc28x']
  for (let code = 0; code <= 0xffff; code++) {
    const unit = String.fromCharCode(code)
    values.push(unit, unit + unit, `${unit}a`)
  }

  it.each(tests)('%s: the same answer as the expression for every UTF-16 unit, doubled and followed', (_, test, expression) => {
    const differ = values.filter((value) => test(value) !== expression.test(value))
    expect(differ).toEqual([])
  })
})

/**
 * `count` texts of up to `longest - 1` pieces each, drawn from `pieces` by a seeded linear
 * congruential generator: the same texts on every run, so a failure can be reproduced.
 */
function randomTexts(
  pieces: readonly string[],
  {seed, count, longest}: {seed: number; count: number; longest: number}
): string[] {
  let state = seed
  const next = (limit: number): number => {
    state = (state * 1103515245 + 12345) & 0x7fffffff
    return state % limit
  }
  const texts: string[] = []
  for (let run = 0; run < count; run++) {
    let text = ''
    for (let length = next(longest); length > 0; length--) text += pieces[next(pieces.length)]
    texts.push(text)
  }
  return texts
}
