import type {WordToken} from '../../src/kit/document.js'
import {normalizeWord} from '../../src/kit/phrases.js'
import lists from './participles.json' with {type: 'json'}

/** A passive construction found in a sentence, as word indices into that sentence. */
export interface Passive {
  /** First word of the verb group (`had` in `had been reduced`). */
  readonly from: number
  /** One past the last word of the verb group (after the particle in `was pushed out`). */
  readonly to: number
  /** The past participle. */
  readonly participle: number
  /** The `by` that introduces the agent, when the passive names who acted. */
  readonly agent?: number
}

const be = new Set(['am', 'is', 'are', 'was', 'were', 'be', 'been', 'being', "isn't", "aren't", "wasn't", "weren't"])
const get = new Set(['get', 'gets', 'got', 'gotten', 'getting'])
const have = new Set(['have', 'has', 'had', 'having', "haven't", "hasn't", "hadn't", "'ve", "'d"])
const modal = new Set([
  'will',
  'would',
  'can',
  'could',
  'may',
  'might',
  'must',
  'shall',
  'should',
  "won't",
  "wouldn't",
  "can't",
  'cannot',
  "couldn't",
  "mightn't",
  "mustn't",
  "shouldn't"
])
/** A word of the verb group before a participle: be, get, have, a modal, or `not`. */
export function isAuxiliary(word: string): boolean {
  return be.has(word) || get.has(word) || have.has(word) || modal.has(word) || word === 'not'
}

const irregular = new Set(lists.irregular)
const notParticiples = new Set(lists.notParticiples)
const adjectival = new Set(lists.adjectival)
const idioms: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(lists.idioms))
const unVerbs = new Set(lists.unVerbs)
const prefixes = new Set(lists.prefixes)
const particles = new Set(lists.particles)
const degree = new Set(lists.degree)
const adverbs = new Set(lists.adverbs)

// `by` followed by these gives a time, a means or an amount, not who acted ("by Friday", "by car", "by 5%").
const notAgents = new Set([
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'today',
  'tomorrow',
  'tonight',
  'midnight',
  'noon',
  'dawn',
  'dusk',
  'then',
  'now',
  'far',
  'end',
  'time',
  'close',
  'middle',
  'start',
  'beginning',
  'year',
  'month',
  'week',
  'weekend',
  'morning',
  'afternoon',
  'evening',
  'night',
  'car',
  'road',
  'rail',
  'train',
  'air',
  'sea',
  'boat',
  'bus',
  'plane',
  'hand',
  'mistake',
  'accident',
  'chance',
  'default',
  'phone',
  'email',
  'e-mail',
  'post',
  'letter',
  'percent',
  'per',
  'about',
  'around',
  'almost',
  'nearly',
  'more',
  'less',
  'up',
  'over',
  'law',
  'way',
  'name',
  'design',
  'itself',
  'themselves',
  'himself',
  'herself',
  'half',
  'third',
  'quarter',
  'fifth',
  'tenth',
  'fraction',
  'factor',
  'margin',
  'much',
  'lot',
  'bit',
  'two-thirds',
  'three-quarters'
])
const determiners = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their'])
const maxBetween = 3
const agentWindow = 7

const startsLower = /^\p{Ll}/u
const hasDigit = /\p{N}/u

function beForm(lower: string): boolean {
  // `they're`, `we're`: a contracted `are` cannot be a possessive, unlike `'s`.
  return be.has(lower) || lower.endsWith("'re")
}

function isAdverb(lower: string): boolean {
  return adverbs.has(lower) || degree.has(lower) || (lower.length > 4 && lower.endsWith('ly'))
}

/** Whether a word is a past participle: irregular from the list, or a regular -ed form. */
export function isParticiple(word: string): boolean {
  return startsLower.test(word) && isParticipleKey(normalizeWord(word))
}

/** `isParticiple` of a word that starts with a lowercase letter, given its `normalizeWord` form. */
function isParticipleKey(lower: string): boolean {
  const dash = lower.lastIndexOf('-')
  if (dash !== -1) {
    // `re-elected`, `co-opted` are verbs; `well-known`, `U.S.-backed` are adjectives.
    const prefix = lower.slice(0, dash)
    return prefixes.has(prefix) && isParticiple(lower.slice(dash + 1))
  }
  if (irregular.has(lower)) return true
  if (notParticiples.has(lower) || lower.length < 4 || !lower.endsWith('ed')) return false
  return true
}

/** Whether `be`/`get` + this participle describes a state (`was tired`, `is unharmed`), not an action. */
function isAdjectival(lower: string, next: readonly string[]): boolean {
  if (adjectival.has(lower)) return true
  // Un- adjectives (`unarmed`, `unnamed`, `unharmed`) have no verb behind them; `uncovered`, `unveiled` do.
  if (lower.startsWith('un') && !lower.startsWith('under') && !unVerbs.has(lower)) return true
  const idiom = idioms.get(lower)
  if (idiom && next.length > 0) {
    for (const phrase of idiom) {
      const words = phrase.split(' ')
      if (words.every((word, index) => next[index] === word)) {
        // `was used to kill` is a passive; `is used to working`, `is used to it` are not.
        if (lower === 'used')
          return /ing$/.test(next[1] ?? '') || determiners.has(next[1] ?? '') || /^(it|them|him|her)$/.test(next[1] ?? '')
        return true
      }
    }
  }
  return false
}

// Inline markup between two words (`was *closed*`, `was <em>closed</em>`, `&nbsp;`) is not punctuation.
const markup = /<[^>]*>|&(?:nbsp|#160|#xa0);|[*_~`]/gi

/** What separates two words in the file, inline markup removed. */
function gap(text: string, left: WordToken, right: WordToken): string {
  return text.slice(left.end, right.start).replace(markup, ' ')
}

/** Whether one space separates two words, as it mostly does: no markup or punctuation to look for. */
function oneSpace(text: string, left: WordToken, right: WordToken): boolean {
  return right.start === left.end + 1 && text.charCodeAt(left.end) === 32
}

/** Whether only white space separates two words (no comma, dash or bracket). */
function adjacent(text: string, left: WordToken, right: WordToken): boolean {
  return oneSpace(text, left, right) || /^\s+$/.test(gap(text, left, right))
}

const curlyApostrophe = /[’‘`]/

/** `normalizeWord` of a word, from its lowercase form: most words have no apostrophe to straighten. */
function normalized(word: WordToken): string {
  return curlyApostrophe.test(word.lower) ? normalizeWord(word.lower) : word.lower
}

/**
 * Passives found per sentence, by the sentence's words (which belong to one text): the rule and
 * the document metrics both ask for the same sentences.
 */
const passivesBySentence = new WeakMap<readonly WordToken[], readonly Passive[]>()

/**
 * Passive constructions in a sentence: a form of `be` or `get`, up to three adverbs or `not`, and a
 * past participle (regular or irregular), with an optional particle (`pushed out`). A preceding
 * `have` (`had been reduced`) or modal (`could be killed`) joins the span. A `by` phrase within a
 * few words that names someone, not a time or means, makes it a passive with an agent.
 */
export function findPassives(words: readonly WordToken[], text: string): readonly Passive[] {
  let passives = passivesBySentence.get(words)
  if (!passives) {
    passives = detectPassives(words, text)
    passivesBySentence.set(words, passives)
  }
  return passives
}

function detectPassives(words: readonly WordToken[], text: string): readonly Passive[] {
  const lower = words.map(normalized)
  const found: Passive[] = []
  let index = 0
  while (index < words.length) {
    const first = lower[index] ?? ''
    const isGet = get.has(first)
    if (!beForm(first) && !isGet) {
      index++
      continue
    }
    // "There were reported cases": after existential `there` the participle is an adjective.
    if (index > 0 && lower[index - 1] === 'there') {
      index++
      continue
    }
    let at = index + 1
    let between = 0
    let graded = false
    let broken = false
    while (at < words.length && between <= maxBetween) {
      const current = lower[at] ?? ''
      const previous = words[at - 1]
      const word = words[at]
      if (!previous || !word || !adjacent(text, previous, word)) {
        broken = true
        break
      }
      if (beForm(current) && !isGet) {
        at++
        continue
      }
      if (isParticipleAt(words, lower, at) || !isAdverb(current)) break
      if (degree.has(current)) graded = true
      between++
      at++
    }
    const participle = words[at]
    const participleLower = lower[at] ?? ''
    if (broken || !participle || !isParticipleAt(words, lower, at) || graded) {
      index = Math.max(index + 1, at)
      continue
    }
    const following = lower.slice(at + 1, at + 4)
    if (isAdjectival(participleLower, following) && lower[at + 1] !== 'by') {
      index = at + 1
      continue
    }
    let end = at + 1
    const particle = words[end]
    if (particle && particles.has(lower[end] ?? '') && adjacent(text, participle, particle)) end++
    let from = index
    const before = lower[from - 1]
    if (before !== undefined && (have.has(before) || before.endsWith("'ve") || modal.has(before) || before.endsWith("'ll"))) {
      const previous = words[from - 1]
      const current = words[from]
      if (previous && current && adjacent(text, previous, current) && /^[a-z']+$/.test(before)) from--
    }
    const agent = findAgent(words, lower, text, end)
    found.push({from, to: end, participle: at, ...(agent === undefined ? {} : {agent})})
    index = end
  }
  return found
}

function isParticipleAt(words: readonly WordToken[], lower: readonly string[], at: number): boolean {
  const word = words[at]
  return word !== undefined && startsLower.test(word.text) && isParticipleKey(lower[at] ?? '')
}

function findAgent(words: readonly WordToken[], lower: readonly string[], text: string, from: number): number | undefined {
  for (let at = from; at < Math.min(words.length, from + agentWindow); at++) {
    const previous = words[at - 1]
    const word = words[at]
    // A comma, semicolon or dash ends the clause the passive belongs to.
    if (previous && word && !oneSpace(text, previous, word) && /[,;:—–()]|&[mn]dash;/.test(gap(text, previous, word)))
      return undefined
    if (lower[at] !== 'by') continue
    let next = at + 1
    while (determiners.has(lower[next] ?? '') && next < at + 3) next++
    const head = lower[next]
    if (head === undefined || hasDigit.test(head) || notAgents.has(head) || head.endsWith('ing')) return undefined
    return at
  }
  return undefined
}

/** Whether a sentence has at least one passive: what the metrics count, whatever the config. */
export function hasPassive(words: readonly WordToken[], text: string): boolean {
  return findPassives(words, text).length > 0
}
