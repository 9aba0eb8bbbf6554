import type {Root as HastRoot} from 'hast'
import type {Root as MdastRoot} from 'mdast'
import {type Marker, messageControl} from 'unified-message-control'
import type {Node, Parent} from 'unist'
import type {VFile} from 'vfile'
import {source} from '../kit/report.js'
import type {Format} from '../kit/types.js'

const directive = /^\s*copydesk-(disable|enable|ignore-next)(?:\s+([\s\S]*?))?\s*$/

/** `<!-- copydesk-disable a b -->` as unified-message-control's marker (`ignore-next` is its `ignore`). */
function marker(node: Node): Marker | undefined {
  const raw = (node as Node & {value?: unknown}).value
  if (typeof raw !== 'string') return undefined
  const body = node.type === 'html' ? /^<!--([\s\S]*?)-->$/.exec(raw.trim())?.[1] : raw
  if (body === undefined) return undefined
  const match = directive.exec(body)
  if (!match?.[1]) return undefined
  const verb = match[1] === 'ignore-next' ? 'ignore' : match[1]
  return {name: 'copydesk', attributes: `${verb} ${match[2] ?? ''}`.trim()}
}

/** Drops white-space-only text nodes so that `ignore-next` applies to the next element, not a line break. */
function withoutWhitespace<T extends Node>(node: T): T {
  if (!('children' in node)) return node
  const children = (node as unknown as Parent).children
    .filter((child) => !(child.type === 'text' && /^\s*$/.test((child as Node & {value: string}).value)))
    .map((child) => withoutWhitespace(child))
  return {...node, children}
}

/** Applies inline control comments in Markdown and HTML to the file's messages. */
export function applyControlComments(file: VFile, format: Format, tree: MdastRoot | HastRoot | undefined, known: string[]): void {
  if (!tree || format === 'txt') return
  messageControl(format === 'html' ? withoutWhitespace(tree) : tree, {
    file,
    name: 'copydesk',
    marker,
    test: format === 'html' ? 'comment' : 'html',
    known,
    source
  })
}
