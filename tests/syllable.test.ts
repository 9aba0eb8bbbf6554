import {daleChall} from 'dale-chall'
import pluralize from 'pluralize'
import {syllable as packageSyllable} from 'syllable'
import {problematic} from 'syllable/problematic.js'
import {describe, expect, it} from 'vitest'
import {countSyllables} from '../src/metrics/index.js'
import {syllable} from '../src/metrics/syllable.js'
import {normaliseWord} from '../src/metrics/words.js'

// `src/metrics/syllable.ts` counts plain lowercase words without the package's clean-up steps and
// asks pluralize for a singular only when one of its rules could make one; it must count exactly
// as the package does, on the words that take each way through it.
const tricky: readonly string[] = [
  // Plain words of every length the package treats apart (empty, under 3 letters, longer).
  '',
  'a',
  'ok',
  'the',
  'government',
  // Problematic words, and forms whose singular is one (found only through pluralize).
  'people',
  'peoples',
  'recipe',
  'recipes',
  'coyotes',
  'cafes',
  'queues',
  'pulses',
  'waterbeds',
  'catastrophes',
  'sometimes',
  // Endings of pluralize's singular rules: ice, im, x, zz, o, i, a, ae, rson, ople, ren, u, men.
  'mice',
  'cherubim',
  'boxes',
  'box',
  'buzz',
  'heroes',
  'hero',
  'cacti',
  'data',
  'algae',
  'person',
  'children',
  'bureau',
  'bureaux',
  'women',
  'chairmen',
  // Irregular plurals and uncountable words.
  'they',
  'feet',
  'teeth',
  'passersby',
  'sheep',
  'series',
  'news',
  // Apostrophes: dropped by the package, kept out of the count.
  "don't",
  "o'clock",
  "'tis",
  "rock'n'roll",
  "'",
  "people's",
  "recipe's",
  // Digits: the package keeps only the letters.
  '3d',
  'b2b',
  '500',
  '1990s',
  "'90s",
  'mp3s',
  '4x4',
  '0',
  // Left to the package: capitals, accents, other apostrophes and separators.
  'People',
  'café',
  'naïve',
  'zoë',
  'don’t',
  'twenty-five',
  'e-mail'
]

describe('syllable (the package, made cheaper)', () => {
  it.each(tricky)('counts %j as the syllable package does', (word) => {
    expect(syllable(word)).toBe(packageSyllable(word))
  })

  it('counts the Dale–Chall words, their plurals and possessives as the package does', () => {
    const words = daleChall.flatMap((word) => [word, pluralize.plural(word), `${word}'s`])
    const different = words.filter((word) => syllable(word) !== packageSyllable(word))
    expect(different).toEqual([])
    expect(words.length).toBeGreaterThan(8000)
  })

  it('counts problematic words and their plural forms as the package does', () => {
    const words = Object.keys(problematic).flatMap((word) => [word, pluralize.plural(word), `${word}s`, `${word}es`])
    const different = words.filter((word) => syllable(word) !== packageSyllable(word))
    expect(different).toEqual([])
  })
})

// Pieces of the package's expressions (prefixes, suffixes, vowel pairs, `awe`, `mc`, `re…`) and of
// plain words, to make words that take every way through the port's checks: each expression is
// skipped when a word lacks its first or last letters or a vowel pair.
const pieces: readonly string[] = [
  ...['above', 'anti', 'counter', 'hyper', 'infra', 'over', 'semi', 'under', 'extra', 'dia', 'micro', 'somer'],
  ...['un', 'fore', 'ware', 'none', 'out', 'post', 'sub', 'pre', 'pro', 'dis', 'side', 'some', 'mc', 're', 'co'],
  ...['creation', 'creations', 'ology', 'ologist', 'onomy', 'onomist', 'fully', 'berry', 'woman', 'women', 'edly'],
  ...['union', 'tying', 'ying', 'eing', 'ly', 'less', 'ful', 'ers', 'ness', 'cians', 'ments', 'ettes', 'villes'],
  ...['ships', 'sides', 'ports', 'shires', 'tion', 'sioned', 'gions', 'ed', 'es', 'e', 'ely', 'awe', 'awed', 'aweso'],
  ...['cial', 'tia', 'cius', 'cious', 'giu', 'iou', 'sia', 'eous', 'ogue', 'jua', 'uai', 'eau', 'busi', 'ie', 'ier'],
  ...['iest', 'eo', 'ism', 'asm', 'thm', 'dnt', 'snt', 'uity', 'dea', 'gean', 'oa', 'ua', 'react', 'orbed', 'shred'],
  ...['eings', 'sher', 'creat', 'quar', 'aia', 'coal', 'reapp', 'theist', 'ya', 'ye', 'lien', 'riet', 'dien', 'iu'],
  ...['io', 'ii', 'uen', 'treal', 'reali', 'iell', 'eol', 'aya', 'sia', 'bbl', 'mbl'],
  ...['b', 'c', 'd', 'l', 'm', 'n', 'r', 's', 't', 'st', 'str', 'ch', 'a', 'i', 'o', 'u', 'y', 'ea', 'ou']
]

/** Words of two to four pieces, the same every run (a linear congruential generator). */
function pieceWords(count: number): string[] {
  let seed = 12_345
  const next = (limit: number): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
    return seed % limit
  }
  return Array.from({length: count}, () => {
    let word = ''
    for (let piece = 0, pieceCount = 2 + next(3); piece < pieceCount; piece++) word += pieces[next(pieces.length)]
    return word
  })
}

describe('syllable on words made of the expressions', () => {
  it('counts 30,000 words made of their pieces as the package does', () => {
    const different = pieceWords(30_000).filter((word) => syllable(word) !== packageSyllable(word))
    expect(different).toEqual([])
  })

  it('counts what singular rules of pluralize could make a problematic word of as the package does', () => {
    // Each rule removes one of these endings and adds one of a few others.
    const short = ['s', 'es', 'is', 'us', 'i', 'a', 'ae', 'x', 'im']
    const removed = [...short, 'ves', 'ies', 'ice', 'ices', 'sis', 'ses', 'rson', 'ople', 'ren', 'men']
    const words = Object.keys(problematic).flatMap((word) =>
      [0, 1, 2, 3, 4].flatMap((cut) => removed.map((ending) => word.slice(0, word.length - cut) + ending))
    )
    const different = words.filter((word) => syllable(word) !== packageSyllable(word))
    expect(different).toEqual([])
  })
})

describe('countSyllables of plain words (one part, no split)', () => {
  it.each([
    ["don't", 1],
    ["o'clock", 2],
    ["'tis", 1],
    ["rock'n'roll", 2],
    ['500', 1],
    ['3d', 1],
    ['b2b', 1],
    ["'", 0],
    ["''", 0],
    ['glasses', 2],
    ['wishes', 2],
    ['recipes', 3],
    ['peoples', 2],
    // Not plain: split, or normalised first.
    ['twenty-five', 3],
    ['don’t', 1],
    ['donʼt', 1],
    ['don`t', 2],
    ['Café', 2]
  ] as const)('%j has %i', (word, count) => {
    expect(countSyllables(word)).toBe(count)
  })

  it.each([
    ['Don’t', "don't"],
    ['DONʼT', "don't"],
    ['don`t', 'don`t'],
    ['Plain', 'plain']
  ] as const)('normalises %j to %j', (word, normal) => {
    expect(normaliseWord(word)).toBe(normal)
  })
})
