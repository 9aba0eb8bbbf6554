import type {Literal, Paragraph, Root, Sentence, Word} from 'nlcst'
import {toString as nlcstToString} from 'nlcst-to-string'
import type {VFile} from 'vfile'
import {isWhiteSpace, straightenApostrophes} from './phrases.js'
import {countStartingBy} from './search.js'
import type {Block, CopydeskData} from './types.js'

/** A word of the text with its place in the file. */
export interface WordToken {
  readonly node: Word
  readonly text: string
  readonly lower: string
  /**
   * `normalizeWord(text)`: lowercased, apostrophes straightened. Computed once here so the phrase
   * matchers and word lists of every rule look the word up without lowercasing it again.
   */
  readonly normal: string
  readonly start: number
  readonly end: number
  /** Index among the words of its sentence. */
  readonly index: number
}

export interface SentenceInfo {
  readonly node: Sentence
  readonly start: number
  readonly end: number
  readonly text: string
  readonly words: readonly WordToken[]
  readonly index: number
  readonly paragraph: number
}

export interface ParagraphInfo {
  readonly node: Paragraph
  readonly start: number
  readonly end: number
  readonly sentences: readonly SentenceInfo[]
  readonly index: number
}

/** A direct quotation: `start`/`end` include the quotation marks. */
export interface Quotation {
  readonly start: number
  readonly end: number
  /** Whether the closing mark was found (multi-paragraph quotes leave it open). */
  readonly closed: boolean
}

/** The parsed article, as every rule sees it: computed once per tree and shared. */
export interface ArticleDocument {
  readonly text: string
  readonly paragraphs: readonly ParagraphInfo[]
  readonly sentences: readonly SentenceInfo[]
  readonly quotations: readonly Quotation[]
  readonly blocks: readonly Block[]
  readonly data: CopydeskData
}

/*
 * Why caches live on the objects they belong to, not in WeakMaps: a WeakMap entry is an ephemeron,
 * and V8's young-generation collector keeps every ephemeron value alive, with all it references,
 * until a full collection. A document refers to its tree's nodes, so caching documents (and what
 * rules derive from them) in WeakMaps had every tree of every file promoted to the old generation:
 * garbage collection took more time than building the documents. A hidden property dies with its
 * object in the next young-generation collection.
 */
const documentSlot = Symbol('copydesk.document')
const cacheSlot = Symbol('copydesk.cache')

interface WithDocument {
  [documentSlot]?: ArticleDocument
}

interface WithCache {
  [cacheSlot]?: Map<symbol, unknown>
}

/** Sets a property that enumerations, JSON and deep equality in tests do not see. */
function hide<Target extends object, Key extends symbol>(target: Target, key: Key, value: unknown): void {
  Object.defineProperty(target, key, {value, configurable: true, writable: true})
}

/** The shared view of a tree, built on first use and cached for the other rules. */
export function getDocument(tree: Root, file: VFile): ArticleDocument {
  let document = (tree as WithDocument)[documentSlot]
  if (!document) {
    document = buildDocument(tree, file)
    hide(tree, documentSlot, document)
  }
  return document
}

/**
 * `compute`, run at most once per document: the result is kept on the document, for the rules and
 * metrics that read the same derived view (see above for why not in a WeakMap).
 */
export function oncePerDocument<Value>(compute: (document: ArticleDocument) => Value): (document: ArticleDocument) => Value {
  const key = Symbol(compute.name)
  return (document) => {
    let cache = (document as WithCache)[cacheSlot]
    if (!cache) {
      cache = new Map()
      hide(document, cacheSlot, cache)
    }
    if (cache.has(key)) return cache.get(key) as Value
    const value = compute(document)
    cache.set(key, value)
    return value
  }
}

function buildDocument(tree: Root, file: VFile): ArticleDocument {
  const text = String(file.value)
  const paragraphs: ParagraphInfo[] = []
  const sentences: SentenceInfo[] = []
  for (const paragraphNode of tree.children) {
    if (paragraphNode.type !== 'ParagraphNode') continue
    const paragraphIndex = paragraphs.length
    const own: SentenceInfo[] = []
    for (const sentenceNode of paragraphNode.children) {
      if (sentenceNode.type !== 'SentenceNode') continue
      const start = sentenceNode.position?.start.offset ?? 0
      const end = sentenceNode.position?.end.offset ?? start
      const sentence = new SentenceRecord(sentenceNode, start, end, wordsOf(sentenceNode), sentences.length, paragraphIndex)
      own.push(sentence)
      sentences.push(sentence)
    }
    const start = paragraphNode.position?.start.offset ?? 0
    paragraphs.push({
      node: paragraphNode,
      start,
      end: paragraphNode.position?.end.offset ?? start,
      sentences: own,
      index: paragraphIndex
    })
  }
  const data = file.data.copydesk ?? {format: 'txt', blocks: []}
  return {
    text,
    paragraphs,
    sentences,
    quotations: quotationsOf(tree, text, data.format, paragraphs),
    blocks: data.blocks,
    data
  }
}

function wordsOf(sentence: Sentence): WordToken[] {
  const words: WordToken[] = []
  for (const child of sentence.children) {
    if (child.type !== 'WordNode' || !child.position) continue
    const value = wordText(child)
    const lower = value.toLowerCase()
    words.push({
      node: child,
      text: value,
      lower,
      normal: straightenApostrophes(lower),
      start: child.position.start.offset ?? 0,
      end: child.position.end.offset ?? 0,
      index: words.length
    })
  }
  return words
}

/**
 * The text of a word node. Its children are leaves (text, punctuation, symbols), most often just
 * one, so this skips nlcst-to-string's recursion and the array it joins for every word.
 */
function wordText(word: Word): string {
  const children = word.children
  const only = children.length === 1 ? children[0] : undefined
  if (only && 'value' in only) return only.value
  let value = ''
  for (const child of children) value += 'value' in child ? child.value : nlcstToString(child)
  return value
}

/**
 * A sentence of the document. Its text is joined from the tree only when a rule asks for it: few
 * do, and joining every sentence of every file cost as much as building the rest of the document.
 */
class SentenceRecord implements SentenceInfo {
  #text: string | undefined

  constructor(
    readonly node: Sentence,
    readonly start: number,
    readonly end: number,
    readonly words: readonly WordToken[],
    readonly index: number,
    readonly paragraph: number
  ) {}

  get text(): string {
    this.#text ??= nlcstToString(this.node)
    return this.#text
  }
}

/**
 * Quotations found in the text as the reader sees it. In HTML a quotation mark is often an entity
 * (`&ldquo;`) and attributes hold straight quotes, so the marks are read from the tree's decoded
 * leaves, each placed at its source offset over a blank copy of the file (a decoded value sits at the
 * end of its span, so `Holmbridge&rsquo;s` still reads as an apostrophe between letters).
 */
function quotationsOf(tree: Root, text: string, format: string, paragraphs: readonly ParagraphInfo[]): Quotation[] {
  let view = text
  if (format === 'html') {
    const shadow = new Array<string>(text.length).fill(' ')
    // Where a mark decoded from an entity starts in the source, so a quotation starts at its `&`.
    const origins = new Map<number, number>()
    const place = (node: Literal) => {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start === undefined || end === undefined) return
      const value = node.value
      if (value.length > end - start) return
      for (let index = 0; index < value.length; index++) shadow[end - value.length + index] = value.charAt(index)
      if (value.length < end - start) origins.set(end - value.length, start)
    }
    const visit = (node: Root['children'][number] | Root): void => {
      if ('children' in node) for (const child of node.children) visit(child)
      else place(node)
    }
    visit(tree)
    view = shadow.join('')
    const marks = markPositions(view)
    const found = paragraphs.flatMap((paragraph) => findQuotations(view, paragraph.start, paragraph.end, marks))
    return found.map((quotation) => {
      const whole = runOn(view, quotation) ?? quotation
      return {...whole, start: origins.get(whole.start) ?? whole.start}
    })
  }
  const marks = markPositions(view)
  // Pushed one by one, not `flatMap` and `map`: the arrays those make differ in kind (the map
  // V8 gives them) before and after they are optimised, and code reading them is thrown away
  // each time it meets the other kind.
  const quotations: Quotation[] = []
  for (const paragraph of paragraphs) {
    for (const quotation of findQuotations(view, paragraph.start, paragraph.end, marks)) {
      quotations.push(runOn(view, quotation) ?? quotation)
    }
  }
  return quotations
}

/** How far (in characters) an unclosed curly quotation may run on into the next paragraphs. */
const runOnLimit = 3000

/**
 * An unclosed “ whose closing ” comes in a later paragraph, before any new “, is one quotation over
 * line breaks (copy where each line is a paragraph, or a quote the writer did not reopen). The news
 * convention of reopening each paragraph with “ keeps its open, per-paragraph quotations.
 */
function runOn(view: string, quotation: Quotation): Quotation | undefined {
  if (quotation.closed || view.charAt(quotation.start) !== '“') return undefined
  for (let index = quotation.end; index < view.length && index < quotation.end + runOnLimit; index++) {
    const char = view.charAt(index)
    if (char === '“') return undefined
    if (char === '”') return {start: quotation.start, end: index + 1, closed: true}
  }
  return undefined
}

const letterOrDigit = /[\p{L}\p{N}]/u
const opensAfter = /[\s([{—–\-:;,/"“‘']/u
/** " “ ” ' ‘ ’ */
const quotationMarks = /["“”'‘’]/g

/**
 * Where the text's quotation marks are, in order. One pass of the regex engine, several times
 * faster than a loop over every character; `test` (unlike `exec`) builds no match object: the mark
 * is the character before `lastIndex`.
 */
function markPositions(text: string): number[] {
  const marks: number[] = []
  quotationMarks.lastIndex = 0
  while (quotationMarks.test(text)) marks.push(quotationMarks.lastIndex - 1)
  return marks
}

/**
 * Direct quotations in `text[from, to)`: curly and straight, double and single.
 * A single mark counts as a quote only where it cannot be an apostrophe
 * (‘ after a space or opening punctuation; ’ not between letters).
 * `marks` are the text's `markPositions`, found once for all its paragraphs.
 */
export function findQuotations(text: string, from: number, to: number, marks = markPositions(text)): Quotation[] {
  const quotations: Quotation[] = []
  let doubleOpen = -1
  let singleOpen = -1
  const stop = Math.min(to, text.length)
  for (let at = marksBefore(marks, from); at < marks.length; at++) {
    const index = marks[at] as number
    if (index >= stop) break
    const char = text.charAt(index)
    // The range is read as if blank outside it, so a paragraph's first mark sees a space before it.
    const before = index > from ? text.charAt(index - 1) : ' '
    const after = index + 1 < stop ? text.charAt(index + 1) : ' '
    if (char === '“' || (char === '"' && (doubleOpen === -1 || opensDouble(before, after)))) {
      // A quote opening while one is open means that quote ran on unclosed (the convention for a
      // quotation over several paragraphs).
      if (doubleOpen !== -1) quotations.push({start: doubleOpen, end: index, closed: false})
      doubleOpen = index
    } else if (char === '”' || char === '"') {
      if (doubleOpen !== -1) {
        quotations.push({start: doubleOpen, end: index + 1, closed: true})
        doubleOpen = -1
      }
    } else if (char === '‘' || char === "'") {
      const opens = opensAfter.test(before) && !isSpace(after)
      if (opens && singleOpen === -1) singleOpen = index
      else if (char === "'" && singleOpen !== -1 && !letterOrDigit.test(after)) {
        quotations.push({start: singleOpen, end: index + 1, closed: true})
        singleOpen = -1
      }
    } else if (char === '’' && singleOpen !== -1) {
      // An apostrophe sits between letters (don’t); a closing mark is followed by a non-letter.
      if (!letterOrDigit.test(after)) {
        quotations.push({start: singleOpen, end: index + 1, closed: true})
        singleOpen = -1
      }
    }
  }
  if (doubleOpen !== -1 || singleOpen !== -1) addUnclosed(quotations, doubleOpen, singleOpen, to)
  return quotations.sort(byStart)
}

/** How many of the (ascending) mark positions lie before `from`: a binary search without a closure. */
function marksBefore(marks: readonly number[], from: number): number {
  let low = 0
  let high = marks.length
  while (low < high) {
    const middle = (low + high) >> 1
    if ((marks[middle] as number) < from) low = middle + 1
    else high = middle
  }
  return low
}

/** Quotations still open at the end of the range run to its end (one call for the rarer case, kept out of the loop's function). */
function addUnclosed(quotations: Quotation[], doubleOpen: number, singleOpen: number, to: number): void {
  if (doubleOpen !== -1) quotations.push({start: doubleOpen, end: to, closed: false})
  if (singleOpen !== -1) quotations.push({start: singleOpen, end: to, closed: false})
}

function byStart(a: Quotation, b: Quotation): number {
  return a.start - b.start
}

/** A straight double mark after a space and before a word opens a quotation. */
function opensDouble(before: string, after: string): boolean {
  return isSpace(before) && !isSpace(after)
}

function isSpace(char: string): boolean {
  return isWhiteSpace(char.charCodeAt(0))
}

/** For each quotation, the furthest end of it and every quotation before it. */
const reachesOf = oncePerDocument(function quotationReaches(document): Int32Array {
  const list = document.quotations
  const reach = new Int32Array(list.length)
  let furthest = -1
  for (let index = 0; index < list.length; index++) {
    furthest = Math.max(furthest, list[index]?.end ?? -1)
    reach[index] = furthest
  }
  return reach
})

/**
 * The innermost quotation containing `[start, end)`, if any: the last one, in order of start,
 * that starts at or before `start` and ends at or after `end`. A binary search and a short walk
 * back (stopped once no earlier quotation reaches `end`), not a scan of every quotation, so a
 * long file with many quotes and many findings stays linear.
 */
export function quotationAround(document: ArticleDocument, start: number, end: number): Quotation | undefined {
  // Asked of the reaches (always an Int32Array), not of the list: an empty list is an array of
  // another kind than a filled one, and V8 throws away code that meets a kind it had not seen.
  const reach = reachesOf(document)
  if (reach.length === 0) return undefined
  const list = document.quotations
  const low = countStartingBy(list, start)
  // Walks back from the last one; written so that the first step runs every instruction of the
  // loop (V8 deoptimised the callers the first time a second step decremented the index).
  let index = low
  while (index > 0) {
    index -= 1
    if ((reach[index] as number) < end) return undefined
    const quotation = list[index] as Quotation
    if (end <= quotation.end) return quotation
  }
  return undefined
}

/**
 * The texts of `words[from, to)` joined by single spaces, as a message shows a span of words. A
 * loop rather than `slice().map().join(' ')`: the array `map` makes is of another kind once V8 has
 * optimised the caller, and `join` then throws that optimised code away.
 */
export function spanText(words: readonly {readonly text: string}[], from: number, to: number): string {
  const stop = Math.min(to, words.length)
  if (from >= stop) return ''
  let text = (words[from] as {readonly text: string}).text
  for (let index = from + 1; index < stop; index++) text += ` ${(words[index] as {readonly text: string}).text}`
  return text
}

/** The sentence containing an offset. */
export function sentenceAt(document: ArticleDocument, offset: number): SentenceInfo | undefined {
  const list = document.sentences
  let low = 0
  let high = list.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const sentence = list[middle]
    if (!sentence) break
    if (offset < sentence.start) high = middle - 1
    else if (offset >= sentence.end) low = middle + 1
    else return sentence
  }
  return undefined
}
