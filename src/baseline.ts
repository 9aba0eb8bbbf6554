import {createHash, randomBytes} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {mkdir, rename, unlink, writeFile} from 'node:fs/promises'
import path from 'node:path'
import type {Position} from 'unist'
import type {VFileMessage} from 'vfile-message'
import type {FileReport} from './engine/lint.js'

/**
 * Baselines: accept the findings a project already has and report only new ones.
 *
 * A finding is recognised by what it is and what is around it, never by where: its fingerprint is
 * `hash(rule id, flagged text)` (16 hex) followed by `hash(a few words either side)` (8 hex). Line
 * numbers play no part, so an edit elsewhere in the file leaves every fingerprint as it was. The
 * first half alone still recognises a finding whose neighbouring words were edited. The same
 * fingerprints feed SARIF `partialFingerprints`, so code scanning tracks alerts the same way.
 */

export const baselineVersion = 1

/** A baseline file could not be used: the run stops with exit code 2 and this message. */
export class BaselineError extends Error {
  override name = 'BaselineError'
}

export interface BaselineEntry {
  readonly ruleId: string
  readonly fingerprint: string
  /** How many findings in the file have this fingerprint. */
  readonly count: number
  /** The flagged text, for people reviewing a baseline in a pull request; not used for matching. */
  readonly text: string
}

export interface Baseline {
  readonly version: typeof baselineVersion
  /** Keyed by path relative to the baseline file's folder, with forward slashes. */
  readonly files: Readonly<Record<string, readonly BaselineEntry[]>>
}

const contextWords = 3
const shownLength = 80

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function hash(parts: readonly string[], length: number): string {
  return createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, length)
}

function offsetsOf(message: VFileMessage): {start: number; end: number} | undefined {
  const place = message.place
  if (!place) return undefined
  const {start, end} = 'start' in place ? (place as Position) : {start: place, end: place}
  if (start.offset === undefined || end.offset === undefined) return undefined
  return {start: start.offset, end: end.offset}
}

/** What a finding flags, whitespace-normalised: the source text, or the message's `actual` without one. */
function flaggedText(message: VFileMessage, text: string | undefined): string | undefined {
  const offsets = offsetsOf(message)
  if (!offsets) return undefined
  if (text !== undefined && offsets.end <= text.length) return normalise(text.slice(offsets.start, offsets.end))
  return message.actual === undefined ? undefined : normalise(message.actual)
}

/** Up to a few words either side of the flagged text, on its own line. */
function contextOf(message: VFileMessage, text: string | undefined): [string, string] {
  const offsets = offsetsOf(message)
  if (!offsets || text === undefined || offsets.end > text.length) return ['', '']
  const lineStart = text.lastIndexOf('\n', offsets.start - 1) + 1
  let lineEnd = text.indexOf('\n', offsets.end)
  if (lineEnd === -1) lineEnd = text.length
  const before = normalise(text.slice(lineStart, offsets.start)).split(' ').slice(-contextWords).join(' ')
  const after = normalise(text.slice(offsets.end, Math.max(offsets.end, lineEnd)))
    .split(' ')
    .slice(0, contextWords)
    .join(' ')
  return [before, after]
}

/**
 * The fingerprint of a finding in `text` (the text its positions refer to), or undefined for a
 * message that is not a finding: no rule or no place (an unreadable file, a rule that crashed).
 */
export function fingerprint(message: VFileMessage, text: string | undefined): string | undefined {
  if (!message.ruleId) return undefined
  const flagged = flaggedText(message, text)
  if (flagged === undefined) return undefined
  return hash([message.ruleId, flagged], 16) + hash(contextOf(message, text), 8)
}

/** The part of a fingerprint that ignores context. */
function loose(value: string): string {
  return value.slice(0, 16)
}

function shown(message: VFileMessage, text: string | undefined): string {
  const flagged = flaggedText(message, text) ?? ''
  return flagged.length > shownLength ? `${flagged.slice(0, shownLength - 1)}…` : flagged
}

/** Where a report's file sits relative to the baseline file: the key in `files`. */
function keyOf(report: Pick<FileReport, 'path'>, baselineFile: string, cwd: string): string {
  const absolute = path.resolve(cwd, report.path)
  return path
    .relative(path.dirname(path.resolve(cwd, baselineFile)), absolute)
    .split(path.sep)
    .join('/')
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** A baseline of every finding in `reports`, sorted so that the file diffs well. */
export function createBaseline(reports: readonly FileReport[], baselineFile: string, cwd: string): Baseline {
  const files: Record<string, BaselineEntry[]> = {}
  for (const report of reports) {
    const counts = new Map<string, {ruleId: string; text: string; count: number}>()
    for (const message of report.messages) {
      const value = fingerprint(message, report.text)
      if (value === undefined || !message.ruleId) continue
      const entry = counts.get(value)
      if (entry) entry.count++
      else counts.set(value, {ruleId: message.ruleId, text: shown(message, report.text), count: 1})
    }
    if (counts.size === 0) continue
    const key = keyOf(report, baselineFile, cwd)
    const entries = [...counts].map(([value, {ruleId, text, count}]) => ({ruleId, fingerprint: value, count, text}))
    files[key] = [...(files[key] ?? []), ...entries].sort(
      (a, b) => compare(a.ruleId, b.ruleId) || compare(a.text, b.text) || compare(a.fingerprint, b.fingerprint)
    )
  }
  const sorted: Record<string, BaselineEntry[]> = {}
  for (const key of Object.keys(files).sort(compare)) sorted[key] = files[key] ?? []
  return {version: baselineVersion, files: sorted}
}

export function serializeBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`
}

/** Writes a baseline file atomically (a temporary file, then a rename), creating its folder. */
export async function writeBaseline(file: string, baseline: Baseline): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), {recursive: true})
  const temporary = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    await writeFile(temporary, serializeBaseline(baseline))
    await rename(temporary, file)
  } catch (error) {
    await unlink(temporary).catch(() => undefined)
    throw new BaselineError(`cannot write baseline \`${file}\`: ${(error as Error).message}`)
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Reads and checks a baseline file; anything wrong with it is a BaselineError naming the file. */
export function readBaseline(file: string): Baseline {
  let source: string
  try {
    source = readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason = code === 'ENOENT' ? 'no such file (create one with --write-baseline)' : (error as Error).message
    throw new BaselineError(`cannot read baseline \`${file}\`: ${reason}`)
  }
  let data: unknown
  try {
    data = JSON.parse(source)
  } catch (error) {
    throw new BaselineError(`baseline \`${file}\` is not valid JSON: ${(error as Error).message}`)
  }
  const bad = (where: string, expected: string) =>
    new BaselineError(`baseline \`${file}\` is not valid: ${where}: expected ${expected}`)
  if (!isRecord(data)) throw bad('top level', 'an object')
  if (data.version !== baselineVersion) {
    throw bad(
      'version',
      `${baselineVersion} (this copydesk reads baseline version ${baselineVersion}), got ${JSON.stringify(data.version)}`
    )
  }
  if (!isRecord(data.files)) throw bad('files', 'an object of paths')
  const files: Record<string, BaselineEntry[]> = {}
  for (const [key, list] of Object.entries(data.files)) {
    if (!Array.isArray(list)) throw bad(`files[${JSON.stringify(key)}]`, 'an array')
    files[key] = list.map((entry: unknown, index) => {
      const where = `files[${JSON.stringify(key)}][${index}]`
      if (!isRecord(entry)) throw bad(where, 'an object')
      if (typeof entry.ruleId !== 'string') throw bad(`${where}.ruleId`, 'a string')
      if (typeof entry.fingerprint !== 'string' || !/^[0-9a-f]{24}$/.test(entry.fingerprint)) {
        throw bad(`${where}.fingerprint`, '24 hexadecimal digits')
      }
      if (!Number.isInteger(entry.count) || (entry.count as number) < 1)
        throw bad(`${where}.count`, 'a whole number of at least 1')
      return {ruleId: entry.ruleId, fingerprint: entry.fingerprint, count: entry.count as number, text: String(entry.text ?? '')}
    })
  }
  return {version: baselineVersion, files}
}

/**
 * Drops the findings the baseline knows. Exact fingerprints are matched first, then what is left
 * by rule and flagged text alone (the words around it were edited). Each entry absorbs at most
 * `count` findings, so a second copy of a known problem is still new.
 */
export function applyBaseline(
  reports: readonly FileReport[],
  baseline: Baseline,
  baselineFile: string,
  cwd: string
): {reports: FileReport[]; suppressed: number} {
  let suppressed = 0
  const kept = reports.map((report) => {
    const entries = baseline.files[keyOf(report, baselineFile, cwd)]
    if (!entries || entries.length === 0) return report
    const exact = new Map<string, number>()
    const byText = new Map<string, number>()
    for (const entry of entries) {
      exact.set(entry.fingerprint, (exact.get(entry.fingerprint) ?? 0) + entry.count)
    }
    const values = report.messages.map((message) => fingerprint(message, report.text))
    const known = new Set<number>()
    values.forEach((value, index) => {
      const left = value === undefined ? 0 : (exact.get(value) ?? 0)
      if (value !== undefined && left > 0) {
        exact.set(value, left - 1)
        known.add(index)
      }
    })
    // Only what no finding matched exactly is left for the looser match.
    for (const [value, left] of exact) if (left > 0) byText.set(loose(value), (byText.get(loose(value)) ?? 0) + left)
    values.forEach((value, index) => {
      if (value === undefined || known.has(index)) return
      const left = byText.get(loose(value)) ?? 0
      if (left > 0) {
        byText.set(loose(value), left - 1)
        known.add(index)
      }
    })
    suppressed += known.size
    return known.size === 0 ? report : {...report, messages: report.messages.filter((_, index) => !known.has(index))}
  })
  return {reports: kept, suppressed}
}
