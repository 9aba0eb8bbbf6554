/**
 * Readability formulas, as published, over plain counts.
 *
 * Every function returns the unrounded score, and `0` when a count it
 * divides by is zero (no words or no sentences; SMOG: no sentences), so
 * callers never see `NaN` or `Infinity`.
 * Rounding for display happens in `computeMetrics`.
 */

/** Counts the formulas read. Any count not given is taken as `0`. */
export interface ReadabilityCounts {
  readonly words: number
  readonly sentences: number
  readonly syllables?: number
  /** Words of 3+ syllables (SMOG). */
  readonly polysyllables?: number
  /** Gunning's "hard words": 3+ syllables minus his exclusions. */
  readonly complexWords?: number
  /** Letters (Coleman–Liau). */
  readonly letters?: number
  /** Letters and digits (ARI). */
  readonly characters?: number
  /** Words not familiar per the Dale–Chall list and its counting rules. */
  readonly difficultWords?: number
}

function usable(counts: ReadabilityCounts): boolean {
  return counts.words > 0 && counts.sentences > 0
}

/** Flesch (1948) reading ease. */
export function fleschReadingEase(counts: ReadabilityCounts): number {
  if (!usable(counts)) return 0
  const {words, sentences, syllables = 0} = counts
  return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words)
}

/** Flesch–Kincaid grade level (Kincaid, Fishburne, Rogers & Chissom 1975). */
export function fleschKincaidGrade(counts: ReadabilityCounts): number {
  if (!usable(counts)) return 0
  const {words, sentences, syllables = 0} = counts
  return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59
}

/** Gunning (1952) fog index. */
export function gunningFog(counts: ReadabilityCounts): number {
  if (!usable(counts)) return 0
  const {words, sentences, complexWords = 0} = counts
  return 0.4 * (words / sentences + 100 * (complexWords / words))
}

/**
 * SMOG grade (McLaughlin 1969), normalised to 30 sentences:
 * `1.0430 * sqrt(polysyllables * 30 / sentences) + 3.1291`.
 * It reads no word count, so only sentences are required.
 */
export function smog(counts: ReadabilityCounts): number {
  if (!(counts.sentences > 0)) return 0
  const {sentences, polysyllables = 0} = counts
  return 1.043 * Math.sqrt((polysyllables * 30) / sentences) + 3.1291
}

/**
 * Coleman–Liau (1975) index: `0.0588 L - 0.296 S - 15.8`, with `L` letters
 * and `S` sentences per 100 words.
 */
export function colemanLiau(counts: ReadabilityCounts): number {
  if (!usable(counts)) return 0
  const {words, sentences, letters = 0} = counts
  return 0.0588 * ((100 * letters) / words) - 0.296 * ((100 * sentences) / words) - 15.8
}

/** Automated Readability Index (Smith & Senter 1967). */
export function automatedReadability(counts: ReadabilityCounts): number {
  if (!usable(counts)) return 0
  const {words, sentences, characters = 0} = counts
  return 4.71 * (characters / words) + 0.5 * (words / sentences) - 21.43
}

/**
 * New Dale–Chall (Chall & Dale 1995) score:
 * `0.1579 * PDW + 0.0496 * ASL`, plus `3.6365` when more than 5% of the
 * words are difficult (PDW: percentage of difficult words; ASL: words per
 * sentence).
 */
export function daleChallScore(counts: ReadabilityCounts): number {
  if (!usable(counts)) return 0
  const {words, sentences, difficultWords = 0} = counts
  const percentDifficult = (100 * difficultWords) / words
  const raw = 0.1579 * percentDifficult + 0.0496 * (words / sentences)
  return percentDifficult > 5 ? raw + 3.6365 : raw
}
