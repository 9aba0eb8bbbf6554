import {createRequire} from 'node:module'
import type {Element, Nodes as HastNodes, Root as HastRoot, Text as HastText} from 'hast'
import type {Nodes as MdastNodes, Root as MdastRoot, Text as MdastText} from 'mdast'
import type {Node as NlcstNode, Root as NlcstRoot, Paragraph, Sentence} from 'nlcst'
import {ParseEnglish} from 'parse-english'
import type {Node, Parent, Position} from 'unist'
import {visitParents} from 'unist-util-visit-parents'
import type {VFile} from 'vfile'
import {locate} from '../kit/report.js'
import {countLeading} from '../kit/search.js'
import type {Block, BlockKind, Format} from '../kit/types.js'
import {
  hasAmpersand,
  hasApostrophe,
  hasHyphen,
  hasSlash,
  paragraphPasses,
  rootPasses,
  sentencePasses,
  splitParagraphs,
  splitSentences,
  textSentencePasses
} from './latin-passes.js'

/** The result of parsing one file: the natural-language tree all rules share, and the source tree. */
export interface Parsed {
  readonly tree: NlcstRoot
  /** The Markdown or HTML tree, for inline control comments; absent for plain text. */
  readonly source?: MdastRoot | HastRoot
  readonly blocks: readonly Block[]
}

const require = createRequire(import.meta.url)

/** What parsing Markdown takes beyond plain text. */
interface MarkdownTools {
  readonly parse: (text: string) => MdastRoot
  readonly toNlcst: typeof import('mdast-util-to-nlcst').toNlcst
  readonly toString: typeof import('mdast-util-to-string').toString
}

/** What parsing HTML takes beyond plain text. */
interface HtmlTools {
  readonly parse: (text: string) => HastRoot
  readonly toNlcst: typeof import('hast-util-to-nlcst').toNlcst
  readonly toString: typeof import('hast-util-to-string').toString
}

let markdownTools: MarkdownTools | undefined
let htmlTools: HtmlTools | undefined

/**
 * The Markdown tools, loaded with the first Markdown file. They and the HTML tools are about 200
 * of the 240 modules a worker thread would otherwise load before its first file, and an archive
 * of plain text needs none of them. `require` of an ES module is synchronous (Node ≥ 20.19), so
 * parsing stays synchronous.
 */
function markdown(): MarkdownTools {
  if (!markdownTools) {
    const {unified} = require('unified') as typeof import('unified')
    const remarkParse = (require('remark-parse') as typeof import('remark-parse')).default
    const processor = unified().use(remarkParse)
    markdownTools = {
      parse: (text) => processor.parse(text),
      toNlcst: (require('mdast-util-to-nlcst') as typeof import('mdast-util-to-nlcst')).toNlcst,
      toString: (require('mdast-util-to-string') as typeof import('mdast-util-to-string')).toString
    }
  }
  return markdownTools
}

/** The HTML tools, loaded with the first HTML file (see `markdown`). */
function html(): HtmlTools {
  if (!htmlTools) {
    const {unified} = require('unified') as typeof import('unified')
    const rehypeParse = (require('rehype-parse') as typeof import('rehype-parse')).default
    const processor = unified().use(rehypeParse, {fragment: true})
    htmlTools = {
      parse: (text) => processor.parse(text),
      toNlcst: (require('hast-util-to-nlcst') as typeof import('hast-util-to-nlcst')).toNlcst,
      toString: (require('hast-util-to-string') as typeof import('hast-util-to-string')).toString
    }
  }
  return htmlTools
}

/** Parse a file once; every position in the result refers to the original file. */
export function parse(file: VFile, format: Format): Parsed {
  // A BOM becomes a space of the same length, so offsets stay those of the original file.
  const original = String(file.value)
  const text = original.charCodeAt(0) === 0xfeff ? ` ${original.slice(1)}` : original
  if (format === 'txt') {
    const tree = parseEnglish(text)
    // parse-english counts lines as vfile-location does (\n, \r\n, \r), so its points are already
    // those of the file; only a carriage return (a point between \r and \n) is worth recomputing.
    if (text.includes('\r')) repoint(tree, file, [], true)
    return {tree, blocks: textBlocks(text)}
  }
  if (format === 'md') {
    const source = markdown().parse(text)
    source.position ??= wholeFile(file, text)
    const tree = markdownToNlcst(source, stand(file, text))
    repoint(tree, file, textRuns(source, text))
    return {tree, source, blocks: markdownBlocks(source, text)}
  }
  const source = html().parse(text)
  // An empty (or all-comment) document parses to a root without a position, which the converter refuses.
  source.position ??= wholeFile(file, text)
  const tree = htmlToNlcst(source, stand(file, text))
  repoint(tree, file, textRuns(source, text))
  return {tree, source, blocks: htmlBlocks(source)}
}

/**
 * hast-util-to-nlcst over an HTML tree, with every text longer than `largest` in pieces (see
 * `textPieces`): the converter hands a text's words to its paragraph with `push(...words)`, which
 * runs out of stack beyond about 100,000 items, so a 1 MB paragraph could not be linted at all.
 * The tree itself (kept for blocks and control comments) is not changed: the pieces go in copies
 * of the elements on the way to them.
 */
export function htmlToNlcst(source: HastRoot, file: VFile, largest = largestBlock): NlcstRoot {
  const converted = String(file.value).length > largest ? withTextsInPieces(source, locate(file), largest) : source
  return html().toNlcst(converted, file, FastParseEnglish) as NlcstRoot
}

function withTextsInPieces<T extends HastRoot | Element>(node: T, place: ReturnType<typeof locate>, largest: number): T {
  let changed = false
  const children: (typeof node.children)[number][] = []
  for (const child of node.children) {
    if (child.type === 'text' && child.value.length > largest) {
      const pieces = textPieces(child, place, largest)
      if (pieces.length > 1) changed = true
      for (const piece of pieces) children.push(piece)
    } else if (child.type === 'element') {
      const copy = withTextsInPieces(child, place, largest)
      if (copy !== child) changed = true
      children.push(copy)
    } else children.push(child)
  }
  return changed ? ({...node, children} as T) : node
}

function wholeFile(file: VFile, text: string): Position {
  const place = locate(file)
  return {start: {line: 1, column: 1, offset: 0}, end: place.toPoint(text.length) ?? {line: 1, column: 1, offset: 0}}
}

/** Plain text longer than this is parsed a piece at a time (see `parseEnglish`). */
const pieceLength = 32 * 1024
/**
 * Where a piece may end: after a sentence's final mark (and a closing quote or bracket) and the
 * white space after it, before a capital. Most such places are sentence breaks in parse-latin
 * too; `cutsCleanly` checks each one before it is used.
 */
const sentenceBreak = /[.!?…]["'”’)\]]?\s+(?=["“‘(]?\p{Lu})/gu
/** A white-space token that separates parse-latin paragraphs (a line break in it). */
const lineBreak = /^[ \t]*(?:(?:\r?\n|\r)[\t ]*)+$/
/** How much text either side of a cut `cutsCleanly` parses, more than any merge of sentences reaches. */
const checkReach = 512

/**
 * parse-english over plain text, in pieces cut between sentences. parse-latin first tokenizes the
 * whole text as one flat list and its plugins splice that list, which is quadratic: a 10 MB file
 * took minutes, and a file with no blank lines is one such list. Cut where a sentence can join
 * neither neighbour, pieces give the same tree (the tests compare them), with positions where
 * each piece sits in the file; a piece cut inside a paragraph is joined to the next again.
 */
export function parseEnglish(text: string, piece = pieceLength): NlcstRoot {
  if (text.length <= piece) return new FastParseEnglish().parse(text)
  const children: NlcstRoot['children'] = []
  let start = 0
  let point: Point = {line: 1, column: 1, offset: 0}
  for (const end of pieceEnds(text, piece)) {
    const part = new FastParseEnglish(point).parse(text.slice(start, end))
    join(children, part.children)
    point = advance(text, start, end, point)
    start = end
  }
  const first = children[0]?.position?.start
  const last = children[children.length - 1]?.position?.end
  return {type: 'RootNode', children, ...(first && last ? {position: {start: first, end: last}} : {})}
}

/** Where each piece of the text ends: the first clean cut at least `piece` units after the last. */
export function pieceEnds(text: string, piece = pieceLength): number[] {
  const ends: number[] = []
  let start = 0
  while (start < text.length) {
    start = text.length - start > piece ? nextCut(text, start + piece) : text.length
    ends.push(start)
  }
  return ends
}

/** The first sentence break at or after `from` where the text can be cut, else the end of the text. */
function nextCut(text: string, from: number): number {
  sentenceBreak.lastIndex = from
  for (let match = sentenceBreak.exec(text); match !== null; match = sentenceBreak.exec(text)) {
    const cut = match.index + match[0].length
    if (cutsCleanly(text, cut)) return cut
  }
  return text.length
}

/**
 * Whether parsing the text around `cut` in two pieces and joining them gives the tree of one
 * parse: parse-latin merges sentences only with their neighbours, so what holds for a window
 * around the cut holds for the whole text.
 */
function cutsCleanly(text: string, cut: number): boolean {
  const from = Math.max(0, cut - checkReach)
  const to = Math.min(text.length, cut + checkReach)
  const origin: Point = {line: 1, column: 1, offset: from}
  const whole = new FastParseEnglish(origin).parse(text.slice(from, to)).children
  const pieces = new FastParseEnglish(origin).parse(text.slice(from, cut)).children
  join(pieces, new FastParseEnglish(advance(text, from, cut, origin)).parse(text.slice(cut, to)).children)
  return sameNodes(pieces, whole)
}

/** Whether two lists of nlcst nodes are equal: types, values, points and children. */
function sameNodes(one: readonly NlcstNode[], other: readonly NlcstNode[]): boolean {
  if (one.length !== other.length) return false
  for (let index = 0; index < one.length; index++) {
    const a = one[index] as NlcstNode & {value?: string; children?: NlcstNode[]}
    const b = other[index] as NlcstNode & {value?: string; children?: NlcstNode[]}
    if (a.type !== b.type || a.value !== b.value || !samePoint(a.position?.start, b.position?.start)) return false
    if (!samePoint(a.position?.end, b.position?.end)) return false
    if (a.children || b.children) {
      if (!a.children || !b.children || !sameNodes(a.children, b.children)) return false
    }
  }
  return true
}

function samePoint(one: Point | undefined, other: Point | undefined): boolean {
  return one?.offset === other?.offset && one?.line === other?.line && one?.column === other?.column
}

type RootChild = NlcstRoot['children'][number]

/**
 * Appends a piece's nodes. A piece cut inside a paragraph ends with that paragraph and the white
 * space after it, which one parse keeps inside the paragraph: the two halves become one again.
 */
function join(children: RootChild[], part: readonly RootChild[]): void {
  const space = children[children.length - 1]
  const before = children[children.length - 2]
  const after = part[0]
  let from = 0
  if (
    space?.type === 'WhiteSpaceNode' &&
    !lineBreak.test(space.value) &&
    before?.type === 'ParagraphNode' &&
    after?.type === 'ParagraphNode'
  ) {
    children.pop()
    before.children.push(space, ...after.children)
    if (before.position && after.position) before.position = {start: before.position.start, end: after.position.end}
    from = 1
  }
  for (let index = from; index < part.length; index++) children.push(part[index] as RootChild)
}

/** The point `to` in the text, from the point at `from`; lines counted as parse-latin counts them. */
function advance(text: string, from: number, to: number, point: Point): Point {
  let line = point.line
  let column = point.column
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index)
    if (code === 13 || (code === 10 && text.charCodeAt(index - 1) !== 13)) {
      line++
      column = 1
    } else if (code !== 10) column++
  }
  return {line, column, offset: (point.offset ?? 0) + to - from}
}

/**
 * mdast-util-to-nlcst over a Markdown tree, a run of top-level blocks at a time. The converter
 * hands the tokens of the whole document to parse-latin's plugins as one sentence, which is
 * quadratic (a 2.5 MB file took 16 s, 12 s of it splicing). Runs end between blocks where
 * `blocksCutCleanly` shows the tree is that of one conversion; the converter's line ending
 * between two blocks is put back where a run ends.
 */
export function markdownToNlcst(source: MdastRoot, file: VFile, piece = pieceLength, largest = largestBlock): NlcstRoot {
  const place = locate(file)
  const blocks = source.children.some((block) => sizeOf(block) > largest)
    ? source.children.flatMap((block) => standIns(block, place, largest))
    : source.children
  const last = blocks[blocks.length - 1]
  if ((last?.position?.end.offset ?? 0) <= piece) {
    const root = blocks === source.children ? source : {...source, children: blocks as MdastRoot['children']}
    return markdown().toNlcst(root, file, FastParseEnglish) as NlcstRoot
  }
  const children: RootChild[] = []
  let from = 0
  while (from < blocks.length) {
    const to = nextBlockCut(blocks, from, file, piece)
    if (from > 0) lineEnding(children, blocks[from - 1], blocks[from], place)
    for (const child of convertBlocks(blocks, from, to, file)) children.push(child)
    from = to
  }
  const first = children[0]?.position?.start
  const end = children[children.length - 1]?.position?.end
  return {type: 'RootNode', children, ...(first && end ? {position: {start: {...first}, end: {...end}}} : {})}
}

/** A Markdown block, or a text in Markdown or HTML, larger than this (in units of source) is not given to the converter whole: see `standIns`. */
const largestBlock = 16 * 1024

function sizeOf(node: Node): number {
  return (node.position?.end.offset ?? 0) - (node.position?.start.offset ?? 0)
}

/**
 * What the converter is given in place of a block: the block itself or, when it is larger than
 * `largest`, its contents (each in turn the same way), and a long text in pieces. The converter
 * flattens every node into one list of words and white space, with a line ending between two
 * neighbours on different lines, so a block and its contents side by side give the same list
 * (when the block starts on its first child's line, and its last part takes its end). But it hands
 * each node's list to its parent with `push(...list)`, which runs out of stack beyond about
 * 100,000 items: a 1 MB paragraph, or a list of 20,000 links, could not be linted at all.
 */
function standIns(node: MdastNodes, place: ReturnType<typeof locate>, largest: number): MdastNodes[] {
  if (sizeOf(node) <= largest) return [node]
  if (node.type === 'text') return textPieces(node, place, largest)
  if (!flattened.has(node.type) || !('children' in node)) return [node]
  // The converter compares a block's first line with the line its neighbour before ends on: its
  // contents must start on its line.
  const first = node.children[0]?.position?.start
  const end = node.position?.end
  if (!first || !end || first.line !== node.position?.start.line) return [node]
  const parts = (node.children as MdastNodes[]).flatMap((child) => standIns(child, place, largest))
  // And it puts the line ending after a block where the block ends, which may be past its last
  // child (a paragraph's trailing space): the last part is given the block's end, which the
  // converter reads for nothing else (but the source of inline code).
  const last = parts[parts.length - 1]
  if (!last?.position || last.type === 'inlineCode') return [node]
  if (last.position.end.offset !== end.offset) parts[parts.length - 1] = {...last, position: {start: last.position.start, end}}
  return parts
}

/** Blocks and inline nodes whose words the converter takes as they are, with nothing of their own. */
const flattened = new Set<string>(['paragraph', 'heading', 'blockquote', 'list', 'listItem', 'emphasis', 'strong', 'delete'])

/**
 * A long text as several, each at most `largest` units where the text allows: cut where a word
 * starts after a space or a line break, where the converter's tokens end and start again anyway.
 * The first keeps the text's start and the last its end; the points between are where the
 * converter would place them, counting on from the start.
 */
function textPieces<T extends MdastText | HastText>(node: T, place: ReturnType<typeof locate>, largest: number): T[] {
  const start = node.position?.start.offset
  if (start === undefined || !node.position) return [node]
  const value = node.value
  const pieces: T[] = []
  let from = 0
  let startPoint = node.position.start
  for (;;) {
    let cut = from + largest
    while (cut < value.length && !(wordStart.test(value[cut] ?? '') && (value[cut - 1] === ' ' || value[cut - 1] === '\n'))) cut++
    const endPoint = cut < value.length ? place.toPoint(start + cut) : undefined
    if (!endPoint) break
    pieces.push({...node, value: value.slice(from, cut), position: {start: startPoint, end: endPoint}})
    from = cut
    startPoint = endPoint
  }
  if (from === 0) return [node]
  pieces.push({...node, value: value.slice(from), position: {start: startPoint, end: node.position.end}})
  return pieces
}

const wordStart = /[A-Za-z0-9]/

/** The index of the first block of the next run: after at least `piece` units of source, at a clean cut. */
function nextBlockCut(blocks: readonly MdastNodes[], from: number, file: VFile, piece: number): number {
  const start = blocks[from]?.position?.start.offset ?? 0
  for (let cut = from + 1; cut < blocks.length; cut++) {
    const offset = blocks[cut]?.position?.start.offset
    if (offset === undefined || offset - start < piece) continue
    if (blocksCutCleanly(blocks, cut, file)) return cut
  }
  return blocks.length
}

/** Whether converting the blocks around `cut` in two runs gives the tree of one conversion (see `cutsCleanly`). */
function blocksCutCleanly(blocks: readonly MdastNodes[], cut: number, file: VFile): boolean {
  const reach = (step: number): number => {
    let index = cut
    let length = 0
    while (length < checkReach && index + step >= 0 && index + step <= blocks.length) {
      const block = step < 0 ? blocks[index - 1] : blocks[index]
      length += (block?.position?.end.offset ?? 0) - (block?.position?.start.offset ?? 0) + 1
      index += step
    }
    return index
  }
  const from = reach(-1)
  const to = reach(1)
  const whole = convertBlocks(blocks, from, to, file)
  const pieces = convertBlocks(blocks, from, cut, file)
  lineEnding(pieces, blocks[cut - 1], blocks[cut], locate(file))
  for (const child of convertBlocks(blocks, cut, to, file)) pieces.push(child)
  return sameNodes(pieces, whole)
}

/**
 * Converts a run of blocks as if the file started at the line the run starts on: the converter
 * counts lines with vfile-location from the start of the file it is given, which over a whole
 * large file for every run was itself quadratic. The blocks are copied with their points moved
 * there, and the points of the result moved back.
 */
function convertBlocks(blocks: readonly MdastNodes[], from: number, to: number, file: VFile): RootChild[] {
  const run = blocks.slice(from, to)
  const first = run[0]?.position?.start
  const last = run[run.length - 1]?.position?.end
  if (!first || !last || first.offset === undefined) return []
  const shift: Shift = {lines: first.line - 1, offset: first.offset - (first.column - 1)}
  const moved = run.map((block) => movedBack(block, shift)) as MdastRoot['children']
  const start = moved[0]?.position?.start
  const end = moved[moved.length - 1]?.position?.end
  if (!start || !end) return []
  const rest = stand(file, String(file.value).slice(shift.offset))
  const children = (
    markdown().toNlcst({type: 'root', children: moved, position: {start, end}}, rest, FastParseEnglish) as NlcstRoot
  ).children
  const seen = new Set<Point>()
  const moveOn = (point: Point): void => {
    if (seen.has(point)) return
    seen.add(point)
    point.line += shift.lines
    point.offset = (point.offset ?? 0) + shift.offset
  }
  const visit = (node: NlcstNode): void => {
    if (node.position) {
      moveOn(node.position.start)
      moveOn(node.position.end)
    }
    if ('children' in node) for (const child of (node as Parent).children) visit(child as NlcstNode)
  }
  for (const child of children) visit(child)
  return children
}

/** Lines and units before the line a run of blocks starts on. */
interface Shift {
  readonly lines: number
  readonly offset: number
}

/** A copy of an mdast node whose points count from the line the run starts on. */
function movedBack<T extends MdastNodes>(node: T, shift: Shift): T {
  const copy = {...node}
  const position = node.position
  if (position) {
    copy.position = {
      start: {...position.start, line: position.start.line - shift.lines, offset: (position.start.offset ?? 0) - shift.offset},
      end: {...position.end, line: position.end.line - shift.lines, offset: (position.end.offset ?? 0) - shift.offset}
    }
  }
  if ('children' in node) (copy as Parent).children = (node.children as MdastNodes[]).map((child) => movedBack(child, shift))
  return copy
}

/** The white space mdast-util-to-nlcst puts between two blocks on different lines: a paragraph break. */
function lineEnding(
  children: RootChild[],
  before: Node | undefined,
  after: Node | undefined,
  place: ReturnType<typeof locate>
): void {
  const end = before?.position?.end
  const start = after?.position?.start
  if (!end || !start || start.line === end.line || end.offset === undefined) return
  const lines = start.line - end.line
  const startPoint = place.toPoint(end.offset)
  const endPoint = place.toPoint(end.offset + lines)
  children.push({
    type: 'WhiteSpaceNode',
    value: '\n'.repeat(Math.max(2, lines)),
    ...(startPoint && endPoint ? {position: {start: startPoint, end: endPoint}} : {})
  })
}

type Point = Position['start']
type Token = ReturnType<ParseEnglish['tokenize']>[number]
type TokenType = Token['type']

/**
 * The tokens of the text being tokenized, before they are copied out: one array reused by every
 * call rather than a new one grown by doubling, whose discarded copies were an eighth of what a
 * lint allocated (a plain-text file is tokenized whole, as one sentence). Emptied after each call
 * so it keeps no tree alive, and let go after a very large text.
 */
const scratch: (Token | undefined)[] = []
/** Past this many tokens the scratch array is dropped after use rather than kept for the next text. */
const scratchKept = 1 << 16
const tokenTypes: readonly TokenType[] = ['WhiteSpaceNode', 'PunctuationNode', 'WordNode', 'SymbolNode']
const whiteSpaceKind = 0
const wordKind = 2
/** The token type of each UTF-16 unit: 0 while not yet known, else its index in `tokenTypes` plus one. */
const typeOfCode = new Uint8Array(0x10000)
/** parse-latin's own tokenizer, which `learnKind` asks about each character once. */
const latinTokenize = ParseEnglish.prototype.tokenize
const learner = new ParseEnglish()

/**
 * parse-english with a faster tokenizer, for a text that starts at `origin` in the file.
 *
 * parse-latin's tokenizer tests up to three Unicode regexes on every character of the file, which
 * was a third of the parse. This one asks parse-latin once per distinct UTF-16 unit (by tokenizing
 * that one character) and then reads a table, so the tokens are exactly parse-latin's. It also
 * makes its points where the text sits in the file, so a piece of a large text needs no second
 * walk to move them. The plugins that merge tokens only pass these points on. Those plugins run
 * as plain loops (latin-passes.ts), with the same effect as parse-english's own.
 */
export class FastParseEnglish extends ParseEnglish {
  readonly #origin: Point

  constructor(origin: Point = {line: 1, column: 1, offset: 0}) {
    super()
    this.#origin = origin
    // parse-english's plugin passes as plain loops (see latin-passes.ts): the same trees, faster.
    // The Markdown and HTML converters run these arrays too.
    this.tokenizeSentencePlugins = [sentencePasses]
    this.tokenizeParagraphPlugins = [paragraphPasses]
    this.tokenizeRootPlugins = [rootPasses]
  }

  /** The marks (`hasAmpersand`, ...) the text last tokenized holds, for `textSentencePasses`. */
  #marks = 0

  /**
   * parse-latin's tokenizeRoot, tokenizeParagraph and tokenizeSentence in one: the text's tokens
   * go through the sentence passes as one sentence, are cut into sentences at terminal markers,
   * go through the paragraph passes as one paragraph, are cut into paragraphs at line breaks and
   * go through the root passes. The same steps and nodes as parse-latin's, with its generic
   * `splitNode` (a string and a regular expression per node) as two plain loops.
   */
  override tokenizeRoot(value?: string | null): NlcstRoot {
    const tokens = this.tokenize(value)
    const sentence: Sentence = {type: 'SentenceNode', children: tokens}
    textSentencePasses(sentence, this.#marks)
    const paragraph: Paragraph = {type: 'ParagraphNode', children: splitSentences(sentence.children)}
    paragraphPasses(paragraph)
    const root: NlcstRoot = {type: 'RootNode', children: splitParagraphs(paragraph.children)}
    rootPasses(root)
    return root
  }

  override tokenize(value?: string | null): Token[] {
    this.#marks = 0
    if (!value) return []
    const tokens = scratch
    let count = 0
    let marks = 0
    const origin = this.#origin
    let line = origin.line
    let column = origin.column
    let offset = origin.offset ?? 0
    let start: Point = {line, column, offset}
    const length = value.length
    let index = 0
    // A run of word or white-space characters, or of one repeated mark (or a surrogate pair), is one token.
    while (index < length) {
      const from = index
      const code = value.charCodeAt(index)
      const kind = this.#kindOf(code)
      index++
      if (kind === whiteSpaceKind) {
        // Lines counted as parse-latin (and vfile-location) count them: \r\n, \n and \r each end one.
        // Every character goes through the same tests (the first too), so each test has met
        // values before V8 optimises this: a test first met late throws the optimised code away.
        let previous = -1
        let next = code
        for (;;) {
          if (next === 13 || (next === 10 && previous !== 13)) {
            line++
            column = 1
          } else if (next !== 10) column++
          if (index >= length) break
          previous = next
          next = value.charCodeAt(index)
          if (this.#kindOf(next) !== whiteSpaceKind) break
          index++
        }
      } else {
        // Words and marks share one loop, so its steps have run (on words) before V8 optimises it;
        // a mark continues only as the same character or a surrogate.
        if (kind !== wordKind) marks |= markOf(code)
        let previous = code
        while (index < length) {
          const next = value.charCodeAt(index)
          if (this.#kindOf(next) !== kind) break
          if (kind !== wordKind && next !== previous && (next & 0xf800) !== 0xd800) break
          previous = next
          index++
        }
        // Word and mark characters are never line breaks.
        column += index - from
      }
      offset += index - from
      // One point object is the end of this token and the start of the next: a large file has
      // millions, and nothing changes a point in place (positions are replaced, never edited).
      const point: Point = {line, column, offset}
      tokens[count++] = createToken(kind, value.slice(from, index), start, point)
      start = point
    }
    this.#marks = marks
    const result = tokens.slice(0, count) as Token[]
    if (tokens.length > scratchKept) tokens.length = 0
    else tokens.fill(undefined, 0, count)
    return result
  }

  /** The token kind parse-latin gives a character (an index in `tokenTypes`), learnt from parse-latin itself on first sight. */
  #kindOf(code: number): number {
    const known = typeOfCode[code] as number
    return known !== 0 ? known - 1 : learnKind(code)
  }
}

/** The token kind of a character not met before, as parse-latin's own tokenizer gives it (kept out of the tokenizer's optimised code). */
function learnKind(code: number): number {
  const type = latinTokenize.call(learner, String.fromCharCode(code))[0]?.type ?? 'SymbolNode'
  const kind = tokenTypes.indexOf(type)
  typeOfCode[code] = kind + 1
  return kind
}

/** The mark bit of a punctuation or symbol character that a sentence pass looks for, else 0. */
function markOf(code: number): number {
  if (code === 45) return hasHyphen
  if (code === 0x27 || code === 0x2019) return hasApostrophe
  if (code === 47) return hasSlash
  if (code === 38) return hasAmpersand
  return 0
}

/**
 * A token as parse-latin makes it: a word wraps its text in a text node with the same points. The
 * word and its text node share one position object (parse-latin makes two equal ones): a word is
 * most of a tree's nodes, and the passes that grow a word give it a new position, never edit one.
 */
function createToken(kind: number, value: string, start: Point, end: Point): Token {
  const type = tokenTypes[kind] as TokenType
  if (kind === wordKind) {
    const position = {start, end}
    return {type: 'WordNode', children: [{type: 'TextNode', value, position}], position}
  }
  return {type, value, position: {start, end}} as Token
}

/** The converters read the file's value; hand them the BOM-less text under the same path. */
function stand(file: VFile, text: string): VFile {
  if (text === file.value) return file
  const copy = Object.create(file) as VFile
  copy.value = text
  return copy
}

/** A text node whose value differs from its source (entities, escapes, stripped indentation). */
interface TextRun {
  readonly start: number
  readonly length: number
  /** Source offset of each value index, plus one entry for the end. */
  readonly offsets: Int32Array
}

const characterReference = /^&(?:#[xX][\da-fA-F]{1,6}|#\d{1,7}|[a-zA-Z][a-zA-Z\d]{1,31});?/

/** Decodes one character reference, for its length in UTF-16 units. */
function decodedLength(reference: string): number {
  const numeric = /^&#([xX])?([\da-fA-F]+)/.exec(reference)
  if (numeric?.[2]) {
    const code = Number.parseInt(numeric[2], numeric[1] ? 16 : 10)
    return code > 0xffff ? 2 : 1
  }
  return 1
}

/** Text nodes whose value is not a plain slice of the source, with their offset maps. */
function textRuns(tree: MdastRoot | HastRoot, text: string): TextRun[] {
  const runs: TextRun[] = []
  visitParents(tree as Node, (node: Node) => {
    if (node.type !== 'text') return
    const value = (node as Node & {value: string}).value
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return
    if (text.slice(start, end) === value) return
    runs.push({start, length: value.length, offsets: align(value, text, start, end)})
  })
  return runs.sort((a, b) => a.start - b.start)
}

/** Maps each index of a decoded value back to the source, skipping escapes, references and indentation. */
function align(value: string, text: string, start: number, end: number): Int32Array {
  const offsets = new Int32Array(value.length + 1)
  let source = start
  let index = 0
  while (index < value.length) {
    const want = value.charAt(index)
    if (source >= end) {
      offsets[index++] = end
      continue
    }
    const have = text.charAt(source)
    if (have === want) {
      offsets[index++] = source++
      continue
    }
    if (have === '&') {
      const reference = characterReference.exec(text.slice(source, Math.min(end, source + 40)))
      if (reference) {
        const units = decodedLength(reference[0])
        for (let unit = 0; unit < units && index < value.length; unit++) offsets[index++] = source
        source += reference[0].length
        continue
      }
    }
    if (have === '\r' && want === '\n') {
      source++
      continue
    }
    // An escape backslash, stripped indentation or other source-only character.
    source++
  }
  offsets[value.length] = Math.min(source, end)
  return offsets
}

/**
 * Moves every nlcst node's position from the decoded value to the original source, and sets
 * line/column from offsets. The converters already computed points with vfile-location over a
 * text of the same length, so a node whose offsets do not move keeps them (most nodes: only
 * those in runs with entities or escapes move) unless `all` asks for every point again.
 */
function repoint(tree: NlcstRoot, file: VFile, runs: readonly TextRun[], all = false): void {
  if (runs.length === 0 && !all) return
  const place = locate(file)
  const fix = (offset: number, isEnd: boolean): number => {
    const run = findRun(runs, offset, isEnd)
    if (!run) return offset
    const index = offset - run.start
    return run.offsets[index] ?? offset
  }
  const visit = (node: NlcstNode): void => {
    const position: Position | undefined = node.position
    if (position?.start.offset !== undefined && position.end.offset !== undefined) {
      const start = fix(position.start.offset, false)
      const end = fix(position.end.offset, true)
      if (!all && start === position.start.offset && end === position.end.offset) {
        if ('children' in node) for (const child of (node as Parent).children) visit(child as NlcstNode)
        return
      }
      const startPoint = place.toPoint(start)
      const endPoint = place.toPoint(end)
      if (startPoint && endPoint) node.position = {start: startPoint, end: endPoint}
    }
    if ('children' in node) for (const child of (node as Parent).children) visit(child as NlcstNode)
  }
  visit(tree)
}

function findRun(runs: readonly TextRun[], offset: number, isEnd: boolean): TextRun | undefined {
  const found = runs[countLeading(runs.length, (index) => (runs[index]?.start ?? 0) <= offset) - 1]
  if (!found) return undefined
  const index = offset - found.start
  // The end of one run equals the start of the next only when they touch; an end belongs to the earlier run.
  if (index < found.length || (isEnd && index === found.length)) return found
  return undefined
}

const bullet = /^\s*(?:[•·▪●◦‣\-*+]|\d{1,2}[.)])\s+/

/** Plain text: each non-blank line is a block; the first line of the article is its headline. */
function textBlocks(text: string): Block[] {
  const blocks: Block[] = []
  const line = /[^\r\n]*(?:\r\n|\n|\r|$)/g
  let paragraph = 0
  let blank = true
  for (let match = line.exec(text); match !== null; match = line.exec(text)) {
    if (match[0] === '') break
    const raw = match[0].replace(/[\r\n]+$/, '')
    const start = match.index
    if (raw.trim() === '') {
      if (!blank) paragraph++
      blank = true
      continue
    }
    blank = false
    const leading = raw.length - raw.trimStart().length
    const content = raw.trim()
    const kind: BlockKind = blocks.length === 0 ? 'heading' : bullet.test(raw) ? 'list-item' : 'paragraph'
    blocks.push({
      kind,
      start: start + leading,
      end: start + leading + content.length,
      text: content,
      index: blocks.length,
      containers: [],
      paragraph
    })
  }
  return blocks
}

/** Markdown: headings, paragraphs (by what contains them), code, HTML and tables. */
function markdownBlocks(tree: MdastRoot, text: string): Block[] {
  const blocks: Block[] = []
  visitParents(tree, (node: MdastNodes, ancestors) => {
    const kind = markdownKind(node, ancestors as MdastNodes[])
    if (!kind) return
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return
    const block: Block = {
      kind,
      start,
      end,
      text: node.type === 'html' || node.type === 'code' ? text.slice(start, end) : markdown().toString(node),
      index: blocks.length,
      containers: [],
      ...(node.type === 'heading' ? {depth: node.depth} : {})
    }
    blocks.push(block)
    return kind === 'paragraph' || kind === 'heading' || kind === 'list-item' || kind === 'quote' ? 'skip' : undefined
  })
  return blocks
}

function markdownKind(node: MdastNodes, ancestors: readonly MdastNodes[]): BlockKind | undefined {
  switch (node.type) {
    case 'heading':
      return 'heading'
    case 'code':
      return 'code'
    case 'html':
      return ancestors.some((a) => a.type === 'paragraph') ? undefined : 'html'
    case 'table':
      return 'table'
    case 'paragraph':
      if (ancestors.some((a) => a.type === 'listItem')) return 'list-item'
      if (ancestors.some((a) => a.type === 'blockquote')) return 'quote'
      return 'paragraph'
    default:
      return undefined
  }
}

/** HTML elements that make a block of their own (inline content inside them is one block). */
export const blockTags: ReadonlySet<string> = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'html',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul'
])
const skippedTags = new Set(['script', 'style', 'template', 'noscript', 'svg', 'math', 'head', 'title'])
/** Elements whose content is page furniture rather than article text, when they sit in the article. */
const furnitureTags = new Set(['aside', 'nav', 'figure', 'footer', 'header', 'form', 'button'])

/** HTML: each run of inline content directly inside a block element is a block. */
function htmlBlocks(tree: HastRoot): Block[] {
  const blocks: Block[] = []
  const walk = (parent: HastRoot | Element, containers: readonly string[], ranges: readonly Range[]): void => {
    let run: HastNodes[] = []
    // Whether the element holds nothing but this run, so removing the block can remove the element.
    const whole =
      parent.type === 'element' && parent.children.every((child) => child.type !== 'element' || !blockTags.has(child.tagName))
    const flush = (): void => {
      const content = run
      run = []
      const first = content[0]
      const last = content[content.length - 1]
      const start = first?.position?.start.offset
      const end = last?.position?.end.offset
      if (start === undefined || end === undefined) return
      const textContent = content
        .map((node) => html().toString(node))
        .join('')
        .replace(/\s+/g, ' ')
        .trim()
      if (!textContent) return
      blocks.push({
        kind: htmlKind(parent),
        start,
        end,
        text: textContent,
        index: blocks.length,
        containers,
        containerRanges: ranges,
        ...(whole && parent.type === 'element' ? elementRange(parent) : {}),
        ...(parent.type === 'element' && /^h[1-6]$/.test(parent.tagName) ? {depth: Number(parent.tagName.slice(1))} : {})
      })
    }
    for (const child of parent.children) {
      if (child.type === 'element' && skippedTags.has(child.tagName)) {
        flush()
        continue
      }
      if (child.type === 'element' && blockTags.has(child.tagName)) {
        flush()
        const marks = elementMarks(child)
        const range =
          child.position?.start.offset !== undefined && child.position.end.offset !== undefined
            ? ([child.position.start.offset, child.position.end.offset] as const)
            : ([-1, -1] as const)
        walk(child, [...containers, ...marks], [...ranges, ...marks.map(() => range)])
        continue
      }
      if (child.type === 'text' || child.type === 'element') run.push(child)
      else if (child.type === 'comment') flush()
    }
    flush()
  }
  walk(tree, [], [])
  return blocks
}

type Range = readonly [number, number]

function elementRange(element: Element): {element?: Range} {
  const start = element.position?.start.offset
  const end = element.position?.end.offset
  return start === undefined || end === undefined ? {} : {element: [start, end]}
}

function elementMarks(element: Element): string[] {
  const marks: string[] = []
  if (furnitureTags.has(element.tagName)) marks.push(element.tagName)
  const className = element.properties.className
  if (Array.isArray(className)) for (const name of className) marks.push(`.${String(name)}`)
  const role = element.properties.role
  if (typeof role === 'string') marks.push(`[role=${role}]`)
  return marks
}

function htmlKind(parent: HastRoot | Element): BlockKind {
  if (parent.type === 'root') return 'paragraph'
  const tag = parent.tagName
  if (/^h[1-6]$/.test(tag)) return 'heading'
  if (tag === 'li' || tag === 'dd' || tag === 'dt') return 'list-item'
  if (tag === 'figcaption' || tag === 'caption') return 'caption'
  if (tag === 'blockquote') return 'quote'
  if (tag === 'pre') return 'code'
  if (tag === 'td' || tag === 'th') return 'table'
  return 'paragraph'
}
