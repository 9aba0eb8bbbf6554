import type {Point, Position} from 'unist'
import type {VFileMessage} from 'vfile-message'
import type {FileReport} from '../engine/lint.js'
import {severityOf} from '../engine/severity.js'
import {countsOf, type FileStream, type RenderedFile, type StreamOptions, shownMessages} from './stream.js'

/** One message in the INTERFACE.md JSON shape (vfile-reporter-json plus `severity`). */
export interface JsonMessage {
  ruleId: string | null
  source: string | null
  severity: 'error' | 'warning' | 'info'
  fatal: boolean | null
  reason: string
  line: number | null
  column: number | null
  place: {start: Point; end: Point} | null
  actual?: string
  expected?: string[]
  url?: string
  note?: string
  fix?: {range: [number, number]; text: string}
}

export interface JsonFileReport {
  path: string
  messages: JsonMessage[]
}

function placeOf(message: VFileMessage): {start: Point; end: Point} | null {
  const place = message.place
  if (!place) return null
  if ('start' in place) {
    const {start, end} = place as Position
    return {start: {...start}, end: {...end}}
  }
  return {start: {...place}, end: {...place}}
}

export function toJsonMessage(message: VFileMessage): JsonMessage {
  const json: JsonMessage = {
    ruleId: message.ruleId ?? null,
    source: message.source ?? null,
    severity: severityOf(message),
    fatal: message.fatal ?? null,
    reason: message.reason,
    line: message.line ?? null,
    column: message.column ?? null,
    place: placeOf(message)
  }
  if (message.actual !== undefined) json.actual = message.actual
  if (message.expected !== undefined) json.expected = [...message.expected]
  if (message.url !== undefined) json.url = message.url
  if (message.note !== undefined) json.note = message.note
  if (message.fix) json.fix = {range: [message.fix.range[0], message.fix.range[1]], text: message.fix.text}
  return json
}

export function toJsonReport(report: Pick<FileReport, 'path' | 'messages'>): JsonFileReport {
  return {path: report.path, messages: report.messages.map(toJsonMessage)}
}

/** One file's element of the JSON array. */
export function renderJsonFile(report: FileReport, options: StreamOptions): RenderedFile {
  const shown = shownMessages(report, options)
  return {
    text: JSON.stringify(toJsonReport({path: report.path, messages: shown})),
    shown: true,
    ...countsOf(report.messages, shown)
  }
}

/** The same bytes as `JSON.stringify` of the whole array, one element at a time. */
export function jsonStream(): FileStream {
  let count = 0
  return {
    add: (rendered) => `${count++ === 0 ? '[' : ','}${rendered.text}`,
    end: () => (count === 0 ? '[]\n' : ']\n')
  }
}

export function formatJson(reports: readonly FileReport[]): string {
  return `${JSON.stringify(reports.map(toJsonReport))}\n`
}

export function formatMetrics(reports: readonly FileReport[]): string {
  return `${JSON.stringify(
    reports.map((report) => ({path: report.path, metrics: report.metrics})),
    null,
    2
  )}\n`
}
