/**
 * Who speaks in a quotation. News copy attributes direct speech with a verb of saying in the same
 * sentence ("…,” she said), a colon (He said: “…”), the neighbouring sentence, or an earlier
 * paragraph whose quote runs on (a paragraph left open and the next one reopening the quote).
 * A quotation with none of these has no speaker: either unattributed speech, or scare quotes
 * around the writer's own word.
 */
import {
  type ArticleDocument,
  oncePerDocument,
  type Quotation,
  quotationAround,
  type SentenceInfo,
  type WordToken
} from './document.js'
import {isWhiteSpace} from './phrases.js'
import {countLeading} from './search.js'
import type {Block} from './types.js'

/** How a quotation is attributed; `undefined` when no speaker was found. */
export type Attribution = 'sentence' | 'colon' | 'adjacent' | 'continued' | 'heading'

/** Verbs of saying, writing and naming (all the forms news uses) that introduce someone's words. */
export const speechVerbs: ReadonlySet<string> = new Set(
  (
    'say says said saying tell tells told telling add adds added adding ask asks asked asking reply replies replied ' +
    'answer answered write writes wrote written writing tweet tweets tweeted tweeting post posted posts state states ' +
    'stated declare declares declared declaring announce announced announces warn warns warned warning argue argues ' +
    'argued arguing explain explains explained note notes noted insist insists insisted insisting claim claims claimed ' +
    'claiming admit admits admitted concede conceded acknowledge acknowledged acknowledges call calls called calling ' +
    'describe describes described describing dub dubs dubbed label labels labelled labeled brand branded term termed ' +
    'name named nickname nicknamed urge urged urges accuse accused accuses promise promised vow vowed pledge pledged ' +
    'quote quoted quoting read reads comment commented remark remarked suggest suggested suggests shout shouted ' +
    'shouting chant chanted chanting cry cried proclaim proclaimed proclaiming recall recalled recalls recalling ' +
    'continue continued continues conclude concluded boast boasted boasts quip quipped retort retorted exclaim ' +
    'exclaimed blurt blurted whisper whispered scream screamed yell yelled mutter muttered joke joked sing sang sung ' +
    'entitled titled headlined captioned insisting reveal revealed reveals confirm confirmed confirms deny denied ' +
    'denies ' +
    // Verbs of judging someone's words or deeds take a quoted verdict: "slammed the budget as “cruel”".
    'criticise criticised criticises criticize criticized criticizes condemn condemned condemns denounce denounced ' +
    'denounces dismiss dismissed dismisses slam slammed slams blast blasted blasts lambast lambasted decry decried ' +
    'hail hailed hails praise praised praises welcome welcomed welcomes mock mocked mocks deride derided ridicule ' +
    'ridiculed'
  ).split(' ')
)

const beForms = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", 'am'])

/**
 * Whether the word is a verb of saying with a speaker: not an agentless passive ("it is said",
 * "is claimed to"), which names nobody.
 */
function isSpeakerVerb(words: readonly WordToken[], at: number): boolean {
  const word = words[at]
  if (!word) return false
  const key = word.normal
  if (key === 'according') return words[at + 1]?.normal === 'to'
  if (!speechVerbs.has(key)) return false
  let before = at - 1
  while (before >= 0 && words[before]?.lower.endsWith('ly')) before--
  const previous = words[before]
  if (previous && beForms.has(previous.normal)) return words[at + 1]?.normal === 'by'
  return true
}

/** What `speakersOf` knows of a sentence. */
const unknown = 0
const no = 1
const yes = 2

/**
 * Per sentence of a document, whether it has a speaker (`unknown` until asked): every quotation of
 * a sentence, and those of its neighbours, ask the same question.
 */
const speakersOf = oncePerDocument(function sentenceSpeakers(document): Uint8Array {
  return new Uint8Array(document.sentences.length)
})

/** Whether a sentence names a speaker in its own words, outside any quotation. */
export function hasSpeaker(document: ArticleDocument, sentence: SentenceInfo): boolean {
  const known = document.sentences[sentence.index] === sentence ? speakersOf(document) : undefined
  const cached = known?.[sentence.index] ?? unknown
  if (cached !== unknown) return cached === yes
  const found = findSpeaker(document, sentence)
  if (known) known[sentence.index] = found ? yes : no
  return found
}

function findSpeaker(document: ArticleDocument, sentence: SentenceInfo): boolean {
  const {words} = sentence
  for (let at = 0; at < words.length; at++) {
    const word = words[at]
    // The verb test first: it is a set lookup, and few words are verbs of saying.
    if (word && isSpeakerVerb(words, at) && !quotationAround(document, word.start, word.end)) return true
  }
  return false
}

/** The way quotations are attributed so far in a document; `null` while one is being worked out. */
const attributionsOf = oncePerDocument(function quotationAttributions(): Map<Quotation, Attribution | null> {
  return new Map()
})

/** How a quotation is attributed, if it is (cached per document). */
export function attributionOf(document: ArticleDocument, quotation: Quotation): Attribution | undefined {
  const cache = attributionsOf(document)
  const cached = cache.get(quotation)
  if (cached !== undefined) return cached ?? undefined
  cache.set(quotation, null) // guards the recursion through continued quotes
  const found = findAttribution(document, quotation)
  cache.set(quotation, found ?? null)
  return found
}

function findAttribution(document: ArticleDocument, quotation: Quotation): Attribution | undefined {
  const {text, sentences} = document
  // A quoted headline or subhead echoes speech reported in the story, by newsroom convention.
  // (A plain-text line ending in a full stop is a sentence, even when the line stands alone.)
  const block = blockAt(document, quotation.start)
  if (block?.kind === 'heading' && !/[.!?]["”’']?\s*$/.test(block.text)) return 'heading'
  if (/:\s*$/.test(text.slice(Math.max(0, quotation.start - 3), quotation.start))) return 'colon'
  const own = sentencesOver(document, quotation)
  if (own.some((sentence) => hasSpeaker(document, sentence))) return 'sentence'
  const continued = continuedFrom(document, quotation)
  if (continued && attributionOf(document, continued)) return 'continued'
  const first = own[0]
  const last = own[own.length - 1]
  if (first && last) {
    const before = sentences[first.index - 1]
    const after = sentences[last.index + 1]
    if ((before && hasSpeaker(document, before)) || (after && hasSpeaker(document, after))) return 'adjacent'
  }
  return undefined
}

/** The open quotation of the previous paragraph that this one, opening its paragraph, continues. */
function continuedFrom(document: ArticleDocument, quotation: Quotation): Quotation | undefined {
  const paragraph = spanAt(document.paragraphs, layoutOf(document).paragraphsOrdered, quotation.start)
  if (!paragraph || !onlySpaceBetween(document.text, paragraph.start, quotation.start)) return undefined
  const previous = document.paragraphs[paragraph.index - 1]
  if (!previous) return undefined
  const list = document.quotations
  // Quotations are in order of start: only those starting inside the previous paragraph qualify.
  for (let index = firstStartingFrom(list, previous.start); index < list.length; index++) {
    const item = list[index]
    if (!item || item.start >= previous.end) break
    if (!item.closed && item.end >= previous.end) return item
  }
  return undefined
}

/** Whether the quotation sits inside a sentence of the writer's (words before it, outside quotes). */
export function isEmbedded(document: ArticleDocument, quotation: Quotation): boolean {
  const sentence = spanAt(document.sentences, layoutOf(document).sentencesOrdered, quotation.start)
  if (!sentence) return false
  return sentence.words.some((word) => word.end <= quotation.start && !quotationAround(document, word.start, word.end))
}

/*
 * Lookups by offset. A long file has thousands of sentences, paragraphs and quotations: scanning
 * all of them for each quotation made a 10 MB file take seconds in these helpers alone. The
 * document's lists are in text order, so a binary search finds the place; the `ordered` flags
 * check that once per document, and keep the plain scans for a tree whose positions are not.
 */

interface Span {
  readonly start: number
  readonly end: number
}

interface Layout {
  /** Each sentence ends before the next starts. */
  readonly sentencesOrdered: boolean
  /** Each paragraph ends before the next starts. */
  readonly paragraphsOrdered: boolean
  /** Blocks are in order of start (they may nest). */
  readonly blocksOrdered: boolean
  /** For each block, the furthest end of it and every block before it. */
  readonly blockReach: Int32Array
}

const layoutOf = oncePerDocument(function documentLayout(document): Layout {
  const {blocks} = document
  const blockReach = new Int32Array(blocks.length)
  let blocksOrdered = true
  let furthest = -1
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]
    if (!block) continue
    if (index > 0 && block.start < (blocks[index - 1]?.start ?? 0)) blocksOrdered = false
    furthest = Math.max(furthest, block.end)
    blockReach[index] = furthest
  }
  return {
    sentencesOrdered: inOrder(document.sentences),
    paragraphsOrdered: inOrder(document.paragraphs),
    blocksOrdered,
    blockReach
  }
})

function inOrder(list: readonly Span[]): boolean {
  let previousEnd = Number.NEGATIVE_INFINITY
  for (const item of list) {
    if (item.start < previousEnd || item.end < item.start) return false
    previousEnd = item.end
  }
  return true
}

/** The index of the first span ending after `offset` (`list.length` if none), in ordered spans. */
function firstEndingAfter(list: readonly Span[], offset: number): number {
  return countLeading(list.length, (index) => (list[index]?.end ?? 0) <= offset)
}

/** The first quotation (in order of start) starting at or after `offset`. */
export function quotationFrom(document: ArticleDocument, offset: number): Quotation | undefined {
  return document.quotations[firstStartingFrom(document.quotations, offset)]
}

/** The index of the first quotation starting at or after `offset` (`list.length` if none). */
function firstStartingFrom(list: readonly Quotation[], offset: number): number {
  return countLeading(list.length, (index) => (list[index]?.start ?? 0) < offset)
}

/** The first span containing `offset`. */
function spanAt<Item extends Span>(list: readonly Item[], ordered: boolean, offset: number): Item | undefined {
  if (!ordered) return list.find((item) => item.start <= offset && offset < item.end)
  const item = list[firstEndingAfter(list, offset)]
  return item && item.start <= offset ? item : undefined
}

/** The sentences a quotation overlaps, in order. */
function sentencesOver(document: ArticleDocument, quotation: Quotation): SentenceInfo[] {
  const {sentences} = document
  const overlaps = (sentence: SentenceInfo) => sentence.start < quotation.end && quotation.start < sentence.end
  if (!layoutOf(document).sentencesOrdered) return sentences.filter(overlaps)
  const own: SentenceInfo[] = []
  for (let index = firstEndingAfter(sentences, quotation.start); index < sentences.length; index++) {
    const sentence = sentences[index]
    if (!sentence || sentence.start >= quotation.end) break
    if (overlaps(sentence)) own.push(sentence)
  }
  return own
}

/**
 * The innermost block at an offset: the last, in order of start, that starts at or before it and
 * ends after it. Found by a binary search and a walk back stopped once no earlier block reaches it.
 */
function blockAt(document: ArticleDocument, offset: number): Block | undefined {
  const {blocks} = document
  const {blocksOrdered, blockReach} = layoutOf(document)
  if (!blocksOrdered) return scanBlocks(blocks, offset)
  const starting = countLeading(blocks.length, (index) => (blocks[index]?.start ?? 0) <= offset)
  for (let index = starting - 1; index >= 0 && (blockReach[index] ?? 0) > offset; index--) {
    const block = blocks[index]
    if (block && offset < block.end) return block
  }
  return undefined
}

function scanBlocks(blocks: readonly Block[], offset: number): Block | undefined {
  let found: Block | undefined
  for (const block of blocks) {
    if (block.start > offset) break
    if (offset < block.end) found = block
  }
  return found
}

/** Whether `text[from, to)` is white space or empty (`trim() === ''`), read from the end. */
function onlySpaceBetween(text: string, from: number, to: number): boolean {
  for (let index = to - 1; index >= from; index--) if (!isWhiteSpace(text.charCodeAt(index))) return false
  return true
}
