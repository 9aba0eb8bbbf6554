// The editor page's logic that does not touch the DOM: which stretches of text to highlight,
// which one-click edits a finding offers, and how to apply them. Runs in the browser (served as
// /page/model.js) and in the tests; imports types only.
import type {LintReport} from '../../api.js'
import type {Metrics} from '../../metrics/index.js'
import type {JsonMessage} from '../../reporters/json.js'

export type {JsonMessage, LintReport}
export type Severity = JsonMessage['severity']

export const severityOrder: readonly Severity[] = ['error', 'warning', 'info']

/** A stretch of the text and the findings (indices into the messages) that cover it. */
export interface Segment {
  readonly start: number
  readonly end: number
  readonly findings: readonly number[]
}

/** The offsets a message covers, clamped to the text; undefined when it has no usable place. */
export function spanOf(message: JsonMessage, length: number): [number, number] | undefined {
  const start = message.place?.start.offset
  const end = message.place?.end.offset
  if (typeof start !== 'number' || typeof end !== 'number') return undefined
  const from = Math.max(0, Math.min(start, length))
  const to = Math.max(from, Math.min(end, length))
  return to > from ? [from, to] : undefined
}

/**
 * Cuts the text at every finding's start and end, so overlapping findings (a hard sentence with
 * a loaded word inside it) each keep their own stretch. Covers the whole text, in order.
 */
export function segments(length: number, messages: readonly JsonMessage[]): Segment[] {
  const spans = messages.map((message) => spanOf(message, length))
  const cuts = new Set<number>([0, length])
  for (const span of spans) {
    if (span) {
      cuts.add(span[0])
      cuts.add(span[1])
    }
  }
  const points = [...cuts].sort((a, b) => a - b)
  const result: Segment[] = []
  for (let index = 0; index + 1 < points.length; index++) {
    const start = points[index]!
    const end = points[index + 1]!
    if (end <= start) continue
    const findings: number[] = []
    spans.forEach((span, at) => {
      if (span && span[0] <= start && span[1] >= end) findings.push(at)
    })
    result.push({start, end, findings})
  }
  return result
}

/** The finding a highlighted stretch is drawn as: the narrowest one, then the most severe. */
export function primaryFinding(
  findings: readonly number[],
  messages: readonly JsonMessage[],
  length: number
): number | undefined {
  let best: number | undefined
  let bestWidth = Number.POSITIVE_INFINITY
  let bestRank = Number.POSITIVE_INFINITY
  for (const index of findings) {
    const message = messages[index]
    const span = message && spanOf(message, length)
    if (!message || !span) continue
    const width = span[1] - span[0]
    const rank = severityOrder.indexOf(message.severity)
    if (width < bestWidth || (width === bestWidth && rank < bestRank)) {
      best = index
      bestWidth = width
      bestRank = rank
    }
  }
  return best
}

/** A one-click edit: replace `range` of the linted text with `text`. */
export interface Edit {
  readonly label: string
  readonly range: readonly [number, number]
  readonly text: string
}

function quoted(value: string): string {
  const short = value.length > 40 ? `${value.slice(0, 37)}…` : value
  return `“${short.replace(/\s+/g, ' ').trim()}”`
}

/**
 * The edits a finding offers on `text` (the text it was found in): its safe `fix`, then each
 * `expected` alternative in place of what was found. An alternative is offered only when the
 * text at the finding still reads as `actual`, so an edit never lands on the wrong words.
 */
export function editsFor(message: JsonMessage, text: string): Edit[] {
  const edits: Edit[] = []
  const fix = message.fix
  if (fix) {
    const [start, end] = fix.range
    if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length) {
      const found = text.slice(start, end)
      const label =
        fix.text === ''
          ? `Remove ${quoted(found)}`
          : start === end
            ? `Insert ${quoted(fix.text)}`
            : `Replace with ${quoted(fix.text)}`
      edits.push({label, range: [start, end], text: fix.text})
    }
  }
  const span = spanOf(message, text.length)
  if (span && message.expected && message.expected.length > 0) {
    const found = text.slice(span[0], span[1])
    if (message.actual === undefined || message.actual === found) {
      for (const alternative of message.expected) {
        if (alternative === found) continue
        if (fix && fix.range[0] === span[0] && fix.range[1] === span[1] && fix.text === alternative) continue
        edits.push({label: `Use ${quoted(alternative)}`, range: span, text: matchCase(found, alternative)})
      }
    }
  }
  return edits
}

/** `Fanatics` → `Militants`: an alternative keeps the capital of the word it replaces. */
export function matchCase(found: string, alternative: string): string {
  const first = found.charAt(0)
  if (first && first !== first.toLowerCase() && found !== found.toUpperCase()) {
    return alternative.charAt(0).toUpperCase() + alternative.slice(1)
  }
  return alternative
}

export function applyEdit(text: string, edit: Pick<Edit, 'range' | 'text'>): string {
  return text.slice(0, edit.range[0]) + edit.text + text.slice(edit.range[1])
}

export function countBySeverity(messages: readonly JsonMessage[]): Record<Severity, number> {
  const counts: Record<Severity, number> = {error: 0, warning: 0, info: 0}
  for (const message of messages) counts[message.severity]++
  return counts
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}

/** "2 errors, 14 warnings and 5 suggestions", or "No findings". */
export function summary(messages: readonly JsonMessage[]): string {
  const counts = countBySeverity(messages)
  const parts = [
    counts.error ? plural(counts.error, 'error') : '',
    counts.warning ? plural(counts.warning, 'warning') : '',
    counts.info ? plural(counts.info, 'suggestion') : ''
  ].filter(Boolean)
  if (parts.length === 0) return 'No findings'
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`
}

export const severityLabels: Record<Severity, string> = {error: 'Error', warning: 'Warning', info: 'Suggestion'}

/** The metrics the page shows, in reading order, with what each means. */
export const metricRows: ReadonlyArray<{key: keyof Metrics; label: string; hint: string; digits: number}> = [
  {key: 'words', label: 'Words', hint: 'Words as written, figures included', digits: 0},
  {key: 'sentences', label: 'Sentences', hint: 'Sentences with at least one word', digits: 0},
  {key: 'paragraphs', label: 'Paragraphs', hint: 'Paragraphs with at least one word', digits: 0},
  {key: 'passiveSentences', label: 'Passive sentences', hint: 'Sentences with a passive construction', digits: 0},
  {key: 'fleschReadingEase', label: 'Flesch reading ease', hint: 'Higher is easier; 60–70 is plain English', digits: 1},
  {key: 'fleschKincaidGrade', label: 'Flesch–Kincaid grade', hint: 'US school grade needed to follow the text', digits: 1},
  {key: 'gunningFog', label: 'Gunning fog', hint: 'Years of schooling needed on first reading', digits: 1},
  {key: 'smog', label: 'SMOG grade', hint: 'Grade from words of three or more syllables', digits: 1},
  {key: 'colemanLiau', label: 'Coleman–Liau', hint: 'Grade from letters per word and words per sentence', digits: 1},
  {key: 'automatedReadability', label: 'Automated readability', hint: 'Grade from characters per word', digits: 1},
  {key: 'daleChall', label: 'Dale–Chall', hint: 'From unfamiliar words; under 7 suits a general reader', digits: 1}
]

export function formatMetric(value: unknown, digits: number): string {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : '–'
}

/** The request the page sends; `config` only when the editor gave one. */
export function lintRequest(text: string, format: string, config: unknown, fix = false): Record<string, unknown> {
  return {text, format, ...(config === undefined ? {} : {config}), ...(fix ? {fix: true} : {})}
}

/** Reads the optional config box: empty is no config; otherwise it must be a JSON object. */
export function parseConfig(source: string): {ok: true; config: unknown} | {ok: false; message: string} {
  if (source.trim() === '') return {ok: true, config: undefined}
  try {
    const value: unknown = JSON.parse(source)
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return {ok: false, message: 'The config must be a JSON object, like {"rules": {"passive-voice": "off"}}'}
    }
    return {ok: true, config: value}
  } catch (error) {
    return {ok: false, message: `The config is not valid JSON: ${(error as Error).message}`}
  }
}
