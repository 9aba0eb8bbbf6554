import {
  getDocument,
  normalizeWord,
  PhraseMatcher,
  quotationAround,
  type Rule,
  report,
  type SentenceInfo,
  type WordToken
} from '../../src/kit/index.js'
import data from './phrases.json' with {type: 'json'}

export interface SimplerWordingOptions {
  /** Phrases of the list not to report, as the messages show them (`utilise`, `in order to`). */
  readonly allow: readonly string[]
  /** Also report phrases inside direct quotations (a speaker's words are not the writer's to change). */
  readonly quotations: boolean
}

interface Pattern {
  readonly replace: readonly string[]
  readonly omit?: boolean
}

const patterns: Readonly<Record<string, Pattern>> = data.phrases

/** The phrase list's keys in one canonical form, so `Utilise`, `in  order to` and `in order to` are one entry. */
export function phraseKey(phrase: string): string {
  return normalizeWord(phrase).trim().split(/\s+/).join(' ')
}

function describe(actual: string, pattern: Pattern): string {
  const expected = pattern.replace.map((word) => `\`${word}\``).join(', ')
  if (pattern.omit)
    return expected ? `Unexpected \`${actual}\`, remove it, or use ${expected} instead` : `Unexpected \`${actual}\`, remove it`
  return `Unexpected \`${actual}\`, use ${expected} instead`
}

/**
 * The phrase list as one trie, with a first pass: a phrase matches only in a sentence holding its
 * longest (so likely rarest) word, and most sentences hold none, so the trie walk is skipped for them.
 */
class Phrases {
  readonly matcher = new PhraseMatcher<Pattern>()
  private readonly keys = new Set<string>()
  /** The most words a phrase has. */
  private longest = 0

  add(phrase: string, pattern: Pattern): void {
    this.matcher.add(phrase, pattern)
    const words = phrase.trim().split(/\s+/).map(normalizeWord)
    this.keys.add(longestWord(words))
    this.longest = Math.max(this.longest, words.length)
  }

  /**
   * Where in the sentence a phrase may start (-1 for nowhere): a phrase holds its key, so none
   * starts more than its length before the first key in the sentence, and the trie walk can skip
   * the words before that.
   */
  firstStart(sentence: SentenceInfo): number {
    const {words} = sentence
    // Keys are normalized words, as each word's `normal` form is.
    for (let index = 0; index < words.length; index++) {
      if (this.keys.has((words[index] as WordToken).normal)) return Math.max(0, index - this.longest + 1)
    }
    return -1
  }
}

function longestWord(list: readonly string[]): string {
  return list.reduce((longest, word) => (word.length > longest.length ? word : longest), '')
}

export const rule: Rule<SimplerWordingOptions> = {
  meta: {
    id: 'simpler-wording',
    description: 'Phrases with simpler alternatives',
    severity: 'info',
    fixable: false,
    recommended: true,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allow: {type: 'array', items: {type: 'string', minLength: 1}, uniqueItems: true},
        quotations: {type: 'boolean'}
      }
    },
    defaults: {allow: [], quotations: false}
  },
  plugin(options) {
    // One trie for the whole list: a single pass per sentence instead of one tree search per phrase.
    const allowed = new Set(options.allow.map(phraseKey))
    const phrases = new Phrases()
    for (const [phrase, pattern] of Object.entries(patterns)) {
      if (!allowed.has(phraseKey(phrase))) phrases.add(phrase, pattern)
    }
    return (tree, file) => {
      const document = getDocument(tree, file)
      for (const sentence of document.sentences) {
        const start = phrases.firstStart(sentence)
        if (start === -1) continue
        for (const match of phrases.matcher.match(sentence.words, document.text, start)) {
          const first = sentence.words[match.from]
          const last = sentence.words[match.to - 1]
          if (!first || !last) continue
          if (!options.quotations && quotationAround(document, first.start, last.end)) continue
          // `actual` is always the flagged source, so editors and fixes can find it by its range.
          const actual = document.text.slice(first.start, last.end)
          report(file, rule.meta, {
            start: first.start,
            end: last.end,
            actual,
            expected: match.value.replace,
            reason: describe(actual, match.value)
          })
        }
      }
    }
  }
}
