import {
  getDocument,
  PhraseMatcher,
  quotationAround,
  report,
  type ActiveSeverity,
  type Rule
} from '../../src/kit/index.js'
import lexicon from './lexicon.json' with {type: 'json'}

export interface LexiconEntry {
  readonly phrase: string
  readonly forms: readonly string[]
  readonly category: string
  readonly expected: readonly string[]
  readonly reason: string
  readonly strength: ActiveSeverity
  readonly examples: {readonly bad: readonly string[]; readonly good: readonly string[]}
}

export interface LoadedWordingOptions {
  /** Words (any form) never to flag. */
  readonly allow: readonly string[]
  /** More words, each with its neutral alternatives. */
  readonly words: Readonly<Record<string, readonly string[]>>
  /** Whether to flag loaded words inside attributed quotations too. */
  readonly checkQuotes: boolean
}

export const entries = lexicon as readonly LexiconEntry[]

export const rule: Rule<LoadedWordingOptions> = {
  meta: {
    id: 'loaded-wording',
    description: 'Loaded, emotive or labelling words in the writer’s own voice, with neutral alternatives',
    severity: 'warning',
    fixable: false,
    recommended: true,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allow: {type: 'array', items: {type: 'string', minLength: 1}, uniqueItems: true},
        words: {type: 'object', additionalProperties: {type: 'array', items: {type: 'string'}}},
        checkQuotes: {type: 'boolean'}
      }
    },
    defaults: {allow: [], words: {}, checkQuotes: false}
  },
  plugin(options) {
    const matcher = new PhraseMatcher<LexiconEntry>()
    const allowed = new Set(options.allow.map((word) => word.toLowerCase()))
    for (const entry of entries) {
      if (allowed.has(entry.phrase)) continue
      for (const form of entry.forms) if (!allowed.has(form)) matcher.add(form, entry)
    }
    for (const [word, expected] of Object.entries(options.words)) {
      const phrase = word.toLowerCase()
      matcher.add(phrase, {
        phrase,
        forms: [phrase],
        category: 'custom',
        expected,
        reason: 'Listed as loaded wording in the configuration',
        strength: 'warning',
        examples: {bad: [], good: []}
      })
    }
    return (tree, file) => {
      const document = getDocument(tree, file)
      for (const sentence of document.sentences) {
        for (const match of matcher.match(sentence.words, document.text)) {
          const first = sentence.words[match.from]
          const last = sentence.words[match.to - 1]
          if (!first || !last) continue
          // Capitalised mid-sentence: a name or title ("Bloody Sunday"), not the writer's judgement.
          if (first.index > 0 && /^\p{Lu}/u.test(first.text)) continue
          if (!options.checkQuotes && quotationAround(document, first.start, last.end)) continue
          const actual = document.text.slice(first.start, last.end)
          const expected = match.value.expected
          report(file, rule.meta, {
            start: first.start,
            end: last.end,
            actual,
            expected,
            reason:
              expected.length > 0
                ? `Unexpected loaded wording \`${actual}\`, use ${expected.map((word) => `\`${word}\``).join(' or ')}`
                : `Unexpected loaded wording \`${actual}\``,
            note: match.value.reason,
            weak: match.value.strength === 'info'
          })
        }
      }
    }
  }
}
