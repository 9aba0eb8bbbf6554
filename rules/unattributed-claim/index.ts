import {getDocument, PhraseMatcher, report, type Rule} from '../../src/kit/index.js'
import phrases from './phrases.json' with {type: 'json'}

export interface UnattributedClaimOptions {
  /** More phrases that hide who makes a claim. */
  readonly phrases: readonly string[]
  /** Phrases not to flag. */
  readonly allow: readonly string[]
  /** Whether to flag vague sources ("sources say", "experts warn"). */
  readonly vagueSources: boolean
}

type Kind = 'agentless' | 'vague'

export const rule: Rule<UnattributedClaimOptions> = {
  meta: {
    id: 'unattributed-claim',
    description: 'Claims with no named source: "it is claimed", "X is said to", "reportedly", "sources say"',
    severity: 'warning',
    fixable: false,
    recommended: true,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        phrases: {type: 'array', items: {type: 'string', minLength: 1}, uniqueItems: true},
        allow: {type: 'array', items: {type: 'string', minLength: 1}, uniqueItems: true},
        vagueSources: {type: 'boolean'}
      }
    },
    defaults: {phrases: [], allow: [], vagueSources: true}
  },
  plugin(options) {
    const matcher = new PhraseMatcher<Kind>()
    for (const phrase of [...phrases.agentless, ...phrases.passiveReport, ...options.phrases]) matcher.add(phrase, 'agentless')
    if (options.vagueSources) for (const phrase of phrases.vague) matcher.add(phrase, 'vague')
    const allowed = new Set(options.allow.map((phrase) => phrase.toLowerCase()))
    return (tree, file) => {
      const document = getDocument(tree, file)
      for (const sentence of document.sentences) {
        for (const match of matcher.match(sentence.words, document.text)) {
          const first = sentence.words[match.from]
          const last = sentence.words[match.to - 1]
          if (!first || !last) continue
          const actual = document.text.slice(first.start, last.end)
          if (allowed.has(actual.toLowerCase())) continue
          report(file, rule.meta, {
            start: first.start,
            end: last.end,
            actual,
            reason:
              match.value === 'vague'
                ? `Vague source \`${actual}\`: name who says so`
                : `Claim \`${actual}\` has no source: name who claims it`,
            note: 'Attribute claims the reporter did not witness to a named person, organisation or document.',
            weak: match.value === 'vague'
          })
        }
      }
    }
  }
}
