/**
 * Sentences as a reader meets them, for scoring: the parser's sentences, corrected where news copy
 * trips it up.
 *
 * - A sentence never runs across blocks (except the hard-wrapped lines of one plain-text
 *   paragraph). In plain text the parser joins the lines of a paragraph, so a headline without a
 *   full stop, or a run of bullet lines, would otherwise become one long "sentence".
 * - A sentence ends after an abbreviation when a capitalised function word follows:
 *   "… in the U.S. He said" and "… etc. They" are two sentences (the parser keeps them as one,
 *   as it must for "U.S. Senate").
 * - "No." before a figure ("No. 10 said") does not end a sentence.
 */
import {type ArticleDocument, oncePerDocument, type SentenceInfo, type WordToken} from '../kit/document.js'
import {countStartingBy} from '../kit/search.js'
import type {Block, BlockKind} from '../kit/types.js'
import type {SentenceCounts} from './index.js'

export interface SentenceUnit {
  readonly start: number
  readonly end: number
  readonly words: readonly WordToken[]
  /** The kind of block the sentence starts in (`paragraph` when the format has no blocks there). */
  readonly kind: BlockKind
  /** The block it starts in, if any. */
  readonly block?: Block | undefined
  /** Index of the parser's paragraph it belongs to. */
  readonly paragraph: number
}

/**
 * A sentence unit as `sentenceUnits` makes it. Every unit has the same fields, `block` and the
 * metrics' counts included, so the rules and metrics that read units see one shape (an optional
 * field spread in, or a property added later, made four).
 */
export class Unit implements SentenceUnit {
  /** The unit's readability counts, kept here by the metrics the first time they count it. */
  counts: SentenceCounts | undefined = undefined

  constructor(
    readonly start: number,
    readonly end: number,
    readonly words: readonly WordToken[],
    readonly kind: BlockKind,
    readonly block: Block | undefined,
    readonly paragraph: number
  ) {}
}

const sentenceStarters = new Set([
  'a',
  'after',
  'an',
  'and',
  'as',
  'at',
  'but',
  'for',
  'he',
  'her',
  'his',
  'however',
  'i',
  'if',
  'in',
  'it',
  'its',
  'meanwhile',
  'my',
  'on',
  'our',
  'she',
  'that',
  'the',
  'their',
  'there',
  'these',
  'they',
  'this',
  'those',
  'we',
  'when',
  'while',
  'you',
  'your'
])

/** The sentences of a document, split and joined as described above; computed once per document. */
export const sentenceUnits: (document: ArticleDocument) => readonly Unit[] = oncePerDocument(buildUnits)

function blockAt(blocks: readonly Block[], offset: number): Block | undefined {
  const found = blocks[countStartingBy(blocks, offset) - 1]
  // Blocks may nest in HTML; the last one starting before the offset is the innermost if it still covers it.
  if (found && offset < found.end) return found
  for (let index = (found?.index ?? 0) - 1; index >= 0; index--) {
    const block = blocks[index]
    if (block && block.start <= offset && offset < block.end) return block
  }
  return undefined
}

/**
 * Whether two blocks belong to one run of prose: in plain text, hard-wrapped lines of one paragraph
 * (between blank lines) are one run; a headline, a bullet or a block of another paragraph is not.
 */
function sameRun(a: Block, b: Block): boolean {
  if (a === b) return true
  return a.kind === 'paragraph' && b.kind === 'paragraph' && a.paragraph !== undefined && a.paragraph === b.paragraph
}

/** A draft's words until its run ends (one array for all). */
const noWords: readonly WordToken[] = []

interface Draft {
  words: readonly WordToken[]
  block: Block | undefined
  paragraph: number
  start: number
  end: number
}

function buildUnits(document: ArticleDocument): Unit[] {
  const blocks = [...document.blocks].sort(byStartThenLongest)
  const drafts: Draft[] = []
  for (const sentence of document.sentences) draftSentence(drafts, sentence, blocks)
  return unitsOf(joinNumberAfterNo(drafts, document.text))
}

function byStartThenLongest(a: Block, b: Block): number {
  return a.start - b.start || b.end - a.end
}

/*
 * The per-word loop is kept small and apart from the rarer work (a sentence that runs across
 * blocks or on after an abbreviation): V8 optimises the loop early, and code it has not yet seen
 * run would make it throw the optimised loop away and compile it again.
 */

/** Adds a sentence's drafts: one, unless it runs across blocks or on after an abbreviation. */
function draftSentence(drafts: Draft[], sentence: SentenceInfo, blocks: readonly Block[]): void {
  const words = sentence.words
  // Checked by length: reading past the end of an array throws V8's optimised code away.
  if (words.length === 0) return
  const head = words[0] as WordToken
  let current = newDraft(blockAt(blocks, head.start), sentence.paragraph, sentence.start, sentence.end)
  drafts.push(current)
  // Where the current draft's words start in the sentence's: a draft takes a run of them.
  let from = 0
  for (let index = 1; index < words.length; index++) {
    const word = words[index] as WordToken
    const block = blockAt(blocks, word.start)
    const previous = words[index - 1] as WordToken
    if (block === current.block && !endsWithStop(previous.text)) continue
    if (!startsUnit(current, block, previous, word)) continue
    current.end = previous.end
    current.words = words.slice(from, index)
    current = newDraft(block, sentence.paragraph, word.start, sentence.end)
    from = index
    drafts.push(current)
  }
  current.end = sentence.end
  // Most sentences are one unit: it shares the sentence's array of words rather than copying it.
  current.words = from === 0 ? words : words.slice(from)
}

function newDraft(block: Block | undefined, paragraph: number, start: number, end: number): Draft {
  return {words: noWords, block, paragraph, start, end}
}

function endsWithStop(text: string): boolean {
  return text.charCodeAt(text.length - 1) === 46
}

/** Whether `word` starts a new unit: it is in another run of blocks, or follows an abbreviation as a new sentence would. */
function startsUnit(current: Draft, block: Block | undefined, previous: WordToken, word: WordToken): boolean {
  const newBlock = block !== undefined && current.block !== undefined && !sameRun(current.block, block)
  return newBlock || (endsWithStop(previous.text) && sentenceStarters.has(word.lower) && /^\p{Lu}/u.test(word.text))
}

function unitsOf(drafts: readonly Draft[]): Unit[] {
  const units: Unit[] = []
  for (const draft of drafts) {
    if (draft.words.length === 0) continue
    const block = draft.block
    units.push(new Unit(draft.start, draft.end, draft.words, block?.kind ?? 'paragraph', block, draft.paragraph))
  }
  return units
}

/** "No. 10": the parser ends a sentence at `No.`; joins it to the figure that follows. */
function joinNumberAfterNo(drafts: readonly Draft[], text: string): Draft[] {
  const joined: Draft[] = []
  for (const draft of drafts) {
    const last = joined[joined.length - 1]
    if (last !== undefined && continuesNo(last, draft, text)) {
      // A new array: the draft's words may be its sentence's own.
      last.words = last.words.concat(draft.words)
      last.end = draft.end
      continue
    }
    joined.push(draft)
  }
  return joined
}

/** Whether `draft` is the figure after a `No.` that ends `last`, in the same block. */
function continuesNo(last: Draft, draft: Draft, text: string): boolean {
  const lastWord = last.words[last.words.length - 1]
  // Two letters first: almost every draft fails here, before any pattern is tried.
  if (lastWord === undefined || lastWord.text.length !== 2 || !/^no$/i.test(lastWord.text)) return false
  const firstWord = draft.words[0]
  return (
    firstWord !== undefined &&
    last.block === draft.block &&
    /^\p{N}/u.test(firstWord.text) &&
    /^\.\s+$/.test(text.slice(lastWord.end, firstWord.start))
  )
}
