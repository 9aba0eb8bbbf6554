import {getDocument, type Rule, report} from '../../src/kit/index.js'
import {proseSentences, type SentenceUnit} from '../../src/metrics/index.js'

export interface ParagraphLengthOptions {
  /** Most words a paragraph of running prose may have. */
  readonly maxWords: number
  /** Most sentences a paragraph of running prose may have. */
  readonly maxSentences: number
}

export const rule: Rule<ParagraphLengthOptions> = {
  meta: {
    id: 'paragraph-length',
    description: 'Paragraphs too long for a news column or a phone screen',
    severity: 'info',
    fixable: false,
    recommended: true,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {maxWords: {type: 'integer', minimum: 10}, maxSentences: {type: 'integer', minimum: 1}}
    },
    // News paragraphs carry one idea in one to three sentences; 120 words fill a phone screen.
    defaults: {maxWords: 120, maxSentences: 6}
  },
  plugin(options) {
    return (tree, file) => {
      const document = getDocument(tree, file)
      // In plain text a paragraph is a run of lines between blank lines; elsewhere, the parser's paragraph.
      const paragraphs = new Map<number, SentenceUnit[]>()
      for (const unit of proseSentences(document)) {
        const key = unit.block?.paragraph ?? unit.paragraph
        const list = paragraphs.get(key)
        if (list) list.push(unit)
        else paragraphs.set(key, [unit])
      }
      for (const units of paragraphs.values()) {
        const first = units[0]
        const last = units.at(-1)
        if (!first || !last) continue
        const words = units.reduce((sum, unit) => sum + unit.words.length, 0)
        const problems: string[] = []
        if (words > options.maxWords) problems.push(`${words} words, more than ${options.maxWords}`)
        if (units.length > options.maxSentences) problems.push(`${units.length} sentences, more than ${options.maxSentences}`)
        if (problems.length === 0) continue
        report(file, rule.meta, {
          start: first.start,
          end: last.end,
          reason: `Unexpected long paragraph: ${problems.join(' and ')}; split it`
        })
      }
    }
  }
}
