/**
 * The `syllable` package's count (v5, by Titus Wormer, MIT), with the package's own expressions,
 * for the words news copy is mostly made of: lowercase ASCII letters, perhaps with an apostrophe.
 *
 * Every distinct word is counted once per process, but every worker counts them all again, so the
 * first count is a good part of a cold run. The package spends about half of it on work that cannot
 * change such a word's count:
 * - it maps accented letters to ASCII, lowercases, drops apostrophes and splits at word
 *   boundaries, all of which leave a word of lowercase ASCII letters as it is (apostrophes aside);
 * - for every word of 3+ letters it asks `pluralize` for the singular (about a hundred regular
 *   expressions) only to see whether the singular is one of its problematic words: that can only
 *   be so when one of pluralize's singular rules rewrites the word (see `mayBeRewrittenSingular`).
 * Any other word goes to the package itself. `tests/syllable.test.ts` compares the two.
 */
import pluralize from 'pluralize'
import {syllable as packageSyllable} from 'syllable'
import {problematic} from 'syllable/problematic.js'

const own = {}.hasOwnProperty

// The package's expressions, copied as they are (syllable 5.0.1, index.js).
// Two expressions of occurrences which normally would be counted as two
// syllables, but should be counted as one.
const EXPRESSION_MONOSYLLABIC_ONE = new RegExp(
  [
    'awe($|d|so)',
    'cia(?:l|$)',
    'tia',
    'cius',
    'cious',
    '[^aeiou]giu',
    '[aeiouy][^aeiouy]ion',
    'iou',
    'sia$',
    'eous$',
    '[oa]gue$',
    '.[^aeiuoycgltdb]{2,}ed$',
    '.ely$',
    '^jua',
    'uai',
    'eau',
    '^busi$',
    '(?:[aeiouy](?:' +
      [
        '[bcfgklmnprsvwxyz]',
        'ch',
        'dg',
        'g[hn]',
        'lch',
        'l[lv]',
        'mm',
        'nch',
        'n[cgn]',
        'r[bcnsv]',
        'squ',
        's[chkls]',
        'th'
      ].join('|') +
      ')ed$)',
    '(?:[aeiouy](?:' +
      ['[bdfklmnprstvy]', 'ch', 'g[hn]', 'lch', 'l[lv]', 'mm', 'nch', 'nn', 'r[nsv]', 'squ', 's[cklst]', 'th'].join('|') +
      ')es$)'
  ].join('|'),
  'g'
)

const EXPRESSION_MONOSYLLABIC_TWO = new RegExp(
  '[aeiouy](?:' +
    ['[bcdfgklmnprstvyz]', 'ch', 'dg', 'g[hn]', 'l[lv]', 'mm', 'n[cgns]', 'r[cnsv]', 'squ', 's[cklst]', 'th'].join('|') +
    ')e$',
  'g'
)

// Four expression of occurrences which normally would be counted as one
// syllable, but should be counted as two.
const EXPRESSION_DOUBLE_SYLLABIC_ONE = new RegExp(
  '(?:' +
    [
      '([^aeiouy])\\1l',
      '[^aeiouy]ie(?:r|s?t)',
      '[aeiouym]bl',
      'eo',
      'ism',
      'asm',
      'thm',
      'dnt',
      'snt',
      'uity',
      'dea',
      'gean',
      'oa',
      'ua',
      'react?',
      'orbed', // Cancel `'.[^aeiuoycgltdb]{2,}ed$',`
      'shred', // Cancel `'.[^aeiuoycgltdb]{2,}ed$',`
      'eings?',
      '[aeiouy]sh?e[rs]'
    ].join('|') +
    ')$',
  'g'
)

const EXPRESSION_DOUBLE_SYLLABIC_TWO = new RegExp(
  ['creat(?!u)', '[^gq]ua[^auieo]', '[aeiou]{3}', '^(?:ia|mc|coa[dglx].)', '^re(app|es|im|us)', '(th|d)eist'].join('|'),
  'g'
)

const EXPRESSION_DOUBLE_SYLLABIC_THREE = new RegExp(
  [
    '[^aeiou]y[ae]',
    '[^l]lien',
    'riet',
    'dien',
    'iu',
    'io',
    'ii',
    'uen',
    '[aeilotu]real',
    'real[aeilotu]',
    'iell',
    'eo[^aeiou]',
    '[aeiou]y[aeiou]'
  ].join('|'),
  'g'
)

const EXPRESSION_DOUBLE_SYLLABIC_FOUR = /[^s]ia/

// Expression to match single syllable pre- and suffixes.
const EXPRESSION_SINGLE = new RegExp(
  [
    '^(?:' + ['un', 'fore', 'ware', 'none?', 'out', 'post', 'sub', 'pre', 'pro', 'dis', 'side', 'some'].join('|') + ')',
    '(?:' +
      [
        'ly',
        'less',
        'some',
        'ful',
        'ers?',
        'ness',
        'cians?',
        'ments?',
        'ettes?',
        'villes?',
        'ships?',
        'sides?',
        'ports?',
        'shires?',
        '[gnst]ion(?:ed|s)?'
      ].join('|') +
      ')$'
  ].join('|'),
  'g'
)

// Expression to match double syllable pre- and suffixes.
const EXPRESSION_DOUBLE = new RegExp(
  [
    '^' +
      '(?:' +
      [
        'above',
        'anti',
        'ante',
        'counter',
        'hyper',
        'afore',
        'agri',
        'infra',
        'intra',
        'inter',
        'over',
        'semi',
        'ultra',
        'under',
        'extra',
        'dia',
        'micro',
        'mega',
        'kilo',
        'pico',
        'nano',
        'macro',
        'somer'
      ].join('|') +
      ')',
    '(?:fully|berry|woman|women|edly|union|((?:[bcdfghjklmnpqrstvwxz])|[aeiou])ye?ing)$'
  ].join('|'),
  'g'
)

// Expression to match triple syllable suffixes.
const EXPRESSION_TRIPLE = /(creations?|ology|ologist|onomy|onomist)$/g

/**
 * Syllables in `value`, exactly as the `syllable` package counts them: its own function for any
 * word but one of lowercase ASCII letters and apostrophes, counted here without the steps that
 * leave such a word as it is.
 */
export function syllable(value: string): number {
  const letters = plainLetters(value)
  return letters === undefined ? packageSyllable(value) : one(letters)
}

const apostrophe = 0x27

/** `value` without its apostrophes when it has only `a`–`z` and `'`; undefined otherwise. */
function plainLetters(value: string): string | undefined {
  let apostrophes = 0
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    if (code === apostrophe) apostrophes++
    else if (code < 0x61 || code > 0x7a) return undefined
  }
  return apostrophes === 0 ? value : value.replaceAll("'", '')
}

/**
 * Whether one of pluralize's singular rules (v8) could rewrite `value`: each needs one of these
 * endings. Nothing else in `pluralize.singular` makes a problematic word of another word: its
 * irregular plurals become pronouns and common words none of which is problematic, and its
 * uncountable words stay as they are.
 */
const SINGULAR_RULE_ENDING = /(?:s|ice|im|x|h|zz|o|i|a|ae|rson|ople|ren|u|men)$/

function problematicSyllables(value: string): number | undefined {
  if (own.call(problematic, value)) return problematic[value]
  if (!SINGULAR_RULE_ENDING.test(value)) return undefined
  const singular = pluralize(value, 1)
  return own.call(problematic, singular) ? problematic[singular] : undefined
}

/** The package's count of one word of lowercase ASCII letters (its `one`). */
function one(word: string): number {
  if (word.length === 0) return 0
  if (word.length < 3) return 1
  const listed = problematicSyllables(word)
  if (listed !== undefined) return listed

  let count = 0
  const counter = (addition: number) => (): string => {
    count += addition
    return ''
  }
  const returner =
    (addition: number) =>
    (match: string): string => {
      count += addition
      return match
    }
  const addOne = returner(1)
  const subtractOne = returner(-1)

  // Count some prefixes and suffixes, and remove their matched ranges.
  const value = word
    .replace(EXPRESSION_TRIPLE, counter(3))
    .replace(EXPRESSION_DOUBLE, counter(2))
    .replace(EXPRESSION_SINGLE, counter(1))

  // Count runs of vowels.
  for (const part of value.split(/[^aeiouy]+/)) if (part !== '') count++

  // Occurrences counted as two syllables that are one, and as one that are two.
  value.replace(EXPRESSION_MONOSYLLABIC_ONE, subtractOne).replace(EXPRESSION_MONOSYLLABIC_TWO, subtractOne)
  value
    .replace(EXPRESSION_DOUBLE_SYLLABIC_ONE, addOne)
    .replace(EXPRESSION_DOUBLE_SYLLABIC_TWO, addOne)
    .replace(EXPRESSION_DOUBLE_SYLLABIC_THREE, addOne)
    .replace(EXPRESSION_DOUBLE_SYLLABIC_FOUR, addOne)

  return count || 1
}
