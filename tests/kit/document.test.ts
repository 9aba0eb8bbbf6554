import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {parse} from '../../src/engine/parse.js'
import {getDocument, oncePerDocument} from '../../src/kit/document.js'
import {PhraseMatcher} from '../../src/kit/phrases.js'
import type {Format} from '../../src/kit/types.js'

function documentOf(text: string, format: Format = 'txt') {
  const file = new VFile({value: text})
  const parsed = parse(file, format)
  file.data.copydesk = {format, blocks: parsed.blocks}
  return {document: getDocument(parsed.tree, file), tree: parsed.tree, file}
}

describe('word records', () => {
  it.each([
    ['Don’t', 'don’t', "don't"],
    ['WON’T', 'won’t', "won't"],
    ['Council', 'council', 'council'],
    ['e-mail', 'e-mail', 'e-mail'],
    ['İstanbul', 'i̇stanbul', 'i̇stanbul']
  ])('%s: lower %s, normal %s', (word, lower, normal) => {
    const [token] = documentOf(`${word} here.`).document.sentences[0]?.words ?? []
    expect(token).toMatchObject({text: word, lower, normal, start: 0, end: word.length})
  })

  it('gives a sentence its text as written in the tree', () => {
    const {document} = documentOf('The mayor said so. Then “it’s over,” he added.\n\nNew paragraph here.')
    expect(document.sentences.map((sentence) => sentence.text)).toEqual([
      'The mayor said so.',
      'Then “it’s over,” he added.',
      'New paragraph here.'
    ])
  })

  it('gives HTML sentences their decoded text', () => {
    const {document} = documentOf('<p>Holmbridge&rsquo;s wall &amp; gate.</p>', 'html')
    expect(document.sentences.map((sentence) => sentence.text)).toEqual(['Holmbridge’s wall & gate.'])
  })
})

describe('getDocument and oncePerDocument', () => {
  it('builds one document per tree, hidden from the tree’s enumeration', () => {
    const {document, tree, file} = documentOf('One sentence here.')
    expect(getDocument(tree, file)).toBe(document)
    expect(Object.keys(tree)).toEqual(['type', 'children', 'position'])
    expect(JSON.parse(JSON.stringify(tree))).toEqual(tree)
  })

  it('computes once per document, apart for each document', () => {
    const seen: string[] = []
    const firstWord = oncePerDocument((document) => {
      const word = document.sentences[0]?.words[0]?.text ?? ''
      seen.push(word)
      return word
    })
    const one = documentOf('Alpha one.').document
    const two = documentOf('Beta two.').document
    expect([firstWord(one), firstWord(two), firstWord(one), firstWord(two)]).toEqual(['Alpha', 'Beta', 'Alpha', 'Beta'])
    expect(seen).toEqual(['Alpha', 'Beta'])
  })
})

describe('PhraseMatcher', () => {
  const matcher = new PhraseMatcher<string>().add('in order to', 'to').add('in order', 'ordered').add("don't know", 'unsure')
  it.each([
    ['We left in order to eat.', [['in order to', 'to']]],
    ['We left in order, to eat.', [['in order', 'ordered']]],
    ['In  Order\nto eat.', [['In  Order\nto', 'to']]],
    ['They Don’t know.', [['Don’t know', 'unsure']]],
    ['in order-to', []],
    ['order to in', []]
  ])('%j', (text, expected) => {
    const {document} = documentOf(text)
    const words = document.sentences.flatMap((sentence) => sentence.words)
    const found = matcher.match(words, document.text).map((match) => {
      const first = words[match.from]
      const last = words[match.to - 1]
      return [text.slice(first?.start, last?.end), match.value]
    })
    expect(found).toEqual(expected)
  })
})
