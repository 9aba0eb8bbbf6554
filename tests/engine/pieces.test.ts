import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {ParseEnglish} from 'parse-english'
import {describe, expect, it} from 'vitest'
import {parseEnglish} from '../../src/engine/parse.js'

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
    const all = [...texts, ...tricky, texts.join('\n\n')]
    for (const text of all) {
      const whole = new ParseEnglish().parse(text)
      for (const piece of [1, 50, 500]) expect(parseEnglish(text, piece)).toEqual(whole)
    }
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
