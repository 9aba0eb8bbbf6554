import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {VFileMessage} from 'vfile-message'
import {type Diagnostic, DiagnosticSeverity, type Range} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {extensions} from '../engine/format.js'
import {severityOf} from '../engine/lint.js'
import {source} from '../kit/report.js'
import type {ActiveSeverity, Format} from '../kit/types.js'

/** Editor language ids (VS Code's and Neovim's filetypes) for the formats copydesk reads. */
const languages: Readonly<Record<string, Format>> = {
  plaintext: 'txt',
  text: 'txt',
  markdown: 'md',
  'markdown.mdx': 'md',
  html: 'html'
}

/**
 * The format to lint a document as: its language id first (an untitled buffer has no extension),
 * then its extension; `undefined` for documents copydesk does not read (JSON, code...).
 */
export function documentFormat(languageId: string, uri: string): Format | undefined {
  const byLanguage = languages[languageId]
  if (byLanguage) return byLanguage
  const name = uri.split(/[?#]/)[0] ?? uri
  return extensions[path.posix.extname(name).toLowerCase()]
}

/** The file system path of a `file:` URI, or `undefined` (untitled buffers, remote schemes). */
export function uriPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined
  try {
    return fileURLToPath(uri)
  } catch {
    return undefined
  }
}

const severities: Record<ActiveSeverity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information
}

/** A message's span as UTF-16 offsets; messages without a place sit at the start of the file. */
export function messageOffsets(message: VFileMessage): [number, number] {
  const place = message.place
  if (!place) return [0, 0]
  if ('start' in place) {
    const start = place.start.offset ?? 0
    return [start, place.end.offset ?? start]
  }
  const at = place.offset ?? 0
  return [at, at]
}

export function messageRange(document: TextDocument, message: VFileMessage): Range {
  const [start, end] = messageOffsets(message)
  return {start: document.positionAt(start), end: document.positionAt(end)}
}

/** One finding as an LSP diagnostic: the same message every other output renders. */
export function toDiagnostic(document: TextDocument, message: VFileMessage): Diagnostic {
  const diagnostic: Diagnostic = {
    range: messageRange(document, message),
    severity: severities[severityOf(message)],
    source: message.source ?? source,
    message: message.reason
  }
  if (message.ruleId) diagnostic.code = message.ruleId
  if (message.url) diagnostic.codeDescription = {href: message.url}
  return diagnostic
}
