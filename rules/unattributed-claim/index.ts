import {toString as nlcstToString} from 'nlcst-to-string'
import type {RE2JS} from 're2js'
import {
  type ArticleDocument,
  type Block,
  countLeading,
  findAll,
  getDocument,
  matchesWhole,
  normalizeWord,
  PhraseMatcher,
  patternFormat,
  type Quotation,
  type Rule,
  report,
  type SentenceInfo,
  spanText,
  splitPatterns,
  type WordToken
} from '../../src/kit/index.js'
import {
  type Attribution,
  attributions,
  classify,
  governs,
  isName,
  isTitle,
  participleLike,
  phraseEnd,
  type Token,
  tokenAt,
  tokenizer,
  words
} from './attribution.js'
import lexicon from './lexicon.json' with {type: 'json'}

export interface UnattributedClaimOptions {
  /** More phrases that hide who makes a claim; `/pattern/flags` is searched in each sentence (RE2 syntax). */
  readonly phrases: readonly string[]
  /** Phrases not to flag, as they appear in the text ("apparently", "it is understood"), or `/pattern/flags` matching all of one. */
  readonly allow: readonly string[]
  /** Whether to flag vague sources ("sources say", "experts warn"). */
  readonly vagueSources: boolean
  /** Whether to flag direct quotations with no speaker nearby. */
  readonly quotations: boolean
}

/** `agentless`: nobody makes the claim; `vague`: an unnamed group does. */
type Kind = 'agentless' | 'vague'

interface Finding {
  /** First and one past the last token. */
  readonly from: number
  readonly to: number
  readonly kind: Kind
}

const set = (list: readonly string[]): ReadonlySet<string> => new Set(list)
const hearsayAdverbs = set(lexicon.hearsayAdverbs.words)
const chargeContext = set(lexicon.hearsayAdverbs.notAfter)
const hedgeAdverbs = set(lexicon.hedgeAdverbs.words)
const hedgeNotAfter = set(lexicon.hedgeAdverbs.notAfter)
const expletiveParticiples = set(lexicon.expletiveReporting.participles)
const intransitive = set(lexicon.expletiveReporting.intransitive)
const raising = set(lexicon.raisingReporting.participles)
const perfectCharacterising = set(lexicon.characterising.perfect)
const diffusedCharacterising = set(lexicon.characterising.diffused)
const diffusionAdverbs = set(lexicon.characterising.diffusionAdverbs)
const diffusedBare = set(lexicon.characterising.diffusedBare)
const definitional = set(lexicon.raisingReporting.definitional.words)
const judgements = set(lexicon.vagueSources.judgements.words)
const vagueVerbs = set(lexicon.vagueSources.verbs)
const tagVerbs = set(lexicon.vagueSources.tagVerbs)
const singularDeterminers = set(lexicon.vagueSources.singularDeterminers)
const needQuantifier = set(lexicon.vagueSources.needQuantifier)
const vaguePronouns = set(lexicon.vagueSources.pronouns)
const quantifiers = set(lexicon.vagueSources.quantifiers)
const expletives = set(['it', "it's"])
/** After these, a characterising participle has another sense: "called to give evidence", "seen off". */
const particles = set(['to', 'off', 'up', 'in', 'for', 'on', 'back', 'out', 'into', 'upon', 'at', 'down', 'away'])
/** Prepositions that open a post-modifier of a source: "sources close to", "critics of". */
const postModifiers = set([
  'close',
  'familiar',
  'in',
  'at',
  'from',
  'within',
  'inside',
  'on',
  'with',
  'including',
  'such',
  'like',
  'among',
  'across',
  'around',
  'of',
  'near',
  'involved',
  'working',
  'based',
  'who',
  'that',
  'for',
  'to',
  'as'
])
const prepositions = set([
  'of',
  'in',
  'at',
  'on',
  'from',
  'to',
  'with',
  'by',
  'for',
  'about',
  'among',
  'between',
  'against',
  'over',
  'under',
  'into',
  'than',
  'like',
  'as'
])

/** Words that can head a vague source ("sources", "some", "one insider", "many people"). */
const vagueHeads = set([...vaguePronouns, ...words.vagueSingular, ...needQuantifier, ...words.vaguePlural])
/** Words that link a vague head to a claim: its verb ("experts say"), a tag ("…, say critics") or "by". */
const vagueLinks = [...vagueVerbs, ...tagVerbs, 'by']
/** Words that open a claim on their own: the hearsay and hedge adverbs, "according". */
const claimOpeners = [...hearsayAdverbs, ...hedgeAdverbs, 'according']
/** The participles of expletive and agentless reporting passives ("it is claimed", "is said to"). */
const reportingParticiples = [
  ...expletiveParticiples,
  ...intransitive,
  ...raising,
  ...perfectCharacterising,
  ...diffusedCharacterising,
  ...diffusedBare,
  'regarded',
  'considered'
]
/** What comes straight before such a participle: the end of its verb group, or the expletive subject. */
const verbGroupEnds = [...words.be, ...words.auxiliaries, ...words.adverbs, ...diffusionAdverbs, ...expletives]

/**
 * What a word can set off, for the first pass over a sentence (bit flags). Each detector starts
 * on a word of one flag, which `detect` relies on to skip it elsewhere: `claim` for `hedge` and
 * `according`, `verbGroupEnd` for `expletive` ("it") and `passive` (a form of "be" or an
 * auxiliary), `vagueHead` for `vagueSubject`, `vagueLink` for `vagueTag` and `vagueBy`.
 */
const cue = {claim: 1, participle: 2, verbGroupEnd: 4, vagueHead: 8, vagueLink: 16, phrase: 32} as const

/**
 * The first pass over a sentence: one lookup per word says which detectors could fire in it.
 * Most sentences hold no such word, and are never tokenized or analysed.
 */
class FirstPass {
  private readonly cues = new Map<string, number>()
  /**
   * The cues of each word of the sentence last passed to `cuesIn`, by word index (which is also
   * its token index): the detectors run only on the words that can set them off. One array reused
   * for every sentence, as most sentences are dropped after this pass.
   */
  readonly wordCues: number[] = []

  add(list: Iterable<string>, flag: number): this {
    for (const word of list) {
      const key = normalizeWord(word)
      this.cues.set(key, (this.cues.get(key) ?? 0) | flag)
    }
    return this
  }

  /** The cues of all the sentence's words. */
  cuesIn(sentence: SentenceInfo): number {
    const {words} = sentence
    const wordCues = this.wordCues
    let found = 0
    let afterVerbGroup = false
    for (let index = 0; index < words.length; index++) {
      // Keys are normalized words, as `normal` is: no lowercasing or apostrophe test per word.
      const cues = this.cues.get((words[index] as WordToken).normal) ?? 0
      wordCues[index] = cues
      // A reporting participle counts only after its verb group ("is said", "it emerged"), not in "he said".
      found |= afterVerbGroup ? cues : cues & ~cue.participle
      afterVerbGroup = (cues & cue.verbGroupEnd) !== 0
    }
    return found
  }
}

/** What one sentence is searched for. */
interface Search {
  readonly firstPass: FirstPass
  readonly phrases: PhraseMatcher<Kind>
  readonly patterns: readonly RE2JS[]
  readonly vague: boolean
}

function search(phrases: readonly string[], patterns: readonly RE2JS[], vague: boolean): Search {
  const matcher = new PhraseMatcher<Kind>()
  for (const phrase of phrases) matcher.add(phrase, 'agentless')
  const firstPass = new FirstPass()
    .add(claimOpeners, cue.claim)
    .add(reportingParticiples, cue.participle)
    .add(verbGroupEnds, cue.verbGroupEnd)
    .add(vagueHeads, cue.vagueHead)
    .add(vagueLinks, cue.vagueLink)
    // A phrase matches only in a sentence holding its longest (so likely rarest) word.
    .add(
      phrases.map((phrase) => longestWord(phrase.trim().split(/\s+/))),
      cue.phrase
    )
  return {firstPass, phrases: matcher, patterns, vague}
}

function longestWord(list: readonly string[]): string {
  return list.reduce((longest, word) => (word.length > longest.length ? word : longest), '')
}

/** The token at an index, or `undefined` outside the sentence (see `tokenAt`). */
const at = tokenAt
const lower = (tokens: readonly Token[], index: number): string => tokenAt(tokens, index)?.lower ?? ''
/** Whether the word at `index` continues the phrase before it (no punctuation between). */
const joined = (tokens: readonly Token[], index: number): boolean => {
  const token = tokenAt(tokens, index)
  return token !== undefined && !token.broken
}

/** "by some", "by critics", "by one source" after `index`: a vague agent, its last token. */
function vagueAgent(tokens: readonly Token[], index: number): number | undefined {
  const head = vagueAgentHead(tokens, index)
  if (head === undefined) return undefined
  // "by imaging experts from the TNO laboratory": the group is named after all.
  const end = phraseEnd(tokens, head + 1, 8)
  for (let inner = head + 1; inner < end; inner++) {
    const token = at(tokens, inner)
    if (token && isName(token)) return undefined
  }
  return head
}

function vagueAgentHead(tokens: readonly Token[], index: number): number | undefined {
  if (lower(tokens, index) !== 'by' || !joined(tokens, index + 1)) return undefined
  const first = index + 1
  if (vaguePronouns.has(lower(tokens, first))) {
    // "by many for …", "by some as …"; but "by some 200 residents" counts heads.
    const next = at(tokens, first + 1)
    if (!next || next.broken || prepositions.has(next.lower) || next.lower === 'that') return first
    if (/^\d/.test(next.text)) return undefined
  }
  for (let head = first; head < first + 4 && joined(tokens, head); head++) {
    const token = at(tokens, head)
    if (!token || isName(token) || words.anaphoric.has(token.lower) || prepositions.has(token.lower)) return undefined
    if (words.vaguePlural.has(token.lower)) return head
    if (needQuantifier.has(token.lower) && head > first && quantifiers.has(lower(tokens, head - 1))) return head
    if (words.vagueSingular.has(token.lower) && singularDeterminers.has(lower(tokens, first))) return head
  }
  return undefined
}

/** "by police", "by The Times", "in the Guardian": an agent the reader can identify. */
function namedAgent(tokens: readonly Token[], index: number): boolean {
  if (!['by', 'in', 'from'].includes(lower(tokens, index))) return false
  const end = phraseEnd(tokens, index + 1, 8)
  const kind = classify(tokens, index + 1, end)
  return kind === 'named' || kind === 'specific'
}

/** A source named by "by …" later in the clause ("is not thought to be in Syria by the SDF"). */
function agentLater(tokens: readonly Token[], from: number): 'named' | 'vague' | undefined {
  const end = phraseEnd(tokens, from, 14)
  for (let index = from; index < end; index++) {
    if (lower(tokens, index) !== 'by' || participleLike(at(tokens, index - 1))) continue
    if (vagueAgent(tokens, index) !== undefined) return 'vague'
    if (namedAgent(tokens, index)) return 'named'
  }
  return undefined
}

/** A chain of auxiliaries and adverbs from `from`: where it ends and what it holds. */
function verbChain(tokens: readonly Token[], from: number) {
  let index = from
  let be = false
  let perfect = false
  let diffused = false
  while (index < tokens.length && (index === from || joined(tokens, index))) {
    const word = lower(tokens, index)
    if (words.be.has(word)) {
      be = true
      if (word === 'been' && ['has', 'have', 'had', "hasn't", "haven't", "hadn't"].includes(lower(tokens, index - 1)))
        perfect = true
    } else if (diffusionAdverbs.has(word)) diffused = true
    else if (!words.auxiliaries.has(word) && !words.adverbs.has(word)) break
    index++
  }
  return {end: index, be, perfect, diffused}
}

/** "it is claimed", "it has emerged that": an empty subject where the source should be. */
function expletive(tokens: readonly Token[], index: number): Finding | undefined {
  const subject = lower(tokens, index)
  if (!expletives.has(subject)) return undefined
  const chain = verbChain(tokens, index + 1)
  const participle = at(tokens, chain.end)
  if (!participle || !joined(tokens, chain.end)) return undefined
  const be = chain.be || subject === "it's"
  if (!(be && expletiveParticiples.has(participle.lower)) && !(!be && intransitive.has(participle.lower))) return undefined
  let next = chain.end + 1
  while (next < chain.end + 5 && joined(tokens, next) && words.time.has(lower(tokens, next))) next++
  const following = at(tokens, next)
  const span: Finding = {from: index, to: chain.end + 1, kind: 'agentless'}
  if (!following || following.broken || following.lower === 'that') return span
  if (namedAgent(tokens, next)) return undefined
  const agent = vagueAgent(tokens, next)
  if (agent !== undefined) return {from: index, to: agent + 1, kind: 'vague'}
  // "It is understood the minister …": a that-less clause, not "it was reported to police".
  if (next === chain.end + 1 && (words.clauseStarters.has(following.lower) || isName(following) || /^\d/.test(following.text))) {
    return following.lower === 'to' ? undefined : span
  }
  return undefined
}

/** "is said to", "has been described as", "is widely regarded as": a passive with no one behind it. */
function passive(tokens: readonly Token[], index: number): Finding | undefined {
  const word = lower(tokens, index)
  if (!words.be.has(word) && !words.auxiliaries.has(word)) return undefined
  const previous = lower(tokens, index - 1)
  if (joined(tokens, index) && (words.be.has(previous) || words.auxiliaries.has(previous))) return undefined
  const chain = verbChain(tokens, index)
  const participle = at(tokens, chain.end)
  if (!chain.be || !participle || !joined(tokens, chain.end)) return undefined
  const next = chain.end + 1
  const following = joined(tokens, next) ? lower(tokens, next) : ''
  const agent = vagueAgent(tokens, next)
  if (agent !== undefined) return {from: index, to: agent + 1, kind: 'vague'}
  if (following === 'by' && namedAgent(tokens, next)) {
    // "is believed by police to be": the source is named.
    return undefined
  }
  let to: number | undefined
  const infinitive = at(tokens, next + 1)
  // "is said to be", not "was reported to police".
  const toVerb =
    following === 'to' &&
    infinitive !== undefined &&
    joined(tokens, next + 1) &&
    !isName(infinitive) &&
    !words.clauseStarters.has(infinitive.lower) &&
    !words.specific.has(infinitive.lower) &&
    !['him', 'them', 'me', 'us'].includes(infinitive.lower)
  if (raising.has(participle.lower) && toVerb) {
    // "A team is said to be on a power play when …" defines a term.
    if (participle.lower === 'said' && tokens.some((token) => !token.quoted && definitional.has(token.lower))) return undefined
    to = next + 1
  } else if (chain.perfect && perfectCharacterising.has(participle.lower) && !particles.has(following)) {
    to = following === 'as' ? next + 1 : chain.end + 1
  } else if (chain.diffused && diffusedCharacterising.has(participle.lower) && (following === 'as' || following === 'to')) {
    to = next + 1
  } else if (chain.diffused && diffusedBare.has(participle.lower) && following !== 'by') {
    to = chain.end + 1
  } else if (participle.lower === 'regarded' && following === 'as') to = next + 1
  else if (
    participle.lower === 'considered' &&
    ((following === 'to' && lower(tokens, next + 1) === 'be') || (following === 'one' && lower(tokens, next + 1) === 'of'))
  ) {
    to = next + 1
  }
  if (to === undefined) return undefined
  const later = agentLater(tokens, to)
  if (later === 'named') return undefined
  return {from: index, to, kind: later === 'vague' ? 'vague' : 'agentless'}
}

/** "according to reports", "according to experts". */
function according(tokens: readonly Token[], index: number): Finding | undefined {
  if (lower(tokens, index) !== 'according' || lower(tokens, index + 1) !== 'to') return undefined
  const end = phraseEnd(tokens, index + 2, 10)
  const kind = classify(tokens, index + 2, end)
  if (kind !== 'vague' && kind !== 'hearsay') return undefined
  let head = index + 2
  while (
    head + 1 < end &&
    !words.hearsay.has(lower(tokens, head)) &&
    !words.vaguePlural.has(lower(tokens, head)) &&
    !words.vagueSingular.has(lower(tokens, head))
  )
    head++
  while (head + 1 < end && (words.vaguePlural.has(lower(tokens, head + 1)) || words.vagueSingular.has(lower(tokens, head + 1))))
    head++
  return {from: index, to: head + 1, kind: kind === 'hearsay' ? 'agentless' : 'vague'}
}

/** Whether a phrase starting at `index` opens a clause (so it can be a subject). */
function opensClause(tokens: readonly Token[], index: number): boolean {
  return index === 0 || at(tokens, index)?.broken === true || words.clauseOpeners.has(lower(tokens, index - 1))
}

/** "Sources say", "experts warn", "some argue", "one insider said": an unnamed group as subject. */
function vagueSubject(tokens: readonly Token[], head: number): Finding | undefined {
  const token = at(tokens, head)
  // Only a vague head can be a vague subject: skip the look back for every other word.
  if (!token || !vagueHeads.has(token.lower)) return undefined
  const word = token.lower
  let start = head
  let quantified = false
  let singular = false
  while (start > head - 3 && start > 0 && joined(tokens, start)) {
    const before = at(tokens, start - 1)
    if (!before || words.clauseOpeners.has(before.lower) || prepositions.has(before.lower)) break
    if (isName(before) || words.anaphoric.has(before.lower) || /['’]s?$/.test(before.text)) return undefined
    if (words.be.has(before.lower) || words.auxiliaries.has(before.lower) || words.speech.has(before.lower)) break
    // "Some 200 people said" counts the people; it does not hide them.
    if (/^\d/.test(before.text)) return undefined
    if (quantifiers.has(before.lower)) quantified = true
    if (singularDeterminers.has(before.lower)) singular = true
    start--
  }
  if (!opensClause(tokens, start)) return undefined
  if (vaguePronouns.has(word) && start === head) quantified = true
  else if (words.vagueSingular.has(word)) {
    if (!singular) return undefined
  } else if (needQuantifier.has(word)) {
    if (!quantified) return undefined
  } else if (!words.vaguePlural.has(word)) return undefined
  let verb = head + 1
  const next = at(tokens, verb)
  if (next?.comma) {
    // An appositive between commas: "Critics, including the RSPB, say".
    let close = verb
    while (close < verb + 12 && close < tokens.length && !(close > verb && at(tokens, close)?.comma)) {
      const inner = at(tokens, close)
      if (inner && isName(inner)) return undefined
      close++
    }
    if (close === verb + 12) return undefined
    verb = close
  } else if (next && joined(tokens, verb) && (next.lower === 'and' || next.lower === 'or') && !vaguePronouns.has(word)) {
    // "Experts and politicians warned": a coordinated subject.
    const other = at(tokens, verb + 1)
    if (!other || !joined(tokens, verb + 1) || isName(other) || words.anaphoric.has(other.lower)) return undefined
    verb += 2
  } else if (next && joined(tokens, verb) && postModifiers.has(next.lower) && !vaguePronouns.has(word)) {
    let scan = verb
    while (scan < verb + 8 && scan < tokens.length && !vagueVerbs.has(lower(tokens, scan))) {
      const inner = at(tokens, scan)
      if (!inner || (scan > verb && inner.broken)) return undefined
      if (isName(inner)) return undefined
      scan++
    }
    verb = scan
  }
  let steps = 0
  while (steps < 3 && (words.auxiliaries.has(lower(tokens, verb)) || words.adverbs.has(lower(tokens, verb)))) {
    verb++
    steps++
  }
  const verbToken = at(tokens, verb)
  if (!verbToken || !vagueVerbs.has(verbToken.lower)) return undefined
  if (verb === head + 1 + steps && !joined(tokens, verb) && steps === 0 && !next?.comma) return undefined
  return {from: start, to: verb + 1, kind: 'vague'}
}

/** "…, say critics." / "“…,” said one source.": a tag with an unnamed group. */
function vagueTag(tokens: readonly Token[], verb: number): Finding | undefined {
  const token = at(tokens, verb)
  if (!token || !tagVerbs.has(token.lower) || !(token.broken || /[”’"']\s*$/.test(token.gap))) return undefined
  for (let head = verb + 1; head < verb + 5 && joined(tokens, head); head++) {
    const word = lower(tokens, head)
    const current = at(tokens, head)
    if (!current || isName(current) || words.anaphoric.has(word)) return undefined
    const plural = words.vaguePlural.has(word) || (vaguePronouns.has(word) && head === verb + 1)
    const singular = words.vagueSingular.has(word) && singularDeterminers.has(lower(tokens, verb + 1))
    if (!plural && !singular) continue
    const end = phraseEnd(tokens, head + 1, 10)
    for (let index = head + 1; index < end; index++) {
      const inner = at(tokens, index)
      if (inner && isName(inner)) return undefined
    }
    return {from: verb, to: head + 1, kind: 'vague'}
  }
  return undefined
}

/** "criticised by many", "is considered by some": a passive whose agent is an unnamed group. */
function vagueBy(tokens: readonly Token[], index: number): Finding | undefined {
  if (lower(tokens, index) !== 'by' || !joined(tokens, index) || !judgements.has(lower(tokens, index - 1))) return undefined
  const agent = vagueAgent(tokens, index)
  return agent === undefined ? undefined : {from: index - 1, to: agent + 1, kind: 'vague'}
}

function hedge(tokens: readonly Token[], index: number): Finding | undefined {
  const word = lower(tokens, index)
  if (hearsayAdverbs.has(word)) {
    if (joined(tokens, index) && chargeContext.has(lower(tokens, index - 1))) return undefined
    return {from: index, to: index + 1, kind: 'agentless'}
  }
  if (!hedgeAdverbs.has(word)) return undefined
  if (joined(tokens, index) && hedgeNotAfter.has(lower(tokens, index - 1))) return undefined
  return {from: index, to: index + 1, kind: 'agentless'}
}

/** A detector: the finding that starts at (or is set off by) the token at `index`, if any. */
type Detector = (tokens: readonly Token[], index: number) => Finding | undefined

/**
 * The detectors, each with the cue of the word it starts on (see `cue`), in the order that
 * findings with the same span are kept in. They are called through this table, not one by one:
 * the call is not inlined, so a detector is compiled on its own, and a rare path first taken late
 * in one of them (a deoptimisation) recompiles that detector, not all of them with `detect`.
 */
const detectors: readonly {readonly cue: number; readonly vague: boolean; readonly find: Detector}[] = [
  {cue: cue.claim, vague: false, find: hedge},
  {cue: cue.claim, vague: false, find: according},
  {cue: cue.verbGroupEnd, vague: false, find: expletive},
  {cue: cue.verbGroupEnd, vague: false, find: passive},
  {cue: cue.vagueHead, vague: true, find: vagueSubject},
  {cue: cue.vagueLink, vague: true, find: vagueTag},
  {cue: cue.vagueLink, vague: true, find: vagueBy}
]

/** What `detect` returns for most sentences: one empty list, not a new one each time. */
const noFindings: readonly Finding[] = []

/** Findings in one sentence, leftmost-longest, without overlaps. */
function detect(
  sentence: SentenceInfo,
  tokensOf: (index: number) => readonly Token[],
  {firstPass, phrases, patterns, vague}: Search,
  text: string
): readonly Finding[] {
  const cues = firstPass.cuesIn(sentence)
  const phrased = (cues & cue.phrase) !== 0
  // A vague source needs both a head and a verb or "by".
  const claims =
    (cues & (cue.claim | cue.participle)) !== 0 || (vague && (cues & cue.vagueHead) !== 0 && (cues & cue.vagueLink) !== 0)
  if (!phrased && !claims && patterns.length === 0) return noFindings
  const found: Finding[] = []
  const tokens = tokensOf(sentence.index)
  const matches: {from: number; to: number}[] = phrased ? phrases.match(sentence.words, text) : []
  if (patterns.length > 0) matches.push(...patternMatches(sentence, tokens, patterns, text))
  for (const match of matches) {
    // "There are reports from the coastguard": the phrase is followed by its source.
    if (!namedAgent(tokens, match.to)) found.push({from: match.from, to: match.to, kind: 'agentless'})
  }
  if (claims) {
    const {wordCues} = firstPass
    for (let index = 0; index < tokens.length; index++) {
      const here = wordCues[index] as number
      if (here === 0) continue
      for (const detector of detectors) {
        if ((here & detector.cue) === 0 || (detector.vague && !vague)) continue
        const finding = detector.find(tokens, index)
        if (finding) found.push(finding)
      }
    }
  }
  if (found.length === 0) return noFindings
  found.sort((a, b) => a.from - b.from || b.to - a.to)
  const kept: Finding[] = []
  for (const finding of found) {
    if (!vague && finding.kind === 'vague') continue
    const last = kept[kept.length - 1]
    if (last && finding.from < last.to) continue
    kept.push(finding)
  }
  return kept
}

/**
 * The user's patterns in one sentence as written: a match counts when it starts and ends on word
 * boundaries, and covers the words it spans (`/it is (widely )?believed/i`).
 */
function patternMatches(
  sentence: SentenceInfo,
  tokens: readonly Token[],
  patterns: readonly RE2JS[],
  text: string
): {from: number; to: number}[] {
  const source = text.slice(sentence.start, sentence.end)
  const found: {from: number; to: number}[] = []
  for (const pattern of patterns) {
    for (const [start, end] of findAll(pattern, source)) {
      const from = tokens.findIndex((token) => token.start === sentence.start + start)
      const last = tokens.findIndex((token) => token.end === sentence.start + end)
      if (from !== -1 && last >= from) found.push({from, to: last + 1})
    }
  }
  return found
}

/**
 * Whether a quotation quotes a full clause of speech, not a term, title or fragment. Read from
 * the words inside it, as the marks may be entities (`&lsquo;`). `spanned` are the sentences the
 * quotation falls in.
 */
function quotesClause(document: ArticleDocument, quotation: Quotation, spanned: readonly SentenceInfo[]): boolean {
  let first: WordToken | undefined
  let last: WordToken | undefined
  let inside = 0
  for (const sentence of spanned) {
    for (const word of sentence.words) {
      if (word.start < quotation.start || word.end > quotation.end) continue
      first ??= word
      last = word
      inside++
    }
  }
  const opening = spanned[0]
  const closing = spanned[spanned.length - 1]
  if (!first || !last || !opening || !closing || inside < 4) return false
  // Quoted speech starts with a capital; "‘kill the enemies of God’" is a fragment worked into a sentence.
  if (!/^[\p{Lu}]/u.test(first.text)) return false
  if (!quotation.closed) return true
  if (/[.!?,…]/.test(document.text.slice(last.end, quotation.end))) return true
  // A quotation that is all of its sentences but for marks: "“Never.”"
  const text = document.text
  return (
    !wordCharacter.test(text.slice(opening.start, quotation.start)) && !wordCharacter.test(text.slice(quotation.end, closing.end))
  )
}

/** Anything but punctuation, a symbol or white space. */
const wordCharacter = /[^\p{P}\p{S}\s]/u

export const rule: Rule<UnattributedClaimOptions> = {
  meta: {
    id: 'unattributed-claim',
    description: 'Claims with no named source: "it is claimed", "X is said to", "reportedly", "sources say", unattributed quotes',
    severity: 'warning',
    fixable: false,
    recommended: true,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        phrases: {type: 'array', items: {type: 'string', minLength: 1, format: patternFormat}, uniqueItems: true},
        allow: {type: 'array', items: {type: 'string', minLength: 1, format: patternFormat}, uniqueItems: true},
        vagueSources: {type: 'boolean'},
        quotations: {type: 'boolean'}
      }
    },
    defaults: {phrases: [], allow: [], vagueSources: true, quotations: true}
  },
  plugin(options) {
    const extra = splitPatterns(options.phrases)
    const searched = search([...lexicon.phrases.agentless, ...extra.literals], extra.patterns, options.vagueSources)
    const allow = splitPatterns(options.allow)
    const allowedWords = new Set(allow.literals.map((phrase) => normalizeWord(phrase.trim().replace(/\s+/g, ' '))))
    const allowsAny = allowedWords.size > 0 || allow.patterns.length > 0
    const allowed = (read: string): boolean => {
      if (!allowsAny) return false
      const words = read.replace(/\s+/g, ' ').trim()
      return allowedWords.has(normalizeWord(words)) || allow.patterns.some((pattern) => matchesWhole(pattern, words))
    }
    return (tree, file) => {
      const document = getDocument(tree, file)
      const tokensOf = tokenizer(document)
      // A sentence's attributions are read only when a claim in it or the next sentence needs them.
      const heard = new Array<Attribution[] | undefined>(document.sentences.length)
      const heardIn = (index: number): Attribution[] => {
        heard[index] ??= attributions(tokensOf(index))
        return heard[index]
      }
      // `read` is the text as a reader sees it (entities decoded) for the message; `actual` stays the source.
      const reported = (start: number, end: number, kind: Kind | 'quote', read: string) => {
        if (allowed(read)) return
        const shown = read.length > 48 ? `${read.slice(0, 45).trimEnd()}…` : read
        report(file, rule.meta, {
          start,
          end,
          actual: document.text.slice(start, end),
          reason:
            kind === 'vague'
              ? `Vague source \`${shown}\`: name who says so`
              : kind === 'quote'
                ? `Quotation \`${shown}\` has no speaker: name who said it`
                : `Claim \`${shown}\` has no source: name who claims it`,
          note:
            kind === 'quote'
              ? 'A direct quotation needs its speaker in the same sentence or the one next to it.'
              : 'Attribute claims the reporter did not witness to a named person, organisation or document.',
          weak: kind === 'vague'
        })
      }
      for (const sentence of document.sentences) {
        const findings = detect(sentence, tokensOf, searched, document.text)
        if (findings.length === 0) continue
        const tokens = tokensOf(sentence.index)
        if (heardIn(sentence.index).some((attribution) => governs(tokens, attribution))) continue
        const previous = document.sentences[sentence.index - 1]
        // The same claim, once attributed in the sentence before, need not be attributed again.
        if (previous?.paragraph === sentence.paragraph && heardIn(previous.index).length > 0) continue
        for (const finding of findings) {
          const first = tokens[finding.from]
          const last = tokens[finding.to - 1]
          if (!first || !last || first.quoted) continue
          const shown = spanText(tokens, finding.from, finding.to)
          reported(first.start, last.end, finding.kind, shown)
        }
      }
      if (options.quotations) findUnattributedQuotations(document, tokensOf, reported)
    }
  }
}

function findUnattributedQuotations(
  document: ArticleDocument,
  tokensOf: (index: number) => readonly Token[],
  reported: (start: number, end: number, kind: 'quote', actual: string) => void
): void {
  const {sentences, quotations, text} = document
  const speakers = new Speakers(tokensOf, sentences.length)
  const blockAt = blockFinder(document.blocks)
  // The sentence an offset falls in, or the last one before it (quotation marks can sit between sentences).
  const sentenceIndex = (offset: number): number =>
    countLeading(sentences.length, (index) => (sentences[index] as SentenceInfo).start <= offset) - 1
  // The quotation before and whether it was attributed: one left open runs on into the next one
  // that opens straight after it. (Two variables, not an object allocated per quotation.)
  let previous: Quotation | undefined
  let previousAttributed = false
  for (let index = 0; index < quotations.length; index++) {
    const quotation = quotations[index] as Quotation
    const first = sentenceIndex(quotation.start)
    const last = sentenceIndex(Math.max(quotation.start, quotation.end - 1))
    // No sentence starts at or before it.
    if (first < 0) continue
    if (blockAt(quotation.start)?.kind === 'heading') continue
    const continues = previous !== undefined && !previous.closed && text.slice(previous.end, quotation.start).trim() === ''
    let attributed: boolean = previousAttributed
    if (!continues) {
      attributed = quotationAttributed(document, speakers, quotation, first, last)
      if (!attributed) reported(quotation.start, quotation.end, 'quote', decoded(document, quotation, first, last))
    }
    previous = quotation
    previousAttributed = attributed
  }
}

/**
 * Whether a quotation, spanning sentences `first` to `last`, has a speaker: a colon before it,
 * a verb of speech in its sentences or the ones next to them, a sentence about a named person
 * before it; or it is no quoted clause at all.
 */
function quotationAttributed(
  document: ArticleDocument,
  speakers: Speakers,
  quotation: Quotation,
  first: number,
  last: number
): boolean {
  const {sentences, text} = document
  if (/:\s*$/.test(text.slice(Math.max(0, quotation.start - 3), quotation.start))) return true
  if (!quotesClause(document, quotation, sentences.slice(first, last + 1))) return true
  for (let index = Math.max(0, first - 1); index <= last + 1 && index < sentences.length; index++) {
    if (speakers.speaks(index)) return true
  }
  return first > 0 && speakers.introduces(first - 1)
}

/** What `Speakers` knows of a sentence: not yet read, no, yes. */
const unread = 0
const no = 1
const yes = 2

/**
 * What the sentences around quotations say of a speaker: each read once, on first use, and kept
 * in typed arrays of the document's length (not arrays of booleans filled out of order).
 */
class Speakers {
  private readonly speaking: Uint8Array
  private readonly introducing: Uint8Array

  constructor(
    private readonly tokensOf: (index: number) => readonly Token[],
    sentences: number
  ) {
    this.speaking = new Uint8Array(sentences)
    this.introducing = new Uint8Array(sentences)
  }

  /** Whether the sentence has a verb of speech outside quotations. */
  speaks(index: number): boolean {
    if (this.speaking[index] === unread) {
      const found = this.tokensOf(index).some((token) => !token.quoted && words.speech.has(token.lower))
      this.speaking[index] = found ? yes : no
    }
    return this.speaking[index] === yes
  }

  /** Whether the sentence introduces the quotation after it (see `introducesQuotation`). */
  introduces(index: number): boolean {
    if (this.introducing[index] === unread) this.introducing[index] = introducesQuotation(this.tokensOf(index)) ? yes : no
    return this.introducing[index] === yes
  }
}

/** Whether a sentence about a named person introduces the quotation after it: "Dr Frasca sees games as …". */
function introducesQuotation(tokens: readonly Token[]): boolean {
  let first = 0
  while (words.clauseOpeners.has(tokenAt(tokens, first)?.lower ?? '')) first++
  const subject = tokenAt(tokens, first)
  const next = tokenAt(tokens, first + 1)
  if (tokens.some((token) => !token.quoted && isTitle(token.lower))) return true
  if (!subject || subject.quoted) return false
  if (subject.lower === 'he' || subject.lower === 'she') return true
  return isName(subject) && next !== undefined && (isName(next) || next.comma)
}

/**
 * The first block holding an offset, as `blocks.find` gives it: by binary search when the blocks
 * are in order and apart (as they are but for Markdown tables), since a scan of every block per
 * quotation made long files quadratic.
 */
function blockFinder(blocks: readonly Block[]): (offset: number) => Block | undefined {
  const apart = blocks.every((block, index) => {
    const before = blocks[index - 1]
    return before === undefined || (before.start <= block.start && before.end <= block.start)
  })
  if (!apart) return (offset) => blocks.find((block) => block.start <= offset && offset < block.end)
  return (offset) => {
    const block = blocks[countLeading(blocks.length, (index) => (blocks[index]?.start ?? 0) <= offset) - 1]
    return block !== undefined && offset < block.end ? block : undefined
  }
}

/** The quotation as the reader sees it (marks and entities decoded). */
function decoded(document: ArticleDocument, quotation: Quotation, first: number, last: number): string {
  let text = ''
  for (const sentence of document.sentences.slice(first, last + 1)) {
    for (const node of sentence.node.children) {
      const start = node.position?.start.offset ?? -1
      const end = node.position?.end.offset ?? -1
      if (start >= quotation.start && end <= quotation.end) text += nlcstToString(node)
      else if (start >= quotation.start && start < quotation.end && node.type === 'WhiteSpaceNode') text += ' '
    }
    if (sentence.end < quotation.end) text += ' '
  }
  return text.replace(/\s+/g, ' ').trim()
}
