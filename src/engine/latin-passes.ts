import type {
  Paragraph,
  ParagraphContent,
  Parent,
  Punctuation,
  Root,
  RootContent,
  Sentence,
  SentenceContent,
  Symbol as SymbolNode,
  WhiteSpace,
  Word,
  WordContent
} from 'nlcst'
import {
  abbreviationPrefix,
  abbreviations,
  abbreviationsSensitive,
  affixSymbol,
  elisionAffix,
  elisionPrefix,
  lowerInitial,
  numerical
} from './latin-expressions.js'

/**
 * The plugin passes of parse-english 7 (and the parse-latin 7 plugins it runs), as plain loops.
 *
 * Why: the stock plugins run through unist-util-modify-children and array-iterate, one callback
 * call per node per pass, and most of them turn nodes into strings with nlcst-to-string before
 * looking at them: that was half the time of a parse and slow to warm up (the callbacks are
 * megamorphic and were compiled again and again). Each function below mirrors one plugin, in the
 * same order, with the same effect on the tree: the same splices, the same points, the same keys
 * in the same order. One difference: where a plugin moves the start or end of a node's position,
 * the loop gives the node a new position object, for a word shares its position with its text
 * node (see createToken in parse.ts) and the text node's must not move. Where a plugin returns an index (array-iterate then moves there,
 * never below 0), the loop does the same; where it returns nothing, the loop moves on by one; a
 * unist-util-visit-children plugin always moves on by one, even after a splice.
 *
 * Stock parse-english is the oracle: tests/engine/latin-passes.test.ts parses the same texts,
 * Markdown and HTML with both and requires identical trees.
 */

/** Runs the sentence passes of parse-english, in its order (`tokenizeSentencePlugins`). */
export function sentencePasses(sentence: Sentence): undefined {
  mergeEnglishElisionExceptions(sentence)
  mergeInitialWordSymbol(sentence)
  mergeFinalWordSymbol(sentence)
  mergeInnerWordSymbol(sentence)
  mergeInnerWordSlash(sentence)
  mergeInitialisms(sentence)
  patchPosition(sentence)
}

/** Marks a text's tokens hold, as `tokenize` reports them: a pass that merges around a mark the text lacks has nothing to do. */
export const hasAmpersand = 1
export const hasSlash = 2
export const hasHyphen = 4
export const hasApostrophe = 8

/**
 * The sentence passes over the tokens of a whole text, skipping those that look for a mark the
 * text does not have (`marks`, from the tokenizer): most articles have no "&" or "/". The passes
 * only ever join nodes that are there, so a pass with no mark to start from changes nothing.
 */
export function textSentencePasses(sentence: Sentence, marks: number): void {
  if ((marks & (hasSlash | hasApostrophe)) !== 0) mergeEnglishElisionExceptions(sentence)
  if ((marks & hasAmpersand) !== 0) mergeInitialWordSymbol(sentence)
  if ((marks & hasHyphen) !== 0) mergeFinalWordSymbol(sentence)
  joinedStop = false
  mergeInnerWordSymbol(sentence)
  if ((marks & hasSlash) !== 0) mergeInnerWordSlash(sentence)
  // An initialism ("U.S") is a word with a full stop inside, which only merge-inner-word-symbol
  // joins; two thirds of the BBC articles have none.
  if (joinedStop) mergeInitialisms(sentence)
  patchPosition(sentence)
}

/** Whether merge-inner-word-symbol has joined a full stop into a word since `textSentencePasses` cleared it. */
let joinedStop = false

/**
 * parse-latin's `splitNode(sentence, 'PunctuationNode', terminalMarker)` as one loop: the tokens
 * of a text cut into sentences after each terminal marker (and at the end), each sentence
 * positioned from its first token's start to its last token's end (the same point objects).
 */
export function splitSentences(tokens: readonly SentenceContent[]): Sentence[] {
  const sentences: Sentence[] = []
  const last = tokens.length - 1
  let start = 0
  for (let index = 0; index <= last; index++) {
    const token = tokens[index] as SentenceContent
    if (index === last || (isPunctuation(token) && isTerminalMarker(token.value))) {
      sentences.push(parentOf('SentenceNode', tokens, start, index) as Sentence)
      start = index + 1
    }
  }
  return sentences
}

/**
 * parse-latin's `splitNode(paragraph, 'WhiteSpaceNode', newLine)` as one loop: a paragraph's
 * sentences and white space cut into paragraphs after each white space with a line break in it.
 */
export function splitParagraphs(children: readonly ParagraphContent[]): Paragraph[] {
  const paragraphs: Paragraph[] = []
  const last = children.length - 1
  let start = 0
  for (let index = 0; index <= last; index++) {
    const child = children[index] as ParagraphContent
    if (index === last || (isWhiteSpaceNode(child) && isNewLine(child.value))) {
      paragraphs.push(parentOf('ParagraphNode', children, start, index) as Paragraph)
      start = index + 1
    }
  }
  return paragraphs
}

/** A sentence or paragraph of `nodes[start..end]`, keys in splitNode's order. */
function parentOf(type: 'SentenceNode' | 'ParagraphNode', nodes: readonly AnyNode[], start: number, end: number): Parent {
  const children = nodes.slice(start, end + 1)
  const parent: Parent = {type, children} as Parent
  const first = positionOf(nodes[start])
  const last = positionOf(nodes[end])
  if (first && last) parent.position = {start: first.start, end: last.end}
  return parent
}

/*
 * parse-latin's expressions that the passes test on most marks, as character tests: a regular
 * expression per comma and full stop was a third of two passes. The tests check them against the
 * expressions for every UTF-16 unit.
 */

/** parse-latin's wordSymbolInner, /^([&'\-.:=?@\u00AD\u00B7\u2010\u2011\u2019\u2027]|_+)$/. */
export function isWordSymbolInner(value: string): boolean {
  const code = value.charCodeAt(0)
  if (value.length === 1) {
    return (
      code === 46 ||
      code === 39 ||
      code === 45 ||
      code === 0x2019 ||
      code === 38 ||
      code === 58 ||
      code === 61 ||
      code === 63 ||
      code === 64 ||
      code === 95 ||
      code === 0xad ||
      code === 0xb7 ||
      code === 0x2010 ||
      code === 0x2011 ||
      code === 0x2027
    )
  }
  if (value.length === 0) return false
  for (let index = 0; index < value.length; index++) if (value.charCodeAt(index) !== 95) return false
  return true
}

/** parse-latin's lowerInitial: whether a value starts with a lower-case letter; ASCII without the expression. */
export function startsWithLowerCase(value: string): boolean {
  const code = value.charCodeAt(0)
  if (code < 128) return code >= 97 && code <= 122
  return lowerInitial.test(value)
}

/** parse-latin's terminalMarker, /^([!.?\u2026\u203D]+)$/, without a regular expression. */
export function isTerminalMarker(value: string): boolean {
  if (value.length === 0) return false
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    if (code !== 46 && code !== 33 && code !== 63 && code !== 0x2026 && code !== 0x203d) return false
  }
  return true
}

/** parse-latin's newLine, /^[ \t]*((\r?\n|\r)[\t ]*)+$/: spaces, tabs and at least one line break. */
export function isNewLine(value: string): boolean {
  let breaks = false
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    if (code === 10 || code === 13) breaks = true
    else if (code !== 32 && code !== 9) return false
  }
  return breaks
}

/** The sentences of the paragraph in the passes that may hold a blank line (see mergeRemainingFullStops); emptied after each paragraph. */
const mayBreak: Sentence[] = []

/** Runs the paragraph passes of parse-english, in its order (`tokenizeParagraphPlugins`). */
export function paragraphPasses(paragraph: Paragraph): undefined {
  mergeEnglishPrefixExceptions(paragraph)
  mergeNonWordSentences(paragraph)
  mergeAffixSymbol(paragraph)
  mergeInitialLowerCaseLetterSentences(paragraph)
  mergeInitialDigitSentences(paragraph)
  mergePrefixExceptions(paragraph)
  mergeAffixExceptions(paragraph)
  mergeRemainingFullStops(paragraph, mayBreak)
  makeInitialWhiteSpaceSiblings(paragraph)
  makeFinalWhiteSpaceSiblings(paragraph)
  breakImplicitSentences(paragraph, mayBreak)
  mayBreak.length = 0
  removeEmptyNodes(paragraph)
  patchPosition(paragraph)
}

/** Runs the root passes of parse-latin, in its order (`tokenizeRootPlugins`). */
export function rootPasses(root: Root): undefined {
  makeInitialWhiteSpaceSiblings(root)
  makeFinalWhiteSpaceSiblings(root)
  removeEmptyNodes(root)
  patchPosition(root)
}

type Mark = Punctuation | SymbolNode
type AnyNode = RootContent | WordContent | Root
/** A paragraph or root, whose children the white-space and empty-node passes move. */
type Branch = Parent

/** nlcst-to-string: a literal's value, else its children's text joined. */
function textOf(node: AnyNode): string {
  if ('value' in node) return node.value
  const children = node.children as readonly AnyNode[]
  if (children.length === 1) return textOf(children[0] as AnyNode)
  let text = ''
  for (const child of children) text += textOf(child)
  return text
}

function isMark(node: AnyNode | undefined): node is Mark {
  return node !== undefined && (node.type === 'PunctuationNode' || node.type === 'SymbolNode')
}

/*
 * The passes test nodes through these few functions rather than each reading `type` and `value`
 * itself. V8 learns what it meets per function: here it learns the node shapes (a word, the other
 * tokens, sentences) and string kinds once for all passes, where each pass on its own was
 * optimised before it had met them all, thrown away at the first new one, and compiled again.
 */

function isWord(node: AnyNode | undefined): node is Word {
  return node !== undefined && node.type === 'WordNode'
}

function isWhiteSpaceNode(node: AnyNode | undefined): node is WhiteSpace {
  return node !== undefined && node.type === 'WhiteSpaceNode'
}

function isPunctuation(node: AnyNode | undefined): node is Punctuation {
  return node !== undefined && node.type === 'PunctuationNode'
}

/**
 * Whether a value is the one character `code`: `value === '.'`, without comparing strings, which
 * V8 optimises for the interned strings it has met and deoptimises at the first other kind (a
 * run such as `...` or a character outside Latin-1 is not interned).
 */
function isChar(value: string, code: number): boolean {
  return value.length === 1 && value.charCodeAt(0) === code
}

/** ' or ’ */
function isApostrophe(value: string): boolean {
  return isChar(value, 0x27) || isChar(value, 0x2019)
}

/**
 * A node's position, read here for the nodes of a sentence (words, marks, white space) whatever
 * their kind, so V8 learns their shapes once for every pass (see above).
 */
function positionOf(node: AnyNode | undefined): AnyNode['position'] {
  return node?.position
}

/**
 * The node at an index, or undefined outside the list. The passes read their neighbours this way:
 * a read past either end is fine in JavaScript but throws V8's optimised code away.
 */
function nodeAt<T>(list: readonly T[], index: number): T | undefined {
  return index >= 0 && index < list.length ? list[index] : undefined
}

/** Appends `from`'s children to `to` one at a time (the plugins spread them, which overflows the stack on huge lists). */
function append<T>(to: T[], from: readonly T[]): void {
  for (const node of from) to.push(node)
}
/** Puts a node at the end of a word, which then ends where the node ends. */
function appendToWord(word: Word, node: WordContent): void {
  word.children.push(node)
  if (word.position && node.position) word.position = {start: word.position.start, end: node.position.end}
}

/** Puts a node at the start of a word, which then starts where the node starts. */
function prependToWord(word: Word, node: WordContent): void {
  word.children.unshift(node)
  if (word.position && node.position) word.position = {start: node.position.start, end: word.position.end}
}

// Sentence passes ------------------------------------------------------------------------------
//
// Each pass below is a loop that looks for a rare mark and a function that merges around it. The
// loop runs over every node of every sentence and V8 optimises it early; the merging, kept apart,
// is compiled only if it ever gets hot, and what V8 has not yet seen run there does not throw the
// loop's optimised code away.

/*
 * The elision pass keeps its first form (merging inline, the apostrophe's function whole): split
 * into small tests like the passes below, its apostrophe tests, patterns and all, were pulled into
 * the pass's optimised code, which a slash or a merge seen late had compiled three times, at about
 * five times the compile time of the pass and its apostrophe function as they are.
 */
/**
 * parse-english mergeEnglishElisionExceptions (a visit-children pass): "w/" is one word, and an
 * apostrophe joins the word it elides: "ol' ", "'twas", "’90s", "rock 'n' roll".
 */
function mergeEnglishElisionExceptions(sentence: Sentence): void {
  const siblings = sentence.children
  for (let index = 0; index < siblings.length; index++) {
    const child = siblings[index] as SentenceContent
    if (!isMark(child)) continue
    if (child.value === '/') {
      const sibling = siblings[index - 1]
      if (sibling?.type === 'WordNode' && textOf(sibling).toLowerCase() === 'w') {
        siblings.splice(index, 1)
        sibling.children.push(child)
        if (sibling.position && child.position) sibling.position = {start: sibling.position.start, end: child.position.end}
      }
    } else if (isApostrophe(child.value)) {
      mergeElidingApostrophe(siblings, child, index)
    }
  }
}

function mergeElidingApostrophe(siblings: SentenceContent[], child: Mark, index: number): void {
  const length = siblings.length
  const previous = siblings[index - 1]
  if (
    index > 2 &&
    index < length - 1 &&
    previous?.type === 'WordNode' &&
    siblings[index - 2]?.type === 'WhiteSpaceNode' &&
    siblings[index + 1]?.type === 'WhiteSpaceNode' &&
    elisionPrefix.test(textOf(previous).toLowerCase())
  ) {
    siblings.splice(index, 1)
    previous.children.push(child)
    if (previous.position && child.position) previous.position = {start: previous.position.start, end: child.position.end}
    return
  }
  const next = siblings[index + 1]
  if (index === length - 1 || next?.type !== 'WordNode' || (index !== 0 && previous?.type === 'WordNode')) return
  const value = textOf(next).toLowerCase()
  const other = siblings[index + 2]
  if (elisionAffix.test(value)) {
    siblings.splice(index, 1)
    next.children.unshift(child)
    if (next.position && child.position) next.position = {start: child.position.start, end: next.position.end}
  } else if (value === 'n' && other?.type === 'PunctuationNode' && isApostrophe(other.value)) {
    siblings.splice(index, 1)
    siblings.splice(index + 1, 1)
    next.children.unshift(child)
    next.children.push(other)
    if (next.position) {
      if (child.position) next.position = {start: child.position.start, end: next.position.end}
      if (other.position) next.position = {start: next.position.start, end: other.position.end}
    }
  }
}

/** parse-latin mergeInitialWordSymbol: an "&" starting a word ("&c") joins it. */
function mergeInitialWordSymbol(sentence: Sentence): void {
  const children = sentence.children
  let index = 0
  while (index < children.length) {
    const child = children[index] as SentenceContent
    if (isMark(child) && isChar(child.value, 38) && mergeAmpersand(children, child, index)) {
      index = Math.max(index - 1, 0)
      continue
    }
    index++
  }
}

/** Joins an "&" to the word after it unless a word comes before it; returns whether it did. */
function mergeAmpersand(children: SentenceContent[], child: Mark, index: number): boolean {
  const next = nodeAt(children, index + 1)
  if ((index > 0 && isWord(nodeAt(children, index - 1))) || !isWord(next)) return false
  children.splice(index, 1)
  prependToWord(next, child)
  return true
}

/** parse-latin mergeFinalWordSymbol: a hyphen ending a word ("pre- and post-war") joins it. */
function mergeFinalWordSymbol(sentence: Sentence): void {
  const children = sentence.children
  let index = 0
  while (index < children.length) {
    const child = children[index] as SentenceContent
    if (index > 0 && isMark(child) && isChar(child.value, 45) && mergeFinalHyphen(children, child, index)) continue
    index++
  }
}

/** Joins a hyphen to the word before it when no word follows; returns whether it did. */
function mergeFinalHyphen(children: SentenceContent[], child: Mark, index: number): boolean {
  const previous = nodeAt(children, index - 1)
  if (isWord(nodeAt(children, index + 1)) || !isWord(previous)) return false
  children.splice(index, 1)
  appendToWord(previous, child)
  return true
}

/**
 * parse-latin mergeInnerWordSymbol: words joined by inner marks ("don't", "e-mail", "3.5") are one
 * word. At this point the list is the tokens of the whole text, and a splice per merge moved the
 * rest of it each time: the list is compacted in one sweep instead, nodes read at `index` and
 * kept at `kept`. The node before the one read is the last one kept, as it is after a splice.
 */
function mergeInnerWordSymbol(sentence: Sentence): void {
  const siblings = sentence.children
  const length = siblings.length
  if (length === 0) return
  let kept = 1
  let index = 1
  while (index < length) {
    const child = siblings[index] as SentenceContent
    const previous = siblings[kept - 1] as SentenceContent
    if (isMark(child) && isWord(previous) && isWordSymbolInner(child.value)) {
      const end = innerWordRunEnd(siblings, index)
      if (end > index) {
        mergeInnerRun(siblings, previous, index, end)
        index = end
        continue
      }
    }
    siblings[kept++] = child
    index++
  }
  siblings.length = kept
}

/** Joins the inner marks and words `siblings[index..end)` to the word before them. */
function mergeInnerRun(siblings: readonly SentenceContent[], previous: Word, index: number, end: number): void {
  let last: WordContent | undefined
  for (let position = index; position < end; position++) {
    const sibling = siblings[position] as SentenceContent
    if (isWord(sibling)) {
      append(previous.children, sibling.children)
      last = sibling.children[sibling.children.length - 1] ?? last
    } else {
      previous.children.push(sibling as Mark)
      last = sibling as Mark
      if (isChar(last.value, 46)) joinedStop = true
    }
  }
  const lastPosition = positionOf(last)
  if (previous.position && lastPosition) previous.position = {start: previous.position.start, end: lastPosition.end}
}

/**
 * Where a run of inner marks and words starting at `index` (a mark after a word) ends: after its
 * last word, or `index` when no word follows the marks.
 */
function innerWordRunEnd(siblings: readonly SentenceContent[], index: number): number {
  let end = index
  for (let position = index; position < siblings.length; position++) {
    const sibling = siblings[position] as SentenceContent
    if (isWord(sibling)) end = position + 1
    else if (!isMark(sibling) || !isWordSymbolInner(sibling.value)) break
  }
  return end
}

/** parse-latin mergeInnerWordSlash: short words around a slash ("and/or", "km/h") are one word. */
function mergeInnerWordSlash(sentence: Sentence): void {
  const siblings = sentence.children
  let index = 0
  while (index < siblings.length) {
    const child = siblings[index] as SentenceContent
    if (isMark(child) && isChar(child.value, 47) && mergeSlashedWords(siblings, child, index)) continue
    index++
  }
}

/** Joins a slash between short words (or after one) into the word before it; returns whether it did. */
function mergeSlashedWords(siblings: SentenceContent[], child: Mark, index: number): boolean {
  const previous = nodeAt(siblings, index - 1)
  if (!isWord(previous)) return false
  const next = nodeAt(siblings, index + 1)
  const nextWord = isWord(next) ? next : undefined
  const nextValue = nextWord ? textOf(nextWord) : ''
  if (textOf(previous).length >= 3 || (nextValue && nextValue.length >= 3)) return false
  previous.children.push(child)
  if (nextWord) append(previous.children, nextWord.children)
  siblings.splice(index, nextWord ? 2 : 1)
  const tail = nextWord ?? child
  const tailPosition = positionOf(tail)
  if (previous.position && tailPosition) previous.position = {start: previous.position.start, end: tailPosition.end}
  return true
}

/** parse-latin mergeInitialisms: the final full stop of an initialism ("U.S.") joins it, unless it is all digits. */
function mergeInitialisms(sentence: Sentence): void {
  const children = sentence.children
  let index = 1
  while (index < children.length) {
    const child = children[index] as SentenceContent
    if (isPunctuation(child) && isChar(child.value, 46) && mergeInitialismStop(children, child, index)) continue
    index++
  }
}

/** Joins a full stop to the initialism before it; returns whether there was one. */
function mergeInitialismStop(children: SentenceContent[], child: Punctuation, index: number): boolean {
  const previous = nodeAt(children, index - 1)
  if (!isWord(previous) || !isInitialism(previous)) return false
  children.splice(index, 1)
  appendToWord(previous, child)
  return true
}

/** Whether a word reads as an initialism waiting for its last stop: "U.S" yes, "1.5" no. */
function isInitialism(word: Word): boolean {
  const parts = word.children
  // The remainder first: it is then computed for every word, not first for a word of several parts (when V8 deoptimised for it).
  if (parts.length % 2 === 0 || parts.length === 1) return false
  let isAllDigits = true
  for (let position = parts.length - 1; position >= 0; position--) {
    const value = textOf(parts[position] as WordContent)
    if (position % 2 === 0) {
      if (value.length > 1) return false
      if (!numerical.test(value)) isAllDigits = false
    } else if (!isChar(value, 46)) {
      if (position < parts.length - 2) break
      return false
    }
  }
  return !isAllDigits
}

/** parse-latin patchPosition: a parent without a start or end takes its first child's start, last child's end. */
function patchPosition(node: Sentence | Paragraph | Root): void {
  const children = node.children as readonly RootContent[]
  const first = children[0]
  if (first?.position && !node.position?.start) {
    node.position ??= {} as NonNullable<typeof node.position>
    node.position.start = first.position.start
  }
  const last = children[children.length - 1]
  if (last?.position && !node.position?.end) {
    node.position ??= {} as NonNullable<typeof node.position>
    node.position.end = last.position.end
  }
}

// Paragraph passes -----------------------------------------------------------------------------

/** parse-english mergeEnglishPrefixExceptions: a sentence ending in an abbreviation ("Mr.", "Jan.") goes on. */
function mergeEnglishPrefixExceptions(paragraph: Paragraph): void {
  const children = paragraph.children
  let index = 0
  while (index < children.length) {
    const sentence = children[index] as ParagraphContent
    if ('children' in sentence) {
      const period = sentence.children[sentence.children.length - 1]
      const word = sentence.children[sentence.children.length - 2]
      if (isPunctuation(period) && isChar(period.value, 46) && isWord(word)) {
        const value = textOf(word)
        if (abbreviations.test(value.toLowerCase()) || abbreviationsSensitive.test(value)) {
          if (mergeStopIntoWord(paragraph, index, sentence, word, period)) {
            index = Math.max(index - 1, 0)
            continue
          }
        }
      }
    }
    index++
  }
}

/**
 * What merge-prefix-exceptions and parse-english's copy of it do with a stop after an
 * abbreviation: the stop joins the word, and the next sentence joins this one. Returns whether
 * there was a next sentence (the plugins then visit the previous sentence again).
 */
function mergeStopIntoWord(paragraph: Paragraph, index: number, sentence: Sentence, word: Word, period: Mark): boolean {
  word.children.push(period)
  sentence.children.pop()
  if (period.position && word.position) word.position = {start: word.position.start, end: period.position.end}
  const next = nodeAt(paragraph.children, index + 1)
  if (next?.type !== 'SentenceNode') return false
  append(sentence.children, next.children)
  paragraph.children.splice(index + 1, 1)
  if (next.position && sentence.position) sentence.position = {start: sentence.position.start, end: next.position.end}
  return true
}

/** parse-latin mergeNonWordSentences: a sentence without words joins the one before it, else the one after. */
function mergeNonWordSentences(paragraph: Paragraph): void {
  const children = paragraph.children
  let index = 0
  while (index < children.length) {
    const child = children[index] as ParagraphContent
    if ('children' in child && !hasWord(child.children)) {
      const previous = nodeAt(children, index - 1)
      if (previous && 'children' in previous) {
        append(previous.children, child.children)
        children.splice(index, 1)
        if (previous.position && child.position) previous.position = {start: previous.position.start, end: child.position.end}
        continue
      }
      const next = nodeAt(children, index + 1)
      if (next && 'children' in next) {
        next.children.unshift(...child.children)
        if (next.position && child.position) next.position = {start: child.position.start, end: next.position.end}
        children.splice(index, 1)
      }
    }
    index++
  }
}

function hasWord(children: readonly SentenceContent[]): boolean {
  for (const node of children) if (isWord(node)) return true
  return false
}

/** parse-latin mergeAffixSymbol: closing marks after a terminal marker ('."', '.)') belong to the sentence before. */
function mergeAffixSymbol(paragraph: Paragraph): void {
  const children = paragraph.children
  let index = 1
  while (index < children.length) {
    const child = children[index] as ParagraphContent
    const previous = nodeAt(children, index - 1)
    if ('children' in child && previous?.type === 'SentenceNode') {
      const first = child.children[0]
      if (isMark(first) && affixSymbol.test(first.value)) {
        moveAffixSymbol(previous, child)
        index = Math.max(index - 1, 1)
        continue
      }
    }
    index++
  }
}

/** Moves the mark starting `child` to the end of the sentence before it; both then start and end where their nodes do. */
function moveAffixSymbol(previous: Sentence, child: Sentence): void {
  const first = child.children[0] as Mark
  const second = child.children[1]
  child.children.shift()
  previous.children.push(first)
  if (first.position && previous.position) previous.position = {start: previous.position.start, end: first.position.end}
  const secondPosition = positionOf(second)
  if (secondPosition && child.position) child.position = {start: secondPosition.start, end: child.position.end}
}

/**
 * The paragraph passes that join a sentence to the one before it when `joins` says so: the
 * sentence's children go on the previous sentence, which then ends where the joined one ended.
 */
function joinSentencesWhere(paragraph: Paragraph, joins: (sentence: Sentence) => boolean): void {
  const children = paragraph.children
  let index = 1
  while (index < children.length) {
    const child = children[index] as ParagraphContent
    const previous = nodeAt(children, index - 1)
    if (child.type === 'SentenceNode' && previous?.type === 'SentenceNode' && joins(child)) {
      append(previous.children, child.children)
      children.splice(index, 1)
      if (previous.position && child.position) previous.position = {start: previous.position.start, end: child.position.end}
      continue
    }
    index++
  }
}

/** parse-latin mergeInitialLowerCaseLetterSentences: a sentence whose first word is lower case goes on the one before. */
function mergeInitialLowerCaseLetterSentences(paragraph: Paragraph): void {
  joinSentencesWhere(paragraph, startsLowerCase)
}

/** Whether the first word of a sentence, before any mark, starts with a lower-case letter. */
function startsLowerCase(sentence: Sentence): boolean {
  for (const node of sentence.children) {
    if (isWord(node)) return startsWithLowerCase(textOf(node))
    if (isMark(node)) return false
  }
  return false
}

/** parse-latin mergeInitialDigitSentences: a sentence starting with a digit ("1.5" split at the stop) goes on the one before. */
function mergeInitialDigitSentences(paragraph: Paragraph): void {
  joinSentencesWhere(paragraph, startsWithDigitWord)
}

/** Whether a sentence's first child is a word starting with a digit. */
function startsWithDigitWord(sentence: Sentence): boolean {
  const head = nodeAt(sentence.children, 0)
  return isWord(head) && startsWithDigit(textOf(head))
}

/** parse-latin's digitStart, /^\d/. */
function startsWithDigit(value: string): boolean {
  const code = value.charCodeAt(0)
  return code >= 48 && code <= 57
}

/** parse-latin mergePrefixExceptions: a sentence ending in a number, letter or Latin abbreviation and a stop goes on. */
function mergePrefixExceptions(paragraph: Paragraph): void {
  const children = paragraph.children
  let index = 0
  while (index < children.length) {
    const child = children[index] as ParagraphContent
    if ('children' in child && child.children.length > 1) {
      const period = child.children[child.children.length - 1]
      const node = child.children[child.children.length - 2]
      if (
        isMark(period) &&
        isChar(period.value, 46) &&
        isWord(node) &&
        abbreviationPrefix.test(textOf(node).toLowerCase()) &&
        mergeStopIntoWord(paragraph, index, child, node, period)
      ) {
        index = Math.max(index - 1, 0)
        continue
      }
    }
    index++
  }
}

/** parse-latin mergeAffixExceptions: a sentence starting with a comma or semicolon goes on the one before. */
function mergeAffixExceptions(paragraph: Paragraph): void {
  // parse-latin asks only that both have children; in a paragraph only sentences do.
  joinSentencesWhere(paragraph, startsWithComma)
}

/** Whether the first mark of a sentence, before any word, is a comma or semicolon. */
function startsWithComma(sentence: Sentence): boolean {
  for (const node of sentence.children) {
    if (isWord(node)) return false
    if (isMark(node)) return isChar(node.value, 44) || isChar(node.value, 59)
  }
  return false
}

/**
 * parse-latin mergeRemainingFullStops (a visit-children pass): a full stop inside a sentence that
 * is not its terminal marker joins the word before it, else the word after it. This walk over
 * every node also notes the sentences that may hold a blank line (white space of two or more
 * characters after their first node) in `mayBreak`, the only ones `breakImplicitSentences` then
 * walks: the passes between move white space out of sentences, never into one.
 */
function mergeRemainingFullStops(paragraph: Paragraph, mayBreak: Sentence[]): void {
  for (const child of paragraph.children) {
    if ('children' in child && mergeInnerFullStops(child.children)) mayBreak.push(child)
  }
}

/** Joins the inner full stops of one sentence; returns whether it has white space of two or more characters after its first node. */
function mergeInnerFullStops(children: SentenceContent[]): boolean {
  let hasFoundDelimiter = false
  let wideSpace = false
  for (let position = children.length - 1; position >= 0; position--) {
    const grandchild = children[position] as SentenceContent
    if (!isMark(grandchild)) {
      // A sentence without terminal marker: act as if one was found.
      if (isWord(grandchild)) hasFoundDelimiter = true
      else if (position > 0 && isWideSpace(grandchild)) wideSpace = true
      continue
    }
    if (!isTerminalMarker(grandchild.value)) continue
    // The last terminal marker stays where it is.
    if (!hasFoundDelimiter) {
      hasFoundDelimiter = true
      continue
    }
    // Joined to the word before, the stop leaves one node fewer before `position`.
    position -= mergeInnerFullStop(children, grandchild, position)
  }
  return wideSpace
}

/** White space of two or more characters, as a blank line (two line breaks) is. */
function isWideSpace(node: SentenceContent): boolean {
  return isWhiteSpaceNode(node) && node.value.length > 1
}

/**
 * A terminal marker that is not the last: a full stop joins the word before it, else the word
 * after it. Returns how many nodes before `position` went (1 when it joined the word before).
 */
function mergeInnerFullStop(children: SentenceContent[], grandchild: Mark, position: number): number {
  if (!isChar(grandchild.value, 46)) return 0
  const previous = nodeAt(children, position - 1)
  const next = nodeAt(children, position + 1)
  if (isWord(previous)) {
    const nextNext = nodeAt(children, position + 2)
    // "{.} ." stays.
    if (next && nextNext && isWhiteSpaceNode(next) && isChar(textOf(nextNext), 46)) return 0
    children.splice(position, 1)
    appendToWord(previous, grandchild)
    return 1
  }
  if (isWord(next)) {
    children.splice(position, 1)
    prependToWord(next, grandchild)
  }
  return 0
}

/**
 * parse-latin makeInitialWhiteSpaceSiblings (a visit-children pass): white space starting a
 * sentence or paragraph moves up beside it. The node moved is visited again at its new index.
 */
function makeInitialWhiteSpaceSiblings(parent: Paragraph | Root): void {
  const children = (parent as Branch).children
  for (let index = 0; index < children.length; index++) {
    const child = children[index] as RootContent
    if (!('children' in child)) continue
    const head = child.children[0]
    if (!isWhiteSpaceNode(head)) continue
    child.children.shift()
    children.splice(index, 0, head)
    const next = child.children[0]
    const nextPosition = positionOf(next)
    if (nextPosition && child.position) child.position = {start: nextPosition.start, end: child.position.end}
  }
}

/** parse-latin makeFinalWhiteSpaceSiblings: white space ending a sentence or paragraph moves up after it. */
function makeFinalWhiteSpaceSiblings(parent: Paragraph | Root): void {
  const children = (parent as Branch).children
  let index = 0
  while (index < children.length) {
    const child = children[index] as RootContent
    if ('children' in child) {
      const tail = child.children[child.children.length - 1]
      if (isWhiteSpaceNode(tail)) {
        moveFinalWhiteSpace(children, child, index)
        continue
      }
    }
    index++
  }
}

/** Moves the white space ending `child` (at `index`) to after it; the child then ends where its new last node ends. */
function moveFinalWhiteSpace(children: RootContent[], child: Branch, index: number): void {
  const tail = child.children.pop() as WhiteSpace
  children.splice(index + 1, 0, tail)
  const previous = child.children[child.children.length - 1]
  const previousPosition = positionOf(previous)
  if (previousPosition && child.position) child.position = {start: child.position.start, end: previousPosition.end}
}

/**
 * parse-latin breakImplicitSentences: white space with two or more line breaks inside a sentence
 * ends it. Only the sentences in `mayBreak` can have such white space (see mergeRemainingFullStops).
 */
function breakImplicitSentences(paragraph: Paragraph, mayBreak: readonly Sentence[]): void {
  const siblings = paragraph.children
  let next = 0
  let index = 0
  // The sentences in `mayBreak` come in the paragraph's order.
  while (index < siblings.length && next < mayBreak.length) {
    if (siblings[index] === mayBreak[next]) {
      next++
      index = breakSentence(siblings, mayBreak[next - 1] as Sentence, index)
    } else index++
  }
}

/**
 * Breaks a sentence at its first blank-line white space (not its first or last node), then the
 * rest likewise, as parse-latin visits that rest next; returns the index after the last part.
 */
function breakSentence(siblings: ParagraphContent[], child: Sentence, index: number): number {
  let sentence = child
  let at = index
  for (let position = blankLine(sentence.children); position > 0; position = blankLine(sentence.children)) {
    sentence = splitSentence(siblings, sentence, at, position)
    at += 2
  }
  return at + 1
}

/** The index of the first white space with two or more line breaks, not the first or last node; -1 when none. */
function blankLine(children: readonly SentenceContent[]): number {
  for (let position = 1; position < children.length - 1; position++) {
    const node = children[position] as SentenceContent
    if (isWhiteSpaceNode(node) && lineBreaks(node.value) >= 2) return position
  }
  return -1
}

/** Ends the sentence at `index` before its blank-line white space at `position`: the rest becomes a new sentence after that white space, which is returned. */
function splitSentence(siblings: ParagraphContent[], child: Sentence, index: number, position: number): Sentence {
  const children = child.children
  const node = children[position] as WhiteSpace
  child.children = children.slice(0, position)
  const insertion: Sentence = {type: 'SentenceNode', children: children.slice(position + 1)}
  const tail = nodeAt(children, position - 1) as SentenceContent
  const head = nodeAt(children, position + 1) as SentenceContent
  siblings.splice(index + 1, 0, node, insertion)
  const tailPosition = positionOf(tail)
  const headPosition = positionOf(head)
  if (child.position && tailPosition && headPosition) {
    const end = child.position.end
    child.position = {start: child.position.start, end: tailPosition.end}
    insertion.position = {start: headPosition.start, end}
  }
  return insertion
}

/** How many line breaks (\r\n, \n or \r) a value has: one less than the pieces of `split(/\r\n|\r|\n/)`. */
function lineBreaks(value: string): number {
  let count = 0
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    if (code === 13) {
      count++
      if (value.charCodeAt(index + 1) === 10) index++
    } else if (code === 10) count++
  }
  return count
}

/** parse-latin removeEmptyNodes: sentences and paragraphs left without children go. */
function removeEmptyNodes(parent: Paragraph | Root): void {
  const children = (parent as Branch).children
  let index = 0
  while (index < children.length) {
    const child = children[index] as RootContent
    if ('children' in child && child.children.length === 0) {
      children.splice(index, 1)
      continue
    }
    index++
  }
}
