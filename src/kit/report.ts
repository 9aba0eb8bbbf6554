import type {Node as NlcstNode} from 'nlcst'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import type {VFileMessage} from 'vfile-message'
import type {Fix, RuleMeta} from './types.js'

declare module 'vfile-message' {
  interface VFileMessage {
    /** A safe edit that `--fix` applies. */
    fix?: Fix | undefined
    /** Reported one severity step below the rule's configured severity (e.g. vague sources). */
    weak?: boolean | undefined
  }
}

export const source = 'copydesk'
const docsBase = 'https://github.com/copydesk/copydesk/blob/main/rules'

/** Where a rule's documentation lives. */
export function ruleUrl(id: string): string {
  return `${docsBase}/${id}/README.md`
}

/**
 * Runs `make` without capturing stack traces. A VFileMessage is an Error, so constructing one
 * captures the stack (tens of frames deep inside a rule) only for vfile-message to overwrite
 * `stack` with '' straight after: for thousands of findings that was about 4% of a run.
 */
export function withoutStackTraces<T>(make: () => T): T {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    return make()
  } finally {
    Error.stackTraceLimit = limit
  }
}

type Locator = ReturnType<typeof location>

/*
 * The lookups live on the file as a hidden property, not in a WeakMap keyed by file: V8 keeps a
 * WeakMap's values (here an index of every line of the file, and the file itself) alive until a full
 * collection, and so had every linted file promoted to the old generation (see document.ts).
 */
const locatorSlot = Symbol('copydesk.locator')

interface WithLocator {
  [locatorSlot]?: Locator
}

/** Line/column lookups for a file, built once per file. */
export function locate(file: VFile): Locator {
  let found = (file as WithLocator)[locatorSlot]
  if (!found) {
    found = location(file)
    // Not enumerable: the file is serialised and compared in tests, and must look the same.
    Object.defineProperty(file, locatorSlot, {value: found, configurable: true, writable: true})
  }
  return found
}

export interface Report {
  readonly reason: string
  /** The flagged span: a node with a position, or offsets into the file. */
  readonly node?: NlcstNode
  readonly start?: number
  readonly end?: number
  readonly actual?: string
  readonly expected?: readonly string[]
  readonly note?: string
  readonly fix?: Fix
  readonly weak?: boolean
}

/** The one way rules report: sets rule id, source, place, url and the details every output renders. */
export function report(file: VFile, meta: Pick<RuleMeta, 'id'>, details: Report): VFileMessage {
  const start = details.start ?? details.node?.position?.start.offset
  const end = details.end ?? details.node?.position?.end.offset
  if (start === undefined || end === undefined) {
    throw new Error(`Rule ${meta.id} reported \`${details.reason}\` without a position`)
  }
  const place = locate(file)
  const startPoint = place.toPoint(start)
  const endPoint = place.toPoint(end)
  const message = file.message(details.reason, {
    ruleId: meta.id,
    source,
    place: startPoint && endPoint ? {start: startPoint, end: endPoint} : startPoint
  })
  message.url = ruleUrl(meta.id)
  if (details.actual !== undefined) message.actual = details.actual
  if (details.expected !== undefined) message.expected = [...details.expected]
  if (details.note !== undefined) message.note = details.note
  // `fix` and `weak` are set on every message, if only to undefined (which every output leaves
  // out), so that all messages have one hidden class: the code that reads them (severities,
  // sorting, reporters) then stays monomorphic instead of deoptimising on each new combination.
  message.fix = details.fix
  message.weak = details.weak ? true : undefined
  return message
}
