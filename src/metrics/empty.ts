import type {Metrics} from './index.js'

/**
 * The metrics of a text without words: every count and score is 0 (the formulas give 0 when there
 * are no words). Apart from the metrics module so that the report of a file that could not be
 * linted, made on the main thread, does not load the word lists and the syllable counter.
 */
export function emptyMetrics(): Metrics {
  return {
    characters: 0,
    letters: 0,
    words: 0,
    sentences: 0,
    syllables: 0,
    polysyllables: 0,
    complexWords: 0,
    paragraphs: 0,
    fleschReadingEase: 0,
    fleschKincaidGrade: 0,
    gunningFog: 0,
    smog: 0,
    colemanLiau: 0,
    automatedReadability: 0,
    daleChall: 0,
    passiveSentences: 0
  }
}
