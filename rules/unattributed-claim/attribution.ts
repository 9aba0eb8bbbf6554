import {daleChall} from 'dale-chall'
import {type ArticleDocument, countLeading, type Quotation, type SentenceInfo} from '../../src/kit/index.js'
import lexicon from './lexicon.json' with {type: 'json'}

/** A word of a sentence with what the detectors need to know about its surroundings. */
export interface Token {
  readonly text: string
  /** Lowercase, straight apostrophes: the word's `normal` form. */
  readonly lower: string
  readonly start: number
  readonly end: number
  /** The text between the previous word (or the sentence start) and this one. */
  readonly gap: string
  /** Whether `gap` ends a clause or phrase (see `breaks`): read by every detector, so tested once. */
  readonly broken: boolean
  /** Whether `gap` holds a comma. */
  readonly comma: boolean
  /** First word of its sentence, or first after an opening quotation mark: capitals there prove nothing. */
  readonly initial: boolean
  /** Inside a direct quotation: the words are the speaker's, not the writer's. */
  readonly quoted: boolean
}

const set = (...lists: readonly (readonly string[])[]): ReadonlySet<string> => new Set(lists.flat())

export const words = {
  speech: set(lexicon.attribution.speechVerbs),
  specific: set(lexicon.attribution.specificSources),
  pronouns: set(lexicon.attribution.pronouns),
  titles: set(lexicon.attribution.titles),
  be: set(lexicon.grammar.beForms),
  auxiliaries: set(lexicon.grammar.auxiliaries),
  adverbs: set(lexicon.grammar.adverbs),
  time: set(lexicon.grammar.timeWords),
  clauseStarters: set(lexicon.grammar.clauseStarters),
  clauseOpeners: set(lexicon.grammar.clauseOpeners),
  anaphoric: set(lexicon.grammar.anaphoricDeterminers),
  irregularParticiples: set(lexicon.grammar.irregularParticiples),
  vaguePlural: set(lexicon.vagueSources.plural),
  vagueSingular: set(lexicon.vagueSources.singular),
  hearsay: set(lexicon.hearsayNouns.words)
}

/** Speech words that are as often nouns ("faces claims", "in a statement"): verbs only after a name or pronoun. */
const nounLike = set(lexicon.attribution.nounLike)
const hearsayAdverbs = set(lexicon.hearsayAdverbs.words, lexicon.hedgeAdverbs.words)

const commonCapitalised = set(lexicon.grammar.commonCapitalised)

/**
 * Everyday words: a capitalised one at the start of a sentence is not a name. Dale–Chall's
 * familiar words plus this rule's own vocabulary cover the usual sentence openers.
 */
const ordinary: ReadonlySet<string> = set(
  daleChall,
  [...words.speech, ...words.specific, ...words.pronouns, ...words.be, ...words.auxiliaries, ...words.adverbs],
  [...words.time, ...words.clauseStarters, ...words.clauseOpeners, ...words.anaphoric, ...words.vaguePlural],
  [...words.vagueSingular, ...words.hearsay, ...lexicon.vagueSources.quantifiers, ...lexicon.vagueSources.verbs],
  lexicon.hearsayAdverbs.words,
  lexicon.hedgeAdverbs.words,
  ['it', "it's", 'according', 'however', 'yet', 'also', 'in', 'after', 'before', 'during', 'despite', 'until']
)

function ordinaryWord(lower: string): boolean {
  if (ordinary.has(lower)) return true
  for (const suffix of ['s', 'es', 'ed', 'd', 'ing', 'ly']) {
    if (lower.endsWith(suffix) && ordinary.has(lower.slice(0, -suffix.length))) return true
  }
  return false
}

const capital = /^[\p{Lu}]/u
const closingMark = /[”’"']\s*$/

/**
 * The token at `index`, or `undefined` outside the sentence. Checked rather than read past the
 * array's ends: such a read, first made after the caller was compiled, deoptimises it.
 */
export function tokenAt(tokens: readonly Token[], index: number): Token | undefined {
  return index >= 0 && index < tokens.length ? tokens[index] : undefined
}

/** Capitals and titles are the cue for names (no tagger): "Dr von Hippel", "the SDF", "Reuters". */
export function isName(token: Token): boolean {
  if (isTitle(token.lower)) return true
  if (!capital.test(token.text) || commonCapitalised.has(token.lower)) return false
  if (!token.initial) return true
  return !ordinaryWord(token.lower.replace(/['’]s$/, ''))
}

/** Whether a word is a title ("Dr", "Mr.", "minister"): a cue for a name. */
export function isTitle(lower: string): boolean {
  return words.titles.has(lower.endsWith('.') ? lower.slice(0, -1) : lower)
}

/** A gap that ends a clause or phrase: punctuation other than a hyphen or apostrophe. */
export function breaks(gap: string): boolean {
  return /[,;:()[\]—–"“”‘’…]|\s-\s|--/.test(gap)
}

const openingMark = /[“‘"']\s*$/

/**
 * Closed quotations (an unclosed mark is as likely a stray apostrophe as a quotation) in order of
 * start, with the furthest end any of them up to each one reaches: a word is quoted when some
 * quotation starting before it reaches past its end. A scan of the document's quotations per
 * sentence made long files quadratic.
 */
interface QuotedSpans {
  readonly starts: readonly number[]
  readonly reach: readonly number[]
}

/** The spans of a document without quotations, shared. */
const noSpans: QuotedSpans = {starts: [], reach: []}

function quotedSpans(document: ArticleDocument): QuotedSpans {
  // Many documents have none, or no closed one. Returning early also keeps the code below to
  // arrays of quotations: an empty array is of another kind, and would make it polymorphic.
  if (document.quotations.length === 0) return noSpans
  const closed: Quotation[] = []
  for (const quotation of document.quotations) if (quotation.closed) closed.push(quotation)
  if (closed.length === 0) return noSpans
  closed.sort((a, b) => a.start - b.start)
  const starts: number[] = []
  const reach: number[] = []
  let furthest = -1
  for (const quotation of closed) {
    furthest = Math.max(furthest, quotation.end)
    starts.push(quotation.start)
    reach.push(furthest)
  }
  return {starts, reach}
}

/**
 * A sentence's words, with their gaps and whether they are quoted, by sentence index: made on
 * first use and kept, as most sentences never get past the detectors' first pass.
 */
export function tokenizer(document: ArticleDocument): (index: number) => readonly Token[] {
  const spans = quotedSpans(document)
  // Sized up front: filled out of order, a growing array would turn sparse (slow) in long files.
  const made = new Array<Token[] | undefined>(document.sentences.length)
  return (index) => {
    const sentence = document.sentences[index]
    if (!sentence) return []
    made[index] ??= tokenize(document, sentence, spans)
    return made[index]
  }
}

function tokenize(document: ArticleDocument, sentence: SentenceInfo, {starts, reach}: QuotedSpans): Token[] {
  const {text} = document
  const tokens: Token[] = []
  // The quotations starting before the current word: found by one binary search for the
  // sentence, then moved on word by word, as the words come in order.
  let before = countLeading(starts.length, (index) => (starts[index] as number) < sentence.start)
  let previousEnd = sentence.start
  for (const word of sentence.words) {
    while (before < starts.length && (starts[before] as number) < word.start) before++
    const gap = text.slice(previousEnd, word.start)
    // Most gaps are one space, which neither breaks a phrase nor opens a quotation.
    const plain = gap === ' '
    tokens.push({
      text: word.text,
      lower: word.normal,
      start: word.start,
      end: word.end,
      gap,
      broken: !plain && breaks(gap),
      comma: !plain && gap.includes(','),
      initial: tokens.length === 0 || (!plain && openingMark.test(gap)),
      quoted: before > 0 && (reach[before - 1] as number) >= word.end
    })
    previousEnd = word.end
  }
  return tokens
}

export type SourceKind = 'named' | 'specific' | 'vague' | 'hearsay' | 'other'

/**
 * What a noun phrase says about a source: a name ("Dr Marsh", "Treasury officials"), a specific
 * but unnamed one the reader can identify ("the council", "his lawyer", "police"), a vague group
 * ("experts", "one source"), hearsay ("reports"), or something else.
 */
export function classify(tokens: readonly Token[], from: number, to: number): SourceKind {
  let head: SourceKind = 'other'
  for (let index = from; index < to; index++) {
    const token = tokens[index]
    if (!token) break
    if (isName(token)) return 'named'
    if (/['’]s?$/.test(token.text) && index < to - 1) return 'specific'
    const hearsay = words.hearsay.has(token.lower)
    const vague = words.vaguePlural.has(token.lower) || words.vagueSingular.has(token.lower)
    // In "local media reports" the last noun is the head.
    if ((head === 'vague' || head === 'hearsay') && (hearsay || vague)) head = hearsay ? 'hearsay' : 'vague'
    if (head !== 'other') continue
    if (index === from && words.anaphoric.has(token.lower)) head = 'specific'
    else if (words.pronouns.has(token.lower)) head = 'specific'
    else if (words.hearsay.has(token.lower)) head = 'hearsay'
    else if (words.vaguePlural.has(token.lower) || words.vagueSingular.has(token.lower)) head = 'vague'
    else if (words.specific.has(token.lower)) head = 'specific'
  }
  return head
}

export interface Attribution {
  /** First and one past the last token of the attribution. */
  readonly from: number
  readonly to: number
}

/** Where a phrase ends: the next clause break, at most `limit` words on. */
export function phraseEnd(tokens: readonly Token[], from: number, limit: number): number {
  let index = from
  while (index < tokens.length && index < from + limit) {
    if (index > from && tokens[index]?.broken) break
    index++
  }
  return index
}

/** Where a subject phrase ending just before `to` starts: back to a clause break or opener. */
export function phraseStart(tokens: readonly Token[], to: number, limit: number): number {
  let index = to
  while (index > 0 && index > to - limit) {
    const token = tokens[index - 1]
    if (!token || words.clauseOpeners.has(token.lower)) break
    index--
    if (token.broken) break
  }
  return index
}

/**
 * Named or specific sources the sentence gives: "X said", "said X", "according to X" — outside
 * quotations, and not passives ("X is said to" names no one).
 */
export function attributions(tokens: readonly Token[]): Attribution[] {
  const found: Attribution[] = []
  for (let verb = 0; verb < tokens.length; verb++) {
    const token = tokens[verb]
    if (!token || token.quoted) continue
    if (token.lower === 'according' && tokenAt(tokens, verb + 1)?.lower === 'to') {
      const end = phraseEnd(tokens, verb + 2, 10)
      const kind = classify(tokens, verb + 2, end)
      if (kind === 'named' || kind === 'specific') found.push({from: verb, to: end})
      continue
    }
    if (!words.speech.has(token.lower) || (capital.test(token.text) && !token.initial)) continue
    const before = tokenAt(tokens, verb - 1)
    // "reportedly reads": a hedged verb attributes nothing.
    if (before && hearsayAdverbs.has(before.lower)) continue
    if (nounLike.has(token.lower) && !(before && !token.broken && (words.pronouns.has(before.lower) || isName(before)))) continue
    let subjectEnd = verb
    while (subjectEnd > 0) {
      const before = tokens[subjectEnd - 1]
      if (!before || tokens[subjectEnd]?.broken) break
      if (!words.adverbs.has(before.lower) && !words.auxiliaries.has(before.lower)) break
      subjectEnd--
    }
    const previous = tokenAt(tokens, subjectEnd - 1)
    const passive = previous !== undefined && words.be.has(previous.lower)
    if (!passive && subjectEnd > 0 && !tokens[subjectEnd]?.broken) {
      const start = phraseStart(tokens, subjectEnd, 8)
      const kind = classify(tokens, start, subjectEnd)
      if (kind === 'named' || kind === 'specific') {
        found.push({from: start, to: verb + 1})
        continue
      }
    }
    // Inverted tag: "…, said Dr Marsh." / "“…,” says the council."
    if (token.broken || closingMark.test(token.gap)) {
      const end = phraseEnd(tokens, verb + 1, 10)
      const kind = classify(tokens, verb + 1, end)
      if (kind === 'named' || kind === 'specific') found.push({from: verb, to: end})
    }
  }
  return found
}

/**
 * Whether an attribution covers the whole sentence: it opens it ("Police said …", "According
 * to X, …") or closes it as a tag ("…, the council said on Monday.").
 */
export function governs(tokens: readonly Token[], attribution: Attribution): boolean {
  let first = 0
  while (words.clauseOpeners.has(tokenAt(tokens, first)?.lower ?? '') && first < 2) first++
  if (attribution.from <= first && attribution.to <= first + 12) return true
  const opensClause = attribution.from === 0 || tokens[attribution.from]?.broken === true
  return opensClause && tokens.length - attribution.to <= 6
}

/** Whether a word can be a past participle, so that a following "by" names its agent. */
export function participleLike(token: Token | undefined): boolean {
  if (!token) return false
  return /(ed|en)$/.test(token.lower) || words.irregularParticiples.has(token.lower)
}
