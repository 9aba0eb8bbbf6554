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
  // Left to the package: capitals, accents, digits, other apostrophes and separators.
  'People',
  'café',
  'naïve',
  'zoë',
  '3d',
  'b2b',
  '500',
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
