/**
 * Who speaks in a quotation. News copy attributes direct speech with a verb of saying in the same
 * sentence ("…,” she said), a colon (He said: “…”), the neighbouring sentence, or an earlier
 * paragraph whose quote runs on (a paragraph left open and the next one reopening the quote).
 * A quotation with none of these has no speaker: either unattributed speech, or scare quotes
 * around the writer's own word.
 */
import type {ArticleDocument, Quotation, SentenceInfo, WordToken} from './document.js'
import {normalizeWord} from './phrases.js'
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

function insideAny(quotations: readonly Quotation[], start: number, end: number): boolean {
  return quotations.some((quotation) => quotation.start <= start && end <= quotation.end)
}

/**
 * Whether the word is a verb of saying with a speaker: not an agentless passive ("it is said",
 * "is claimed to"), which names nobody.
 */
function isSpeakerVerb(words: readonly WordToken[], at: number): boolean {
  const word = words[at]
  if (!word) return false
  const key = normalizeWord(word.text)
  if (key === 'according') return normalizeWord(words[at + 1]?.text ?? '') === 'to'
  if (!speechVerbs.has(key)) return false
  let before = at - 1
  while (before >= 0 && /ly$/.test(words[before]?.lower ?? '')) before--
  const previous = words[before]
  if (previous && beForms.has(normalizeWord(previous.text))) return normalizeWord(words[at + 1]?.text ?? '') === 'by'
  return true
}

/** Whether a sentence names a speaker in its own words, outside any quotation. */
export function hasSpeaker(document: ArticleDocument, sentence: SentenceInfo): boolean {
  const {words} = sentence
  for (let at = 0; at < words.length; at++) {
    const word = words[at]
    if (!word || insideAny(document.quotations, word.start, word.end)) continue
    if (isSpeakerVerb(words, at)) return true
  }
  return false
}

function blockAt(blocks: readonly Block[], offset: number): Block | undefined {
  let found: Block | undefined
  for (const block of blocks) {
    if (block.start > offset) break
    if (offset < block.end) found = block
  }
  return found
}

const sentencesOf = new WeakMap<ArticleDocument, Map<Quotation, Attribution | null>>()

/** How a quotation is attributed, if it is (cached per document). */
export function attributionOf(document: ArticleDocument, quotation: Quotation): Attribution | undefined {
  let cache = sentencesOf.get(document)
  if (!cache) {
    cache = new Map()
    sentencesOf.set(document, cache)
  }
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
  const block = blockAt(document.blocks, quotation.start)
  if (block?.kind === 'heading' && !/[.!?]["”’']?\s*$/.test(block.text)) return 'heading'
  if (/:\s*$/.test(text.slice(Math.max(0, quotation.start - 3), quotation.start))) return 'colon'
  const own = sentences.filter((sentence) => sentence.start < quotation.end && quotation.start < sentence.end)
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
  const paragraph = document.paragraphs.find((item) => item.start <= quotation.start && quotation.start < item.end)
  if (!paragraph || document.text.slice(paragraph.start, quotation.start).trim() !== '') return undefined
  const previous = document.paragraphs[paragraph.index - 1]
  if (!previous) return undefined
  return document.quotations.find(
    (item) => !item.closed && item.start >= previous.start && item.start < previous.end && item.end >= previous.end
  )
}

/** Whether the quotation sits inside a sentence of the writer's (words before it, outside quotes). */
export function isEmbedded(document: ArticleDocument, quotation: Quotation): boolean {
  const sentence = document.sentences.find((item) => item.start <= quotation.start && quotation.start < item.end)
  if (!sentence) return false
  return sentence.words.some((word) => word.end <= quotation.start && !insideAny(document.quotations, word.start, word.end))
}
