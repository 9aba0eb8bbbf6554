import {
  type ArticleDocument,
  attributionOf,
  getDocument,
  isEmbedded,
  normalizeWord,
  PhraseMatcher,
  type Quotation,
  quotationAround,
  quotationFrom,
  type Rule,
  report,
  type SentenceInfo,
  sentenceAt,
  speechVerbs,
  type WordToken,
  withoutPossessive
} from '../../src/kit/index.js'
import lexicon from './lexicon.json' with {type: 'json'}

/** How sure an entry is: `warning` judges in almost any context, `info` depends on it. */
export type Strength = 'warning' | 'info'

export interface LexiconEntry {
  readonly phrase: string
  readonly forms: readonly string[]
  readonly category: string
  /** Neutral alternatives; empty when the fix is to delete the word (sentence adverbs). */
  readonly expected: readonly string[]
  readonly reason: string
  readonly strength: Strength
  /**
   * `attribution`: the entry is loaded only as a verb of attribution ("admitted that", "…, he
   * claimed"), not in its other senses ("admitted to hospital", "claimed the title").
   * `sentence-adverb`: loaded only as a comment on the whole sentence, at its start or set off by
   * commas ("Clearly, the plan failed", "This, of course, …"), not "clearly visible", "a change of course".
   * `before-noun`: loaded only as an adjective before its noun ("an evil regime"), not as the noun
   * of moral and religious writing ("good and evil").
   * `as-noun`: loaded only as a noun for people or a group ("the doomsday cult"), not as an adjective
   * before another noun ("a cult film", "cult following").
   * `qualifier`: loaded only as a sneer inside a noun phrase, after its determiner ("the supposedly
   * independent panel"). Elsewhere ("Oswald supposedly hid the rifle") the word says a claim is
   * second-hand without naming its source: that is unattributed-claim's finding, not this rule's.
   */
  readonly context?: 'attribution' | 'sentence-adverb' | 'before-noun' | 'as-noun' | 'qualifier' | undefined
  /**
   * With `attribution`: objects that give the verb its plain, neutral sense ("claimed
   * responsibility", "claimed the title"), whatever follows them.
   */
  readonly plainObjects?: readonly string[] | undefined
  readonly examples: {readonly bad: readonly string[]; readonly good: readonly string[]}
}

export interface LoadedWordingOptions {
  /** Words (an entry's phrase, or one form) never to flag. */
  readonly allow: readonly string[]
  /** More words, each with its neutral alternatives (empty: delete it). */
  readonly words: Readonly<Record<string, readonly string[]>>
  /** Whether to flag loaded words inside attributed quotations too. */
  readonly checkQuotes: boolean
  /** The weakest entries to report: `warning` (default) or also the context-dependent `info` ones. */
  readonly strength: Strength
}

export const entries = lexicon as readonly LexiconEntry[]

/**
 * An entry with every field present, in one order. The JSON's optional keys give its entries four
 * shapes, and V8 threw away the rule's optimised code whenever a match brought one it had not yet
 * met; the matcher holds these instead.
 */
function uniform(entry: LexiconEntry): LexiconEntry {
  const {phrase, forms, category, expected, reason, strength, context, plainObjects, examples} = entry
  return {phrase, forms, category, expected, reason, strength, context, plainObjects, examples}
}

const uniformEntries = entries.map(uniform)

/** Quoted words up to this length, inside the writer's sentence and with no speaker, are scare quotes. */
const scareQuoteWords = 6

/**
 * A quotation after "known as", "nicknamed", "the term" names a thing ("children known as ‘snowflake
 * children’"): the marks show a name in use, not the writer's doubt. ("so-called" is doubt: no match.)
 */
const namingBefore =
  /(?:\bknown as|(?<![-\p{L}])called|\bdubbed|\btermed|\bnicknamed|\bentitled|\bthe (?:term|word|phrase|name|slogan|hashtag))\s*$/iu

/** Words that mark a name or term as the writer's doubt when a quotation follows them. */
const distancing = new Set(['so-called', 'self-styled', 'self-proclaimed', 'self-declared', 'supposed', 'alleged'])

/** Words that report a dispute: a said-word that doubts is then grounded in the sentence itself. */
const disputeWords = new Set([
  'disputed',
  'disputes',
  'dispute',
  'denied',
  'denies',
  'deny',
  'rejected',
  'rejects',
  'contested',
  'contests',
  'contradicted',
  'contradicts',
  'refuted',
  'refutes',
  'rebutted',
  'challenged'
])

const beForms = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'am'])
const subjectPronouns = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'there', 'you'])
/** Auxiliaries and copulas: one of them soon after the verb shows a reported clause follows it. */
const finiteMarkers = new Set([
  'is',
  'are',
  'was',
  'were',
  'had',
  'has',
  'have',
  'would',
  'will',
  'could',
  'should',
  'can',
  'may',
  'might',
  'must',
  'did',
  'does',
  'do',
  "wasn't",
  "weren't",
  "hadn't",
  "hasn't",
  "haven't",
  "wouldn't",
  "won't",
  "couldn't",
  "shouldn't",
  "can't",
  "didn't",
  "doesn't",
  "don't",
  "isn't",
  "aren't",
  'remains',
  'remained',
  'lacked',
  'lacks'
])

const relatives = new Set(['who', 'whom', 'whose', 'which', 'where', 'when'])

/** Said-word forms that are as often nouns ("a claim", "insurance claims"): a verb only after a subject. */
const nounForms = new Set(['claim', 'claims'])

/** Infinitives that carry a report after a said-word: "claimed to be", "claims to have seen". */
const reportedInfinitives = new Set([
  'be',
  'have',
  'know',
  'own',
  'represent',
  'speak',
  'understand',
  'care',
  'support',
  'stand',
  'champion',
  'believe'
])

/** Words that end a subject and start a noun phrase or a prepositional phrase instead. */
const prepositions = new Set([
  'of',
  'for',
  'about',
  'against',
  'on',
  'over',
  'by',
  'from',
  'in',
  'under',
  'with',
  'after',
  'into',
  'at'
])

/** Words before a noun ("the claims", "faced claims", "for claims"): the form after them is no verb. */
const beforeNouns = new Set([
  'a',
  'an',
  'the',
  'his',
  'her',
  'its',
  'their',
  'our',
  'my',
  'your',
  'this',
  'these',
  'those',
  'such',
  'any',
  'no',
  'every',
  'each',
  'some',
  'many',
  'false',
  'new',
  'similar',
  'further',
  'unfounded',
  'unsubstantiated',
  'face',
  'faces',
  'faced',
  'facing',
  'make',
  'makes',
  'made',
  'making',
  'deny',
  'denies',
  'denied',
  'denying',
  'reject',
  'rejects',
  'rejected',
  'dismiss',
  'dismissed',
  'investigate',
  'investigated',
  'file',
  'filed',
  'lodge',
  'lodged',
  'submit',
  'submitted',
  'settle',
  'settled',
  'process',
  'processed',
  'pay',
  'paid',
  ...prepositions
])

/** Subject pronouns and relatives that can stand before a said-word. */
const subjects = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you', 'who', 'that', 'which'])

/** Words after which only a verb can follow: "would claim", "to claim", "did not claim". */
const verbBefore = new Set([
  'to',
  'not',
  'would',
  'could',
  'will',
  'may',
  'might',
  'must',
  'should',
  'can',
  'did',
  'do',
  'does',
  "didn't",
  "don't",
  "doesn't"
])

/** Function words and verbs ending in -s that are no plural subject ("this claims", "always claims"). */
const notPluralSubjects = new Set([
  'is',
  'was',
  'has',
  'does',
  'this',
  'its',
  'his',
  'as',
  'us',
  'thus',
  'always',
  'perhaps',
  'across',
  'unless',
  'yes',
  'less'
])

/**
 * Whether a said-word that is also a noun has a subject before it, across adverbs: "he claims",
 * "Bloomberg claims", "critics now claim", "those who claim". Not "the claims", "asylum claims".
 */
function hasSubject(text: string, words: readonly WordToken[], at: number): boolean {
  let before = at - 1
  while (before >= 0 && /ly$|^(?:now|also|still|even|often|again|once|never|repeatedly)$/.test(words[before]?.normal ?? ''))
    before--
  const previous = words[before]
  if (!previous) return false
  const key = previous.normal
  // "Trump's claims": a possessive makes the next word a noun.
  if (beforeNouns.has(key) || /['’]/.test(text.slice(previous.end, words[before + 1]?.start ?? previous.end))) return false
  if (subjects.has(key)) return true
  // "would claim", "to claim": only the base form follows a modal or "to" ("in response to claims" is a noun).
  if (verbBefore.has(key)) return words[at]?.normal === 'claim'
  if (/^\p{Lu}/u.test(previous.text)) return isNamedSubject(text, words, before)
  // "The company claims": a noun after a determiner at the start of the clause is its subject.
  const twoBefore = words[before - 1]
  if (twoBefore && determiners.has(twoBefore.normal) && (before - 1 === 0 || clauseStarts(text, words, before - 1))) return true
  return /[^s']s$/.test(key) && !notPluralSubjects.has(key)
}

/**
 * A capitalised word before the verb is its subject when the name it ends starts a clause or
 * follows a determiner: "Yukos claims", "but Parry claims", "The Mozilla Foundation claims". Not a
 * name used as an adjective after a verb or preposition ("amid Tory claims", "at Labour claims"),
 * nor a capitalised participle ("Following claims that").
 */
function isNamedSubject(text: string, words: readonly WordToken[], last: number): boolean {
  if (/ing$/.test(words[last]?.text ?? '')) return false
  let first = last
  while (first > 0 && /^\p{Lu}/u.test(words[first - 1]?.text ?? '')) first--
  if (first === 0 || clauseStarts(text, words, first)) return true
  return determiners.has(words[first - 1]?.normal ?? '')
}

const determiners = new Set(['the', 'a', 'an', 'this', 'his', 'her', 'its', 'their', 'our', 'my', 'your'])

/** Whether a clause starts at a word: the sentence's first word, or after a comma, colon or "and". */
function clauseStarts(text: string, words: readonly WordToken[], at: number): boolean {
  const word = words[at]
  const previous = words[at - 1]
  if (!word || !previous) return true
  return (
    /[,;:—–]\s*$/.test(text.slice(previous.end, word.start)) || ['and', 'but', 'while', 'as', 'because'].includes(previous.normal)
  )
}

/** Whether the sentence reports a dispute in the writer's words, not inside a quotation. */
function reportsDispute(document: ArticleDocument, words: readonly WordToken[]): boolean {
  return words.some((word) => disputeWords.has(word.normal) && !quotationAround(document, word.start, word.end))
}

function quoteList(words: readonly string[]): string {
  return words.map((word) => `\`${word}\``).join(' or ')
}

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
        words: {type: 'object', additionalProperties: {type: 'array', items: {type: 'string', minLength: 1}}},
        checkQuotes: {type: 'boolean'},
        strength: {enum: ['warning', 'info']}
      }
    },
    defaults: {allow: [], words: {}, checkQuotes: false, strength: 'warning'}
  },
  plugin(options) {
    // Every entry goes into the matcher, whatever the strength threshold: a word of any strength
    // in scare quotes is reported as scare quotes.
    const matcher = new PhraseMatcher<LexiconEntry>()
    const allowed = new Set(options.allow.map(normalizeWord))
    for (const entry of uniformEntries) {
      if (allowed.has(entry.phrase)) continue
      for (const form of entry.forms) if (!allowed.has(form)) matcher.add(form, entry)
    }
    for (const [word, expected] of Object.entries(options.words)) {
      const phrase = normalizeWord(word)
      matcher.add(
        phrase,
        uniform({
          phrase,
          forms: [phrase],
          category: 'custom',
          expected,
          reason: 'Listed as loaded wording in the configuration.',
          strength: 'warning',
          examples: {bad: [], good: []}
        })
      )
    }
    const reportInfo = options.strength === 'info'

    return (tree, file) => {
      const document = getDocument(tree, file)
      const scared = new Set<Quotation>()

      /** Reports a quotation as scare quotes once; `from` may start earlier, at `so-called`. */
      const reportScareQuotes = (quotation: Quotation, from: number): void => {
        if (scared.has(quotation)) return
        scared.add(quotation)
        const inner = document.text.slice(quotation.start + 1, quotation.end - 1).trim()
        report(file, rule.meta, {
          start: from,
          end: quotation.end,
          actual: document.text.slice(from, quotation.end),
          expected: [],
          reason: `Scare quotes around \`${inner}\`: say who calls it that, or drop the quotes`,
          note: 'Quotation marks with no speaker distance the writer from a word while still using it; attribute the word or use a neutral one.'
        })
      }

      for (const sentence of document.sentences) {
        const words = possessivesStripped(sentence.words)
        // Whether the sentence is a Title Case headline, worked out only when a match is capitalised.
        let titleCase: boolean | undefined
        for (const match of matcher.match(words, document.text)) {
          const first = words[match.from]
          const last = words[match.to - 1]
          if (!first || !last) continue
          const entry = match.value
          if (looksLikeName(document.text, words, match.from, match.to)) {
            if (titleCase === undefined) titleCase = isTitleCase(words)
            if (!titleCase) continue
          }
          if (entry.category === 'said-word' && isPassive(words, match.from)) continue
          if (!inContext(entry, document.text, words, match.from, match.to)) continue
          // Doubt with a source is reporting, not the writer's: "She claimed X, a figure the council disputed."
          if (entry.category === 'said-word' && reportsDispute(document, words)) continue

          const quotation = quotationAround(document, first.start, last.end)
          if (quotation && !options.checkQuotes) {
            if (isScareQuote(document, quotation)) reportScareQuotes(quotation, quotation.start)
            continue
          }
          if (entry.phrase === 'so-called' || distancing.has(first.lower)) {
            const quoted = quotationAfter(document, last.end)
            if (quoted) {
              reportScareQuotes(quoted, first.start)
              continue
            }
          }
          if (entry.strength === 'info' && !reportInfo) continue

          const actual = document.text.slice(first.start, last.end)
          const {expected} = entry
          report(file, rule.meta, {
            start: first.start,
            end: last.end,
            actual,
            expected,
            reason:
              expected.length > 0
                ? `Unexpected loaded wording \`${actual}\`, use ${quoteList(expected)}`
                : `Unexpected loaded wording \`${actual}\`, delete it`,
            note: entry.reason,
            weak: entry.strength === 'info'
          })
        }
        // "so-called ‘X’" with X not a loaded word: the distancing word and the quotes together.
        if (document.quotations.length > 0) reportDistancedQuotes(document, sentence, reportScareQuotes, allowed)
      }
    }
  }
}

/**
 * The sentence's words with possessive endings dropped (`withoutPossessive`). Most sentences have
 * none: their own word list is returned, not a copy, and only words ending in `'s` or `’s` are
 * given to the pattern (two character tests per word, where string searches cost more).
 */
function possessivesStripped(words: readonly WordToken[]): readonly WordToken[] {
  let stripped: WordToken[] | undefined
  for (let index = 0; index < words.length; index++) {
    const word = words[index] as WordToken
    const own = endsInPossessive(word.normal) ? withoutPossessive(word) : word
    if (own !== word) stripped ??= words.slice(0, index)
    stripped?.push(own)
  }
  return stripped ?? words
}

/**
 * Whether a word's normal form ends in `'s`, as that of every possessive `withoutPossessive`
 * strips does (its text ends in `'s` or `’s`). The normal form, not the text: the other rules
 * have just read it, so it is at hand.
 */
function endsInPossessive(normal: string): boolean {
  const length = normal.length
  return length >= 4 && normal.charCodeAt(length - 1) === 0x73 && normal.charCodeAt(length - 2) === 0x27
}

function reportDistancedQuotes(
  document: ArticleDocument,
  sentence: SentenceInfo,
  reportScareQuotes: (quotation: Quotation, from: number) => void,
  allowed: ReadonlySet<string>
): void {
  for (const word of sentence.words) {
    const {lower} = word
    if (!marksScareQuotes(lower) || allowed.has(lower)) continue
    if (quotationAround(document, word.start, word.end)) continue
    const quoted = quotationAfter(document, word.end)
    if (quoted) reportScareQuotes(quoted, word.start)
  }
}

/**
 * Whether a word marks the quotation after it as scare quotes by itself ("so-called ‘experts’").
 * Tested on every word of a document with quotations: the length settles it for almost all, where
 * string comparisons or a set lookup cost more.
 */
function marksScareQuotes(lower: string): boolean {
  switch (lower.length) {
    case 9:
      return lower === 'so-called'
    case 11:
      return lower === 'self-styled'
    case 15:
      return lower === 'self-proclaimed'
    default:
      return false
  }
}

/** A closed, short quotation opening right after `offset` (across white space only). */
function quotationAfter(document: ArticleDocument, offset: number): Quotation | undefined {
  const quotation = quotationFrom(document, offset)
  if (!quotation || quotation.start > offset + 2) return undefined
  if (!/^\s*$/.test(document.text.slice(offset, quotation.start))) return undefined
  return quotation.closed && wordCount(document, quotation) <= scareQuoteWords ? quotation : undefined
}

function wordCount(document: ArticleDocument, quotation: Quotation): number {
  return document.text.slice(quotation.start + 1, quotation.end - 1).match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0
}

/**
 * Short, closed, inside the writer's sentence, and nobody said it. A speaker in the neighbouring
 * sentence attributes a quoted sentence, not a word quoted inside the writer's own sentence.
 */
function isScareQuote(document: ArticleDocument, quotation: Quotation): boolean {
  if (!quotation.closed || wordCount(document, quotation) > scareQuoteWords || !isEmbedded(document, quotation)) return false
  if (namingBefore.test(document.text.slice(Math.max(0, quotation.start - 24), quotation.start))) return false
  if (hasOpinionHolder(document, quotation)) return false
  const attribution = attributionOf(document, quotation)
  return attribution === undefined || attribution === 'adjacent'
}

/**
 * Verbs that give a quoted word or phrase an owner, beyond the verbs of saying: praise, defence and
 * belief ("defended him as an “outstanding human being”", "thinks he does “outstanding work”").
 */
const opinionVerbs = new Set(
  (
    'defend defends defended defending think thinks thought believe believes believed consider considers considered ' +
    'deem deems deemed laud lauds lauded tout touts touted champion champions championed'
  ).split(' ')
)

/**
 * Whether the quotation's sentence has someone holding the quoted words: a verb of opinion, or a
 * verb of saying in the progressive ("a congressman is saying there is “credible evidence”"),
 * which the shared speaker test reads as an agentless passive.
 */
function hasOpinionHolder(document: ArticleDocument, quotation: Quotation): boolean {
  const sentence = sentenceAt(document, quotation.start)
  if (!sentence) return false
  return sentence.words.some((word) => {
    if (quotationAround(document, word.start, word.end)) return false
    const key = word.normal
    return opinionVerbs.has(key) || (key.endsWith('ing') && speechVerbs.has(key))
  })
}

/**
 * A capitalised match is a name or title ("Bloody Sunday", a film called Tyrant): mid-sentence
 * always; at the start of a sentence when the next word is capitalised too.
 */
function looksLikeName(text: string, words: readonly WordToken[], from: number, to: number): boolean {
  const first = words[from]
  if (!first || !/^\p{Lu}/u.test(first.text)) return false
  if (from > 0) return true
  const next = words[to]
  const last = words[to - 1]
  // "Fortunately, President Trump …": a comma ends the word's phrase, so it is no part of a name.
  if (!next || !last || !/^\s+$/.test(text.slice(last.end, next.start))) return false
  return /^\p{Lu}/u.test(next.text) && next.text !== 'I'
}

/** A headline in Title Case capitalises every word, so capitals say nothing about names there. */
function isTitleCase(words: readonly WordToken[]): boolean {
  const content = words.filter((word) => word.text.length > 3 && /^\p{L}/u.test(word.text))
  if (content.length < 3) return false
  return content.every((word) => /^\p{Lu}/u.test(word.text))
}

/** "it is claimed", "was admitted to hospital": a passive names no speaker, so no said-word is chosen. */
function isPassive(words: readonly WordToken[], at: number): boolean {
  // "is claiming that …" is a progressive with its speaker as subject, not a passive.
  if (/ing$/.test(words[at]?.lower ?? '')) return false
  let before = at - 1
  while (before >= 0 && /ly$/.test(words[before]?.lower ?? '')) before--
  const previous = words[before]
  return previous !== undefined && beForms.has(previous.normal)
}

/**
 * Whether a verb reports speech: "admitted that …", "claimed he …", "claimed the plan would …",
 * "…,” she insisted." Its other senses take a plain object ("admitted eleven patients", "claimed
 * the title", "conceded a goal") and are left alone.
 */
function isAttributionVerb(text: string, words: readonly WordToken[], from: number, to: number, alsoNoun = false): boolean {
  const first = words[from]
  const last = words[to - 1]
  if (!first || !last) return false
  // "claimed to be", "claims to have": a verb of attribution with an infinitive for its report.
  const following = words[to + 1]
  if (words[to]?.normal === 'to' && following && reportedInfinitives.has(following.normal)) return true
  const after = text.slice(last.end, words[to]?.start ?? last.end + 3)
  // Ends its clause ("…, she admitted.") or introduces a quotation ("claimed: “…”").
  if (/^\s*[.,;:!?—–"“‘'”’]/.test(after) || words[to] === undefined) return true
  const before = text.slice(words[from - 1]?.end ?? first.start - 3, first.start)
  if (/[,.!?]["”’']\s*$/.test(before)) return true
  // "claiming now that", "admitted privately that": an adverb between the verb and its report.
  let reportAt = to
  while (words[reportAt + 1] && /ly$|^(?:now|also|again|later|once|today|yesterday)$/.test(words[reportAt]?.normal ?? ''))
    reportAt++
  const next = words[reportAt]
  if (!next) return true
  const key = next.normal
  // "the claims that were rejected": a relative clause on the noun, not a report.
  if (alsoNoun && key === 'that' && finiteMarkers.has(words[reportAt + 1]?.normal ?? '')) return false
  if (key === 'that' || subjectPronouns.has(key)) return true
  // A reported clause: a subject of a few words, then an auxiliary or copula, before any break.
  for (let at = to; at < Math.min(words.length, to + 6); at++) {
    const word = words[at]
    const following = words[at + 1]
    if (!word) break
    // "admitted two preachers who had …": a relative clause belongs to the object, not a report.
    if (relatives.has(word.normal)) break
    // "claims for compensation were rejected": a noun's prepositional phrase, not a report.
    if (alsoNoun && prepositions.has(word.normal)) break
    if (at > to && finiteMarkers.has(word.normal)) return true
    if (following && /[,;:.()]/.test(text.slice(word.end, following.start))) break
  }
  return false
}

/** Function words and verbs that cannot be the noun an adjective qualifies. */
const notNouns = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'be',
  'but',
  'by',
  'did',
  'do',
  'does',
  'done',
  'for',
  'from',
  'had',
  'has',
  'have',
  'in',
  'into',
  'is',
  'are',
  'was',
  'were',
  'it',
  'its',
  'of',
  'on',
  'or',
  'that',
  'the',
  'their',
  'there',
  'this',
  'those',
  'to',
  'which',
  'who',
  'with',
  'will',
  'would',
  'can',
  'could',
  'may',
  'might',
  'must',
  'shall',
  'should',
  'we',
  'you',
  'he',
  'she',
  'they',
  'not',
  'than',
  'then',
  'so',
  'if',
  'when',
  'where',
  'while'
])

/**
 * Whether the verb's object, after at most a determiner, is one that gives it its plain sense
 * ("claimed responsibility for …"), and is not the subject of a reported clause ("claim the record
 * is patchy").
 */
function hasPlainObject(objects: readonly string[], words: readonly WordToken[], to: number): boolean {
  const at = determiners.has(words[to]?.normal ?? '') ? to + 1 : to
  const object = words[at]
  if (!object || !objects.includes(object.normal)) return false
  return !finiteMarkers.has(words[at + 1]?.normal ?? '')
}

/** Whether the word before `to` stands straight before a word that can be its noun ("cult film"). */
function isBeforeNoun(text: string, words: readonly WordToken[], to: number): boolean {
  const last = words[to - 1]
  const next = words[to]
  if (!last || !next || !/^\s+$/.test(text.slice(last.end, next.start))) return false
  return /^\p{L}/u.test(next.text) && !notNouns.has(next.normal)
}

function inContext(entry: LexiconEntry, text: string, words: readonly WordToken[], from: number, to: number): boolean {
  switch (entry.context) {
    case 'attribution': {
      const alsoNoun = from + 1 === to && nounForms.has(words[from]?.normal ?? '')
      if (alsoNoun && !hasSubject(text, words, from)) return false
      if (entry.plainObjects && hasPlainObject(entry.plainObjects, words, to)) return false
      return isAttributionVerb(text, words, from, to, alsoNoun)
    }
    case 'sentence-adverb': {
      const first = words[from]
      const last = words[to - 1]
      if (!first || !last) return false
      if (from === 0) return true
      const before = text.slice(words[from - 1]?.end ?? first.start, first.start)
      const after = text.slice(last.end, words[to]?.start ?? text.length)
      return /[,;:(—–]\s*$/.test(before) || /^\s*[,;)—–]/.test(after)
    }
    case 'as-noun':
      // "the cult of Mithras", "a cult of personality": the old sense, worship of someone.
      return !isBeforeNoun(text, words, to) && words[to]?.normal !== 'of'
    case 'before-noun':
      return isBeforeNoun(text, words, to)
    case 'qualifier':
      return words[to] !== undefined && determiners.has(normalizeWord(words[from - 1]?.text ?? ''))
    default:
      return true
  }
}
