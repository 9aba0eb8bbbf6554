import {getDocument, report, type Block, type Rule} from '../../src/kit/index.js'
import phrases from './phrases.json' with {type: 'json'}

type Kind = keyof typeof phrases | 'caption'
const kinds = ['share', 'call-to-action', 'ad', 'caption'] as const

export interface StrayWidgetTextOptions {
  /** More block texts that are furniture, by kind. */
  readonly phrases: readonly string[]
  /** Block texts never to flag. */
  readonly allow: readonly string[]
  /** Which kinds of furniture to check. */
  readonly kinds: readonly Kind[]
}

const labels: Record<Kind, string> = {
  share: 'share widget',
  'call-to-action': 'call to action',
  ad: 'ad marker',
  caption: 'photo caption or credit'
}

/** A block's text as a key: lowercase, bullets, counts and trailing punctuation dropped. */
function key(text: string): string {
  return text
    .toLowerCase()
    .replace(/^[\s•·▪\-*+]+/, '')
    .replace(/\s*\(\d+\)\s*$/, '')
    .replace(/[\s.:!›»>…]+$/, '')
    .trim()
}

export const rule: Rule<StrayWidgetTextOptions> = {
  meta: {
    id: 'stray-widget-text',
    description: 'Page furniture left in the copy: share widgets, "Read more", ads, captions, bylines',
    severity: 'warning',
    fixable: true,
    recommended: true,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        phrases: {type: 'array', items: {type: 'string', minLength: 1}, uniqueItems: true},
        allow: {type: 'array', items: {type: 'string', minLength: 1}, uniqueItems: true},
        kinds: {type: 'array', items: {enum: [...kinds]}, uniqueItems: true}
      }
    },
    defaults: {phrases: [], allow: [], kinds: [...kinds]}
  },
  plugin(options) {
    const byText = new Map<string, Kind>()
    for (const kind of Object.keys(phrases) as (keyof typeof phrases)[]) {
      if (options.kinds.includes(kind)) for (const phrase of phrases[kind]) byText.set(phrase, kind)
    }
    for (const phrase of options.phrases) byText.set(key(phrase), 'call-to-action')
    const allowed = new Set(options.allow.map(key))
    return (tree, file) => {
      const document = getDocument(tree, file)
      for (const block of document.blocks) {
        if (block.kind === 'code' || block.kind === 'html') continue
        const text = key(block.text)
        if (allowed.has(text)) continue
        let kind = byText.get(text)
        if (!kind && options.kinds.includes('caption') && /^(pictured|image copyright|photo|picture)\s*:/i.test(block.text)) {
          kind = 'caption'
        }
        if (!kind) continue
        report(file, rule.meta, {
          start: block.start,
          end: block.end,
          actual: document.text.slice(block.start, block.end),
          expected: [],
          reason: `Unexpected ${labels[kind]} \`${block.text.slice(0, 60)}\` in the copy, remove it`,
          fix: {range: removalRange(document.text, block), text: ''}
        })
      }
    }
  }
}

/** The block with its line: its own line ending, and one blank line when it stood alone as a paragraph. */
function removalRange(text: string, block: Block): [number, number] {
  let start = block.start
  while (start > 0 && text[start - 1] !== '\n' && /\s/.test(text[start - 1] ?? '')) start--
  const lineStart = start === 0 || text[start - 1] === '\n'
  if (!lineStart) return [block.start, block.end]
  let end = block.end
  while (end < text.length && text[end] !== '\n' && /\s/.test(text[end] ?? '')) end++
  if (text[end] === '\n') end++
  else return [start, end]
  // Drop the blank line after it too when the block was a paragraph of its own.
  const before = text.slice(0, start)
  const blankBefore = start === 0 || /\n\s*\n$/.test(before) || /^\s*$/.test(before)
  const blankAfter = /^[ \t]*\r?\n/.exec(text.slice(end))
  if (blankBefore && blankAfter) end += blankAfter[0].length
  return [start, end]
}
