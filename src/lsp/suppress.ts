import type {Element, RootContent as HastContent, Root as HastRoot} from 'hast'
import type {RootContent as MdastContent, Root as MdastRoot} from 'mdast'
import rehypeParse from 'rehype-parse'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import type {Position} from 'unist'
import {blockTags} from '../engine/parse.js'
import type {Format} from '../kit/types.js'

/** An edit in UTF-16 offsets, turned into an LSP TextEdit by the caller. */
export interface OffsetEdit {
  readonly start: number
  readonly end: number
  readonly text: string
}

const markdownParser = unified().use(remarkParse)
// Same settings as the engine's parser, so "the next node" is the node the engine sees.
const htmlParser = unified().use(rehypeParse, {fragment: true})

/** An existing `<!-- copydesk-ignore-next a b -->` comment, with where its rule list ends. */
const ignoreComment = /^<!--(\s*copydesk-ignore-next\s+)([\s\S]*?)(\s*)-->$/

function comment(verb: 'ignore-next' | 'disable', ruleId: string): string {
  return `<!-- copydesk-${verb} ${ruleId} -->`
}

/**
 * Where to put `<!-- copydesk-ignore-next RULE -->` so that it silences the rule in the block
 * holding `offset` and nowhere else: before that block, as its previous sibling (that is what
 * `ignore-next` reads), or added to such a comment already there. `undefined` for plain text,
 * which has no inline control.
 */
export function ignoreNextEdit(text: string, format: Format, offset: number, ruleId: string): OffsetEdit | undefined {
  if (format === 'md') return markdownIgnore(text, offset, ruleId)
  if (format === 'html') return htmlIgnore(text, offset, ruleId)
  return undefined
}

/** `<!-- copydesk-disable RULE -->` at the top: the rule stays off for the rest of the file. */
export function disableFileEdit(text: string, format: Format, ruleId: string): OffsetEdit | undefined {
  if (format === 'txt') return undefined
  // Markdown needs a blank line so the comment is an HTML block of its own, not part of a paragraph.
  const newline = text.includes('\r\n') ? '\r\n' : '\n'
  return {start: 0, end: 0, text: `${comment('disable', ruleId)}${newline}${format === 'md' ? newline : ''}`}
}

interface Span {
  readonly start: number
  readonly end: number
}

function spanOf(node: {readonly position?: Position | undefined}): Span | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start === undefined || end === undefined ? undefined : {start, end}
}

function contains(span: Span | undefined, offset: number): span is Span {
  return span !== undefined && span.start <= offset && offset <= span.end
}

/** Adds `ruleId` to an ignore comment that lists rules; `undefined` when `value` is not one. */
function extendComment(value: string, at: number, ruleId: string): OffsetEdit | undefined {
  const match = ignoreComment.exec(value)
  if (!match?.[1] || match[2] === undefined) return undefined
  const names = match[2].split(/\s+/).filter(Boolean)
  // No names means every rule is ignored already; a repeated name changes nothing.
  if (names.length === 0 || names.includes(ruleId)) return undefined
  const end = at + 4 + match[1].length + match[2].length
  return {start: end, end, text: ` ${ruleId}`}
}

/** The source's line prefix up to `offset`, as the continuation of a list item or block quote needs it. */
function continuation(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1
  // Block-quote markers carry over; list markers and their content indent become spaces.
  return text.slice(lineStart, offset).replace(/[^>\t]/g, ' ')
}

type MdastContainer = MdastRoot | Extract<MdastContent, {children: unknown}>

/** Markdown: the innermost flow block (paragraph, heading, table...) in a root, list item or quote. */
function markdownIgnore(text: string, offset: number, ruleId: string): OffsetEdit | undefined {
  const tree = markdownParser.parse(text)
  let parent: MdastContainer = tree
  for (;;) {
    const siblings = parent.children as MdastContent[]
    const index = siblings.findIndex((child) => contains(spanOf(child), offset))
    const node = siblings[index]
    const span = node && spanOf(node)
    if (!node || !span) return undefined
    if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote') {
      // Go into the item or quote; a list itself cannot hold a comment between its items.
      if (node.type !== 'list' && node.children.length === 0) return undefined
      parent = node
      continue
    }
    const previous = index > 0 ? siblings[index - 1] : undefined
    const previousSpan = previous && spanOf(previous)
    if (previous?.type === 'html' && previousSpan) {
      const extended = extendComment(text.slice(previousSpan.start, previousSpan.end), previousSpan.start, ruleId)
      if (extended) return extended
    }
    const newline = text.includes('\r\n') ? '\r\n' : '\n'
    return {
      start: span.start,
      end: span.start,
      text: `${comment('ignore-next', ruleId)}${newline}${continuation(text, span.start)}`
    }
  }
}

function isWhitespace(node: HastContent): boolean {
  return node.type === 'text' && /^\s*$/.test(node.value)
}

/** HTML: the innermost block element holding the finding (or the loose text it is in). */
function htmlIgnore(text: string, offset: number, ruleId: string): OffsetEdit | undefined {
  const tree = htmlParser.parse(text)
  let target: {node: HastContent; siblings: HastContent[]; index: number} | undefined
  let parent: HastRoot | Element = tree
  for (;;) {
    const siblings: HastContent[] = parent.children
    // Offsets at a boundary belong to the node that starts there (a finding is inside, not after, it).
    const index = siblings.findIndex((child) => {
      const span = spanOf(child)
      return span !== undefined && span.start <= offset && offset < span.end
    })
    const node: HastContent | undefined = siblings[index]
    if (!node) break
    if (node.type !== 'element') {
      target ??= {node, siblings, index}
      break
    }
    if (blockTags.has(node.tagName) || !target) target = {node, siblings, index}
    parent = node
  }
  if (!target) return undefined
  const span = spanOf(target.node)
  if (!span) return undefined
  // The engine drops white-space text before reading the "next" node; do the same to find a comment.
  let before = target.index - 1
  while (before >= 0 && isWhitespace(target.siblings[before] as HastContent)) before--
  const previous = target.siblings[before]
  const previousSpan = previous && spanOf(previous)
  if (previous?.type === 'comment' && previousSpan) {
    const extended = extendComment(text.slice(previousSpan.start, previousSpan.end), previousSpan.start, ruleId)
    if (extended) return extended
  }
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1
  const indent = text.slice(lineStart, span.start)
  const newline = text.includes('\r\n') ? '\r\n' : '\n'
  // On its own line when the element starts one; inline otherwise, so the markup around is untouched.
  const insert = /^[ \t]*$/.test(indent) ? `${comment('ignore-next', ruleId)}${newline}${indent}` : comment('ignore-next', ruleId)
  return {start: span.start, end: span.start, text: insert}
}
