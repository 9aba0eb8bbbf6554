/**
 * Document readability metrics.
 *
 * Definitions (one pass over the words of each sentence):
 * - words: the words as written (nlcst `WordNode`s); a word is any string
 *   with a non-whitespace character, so figures like `500` count as words.
 * - sentences: sentences with at least one word.
 * - paragraphs: given by the caller (`measureTree`: `ParagraphNode`s that
 *   contain at least one word).
 * - letters: Unicode letters (`\p{L}`) in words; apostrophes, hyphens,
 *   periods and digits are not letters. Coleman–Liau's `L`. This is
 *   textstat's `count_letters` for text without digits or `_`.
 * - characters: letters plus digits (`\p{N}`) in words, the "characters"
 *   of the Automated Readability Index (the words/automated-readability
 *   reference passage has 623). textstat instead counts every non-space
 *   character, punctuation included.
 * - syllables: `countSyllables` (the `syllable` package; figures get 1).
 * - polysyllables: words of 3+ syllables (SMOG counts them all).
 * - complexWords: Gunning's hard words, see `isComplexWord`.
 * - difficult words (Dale–Chall): words not familiar under the New
 *   Dale–Chall counting rules, see `isFamiliarWord`.
 *
 * Formulas are in `./formulas.js`; scores are rounded to 2 decimals and
 * are `0` when there are no words.
 */
import type {Nodes, Paragraph, Root, Sentence} from 'nlcst'
import {toString as nlcstToString} from 'nlcst-to-string'
import {hasPassive} from '../../rules/passive-voice/detect.js'
import {type ArticleDocument, oncePerDocument, type WordToken} from '../kit/document.js'
import {apostrophe, capitalA, capitalZ, digitNine, digitZero, letterA, letterZ} from './char-codes.js'
import {
  automatedReadability,
  colemanLiau,
  daleChallScore,
  fleschKincaidGrade,
  fleschReadingEase,
  gunningFog,
  type ReadabilityCounts,
  smog
} from './formulas.js'
import {type SentenceUnit, sentenceUnits, Unit} from './sentences.js'
import {WordTable} from './word-table.js'
import {
  countCharacters,
  countLetters,
  countSyllables,
  isComplexNormal,
  isFamiliarNormal,
  normaliseWord,
  normalSyllables,
  plainSyllables,
  startsUppercase
} from './words.js'

export {emptyMetrics} from './empty.js'
export {type SentenceUnit, sentenceUnits} from './sentences.js'
export {countSyllables}

export interface Metrics {
  characters: number
  letters: number
  words: number
  sentences: number
  syllables: number
  polysyllables: number
  complexWords: number
  paragraphs: number
  fleschReadingEase: number
  fleschKincaidGrade: number
  gunningFog: number
  smog: number
  colemanLiau: number
  automatedReadability: number
  daleChall: number
  passiveSentences: number
}

export interface MetricsInput {
  /** The words of each sentence, as written. */
  sentences: ReadonlyArray<ReadonlyArray<string>>
  paragraphs: number
  passiveSentences?: number
}

export interface MeasureOptions {
  passiveSentences?: number
}

const NON_SPACE = /\S/u

interface WordMeasure {
  readonly characters: number
  readonly letters: number
  readonly syllables: number
  /** Gunning's hard word, and not familiar to Dale–Chall, when it starts its sentence. */
  readonly complex: boolean
  readonly familiar: boolean
  /**
   * Inside a sentence a capitalised word is a name: never hard, always familiar (see
   * `isComplexWord`, `isFamiliarWord`). So one measure serves both places in a sentence.
   */
  readonly capitalised: boolean
}

/**
 * A word's measures packed in one small integer: three flags, then syllables, letters and
 * characters in `fieldBits` bits each. Every word of every file looks its measures up, and an
 * integer is read from the cache's own table where an object would be one more trip to memory.
 * Words too long to pack (a field of `fieldLimit` or more) are measured afresh, not cached.
 */
type PackedMeasure = number

const capitalisedFlag = 1
const complexFlag = 2
const familiarFlag = 4
const fieldBits = 9
const fieldLimit = 1 << fieldBits
const fieldMask = fieldLimit - 1
const syllablesShift = 3
const lettersShift = syllablesShift + fieldBits
const charactersShift = lettersShift + fieldBits
/** The packed measure of a word that is only white space (not counted). */
const notAWord = -1
/** The packed measure of a word with a field too large to pack: its measures are taken afresh. */
const notPacked = -2

function pack(measure: WordMeasure): PackedMeasure | undefined {
  // Every field fits 9 bits: a packed measure is never negative, so never one of the markers above.
  const {characters, letters, syllables} = measure
  if (characters >= fieldLimit || letters >= fieldLimit || syllables >= fieldLimit) return undefined
  return (
    (measure.capitalised ? capitalisedFlag : 0) |
    (measure.complex ? complexFlag : 0) |
    (measure.familiar ? familiarFlag : 0) |
    (syllables << syllablesShift) |
    (letters << lettersShift) |
    (characters << charactersShift)
  )
}

/**
 * Every measure of a word, by the word as written. A news archive repeats a small vocabulary, so
 * each distinct word runs the regexes and word lists once. The table is cleared when it is full,
 * so a huge file cannot make it grow without end.
 */
const measures = new WordTable(100_000, 2_000_000, measureNewWord)

/**
 * The packed measures of a word not seen before: `notAWord` for white space, `notPacked` for one
 * too long to pack (its measures are taken afresh where it is counted).
 *
 * Almost every word is ASCII: one pass over its characters counts its letters and digits, sees
 * whether it has a capital (else it is its own normal form) and whether it is one plain part of
 * letters, digits and apostrophes, whose syllables need no split; the measures are packed as they
 * are made, with no object between. Other words take `firstMeasure`. This is the one function
 * optimised for the first measure of a word: had it called `firstMeasure` for ASCII words too,
 * TurboFan would compile that body twice (once alone, once inlined here), in every worker.
 */
function measureNewWord(word: string): PackedMeasure {
  const length = word.length
  const first = word.charCodeAt(0)
  // Most words start with a printable ASCII character, which is no white space: no regex to run.
  if (!(first > 0x20 && first < 0x7f) && !NON_SPACE.test(word)) return notAWord
  let letters = 0
  let digits = 0
  let capitals = false
  let plain = true
  for (let index = 0; index < length; index++) {
    const code = word.charCodeAt(index)
    if (code >= 0x80) return pack(firstMeasure(word)) ?? notPacked
    if (code >= letterA && code <= letterZ) letters++
    else if (code >= capitalA && code <= capitalZ) {
      letters++
      capitals = true
    } else if (code >= digitZero && code <= digitNine) digits++
    else if (code !== apostrophe) plain = false
  }
  const characters = letters + digits
  // Too long to pack (as `pack` sees it: letters are no more than characters).
  if (characters >= fieldLimit) return notPacked
  // An ASCII word has no curly apostrophe: lowercased, it is normalised.
  const lower = capitals ? word.toLowerCase() : word
  let syllables: number
  if (!plain) syllables = normalSyllables(lower)
  else syllables = characters > 0 ? plainSyllables(lower) : 0
  if (syllables >= fieldLimit) return notPacked
  let packed = (syllables << syllablesShift) | (letters << lettersShift) | (characters << charactersShift)
  if (first >= capitalA && first <= capitalZ) packed |= capitalisedFlag
  if (isComplexNormal(lower, syllables)) packed |= complexFlag
  // A word without letters (a figure) is familiar.
  if (letters === 0 || isFamiliarNormal(lower)) packed |= familiarFlag
  return packed
}

/**
 * Measures a word not seen before, any word (`measureNewWord` packs the measures of ASCII words
 * itself, the same). At the start of a sentence a capital says nothing, so the syllables and the
 * complex and familiar tests depend only on the normalised word: it is made once, and its
 * syllables are counted once for all three (`isComplexWord` and `isFamiliarWord` would each
 * normalise and look them up again).
 */
function firstMeasure(word: string): WordMeasure {
  const lower = normaliseWord(word)
  const syllables = normalSyllables(lower)
  const letters = countLetters(word)
  return {
    characters: countCharacters(word),
    letters,
    syllables,
    complex: isComplexNormal(lower, syllables),
    // A word without letters (a figure) is familiar.
    familiar: letters === 0 || isFamiliarNormal(lower),
    capitalised: startsUppercase(word)
  }
}

function round2(value: number): number {
  if (!Number.isFinite(value)) return 0
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * 100 + 1e-9)) / 100
  return rounded === 0 ? 0 : rounded
}

/** The additive counts of some sentences: every document figure is a sum over its sentences. */
export interface SentenceCounts {
  characters: number
  letters: number
  words: number
  sentences: number
  syllables: number
  polysyllables: number
  complexWords: number
  difficultWords: number
}

function emptyCounts(): SentenceCounts {
  return {characters: 0, letters: 0, words: 0, sentences: 0, syllables: 0, polysyllables: 0, complexWords: 0, difficultWords: 0}
}

/** Adds one sentence's words (as written) to `counts`. */
function countSentence(counts: SentenceCounts, sentence: Iterable<string>): void {
  let position = 0
  for (const word of sentence) if (countWord(counts, word, position === 0)) position++
  if (position > 0) counts.sentences++
  counts.words += position
}

/** Adds one word's measures to `counts`; false when it is no word to count (white space only). */
function countWord(counts: SentenceCounts, word: string, initial: boolean): boolean {
  const packed = measures.valueOf(word)
  if (packed === notAWord) return false
  if (packed === notPacked) {
    addMeasure(counts, firstMeasure(word), initial)
    return true
  }
  const syllables = (packed >>> syllablesShift) & fieldMask
  counts.characters += (packed >>> charactersShift) & fieldMask
  counts.letters += (packed >>> lettersShift) & fieldMask
  counts.syllables += syllables
  if (syllables >= 3) counts.polysyllables++
  const name = (packed & capitalisedFlag) !== 0 && !initial
  if ((packed & complexFlag) !== 0 && !name) counts.complexWords++
  if ((packed & familiarFlag) === 0 && !name) counts.difficultWords++
  return true
}

/** Adds the measures of a word too long to pack, as `countWord` does for a packed one. */
function addMeasure(counts: SentenceCounts, measure: WordMeasure, initial: boolean): void {
  counts.characters += measure.characters
  counts.letters += measure.letters
  counts.syllables += measure.syllables
  if (measure.syllables >= 3) counts.polysyllables++
  const name = measure.capitalised && !initial
  if (measure.complex && !name) counts.complexWords++
  if (!measure.familiar && !name) counts.difficultWords++
}

function addCounts(total: SentenceCounts, part: SentenceCounts): void {
  total.characters += part.characters
  total.letters += part.letters
  total.words += part.words
  total.sentences += part.sentences
  total.syllables += part.syllables
  total.polysyllables += part.polysyllables
  total.complexWords += part.complexWords
  total.difficultWords += part.difficultWords
}

/**
 * Each sentence unit's counts, computed once: the readability rule scores every prose sentence,
 * then the prose as a whole, and the report measures the whole document again. The counts are
 * integer sums, so adding cached per-sentence counts gives exactly what a fresh pass would. They
 * are kept on the unit (a `Unit` has a field for them), not in a WeakMap: WeakMap values outlive a
 * young-generation collection (see `oncePerDocument`), and with them every unit and its words.
 */
function countsOf(unit: SentenceUnit): SentenceCounts {
  if (!(unit instanceof Unit)) return countedUnit(unit)
  let counts = unit.counts
  if (counts === undefined) {
    counts = countedUnit(unit)
    unit.counts = counts
  }
  return counts
}

/**
 * The counts of one unit's words, as `countSentence` gives for their texts. This loop runs for
 * every word of every file, so it keeps its sums in local variables (not in the counts object),
 * reads each word's packed measure with one table lookup, and leaves the rare paths (a new word, a
 * word too long to pack) to functions of their own.
 */
function countedUnit(unit: SentenceUnit): SentenceCounts {
  const words = unit.words
  let characters = 0
  let letters = 0
  let syllableSum = 0
  let polysyllables = 0
  let complexWords = 0
  let difficultWords = 0
  let position = 0
  for (let index = 0; index < words.length; index++) {
    const text = (words[index] as WordToken).text
    const packed = measures.valueOf(text)
    if (packed < 0) {
      if (packed === notPacked) return countedByWord(words)
      continue
    }
    const syllables = (packed >>> syllablesShift) & fieldMask
    characters += (packed >>> charactersShift) & fieldMask
    letters += (packed >>> lettersShift) & fieldMask
    syllableSum += syllables
    if (syllables >= 3) polysyllables++
    const name = (packed & capitalisedFlag) !== 0 && position !== 0
    if ((packed & complexFlag) !== 0 && !name) complexWords++
    if ((packed & familiarFlag) === 0 && !name) difficultWords++
    position++
  }
  return {
    characters,
    letters,
    words: position,
    sentences: position > 0 ? 1 : 0,
    syllables: syllableSum,
    polysyllables,
    complexWords,
    difficultWords
  }
}

/** `countedUnit` of a unit with a word too long to pack: word by word, as `computeMetrics` counts. */
function countedByWord(words: readonly WordToken[]): SentenceCounts {
  const counts = emptyCounts()
  countSentence(
    counts,
    words.map((word) => word.text)
  )
  return counts
}

function countUnits(units: readonly SentenceUnit[]): SentenceCounts {
  const total = emptyCounts()
  for (const unit of units) addCounts(total, countsOf(unit))
  return total
}

/** Compute counts and readability scores from the words of each sentence. */
export function computeMetrics(input: MetricsInput): Metrics {
  const counts = emptyCounts()
  for (const sentence of input.sentences) countSentence(counts, sentence)
  return metricsOf(counts, input.paragraphs, input.passiveSentences)
}

function metricsOf(totals: SentenceCounts, paragraphs: number, passiveSentences: number | undefined): Metrics {
  const {characters, letters, words, sentences, syllables, polysyllables, complexWords, difficultWords} = totals
  const counts: ReadabilityCounts = {
    words,
    sentences,
    syllables,
    polysyllables,
    complexWords,
    letters,
    characters,
    difficultWords
  }

  return {
    characters,
    letters,
    words,
    sentences,
    syllables,
    polysyllables,
    complexWords,
    paragraphs: Math.max(0, paragraphs),
    fleschReadingEase: round2(fleschReadingEase(counts)),
    fleschKincaidGrade: round2(fleschKincaidGrade(counts)),
    gunningFog: round2(gunningFog(counts)),
    smog: round2(smog(counts)),
    colemanLiau: round2(colemanLiau(counts)),
    automatedReadability: round2(automatedReadability(counts)),
    daleChall: round2(daleChallScore(counts)),
    passiveSentences: passiveSentences ?? 0
  }
}

interface WalkState {
  sentences: string[][]
  current: string[] | undefined
  paragraphs: number
  sawWord: boolean
}

function walk(node: Nodes, state: WalkState): void {
  switch (node.type) {
    case 'WordNode': {
      let current = state.current
      if (current === undefined) {
        // A word outside any sentence (a loose fragment): its own sentence.
        current = []
        state.sentences.push(current)
        state.current = current
      }
      current.push(nlcstToString(node))
      state.sawWord = true
      return
    }
    case 'SentenceNode': {
      const outer = state.current
      state.current = []
      state.sentences.push(state.current)
      for (const child of node.children) walk(child, state)
      state.current = outer
      return
    }
    case 'ParagraphNode': {
      const outerSaw = state.sawWord
      const outerSentence = state.current
      state.sawWord = false
      state.current = undefined
      for (const child of node.children) walk(child, state)
      if (state.sawWord) state.paragraphs++
      state.sawWord = outerSaw || state.sawWord
      state.current = outerSentence
      return
    }
    default: {
      if ('children' in node) {
        for (const child of node.children) walk(child, state)
      }
    }
  }
}

/**
 * Measure an nlcst tree: sentences are `SentenceNode`s, words are the text
 * of `WordNode`s, paragraphs are `ParagraphNode`s with at least one word.
 */
export function measureTree(tree: Root | Paragraph | Sentence, options?: MeasureOptions): Metrics {
  const state: WalkState = {sentences: [], current: undefined, paragraphs: 0, sawWord: false}
  walk(tree, state)
  const input: MetricsInput = {sentences: state.sentences, paragraphs: state.paragraphs}
  if (options?.passiveSentences !== undefined) input.passiveSentences = options.passiveSentences
  return computeMetrics(input)
}

/**
 * Measure a parsed article: sentences are `sentenceUnits` (the parser's sentences, never across
 * blocks, split after an abbreviation that ends one), paragraphs are the parser's paragraphs with
 * a word, and passive sentences are those where the passive-voice detector finds a passive — the
 * same detector as the rule, whatever the config says about the rule.
 */
export function measureDocument(document: ArticleDocument): Metrics {
  const units = sentenceUnits(document)
  let passiveSentences = 0
  for (const unit of units) if (hasPassive(unit.words, document.text)) passiveSentences++
  return metricsOf(
    countUnits(units),
    document.paragraphs.filter((paragraph) => paragraph.sentences.some((sentence) => sentence.words.length > 0)).length,
    passiveSentences
  )
}

/**
 * One grade from several formulas: the median of Flesch–Kincaid, Gunning fog, SMOG, Coleman–Liau
 * and the Automated Readability Index. Each formula has its own bias (syllables, letters, long
 * words); the median is what most of them agree on, as retext-readability's "n of 7 agree" is.
 */
export function consensusGrade(metrics: Metrics): number {
  return middleOfFive(
    metrics.fleschKincaidGrade,
    metrics.gunningFog,
    metrics.smog,
    metrics.colemanLiau,
    metrics.automatedReadability
  )
}

/**
 * `consensusGrade(measureSentences(units))`, without building the metrics: the readability rule
 * grades every prose sentence, and the full metrics object of each was most of what it allocated.
 */
export function consensusGradeOf(units: readonly SentenceUnit[]): number {
  return gradeOfCounts(countUnits(units))
}

/** `consensusGradeOf([unit])`: one sentence's grade, from its cached counts. */
export function sentenceGrade(unit: SentenceUnit): number {
  return gradeOfCounts(countsOf(unit))
}

/** The same rounded scores `metricsOf` gives these counts, and their median. */
function gradeOfCounts(counts: SentenceCounts): number {
  return middleOfFive(
    round2(fleschKincaidGrade(counts)),
    round2(gunningFog(counts)),
    round2(smog(counts)),
    round2(colemanLiau(counts)),
    round2(automatedReadability(counts))
  )
}

/** The median of five numbers (none NaN), as sorting them and taking the third would give, without an array. */
function middleOfFive(a: number, b: number, c: number, d: number, e: number): number {
  if (isMiddle(a, a, b, c, d, e)) return a
  if (isMiddle(b, a, b, c, d, e)) return b
  if (isMiddle(c, a, b, c, d, e)) return c
  if (isMiddle(d, a, b, c, d, e)) return d
  return e
}

/** Whether `value`, one of the five, sits third once they are sorted: at most two below it, at least three up to it. */
function isMiddle(value: number, a: number, b: number, c: number, d: number, e: number): boolean {
  const below = (a < value ? 1 : 0) + (b < value ? 1 : 0) + (c < value ? 1 : 0) + (d < value ? 1 : 0) + (e < value ? 1 : 0)
  const upTo = (a <= value ? 1 : 0) + (b <= value ? 1 : 0) + (c <= value ? 1 : 0) + (d <= value ? 1 : 0) + (e <= value ? 1 : 0)
  return below <= 2 && upTo >= 3
}

/** Block kinds read as running prose: headlines, captions, lists, tables and code are not. */
export const proseKinds: ReadonlySet<string> = new Set(['paragraph', 'quote'])

/** The sentences of the article's running prose; computed once per document (three rules read them). */
export const proseSentences: (document: ArticleDocument) => readonly SentenceUnit[] = oncePerDocument((document) =>
  sentenceUnits(document).filter((unit) => proseKinds.has(unit.kind))
)

/** Metrics of some sentences alone (a sentence, a paragraph, the prose of an article). */
export function measureSentences(units: readonly SentenceUnit[]): Metrics {
  return metricsOf(countUnits(units), 0, undefined)
}
