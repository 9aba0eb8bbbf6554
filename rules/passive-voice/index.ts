import {getDocument, normalizeWord, quotationAround, type Rule, report, spanText} from '../../src/kit/index.js'
import {sentenceUnits} from '../../src/metrics/sentences.js'
import {findPassives, isAuxiliary, type Passive} from './detect.js'

export {findPassives, hasPassive, isParticiple, type Passive} from './detect.js'

export interface PassiveVoiceOptions {
  /** Participles or passive phrases not to report: `born` or `was born` allows every `be born`. */
  readonly allow: readonly string[]
  /** Also report passives that name who acted (`was hit by a car`), one severity lower. */
  readonly withAgent: boolean
  /** Also report passives inside direct quotations (a speaker's words are not the writer's to change). */
  readonly quotations: boolean
  /** Also report hearsay passives (`it is claimed`, `is said to`), which `unattributed-claim` reports as claims. */
  readonly hearsay: boolean
}

// Reporting verbs: in `it is claimed` or `is said to` the missing actor is a source, and the fix is
// attribution, so unattributed-claim owns them; one finding per problem.
const reportingVerbs = new Set([
  'said',
  'claimed',
  'believed',
  'thought',
  'reported',
  'alleged',
  'understood',
  'rumoured',
  'rumored',
  'feared',
  'expected',
  'known',
  'suspected',
  'estimated',
  'considered'
])

function isHearsay(words: readonly {lower: string}[], passive: Passive): boolean {
  const participle = words[passive.participle]?.lower ?? ''
  if (!reportingVerbs.has(participle)) return false
  return words[passive.from - 1]?.lower === 'it' || words[passive.to]?.lower === 'to'
}

/** Whether the user allows this passive, by its participle and any particle (`born`, `pushed out`). */
function isAllowed(allowed: ReadonlySet<string>, words: readonly {lower: string}[], passive: Passive): boolean {
  const verb = words
    .slice(passive.participle, passive.to)
    .map((word) => word.lower)
    .join(' ')
  return allowed.has(verb) || allowed.has(words[passive.participle]?.lower ?? '')
}

export const rule: Rule<PassiveVoiceOptions> = {
  meta: {
    id: 'passive-voice',
    description: 'Passive constructions, agentless ones above all ("was arrested")',
    severity: 'warning',
    fixable: false,
    recommended: true,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allow: {type: 'array', items: {type: 'string', minLength: 1}, uniqueItems: true},
        withAgent: {type: 'boolean'},
        quotations: {type: 'boolean'},
        hearsay: {type: 'boolean'}
      }
    },
    defaults: {allow: [], withAgent: true, quotations: false, hearsay: false}
  },
  plugin(options) {
    // An allowed phrase is known by its last words: the participle and any particle (`born`, `pushed out`).
    const allowed = new Set(
      options.allow.map((phrase) => {
        const words = normalizeWord(phrase).trim().split(/\s+/)
        while (words.length > 1 && isAuxiliary(words[0] ?? '')) words.shift()
        return words.join(' ')
      })
    )
    return (tree, file) => {
      const document = getDocument(tree, file)
      for (const unit of sentenceUnits(document)) {
        for (const passive of findPassives(unit.words, document.text)) {
          const first = unit.words[passive.from]
          const last = unit.words[passive.to - 1]
          const participle = unit.words[passive.participle]
          if (!first || !last || !participle) continue
          if (allowed.size > 0 && isAllowed(allowed, unit.words, passive)) continue
          if (!options.hearsay && isHearsay(unit.words, passive)) continue
          if (!options.quotations && quotationAround(document, first.start, last.end)) continue
          if (passive.agent !== undefined && !options.withAgent) continue
          // `actual` is the flagged source (what editors and fixes slice); the message shows the words as
          // read (entities decoded, markup and line breaks between them dropped).
          const actual = document.text.slice(first.start, last.end)
          const shown = spanText(unit.words, passive.from, passive.to)
          if (passive.agent === undefined) {
            report(file, rule.meta, {
              start: first.start,
              end: last.end,
              actual,
              reason: `Unexpected agentless passive \`${shown}\`, say who did it`,
              note: 'A passive without a `by` phrase hides who acted. Name the actor and use the active voice, or attribute it.'
            })
          } else {
            report(file, rule.meta, {
              start: first.start,
              end: last.end,
              actual,
              reason: `Unexpected passive \`${shown}\`, consider putting the actor first`,
              note: 'The actor is named after `by`; the active voice is usually shorter and clearer.',
              weak: true
            })
          }
        }
      }
    }
  }
}
