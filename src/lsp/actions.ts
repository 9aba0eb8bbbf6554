import type {VFileMessage} from 'vfile-message'
import {
  type CodeAction,
  type CodeActionContext,
  CodeActionKind,
  type Diagnostic,
  type Range,
  type TextEdit,
  type WorkspaceEdit
} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {applyFixes} from '../engine/fix.js'
import type {Format} from '../kit/types.js'
import {messageOffsets, toDiagnostic} from './convert.js'
import {disableFileEdit, ignoreNextEdit, type OffsetEdit} from './suppress.js'

/** `source.fixAll.copydesk`: what editors run for "fix all" and on save (`editor.codeActionsOnSave`). */
export const fixAllKind = `${CodeActionKind.SourceFixAll}.copydesk`

/** The last lint of a document: the findings of exactly this text. */
export interface Linted {
  readonly version: number
  readonly text: string
  readonly format: Format
  readonly messages: readonly VFileMessage[]
}

export interface ActionRequest {
  readonly document: TextDocument
  readonly linted: Linted
  readonly range: Range
  readonly context: CodeActionContext
  /** Whether the client takes versioned `documentChanges` (so a stale edit is refused, not misapplied). */
  readonly documentChanges: boolean
  /** The text as `copydesk --fix` leaves it (every pass), for an explicit "fix all"; `undefined` if nothing changes. */
  readonly fixAll?: () => string | undefined
}

/** Whether an action of `kind` was asked for (`only` lists kinds or their parents, as `source`). */
function wanted(kind: string, only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return true
  return only.some((asked) => kind === asked || kind.startsWith(`${asked}.`))
}

/** The alternative in the flagged text's case: `Fanatics` → `Militants`, `FANATICS` → `MILITANTS`. */
export function matchCase(flagged: string, alternative: string): string {
  const letters = flagged.replace(/[^\p{L}]/gu, '')
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) {
    return alternative.toUpperCase()
  }
  const first = flagged.match(/\p{L}/u)?.[0]
  if (first && first !== first.toLowerCase() && /^\p{Ll}/u.test(alternative)) {
    return alternative.charAt(0).toUpperCase() + alternative.slice(1)
  }
  return alternative
}

function quote(value: string): string {
  const line = value.replace(/\s+/g, ' ').trim()
  return `\`${line.length > 40 ? `${line.slice(0, 39)}…` : line}\``
}

/** The client's own copy of a diagnostic when it sent one (clients match actions to it), else ours. */
function diagnosticFor(request: ActionRequest, message: VFileMessage): Diagnostic {
  const ours = toDiagnostic(request.document, message)
  const same = (a: Range, b: Range): boolean =>
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  return request.context.diagnostics.find((theirs) => theirs.code === ours.code && same(theirs.range, ours.range)) ?? ours
}

function toTextEdit(document: TextDocument, edit: OffsetEdit): TextEdit {
  return {range: {start: document.positionAt(edit.start), end: document.positionAt(edit.end)}, newText: edit.text}
}

function workspaceEdit(request: ActionRequest, edits: readonly OffsetEdit[]): WorkspaceEdit {
  const {document} = request
  const textEdits = edits.map((edit) => toTextEdit(document, edit))
  if (request.documentChanges) {
    return {documentChanges: [{textDocument: {uri: document.uri, version: request.linted.version}, edits: textEdits}]}
  }
  return {changes: {[document.uri]: textEdits}}
}

/**
 * Code actions for the findings under `range`: each alternative of `expected` as a replacement,
 * each safe fix, and in Markdown and HTML "ignore here" and "disable in this file" comments;
 * plus one "fix all" over the whole document.
 */
export function codeActions(request: ActionRequest): CodeAction[] {
  const {document, linted, context} = request
  const only = context.only
  const from = document.offsetAt(request.range.start)
  const to = document.offsetAt(request.range.end)
  const actions: CodeAction[] = []
  const disables: CodeAction[] = []
  const disabled = new Set<string>()

  if (wanted(CodeActionKind.QuickFix, only)) {
    for (const message of linted.messages) {
      const [start, end] = messageOffsets(message)
      // Touching counts: a cursor just after a flagged word still offers its fixes.
      if (end < from || start > to || !message.ruleId) continue
      const diagnostic = diagnosticFor(request, message)
      const flagged = linted.text.slice(start, end)
      const alternatives = [...new Set((message.expected ?? []).filter((value) => value.trim() !== ''))]
      for (const alternative of alternatives) {
        const replacement = matchCase(flagged, alternative)
        if (replacement === flagged) continue
        actions.push({
          title: `Replace ${quote(flagged)} with ${quote(replacement)}`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          // Only an unambiguous replacement is one an editor may apply without asking.
          isPreferred: alternatives.length === 1,
          edit: workspaceEdit(request, [{start, end, text: replacement}])
        })
      }
      if (message.fix) {
        const [fixStart, fixEnd] = message.fix.range
        const removed = linted.text.slice(fixStart, fixEnd)
        actions.push({
          title:
            message.fix.text === '' ? `Remove ${quote(removed)}` : `Replace ${quote(removed)} with ${quote(message.fix.text)}`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: true,
          edit: workspaceEdit(request, [{start: fixStart, end: fixEnd, text: message.fix.text}])
        })
      }
      if (disabled.has(message.ruleId)) continue
      disabled.add(message.ruleId)
      const here = ignoreNextEdit(linted.text, linted.format, start, message.ruleId)
      if (here) {
        disables.push({
          title: `Ignore \`${message.ruleId}\` in this block`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: workspaceEdit(request, [here])
        })
      }
      const file = disableFileEdit(linted.text, linted.format, message.ruleId)
      if (file) {
        disables.push({
          title: `Disable \`${message.ruleId}\` for this file`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: workspaceEdit(request, [file])
        })
      }
    }
  }
  // Fixes first, then the ways to silence a rule, as ESLint's server orders them.
  actions.push(...disables)

  if (wanted(fixAllKind, only)) {
    const asked = only !== undefined && only.length > 0
    if (asked) {
      // Asked for (a menu, or on save): the same result as `copydesk --fix`, fixes of fixes included.
      const output = request.fixAll?.()
      const fixable = linted.messages.filter((message) => message.fix).length
      if (output !== undefined && output !== linted.text) {
        actions.push({
          title: `Fix all auto-fixable copydesk problems (${fixable})`,
          kind: fixAllKind,
          edit: workspaceEdit(request, [smallestEdit(linted.text, output)])
        })
      }
    } else if (actions.length > 0) {
      // Offered beside the fixes at the cursor (a light bulb, asked on every cursor move): one cheap pass,
      // and only when it does more than the fix at hand.
      const {applied} = applyFixes(linted.text, linted.messages)
      if (applied.length > 1) {
        actions.push({
          title: `Fix all auto-fixable copydesk problems (${applied.length})`,
          kind: fixAllKind,
          edit: workspaceEdit(
            request,
            applied.map((fix) => ({start: fix.range[0], end: fix.range[1], text: fix.text}))
          )
        })
      }
    }
  }
  return actions
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

/** One edit turning `before` into `after`, around their common start and end (never inside a surrogate pair). */
export function smallestEdit(before: string, after: string): OffsetEdit {
  let prefix = 0
  const most = Math.min(before.length, after.length)
  while (prefix < most && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--
  let suffix = 0
  while (
    suffix < most - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++
  }
  if (suffix > 0 && isHighSurrogate(before.charCodeAt(before.length - 1 - suffix))) suffix--
  return {start: prefix, end: before.length - suffix, text: after.slice(prefix, after.length - suffix)}
}
