/**
 * Per-word measures used by the readability metrics.
 */
import {daleChall} from 'dale-chall'
import {syllable} from 'syllable'

const LETTER = /\p{L}/gu
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu
const HAS_LETTER = /\p{L}/u
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u
const STARTS_UPPERCASE = /^\p{Lu}/u
const CURLY_APOSTROPHE = /[\u2018\u2019\u02BC]/g
const HYPHEN = /[-\u2010\u2011]/

function normalise(word: string): string {
  return word.toLowerCase().replace(CURLY_APOSTROPHE, "'")
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
  return STARTS_UPPERCASE.test(word)
}

const syllableCache = new Map<string, number>()

// `-es` after a sibilant is a syllable of its own (glass·es, wish·es,
// place·s, judg·es). The `syllable` package drops it for `-sses` and
// `-rses` (`glasses`, `horses`: 1) and doubles it for `-shes` (`wishes`: 3),
// so such forms are counted as their singular plus one.
const SIBILANT_ES = /(?:ss|sh|ch|zz|x)es$/
const SIBILANT_E_S = /[cgsz]es$/
const ACHES = /(?:^|head|tooth|ear|back|heart|belly)aches$/
const VOWEL = /[aeiouy]/

function sibilantSingular(lower: string): string | undefined {
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
  const key = normalise(word)
  const cached = syllableCache.get(key)
  if (cached !== undefined) return cached
  let count = 0
  for (const part of key.split(WORD_PART_SEPARATOR)) {
    if (HAS_LETTER_OR_DIGIT.test(part)) count += partSyllables(part)
  }
  // Bounded, so one enormous file (or a long-lived server) cannot grow it without end.
  if (syllableCache.size >= 100_000) syllableCache.clear()
  syllableCache.set(key, count)
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
  if (countSyllables(word) < 3) return false
  if (!sentenceInitial && STARTS_UPPERCASE.test(word)) return false
  const lower = normalise(word)
  if (HYPHEN.test(lower)) {
    return lower.split(HYPHEN).some((part) => baseSyllables(part) >= 3)
  }
  return baseSyllables(lower) >= 3
}

const SYLLABIC_ENDING = /(?:ing|[td]ed)$/

/** Syllables of `lower` without a syllabic `-ing`, `-ed` or `-es` ending. */
function baseSyllables(lower: string): number {
  const syllables = countSyllables(lower)
  const syllabicEnding = SYLLABIC_ENDING.test(lower) || sibilantSingular(lower) !== undefined
  return syllabicEnding ? syllables - 1 : syllables
}

const EASY_WORDS: ReadonlySet<string> = new Set(daleChall.map(normalise))

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
  if (!sentenceInitial && STARTS_UPPERCASE.test(word)) return true
  const lower = normalise(word)
  if (familiarForm(lower)) return true
  if (HYPHEN.test(lower)) {
    const parts = lower.split(HYPHEN).filter((part) => part.length > 0)
    return parts.length > 1 && parts.every((part) => !HAS_LETTER.test(part) || familiarForm(part))
  }
  return false
}

const CONTRACTION = /(?:'s|n't|'ll|'re|'ve|'d|'m)$/

function familiarForm(lower: string): boolean {
  if (EASY_WORDS.has(lower)) return true
  // Possessives and contractions of familiar words (`day's`, `it'll`).
  const contraction = CONTRACTION.exec(lower)
  if (contraction !== null && contraction.index > 0) return familiarForm(lower.slice(0, contraction.index))
  if (lower.endsWith("s'")) return familiarForm(lower.slice(0, -1))
  return inflectionBases(lower).some((base) => base.length >= 2 && EASY_WORDS.has(base))
}

/** Candidate bases of a regularly inflected form. */
function inflectionBases(lower: string): string[] {
  const bases: string[] = []
  const strip = (suffix: string): string | undefined =>
    lower.endsWith(suffix) && lower.length > suffix.length + 1 ? lower.slice(0, -suffix.length) : undefined
  const undouble = (stem: string): string | undefined => {
    const last = stem.at(-1)
    return last !== undefined && stem.at(-2) === last ? stem.slice(0, -1) : undefined
  }
  // -ies/-ied/-ier/-iest from -y (ladies, tried, happier, happiest).
  for (const suffix of ['ies', 'ied', 'ier', 'iest']) {
    const stem = strip(suffix)
    if (stem !== undefined) bases.push(`${stem}y`)
  }
  // -s/-es plurals and third person.
  for (const suffix of ['s', 'es']) {
    const stem = strip(suffix)
    if (stem !== undefined) bases.push(stem)
  }
  // -ed/-ing/-er/-est, with a restored -e and an undoubled consonant.
  for (const suffix of ['ed', 'ing', 'er', 'est']) {
    const stem = strip(suffix)
    if (stem === undefined) continue
    bases.push(stem, `${stem}e`)
    const single = undouble(stem)
    if (single !== undefined) bases.push(single)
  }
  return bases
}
