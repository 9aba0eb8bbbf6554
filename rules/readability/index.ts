import {getDocument, quotationAround, type Rule, report} from '../../src/kit/index.js'
import {consensusGradeOf, proseSentences, sentenceGrade} from '../../src/metrics/index.js'

export interface ReadabilityOptions {
  /** US school grade the article is written for; a general adult news reader is about 10. */
  readonly targetGrade: number
  /** How far above the target one sentence may go before it is reported. */
  readonly sentenceMargin: number
  /** How far above the target the whole article may go before it is reported. */
  readonly documentMargin: number
  /** Sentences shorter than this are not scored: one long word decides a short sentence's grade. */
  readonly minWords: number
  /** Also score sentences that lie wholly inside a direct quotation (a speaker's words). */
  readonly quotations: boolean
}

const documentMinWords = 100
const round1 = (value: number): number => Math.round(value * 10) / 10

export const rule: Rule<ReadabilityOptions> = {
  meta: {
    id: 'readability',
    description: 'Sentences too hard for the target reader; document grade over the limit',
    severity: 'warning',
    fixable: false,
    recommended: true,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        targetGrade: {type: 'number', minimum: 1, maximum: 20},
        sentenceMargin: {type: 'number', minimum: 0, maximum: 20},
        documentMargin: {type: 'number', minimum: 0, maximum: 20},
        minWords: {type: 'integer', minimum: 1},
        quotations: {type: 'boolean'}
      }
    },
    // Grade 10 is a general adult readership. One sentence's grade swings widely (a 37-word sentence
    // of ordinary words already scores 16), so a sentence is reported 6 grades over the target: on
    // 2,225 BBC articles that is about 4 sentences in 1,000 words. An article averages its sentences,
    // so it gets less room: 3 grades over (the BBC median is 11.3, the 90th percentile 13.3).
    defaults: {targetGrade: 10, sentenceMargin: 6, documentMargin: 3, minWords: 12, quotations: false}
  },
  plugin(options) {
    const sentenceLimit = options.targetGrade + options.sentenceMargin
    const documentLimit = options.targetGrade + options.documentMargin
    return (tree, file) => {
      const document = getDocument(tree, file)
      const prose = proseSentences(document)
      for (const unit of prose) {
        if (unit.words.length < options.minWords) continue
        const first = unit.words[0]
        const last = unit.words.at(-1)
        if (!first || !last) continue
        if (!options.quotations && quotationAround(document, first.start, last.end)) continue
        const grade = sentenceGrade(unit)
        if (grade <= sentenceLimit) continue
        report(file, rule.meta, {
          start: unit.start,
          end: unit.end,
          reason: `Unexpected hard sentence: grade ${round1(grade)} (${unit.words.length} words), over ${round1(sentenceLimit)} for a grade-${options.targetGrade} reader; split it or use shorter words`,
          note: 'The grade is the median of Flesch–Kincaid, Gunning fog, SMOG, Coleman–Liau and ARI for this sentence.'
        })
      }
      // The formulas were fitted on samples of 100 words or more; a brief or a snippet has no article grade.
      const scored = prose.filter((unit) => unit.words.length > 0)
      if (scored.reduce((sum, unit) => sum + unit.words.length, 0) < documentMinWords) return
      const grade = consensusGradeOf(scored)
      if (grade <= documentLimit) return
      // One message for the whole article, at its start, as ESLint places file-level problems.
      report(file, rule.meta, {
        start: 0,
        end: 0,
        reason: `Unexpected article grade ${round1(grade)}, ${round1(grade - documentLimit)} over the limit of ${round1(documentLimit)} for a grade-${options.targetGrade} reader; shorten sentences and prefer common words`,
        note: 'The grade is the median of Flesch–Kincaid, Gunning fog, SMOG, Coleman–Liau and ARI over the running prose (headlines, captions and lists are left out).'
      })
    }
  }
}
