/**
 * Per-word measures used by the readability metrics.
 */
import {daleChall} from 'dale-chall'
import {letterD, letterE, letterG, letterR, letterS, letterT} from './char-codes.js'
import {syllable} from './syllable.js'
import {WordTable} from './word-table.js'

const LETTER = /\p{L}/gu
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu
const HAS_LETTER = /\p{L}/u
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u
const STARTS_UPPERCASE = /^\p{Lu}/u
const CURLY_APOSTROPHE = /[\u2018\u2019\u02BC]/g
const HYPHEN = /[-\u2010\u2011]/

/**
 * The form every case-free measure is keyed by: lowercased, curly apostrophes straightened.
 * Lowercasing twice gives what lowercasing once does, so a normalised word normalises to itself.
 */
export function normaliseWord(word: string): string {
  const lower = word.toLowerCase()
  return hasCurlyApostrophe(lower) ? lower.replace(CURLY_APOSTROPHE, "'") : lower
}

/** Whether `word` has an apostrophe `normaliseWord` straightens; most words have none, and skip the regex. */
function hasCurlyApostrophe(word: string): boolean {
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index)
    if (code === 0x2018 || code === 0x2019 || code === 0x02bc) return true
  }
  return false
}

/** Number of letters (`\p{L}`) in `word`. */
export function countLetters(word: string): number {
  return countAscii(word, false) ?? word.match(LETTER)?.length ?? 0
}

/** Number of letters and digits (`\p{L}`, `\p{N}`) in `word`. */
export function countCharacters(word: string): number {
  return countAscii(word, true) ?? word.match(LETTER_OR_DIGIT)?.length ?? 0
}

/** Letters (and digits) of an all-ASCII word, counted without a regex; undefined for other words. */
function countAscii(word: string, digits: boolean): number | undefined {
  let count = 0
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index)
    if (code >= 0x80) return undefined
    const folded = code | 0x20
    if ((folded >= 0x61 && folded <= 0x7a) || (digits && code >= 0x30 && code <= 0x39)) count++
  }
  return count
}

/** Whether `word` starts with a capital letter (a name, unless it starts its sentence). */
export function startsUppercase(word: string): boolean {
  // Most words start with an ASCII character: the letters `A`–`Z` are its capitals.
  const first = word.charCodeAt(0)
  return first < 0x80 ? first >= 0x41 && first <= 0x5a : STARTS_UPPERCASE.test(word)
}

/** Syllables by normalised word; bounded (cleared when full), so no file can make it grow without end. */
const syllableCache = new WordTable(100_000, 2_000_000, uncachedSyllables)

// `-es` after a sibilant is a syllable of its own (glass·es, wish·es,
// place·s, judg·es). The `syllable` package drops it for `-sses` and
// `-rses` (`glasses`, `horses`: 1) and doubles it for `-shes` (`wishes`: 3),
// so such forms are counted as their singular plus one.

const SIBILANT_ES = /(?:ss|sh|ch|zz|x)es$/
const SIBILANT_E_S = /[cgsz]es$/
const ACHES = /(?:^|head|tooth|ear|back|heart|belly)aches$/
const VOWEL = /[aeiouy]/

function sibilantSingular(lower: string): string | undefined {
  // Both endings end in `es`: most words skip the regexes.
  const length = lower.length
  // Reading before the first character would leave the optimised code (out of bounds): check the length first.
  if (length < 2 || lower.charCodeAt(length - 1) !== letterS || lower.charCodeAt(length - 2) !== letterE) return undefined
  let singular: string | undefined
  if (SIBILANT_ES.test(lower)) singular = ACHES.test(lower) ? undefined : lower.slice(0, -2)
  else if (SIBILANT_E_S.test(lower)) singular = lower.slice(0, -1)
  return singular !== undefined && VOWEL.test(singular) ? singular : undefined
}

/** Separators between the parts of a word: `singer-songwriter`, `T.V.`. */
const WORD_PART_SEPARATOR = /[^\p{L}\p{M}\p{N}']+/u

function partSyllables(part: string): number {
  const singular = sibilantSingular(part)
  return Math.max(1, singular === undefined ? syllable(part) : syllable(singular) + 1)
}

/**
 * Syllables in `word`, from the `syllable` package, cached per lowercased
 * word. The word is split at anything but letters, digits and apostrophes
 * (`singer-songwriter`, `remove_punctuation`) and each part with a letter or
 * digit counts at least one syllable (the package gives figures such as
 * `500` none); sibilant `-es` endings are fixed as described above. A word
 * without letters or digits has no syllables.
 */
export function countSyllables(word: string): number {
  return normalSyllables(normaliseWord(word))
}

/**
 * For a word of only `a`–`z`, `0`–`9` and apostrophes (most words): whether it has a letter or
 * digit, as it is then one part (none of those characters separates parts). Undefined for any
 * other word, to be split with the regex.
 */
function plainPart(key: string): boolean | undefined {
  let letterOrDigit = false
  for (let index = 0; index < key.length; index++) {
    const code = key.charCodeAt(index)
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) letterOrDigit = true
    else if (code !== 0x27) return undefined
  }
  return letterOrDigit
}

/**
 * `normalSyllables` of a normalised word of only `a`–`z`, digits and apostrophes, with a letter or
 * digit (one part), counted afresh: the caller keeps the count (a new word's first measure is kept
 * by the word as written, and most words have no other case to share a count with).
 */
export function plainSyllables(key: string): number {
  return partSyllables(key)
}

/** `countSyllables` of a word already normalised (`normaliseWord`). */
export function normalSyllables(key: string): number {
  return syllableCache.valueOf(key)
}

function uncachedSyllables(key: string): number {
  // Most words are one plain part: no regex split, no array of parts.
  const plain = plainPart(key)
  if (plain !== undefined) return plain ? partSyllables(key) : 0
  const asciiCount = asciiPartsSyllables(key)
  if (asciiCount !== undefined) return asciiCount
  const parts = key.split(WORD_PART_SEPARATOR)
  if (parts.length === 1) return HAS_LETTER_OR_DIGIT.test(key) ? partSyllables(key) : 0
  // A part has no separator, so it counts as the word it spells would: many words share one
  // (`year` in `five-year`, `10-year`, and the parts Gunning's test counts again), so each is
  // counted once and cached by itself.
  let count = 0
  for (const part of parts) if (HAS_LETTER_OR_DIGIT.test(part)) count += normalSyllables(part)
  return count
}

/**
 * `uncachedSyllables` of an ASCII word with a separator, split without the regex: in ASCII the
 * letters, digits and apostrophes are what `WORD_PART_SEPARATOR` leaves in the parts, and each part
 * with a letter or digit is counted (and cached) by itself. Undefined for a word that is not ASCII.
 */
function asciiPartsSyllables(key: string): number | undefined {
  const length = key.length
  for (let index = 0; index < length; index++) if (key.charCodeAt(index) >= 0x80) return undefined
  let count = 0
  let start = 0
  let letterOrDigit = false
  for (let index = 0; index < length; index++) {
    const code = key.charCodeAt(index)
    const folded = code | 0x20
    if ((folded >= 0x61 && folded <= 0x7a) || (code >= 0x30 && code <= 0x39)) letterOrDigit = true
    else if (code !== 0x27) {
      if (letterOrDigit) count += normalSyllables(key.slice(start, index))
      start = index + 1
      letterOrDigit = false
    }
  }
  if (letterOrDigit) count += normalSyllables(key.slice(start))
  return count
}

/**
 * Whether `word` is a Gunning (1952) "hard word": three or more syllables,
 * except capitalised words (proper names; the first word of a sentence is
 * not excused, as its capital says nothing), hyphenated combinations of
 * shorter words, and verb forms that only reach three syllables through
 * their ending: `-ing`, `-ed` after `t`/`d` (`created`), and `-es` after a
 * sibilant (`trespasses`). Other `-ed`/`-es` endings add no syllable, so
 * they cannot be what made the word long.
 */
export function isComplexWord(word: string, sentenceInitial: boolean): boolean {
  if (!sentenceInitial && startsUppercase(word)) return false
  const lower = normaliseWord(word)
  return isComplexNormal(lower, normalSyllables(lower))
}

/**
 * `isComplexWord` of a normalised word at the start of its sentence, given its syllables: a
 * capital then says nothing, so nothing else about the word as written matters.
 */
export function isComplexNormal(lower: string, syllables: number): boolean {
  if (syllables < 3) return false
  if (hasHyphen(lower)) {
    return lower.split(HYPHEN).some((part) => baseSyllables(part, normalSyllables(part)) >= 3)
  }
  return baseSyllables(lower, syllables) >= 3
}

const SYLLABIC_ENDING = /(?:ing|[td]ed)$/

/** Syllables of `lower` (given, its `normalSyllables`) without a syllabic `-ing`, `-ed` or `-es` ending. */
function baseSyllables(lower: string, syllables: number): number {
  const syllabicEnding = SYLLABIC_ENDING.test(lower) || sibilantSingular(lower) !== undefined
  return syllabicEnding ? syllables - 1 : syllables
}

/** `HYPHEN.test(word)`, without running a regex for every word not seen before. */
function hasHyphen(word: string): boolean {
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index)
    if (code === 0x2d || code === 0x2010 || code === 0x2011) return true
  }
  return false
}

const EASY_WORDS: ReadonlySet<string> = new Set(daleChall.map(normaliseWord))

/**
 * Whether `word` is familiar under the New Dale–Chall counting rules: on
 * the `dale-chall` easy-word list, or a regular inflection of a listed word
 * (plural, possessive, `-ed`, `-ing`, `-er`, `-est`), a contraction of a
 * familiar word, a figure (no letters), a hyphenated word whose parts are
 * all familiar, or a name. Names are approximated as capitalised words that
 * do not start their sentence, so a sentence-initial name counts as
 * difficult.
 */
export function isFamiliarWord(word: string, sentenceInitial: boolean): boolean {
  if (!HAS_LETTER.test(word)) return true
  if (!sentenceInitial && startsUppercase(word)) return true
  return isFamiliarNormal(normaliseWord(word))
}

/**
 * `isFamiliarWord` of a normalised word with a letter, at the start of its sentence (where a
 * capital says nothing, so nothing else about the word as written matters).
 */
export function isFamiliarNormal(lower: string): boolean {
  if (familiarForm(lower)) return true
  if (hasHyphen(lower)) {
    const parts = lower.split(HYPHEN).filter((part) => part.length > 0)
    return parts.length > 1 && parts.every((part) => !HAS_LETTER.test(part) || familiarForm(part))
  }
  return false
}

const CONTRACTION = /(?:'s|n't|'ll|'re|'ve|'d|'m)$/

function familiarForm(lower: string): boolean {
  if (EASY_WORDS.has(lower)) return true
  // Possessives and contractions of familiar words (`day's`, `it'll`).
  // Every contraction has an apostrophe; most words have none, and skip the regex.
  const contraction = lower.includes("'") ? CONTRACTION.exec(lower) : null
  if (contraction !== null && contraction.index > 0) return familiarForm(lower.slice(0, contraction.index))
  if (lower.endsWith("s'")) return familiarForm(lower.slice(0, -1))
  return hasEasyBase(lower)
}

/** Whether `base` is a listed word (bases of one letter are not: `s` is no base of `ss`). */
function easyBase(base: string): boolean {
  return base.length >= 2 && EASY_WORDS.has(base)
}

/** Whether `stem` ends with a doubled letter and is a listed word without one of them (`stopp` → `stop`). */
function undoubledEasy(stem: string): boolean {
  const length = stem.length
  return length >= 2 && stem.charCodeAt(length - 1) === stem.charCodeAt(length - 2) && easyBase(stem.slice(0, -1))
}

/** Whether `lower` ends with `suffix` and at least two letters are left before it. */
function hasSuffix(lower: string, suffix: string): boolean {
  return lower.length > suffix.length + 1 && lower.endsWith(suffix)
}

/** Whether `lower` ends with `suffix` (two letters are left before it) and its stem with a `y` is listed (`ladies` → `lady`). */
function yBase(lower: string, suffix: string): boolean {
  return hasSuffix(lower, suffix) && easyBase(`${lower.slice(0, -suffix.length)}y`)
}

/** Whether `lower` ends with `suffix` (two letters are left before it) and its stem is listed (`cats` → `cat`). */
function plainBase(lower: string, suffix: string): boolean {
  return hasSuffix(lower, suffix) && easyBase(lower.slice(0, -suffix.length))
}

/**
 * Whether `lower` ends with `suffix` (two letters are left before it) and its stem is listed as it
 * is, with a restored `-e`, or with its doubled last letter undoubled (`walked`, `baked`, `stopped`).
 */
function eBase(lower: string, suffix: string): boolean {
  if (!hasSuffix(lower, suffix)) return false
  const stem = lower.slice(0, -suffix.length)
  return easyBase(stem) || easyBase(`${stem}e`) || undoubledEasy(stem)
}

/**
 * Whether a regularly inflected form of `lower` has a listed base: -ies/-ied/-ier/-iest from -y
 * (ladies, tried, happier, happiest); -s/-es plurals and third person; -ed/-ing/-er/-est, with a
 * restored -e and an undoubled consonant. Every suffix ends in `s`, `d`, `r`, `t` or `g`: the last
 * letter picks the few that can apply, and only their stems are made and looked up.
 */
function hasEasyBase(lower: string): boolean {
  switch (lower.charCodeAt(lower.length - 1)) {
    case letterS:
      return yBase(lower, 'ies') || plainBase(lower, 's') || plainBase(lower, 'es')
    case letterD:
      return yBase(lower, 'ied') || eBase(lower, 'ed')
    case letterR:
      return yBase(lower, 'ier') || eBase(lower, 'er')
    case letterT:
      return yBase(lower, 'iest') || eBase(lower, 'est')
    case letterG:
      return eBase(lower, 'ing')
    default:
      return false
  }
}
