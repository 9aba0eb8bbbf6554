/**
 * The `syllable` package's count (v5, by Titus Wormer, MIT), with the package's own expressions,
 * for the words news copy is mostly made of: lowercase ASCII letters, perhaps with an apostrophe or
 * digits.
 *
 * Every distinct word is counted once per process, but every worker counts them all again, so the
 * first count is a good part of a cold run. The package spends most of it on work that cannot
 * change such a word's count:
 * - it maps accented letters to ASCII, lowercases, drops apostrophes, splits at word boundaries
 *   and drops what is not `a`–`z` from each part: a word of lowercase ASCII letters, digits and
 *   apostrophes is one part (all but apostrophes are word characters), left with its letters;
 * - for every word of 3+ letters it asks `pluralize` for the singular (about a hundred regular
 *   expressions) only to see whether the singular is one of its problematic words: that can only
 *   be so when one of pluralize's singular rules rewrites the word into one (see
 *   `PROBLEMATIC_SINGULAR_SOURCES`);
 * - it runs ten expressions over every word with `String#replace` and a callback, where most
 *   cannot match: `one` skips those the word lacks the letters for, and counts matches with `exec`.
 * Any other word goes to the package itself. `tests/syllable.test.ts` compares the two.
 */
import pluralize from 'pluralize'
import {syllable as packageSyllable} from 'syllable'
import {problematic} from 'syllable/problematic.js'
import {apostrophe, digitNine, digitZero, letterA, letterD, letterE, letterL, letterS, letterY, letterZ} from './char-codes.js'

/**
 * The package's problematic words, in a `Map`: every word not seen before is looked up, and a
 * property lookup by a new string first interns it (and teaches the optimised code one name).
 */
const PROBLEMATIC: ReadonlyMap<string, number> = new Map(Object.entries(problematic))

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
 * word but one of lowercase ASCII letters, digits and apostrophes, counted here without the steps
 * that leave such a word with its letters.
 */
export function syllable(value: string): number {
  const letters = plainLetters(value)
  return letters === undefined ? packageSyllable(value) : one(letters)
}

/**
 * The letters of `value` when it has only `a`–`z`, digits and `'` (most words have only letters,
 * and are their own letters); undefined otherwise.
 */
function plainLetters(value: string): string | undefined {
  let others = 0
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    if (code === apostrophe || (code >= digitZero && code <= digitNine)) others++
    else if (code < letterA || code > letterZ) return undefined
  }
  return others === 0 ? value : value.replace(NOT_A_LETTER, '')
}

const NOT_A_LETTER = /[^a-z]/g

/**
 * What pluralize's singular rules (v8) remove from the end of a word they rewrite, and what they put
 * in its place: each keeps the word up to the end of its first group (or the start of its match),
 * removes one of these endings after that and adds one of those. So the singular of a word can only
 * be a problematic word when the word is a problematic word's stem (the word without one of the
 * added endings) followed by one of the removed endings. Nothing else in `pluralize.singular` makes
 * a problematic word of another word: its irregular plurals become pronouns and common words none
 * of which is problematic, and its uncountable words stay as they are.
 */
const SINGULAR_RULE_REMOVALS = [
  ...['s', 'es', 'is', 'us', 'i', 'a', 'ae', 'x', 'im'],
  ...['ves', 'ies', 'ice', 'ices', 'sis', 'ses', 'rson', 'ople', 'ren', 'men']
]
const SINGULAR_RULE_ADDITIONS = [
  ...['', 'a', 'ex', 'ey', 'f', 'fe', 'ie', 'is', 'ix', 'man', 'on', 'ouse', 'rson', 'sis', 'um', 'us'],
  'y'
]

const PROBLEMATIC_STEMS: ReadonlySet<string> = new Set(
  [...PROBLEMATIC.keys()].flatMap((word) =>
    SINGULAR_RULE_ADDITIONS.filter((addition) => word.endsWith(addition)).map((addition) =>
      word.slice(0, word.length - addition.length)
    )
  )
)

const letterCount = 26

/**
 * Which pairs of first letters (by `letterPair`) start a problematic word or its stem: a word
 * starting with another pair is neither, and is looked up in neither.
 */
const PROBLEMATIC_STARTS = new Uint8Array(letterCount * letterCount)
for (const stem of PROBLEMATIC_STEMS) {
  // A stem of fewer than two letters (none is) would start words of any pairs it could begin.
  const firsts = stem.length > 0 ? [stem.charCodeAt(0)] : range(letterA, letterCount)
  const seconds = stem.length > 1 ? [stem.charCodeAt(1)] : range(letterA, letterCount)
  for (const first of firsts) for (const second of seconds) PROBLEMATIC_STARTS[letterPair(first, second)] = 1
}

function range(start: number, length: number): number[] {
  return Array.from({length}, (_, index) => start + index)
}

/** The index of two letters `a`–`z` in a table of pairs. */
function letterPair(first: number, second: number): number {
  return (first - letterA) * letterCount + (second - letterA)
}

/**
 * Every word a singular rule of pluralize could make a problematic word of (see above): each
 * problematic stem followed by each removed ending. A few thousand words, so a word not seen before
 * is one lookup, not a slice and a lookup per ending.
 */
const PROBLEMATIC_SINGULAR_SOURCES: ReadonlySet<string> = new Set(
  [...PROBLEMATIC_STEMS].flatMap((stem) => SINGULAR_RULE_REMOVALS.map((removal) => stem + removal))
)

/** The syllables the package lists for `value` or its singular, for a word of 3+ letters `a`–`z`. */
function problematicSyllables(value: string): number | undefined {
  if (PROBLEMATIC_STARTS[letterPair(value.charCodeAt(0), value.charCodeAt(1))] === 0) return undefined
  const listed = PROBLEMATIC.get(value)
  if (listed !== undefined) return listed
  if (!PROBLEMATIC_SINGULAR_SOURCES.has(value)) return undefined
  const singular = pluralize(value, 1)
  return PROBLEMATIC.get(singular)
}

// The expressions the package only counts that can match once at most (they end at the end of the
// word, or are not global), as tests: the count is one when they match.
const MONOSYLLABIC_TWO_AT_END = new RegExp(EXPRESSION_MONOSYLLABIC_TWO.source)
const DOUBLE_SYLLABIC_ONE_AT_END = new RegExp(EXPRESSION_DOUBLE_SYLLABIC_ONE.source)
const TRIPLE_AT_END = new RegExp(EXPRESSION_TRIPLE.source)

/** Bit `letter - a` is set for the package's vowels, `a`, `e`, `i`, `o`, `u` and `y`. */
const VOWELS_AND_Y = letterBits('aeiouy')
/** Last letters of the words `EXPRESSION_TRIPLE` matches: `creations?`, `ology`, `ologist`, `onomy`, `onomist`. */
const TRIPLE_LAST = letterBits('nsty')
/**
 * Last letters of the words `EXPRESSION_DOUBLE_SYLLABIC_ONE` matches, one alternative after
 * another: `l` (`([^aeiouy])\1l`, `[aeiouym]bl`), `r` and `t` (`[^aeiouy]ie(?:r|s?t)`), `o`
 * (`eo`), `m` (`ism`, `asm`, `thm`), `t` (`dnt`, `snt`), `y` (`uity`), `a` (`dea`, `oa`, `ua`),
 * `n` (`gean`), `c` and `t` (`react?`), `d` (`orbed`, `shred`), `g` and `s` (`eings?`), `r` and
 * `s` (`[aeiouy]sh?e[rs]`).
 */
const DOUBLE_SYLLABIC_ONE_LAST = letterBits('acdglmnorsty')

function letterBits(letters: string): number {
  let bits = 0
  for (let index = 0; index < letters.length; index++) bits |= 1 << (letters.charCodeAt(index) - letterA)
  return bits
}

/** Whether `code` (a letter `a`–`z`) is one of `bits`; false for NaN (the last letter of nothing). */
function hasLetter(bits: number, code: number): boolean {
  return code >= letterA && ((bits >>> (code - letterA)) & 1) === 1
}

/** Pairs of first and of last letters, as tables by `letterPair`. */
interface LetterEdges {
  readonly starts: Uint8Array
  readonly ends: Uint8Array
}

function letterEdges(starts: readonly string[], ends: readonly string[]): LetterEdges {
  const table = (pairs: readonly string[]): Uint8Array => {
    const bits = new Uint8Array(letterCount * letterCount)
    for (const pair of pairs) bits[letterPair(pair.charCodeAt(0), pair.charCodeAt(1))] = 1
    return bits
  }
  return {starts: table(starts), ends: table(ends)}
}

/** Whether `value` (`a`–`z`) starts with one of the first pairs of `edges` or ends with one of its last. */
function hasEdge(edges: LetterEdges, value: string): boolean {
  const length = value.length
  if (length < 2) return false
  return (
    edges.starts[letterPair(value.charCodeAt(0), value.charCodeAt(1))] === 1 ||
    edges.ends[letterPair(value.charCodeAt(length - 2), value.charCodeAt(length - 1))] === 1
  )
}

/**
 * The first two letters of each prefix `EXPRESSION_DOUBLE` matches (`above`, `anti`, `ante`,
 * `counter`, `hyper`, `afore`, `agri`, `infra`, `intra`, `inter`, `over`, `semi`, `ultra`, `under`,
 * `extra`, `dia`, `micro`, `mega`, `kilo`, `pico`, `nano`, `macro`, `somer`) and the last two of
 * each suffix (`fully`, `berry`, `woman`, `women`, `edly`, `union`, `…ye?ing`): a word with none
 * of them has no match.
 */
const DOUBLE_EDGES = letterEdges(
  ['ab', 'an', 'co', 'hy', 'af', 'ag', 'in', 'ov', 'se', 'ul', 'un', 'ex', 'di', 'mi', 'me', 'ki', 'pi', 'na', 'ma', 'so'],
  ['ly', 'ry', 'an', 'en', 'on', 'ng']
)

/**
 * The same for `EXPRESSION_SINGLE`: prefixes `un`, `fore`, `ware`, `none?`, `out`, `post`, `sub`,
 * `pre`, `pro`, `dis`, `side`, `some`; suffixes `ly`, `less`, `some`, `ful`, `ers?`, `ness`,
 * `cians?`, `ments?`, `ettes?`, `villes?`, `ships?`, `sides?`, `ports?`, `shires?` and
 * `[gnst]ion(?:ed|s)?`, each with and without its optional ending.
 */
const SINGLE_EDGES = letterEdges(
  ['un', 'fo', 'wa', 'no', 'ou', 'po', 'su', 'pr', 'di', 'si', 'so'],
  ['ly', 'ss', 'me', 'ul', 'er', 'rs', 'an', 'ns', 'nt', 'ts', 'te', 'es', 'le', 'ip', 'ps', 'de', 'rt', 're', 'on', 'ed']
)

/** How many matches `value.replace(expression, …)` would see; `expression` is global and matches no empty string. */
function countMatches(expression: RegExp, value: string): number {
  expression.lastIndex = 0
  let count = 0
  while (expression.exec(value) !== null) count++
  return count
}

/** The matches `withoutMatches` removed from its value last time. */
let removedMatches = 0

/**
 * `value.replace(expression, '')`, counting the matches in `removedMatches`; `expression` is
 * global and matches no empty string. Most words have no match, and are not copied.
 */
function withoutMatches(expression: RegExp, value: string): string {
  removedMatches = countMatches(expression, value)
  return removedMatches === 0 ? value : value.replace(expression, '')
}

/**
 * The package's count of one word of lowercase ASCII letters (its `one`), with its expressions, but
 * each match counted without `String#replace` and a callback, and an expression skipped when the
 * word lacks what every match of it has:
 * - `EXPRESSION_DOUBLE` and `EXPRESSION_SINGLE` match prefixes and suffixes, which start and end
 *   with a few pairs of letters;
 * - a match of `EXPRESSION_TRIPLE`, `EXPRESSION_MONOSYLLABIC_TWO` or
 *   `EXPRESSION_DOUBLE_SYLLABIC_ONE` ends the word, with one of a few last letters;
 * - every alternative of `EXPRESSION_DOUBLE_SYLLABIC_THREE` and `_FOUR` has a vowel pair: one of
 *   `aeiouy` followed by one of `aeiou` (`ia`, `ie`, `ii`, `io`, `iu`, `ea`, `eo`, `ue`, `y[aeiou]`);
 * - so does every alternative of `EXPRESSION_DOUBLE_SYLLABIC_TWO` but `^mc` (`^re(app|es|im|us)`
 *   has `ea`, `ee`, `ei` or `eu`);
 * - and of `EXPRESSION_MONOSYLLABIC_ONE` but `awe`, `^busi$` and those ending in `ed`, `es` or `ly`.
 */
function one(word: string): number {
  if (word.length === 0) return 0
  if (word.length < 3) return 1
  const listed = problematicSyllables(word)
  if (listed !== undefined) return listed

  // Count some prefixes and suffixes, and remove their matched ranges.
  let count = 0
  let value = word
  if (hasLetter(TRIPLE_LAST, value.charCodeAt(value.length - 1))) {
    const triple = TRIPLE_AT_END.exec(value)
    if (triple !== null) {
      count += 3
      value = value.slice(0, triple.index)
    }
  }
  if (hasEdge(DOUBLE_EDGES, value)) {
    value = withoutMatches(EXPRESSION_DOUBLE, value)
    count += 2 * removedMatches
  }
  if (hasEdge(SINGLE_EDGES, value)) {
    value = withoutMatches(EXPRESSION_SINGLE, value)
    count += removedMatches
  }
  // No expression matches an empty string.
  if (value.length === 0) return count || 1

  // Count runs of vowels (the parts `value.split(/[^aeiouy]+/)` gives that are not empty), and see
  // whether there is a vowel pair.
  let vowelPair = false
  let inRun = false
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    const vowel = hasLetter(VOWELS_AND_Y, code)
    if (vowel && !inRun) count++
    else if (vowel && code !== letterY) vowelPair = true
    inRun = vowel
  }

  // Occurrences counted as two syllables that are one, and as one that are two.
  const last = value.charCodeAt(value.length - 1)
  if (vowelPair || mayMatchMonosyllabicOneUnpaired(value)) count -= countMatches(EXPRESSION_MONOSYLLABIC_ONE, value)
  if (last === letterE && MONOSYLLABIC_TWO_AT_END.test(value)) count--
  if (hasLetter(DOUBLE_SYLLABIC_ONE_LAST, last) && DOUBLE_SYLLABIC_ONE_AT_END.test(value)) count++
  if (vowelPair || value.startsWith('mc')) {
    count += countMatches(EXPRESSION_DOUBLE_SYLLABIC_TWO, value)
  }
  if (vowelPair) {
    count += countMatches(EXPRESSION_DOUBLE_SYLLABIC_THREE, value)
    if (EXPRESSION_DOUBLE_SYLLABIC_FOUR.test(value)) count++
  }

  return count || 1
}

/** Whether `value` has what the alternatives of `EXPRESSION_MONOSYLLABIC_ONE` without a vowel pair need. */
function mayMatchMonosyllabicOneUnpaired(value: string): boolean {
  // The endings by their last two letters: a word not seen before makes no calls for them.
  const length = value.length
  // Reading before the first character would leave the optimised code (out of bounds): a word of
  // one letter has none of the endings.
  if (length < 2) return false
  const last = value.charCodeAt(length - 1)
  const beforeLast = value.charCodeAt(length - 2)
  const endsEdOrEs = beforeLast === letterE && (last === letterD || last === letterS)
  return endsEdOrEs || (beforeLast === letterL && last === letterY) || value.includes('awe') || value === 'busi'
}
