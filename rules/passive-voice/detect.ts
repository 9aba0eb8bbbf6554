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
  readonly agent: number | undefined
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

/** Whether a text starts with a lowercase letter (`startsLower`), without the pattern for ASCII. */
function startsLowercase(text: string): boolean {
  const code = text.charCodeAt(0)
  if (code < 0x80) return code >= 0x61 && code <= 0x7a
  return startsLower.test(text)
}

/** The forms of `be` and `get` by word, for the first test of every word. */
const openers: ReadonlyMap<string, 'be' | 'get'> = new Map([
  ...[...be].map((word) => [word, 'be'] as const),
  ...[...get].map((word) => [word, 'get'] as const)
])

function beForm(lower: string): boolean {
  // `they're`, `we're`: a contracted `are` cannot be a possessive, unlike `'s`.
  return be.has(lower) || lower.endsWith("'re")
}

function isAdverb(lower: string): boolean {
  return adverbs.has(lower) || degree.has(lower) || (lower.length > 4 && lower.endsWith('ly'))
}

/** Whether a word is a past participle: irregular from the list, or a regular -ed form. */
export function isParticiple(word: string): boolean {
  return startsLowercase(word) && isParticipleKey(normalizeWord(word))
}

/** `isParticiple` of a word that starts with a lowercase letter, given its `normalizeWord` form. */
function isParticipleKey(lower: string): boolean {
  const dash = lower.lastIndexOf('-')
  if (dash !== -1) return isPrefixedParticiple(lower, dash)
  if (irregular.has(lower)) return true
  if (notParticiples.has(lower) || lower.length < 4 || !lower.endsWith('ed')) return false
  return true
}

/** `re-elected`, `co-opted` are verbs; `well-known`, `U.S.-backed` are adjectives. */
function isPrefixedParticiple(lower: string, dash: number): boolean {
  return prefixes.has(lower.slice(0, dash)) && isParticiple(lower.slice(dash + 1))
}

/** The idioms' phrases split into words once, not at every participle that has one. */
const idiomWords: ReadonlyMap<string, readonly (readonly string[])[]> = new Map(
  [...idioms].map(([participle, phrases]) => [participle, phrases.map((phrase) => phrase.split(' '))])
)

/**
 * Whether `be`/`get` + the participle at `at` describes a state (`was tired`, `is unharmed`), not
 * an action. The idioms look at the (up to three) words after it.
 */
function isAdjectival(words: readonly WordToken[], at: number): boolean {
  const lower = normalAt(words, at)
  if (adjectival.has(lower)) return true
  // Un- adjectives (`unarmed`, `unnamed`, `unharmed`) have no verb behind them; `uncovered`, `unveiled` do.
  if (lower.startsWith('un') && !lower.startsWith('under') && !unVerbs.has(lower)) return true
  const idiom = idiomWords.get(lower)
  if (idiom && at + 1 < words.length) {
    // Only the three words after the participle are compared.
    const next = (offset: number): string | undefined => (offset < 3 ? wordAt(words, at + 1 + offset)?.normal : undefined)
    for (const phrase of idiom) {
      if (phrase.every((word, offset) => next(offset) === word)) {
        // `was used to kill` is a passive; `is used to working`, `is used to it` are not.
        if (lower === 'used') {
          const after = next(1) ?? ''
          return after.endsWith('ing') || determiners.has(after) || objectPronouns.has(after)
        }
        return true
      }
    }
  }
  return false
}

const objectPronouns = new Set(['it', 'them', 'him', 'her'])

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

/*
 * The word at an index, and its `normal` form ('' past either end). The detector reads words ahead
 * and behind; an explicit bounds check keeps those reads in bounds, which V8 optimises (a read
 * past the end of an array deoptimises the function that made it).
 */
function wordAt(words: readonly WordToken[], index: number): WordToken | undefined {
  return index >= 0 && index < words.length ? words[index] : undefined
}

function normalAt(words: readonly WordToken[], index: number): string {
  return index >= 0 && index < words.length ? (words[index] as WordToken).normal : ''
}

/**
 * A passive in a sentence. One class, so every passive has one shape, with or without an agent:
 * the rule and the metrics read them in the same few functions.
 */
class PassiveRecord implements Passive {
  constructor(
    readonly from: number,
    readonly to: number,
    readonly participle: number,
    readonly agent: number | undefined
  ) {}
}

const noPassives: readonly Passive[] = Object.freeze([])

/*
 * Passives are kept on the sentence's array of words they were found in: the rule and the document
 * metrics ask for the same sentences (`sentenceUnits`). A hidden property, not a WeakMap, for the
 * reasons given in src/kit/document.ts (V8 keeps WeakMap values alive until a full collection).
 */
const passivesSlot = Symbol('copydesk.passives')

interface WithPassives {
  [passivesSlot]?: readonly Passive[]
}

/**
 * Passive constructions in a sentence: a form of `be` or `get`, up to three adverbs or `not`, and a
 * past participle (regular or irregular), with an optional particle (`pushed out`). A preceding
 * `have` (`had been reduced`) or modal (`could be killed`) joins the span. A `by` phrase within a
 * few words that names someone, not a time or means, makes it a passive with an agent.
 */
export function findPassives(words: readonly WordToken[], text: string): readonly Passive[] {
  let passives = (words as WithPassives)[passivesSlot]
  if (!passives) {
    passives = detectPassives(words, text)
    // A frozen list (a caller's own) cannot hold the cache; it is rare enough to detect again.
    // Stored, not defined: `Object.defineProperty` goes through the runtime, and cost more than
    // detecting the passives of most sentences. A symbol key still stays out of JSON and `Object.keys`.
    if (Object.isExtensible(words)) (words as WithPassives)[passivesSlot] = passives
  }
  return passives
}

/** The passives `passiveFrom` found in the sentence being read; emptied by `detectPassives`. */
const pending: Passive[] = []

function detectPassives(words: readonly WordToken[], text: string): readonly Passive[] {
  let index = 0
  while (index < words.length) {
    const first = normalAt(words, index)
    // Most words start no passive: one lookup for both verbs is all most words get. The rest is
    // its own function, so V8 optimises this loop small and before it has seen every path there.
    // Always a string (`''` for most words): comparing `undefined` with 'get' deoptimised the loop.
    const opener = openers.get(first) ?? ''
    if (opener === '' && !first.endsWith("'re")) index++
    else index = passiveFrom(words, text, index, opener === 'get')
  }
  // Most sentences have none: they share one empty list.
  if (pending.length === 0) return noPassives
  const found = pending.slice()
  pending.length = 0
  return found
}

/**
 * Reads a passive that may start at `index`, a form of `be` or `get`: adds it to `pending` if there
 * is one; returns where to read on.
 */
function passiveFrom(words: readonly WordToken[], text: string, index: number, isGet: boolean): number {
  // "There were reported cases": after existential `there` the participle is an adjective.
  if (normalAt(words, index - 1) === 'there') return index + 1
  let at = index + 1
  let between = 0
  let graded = false
  let broken = false
  while (at < words.length && between <= maxBetween) {
    const current = normalAt(words, at)
    if (!adjacent(text, words[at - 1] as WordToken, words[at] as WordToken)) {
      broken = true
      break
    }
    if (!isGet && beForm(current)) {
      at++
      continue
    }
    if (isParticipleAt(words, at) || !isAdverb(current)) break
    if (degree.has(current)) graded = true
    between++
    at++
  }
  const participle = wordAt(words, at)
  if (broken || !participle || !isParticipleAt(words, at) || graded) return Math.max(index + 1, at)
  if (isAdjectival(words, at) && normalAt(words, at + 1) !== 'by') return at + 1
  let end = at + 1
  const particle = wordAt(words, end)
  if (particle && particles.has(particle.normal) && adjacent(text, participle, particle)) end++
  let from = index
  if (from > 0) {
    const before = normalAt(words, from - 1)
    if (have.has(before) || before.endsWith("'ve") || modal.has(before) || before.endsWith("'ll")) {
      if (adjacent(text, words[from - 1] as WordToken, words[from] as WordToken) && /^[a-z']+$/.test(before)) from--
    }
  }
  pending.push(new PassiveRecord(from, end, at, findAgent(words, text, end)))
  return end
}

function isParticipleAt(words: readonly WordToken[], at: number): boolean {
  const word = wordAt(words, at)
  return word !== undefined && startsLowercase(word.text) && isParticipleKey(word.normal)
}

function findAgent(words: readonly WordToken[], text: string, from: number): number | undefined {
  for (let at = from; at < Math.min(words.length, from + agentWindow); at++) {
    // A comma, semicolon or dash ends the clause the passive belongs to.
    if (at > 0) {
      const previous = words[at - 1] as WordToken
      const word = words[at] as WordToken
      if (!oneSpace(text, previous, word) && /[,;:—–()]|&[mn]dash;/.test(gap(text, previous, word))) return undefined
    }
    if (normalAt(words, at) !== 'by') continue
    let next = at + 1
    while (determiners.has(normalAt(words, next)) && next < at + 3) next++
    if (next >= words.length) return undefined
    const head = normalAt(words, next)
    if (hasDigit.test(head) || notAgents.has(head) || head.endsWith('ing')) return undefined
    return at
  }
  return undefined
}

/** Whether a sentence has at least one passive: what the metrics count, whatever the config. */
export function hasPassive(words: readonly WordToken[], text: string): boolean {
  return findPassives(words, text).length > 0
}
