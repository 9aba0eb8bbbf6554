import retextReadability from 'retext-readability'
import {adoptRetext, type Rule} from '../../src/kit/index.js'

export interface ReadabilityOptions {
  /** US school grade a general news reader reads comfortably. */
  readonly targetGrade: number
  /** Sentences shorter than this are not scored (one long word skews a short sentence). */
  readonly minWords: number
  /** How many of retext-readability's seven formulas must agree a sentence is too hard. */
  readonly threshold: number
}

export const rule: Rule<ReadabilityOptions> = {
  meta: {
    id: 'readability',
    description: 'Sentences too hard for the target reader',
    severity: 'warning',
    fixable: false,
    recommended: true,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        targetGrade: {type: 'number', minimum: 1, maximum: 20},
        minWords: {type: 'integer', minimum: 1},
        threshold: {type: 'number', exclusiveMinimum: 0, maximum: 1}
      }
    },
    defaults: {targetGrade: 10, minWords: 8, threshold: 5 / 7}
  },
  plugin(options) {
    // Reading age is school grade plus five (a grade-10 reader is about 15).
    const transformer = retextReadability({
      age: options.targetGrade + 5,
      minWords: options.minWords,
      threshold: options.threshold
    })
    return (tree, file) => adoptRetext(rule.meta, transformer, tree, file)
  }
}
