import {type ChildProcessWithoutNullStreams, spawn} from 'node:child_process'
import {PassThrough} from 'node:stream'
import {createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter} from 'vscode-jsonrpc/node'
import type {
  CodeAction,
  Diagnostic,
  FileEvent,
  InitializeResult,
  LogMessageParams,
  Position,
  PublishDiagnosticsParams,
  Range,
  ShowMessageParams,
  TextEdit,
  WorkspaceEdit
} from 'vscode-languageserver'
import {bin, root} from '../cli/spawn.js'

/** How long to wait for something the server should do at once, before failing with what was missing. */
const patience = 20_000

/** A minimal LSP client: what an editor sends, and everything the server sends back, kept in order. */
export class LspClient {
  readonly published: PublishDiagnosticsParams[] = []
  readonly shown: ShowMessageParams[] = []
  readonly logged: LogMessageParams[] = []
  readonly registrations: string[] = []
  private readonly waiters = new Set<() => void>()
  private readonly texts = new Map<string, {text: string; version: number}>()

  private constructor(
    readonly connection: MessageConnection,
    private readonly child?: ChildProcessWithoutNullStreams
  ) {
    const wake = (): void => {
      for (const waiter of [...this.waiters]) waiter()
    }
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params)
      wake()
    })
    connection.onNotification('window/showMessage', (params: ShowMessageParams) => {
      this.shown.push(params)
      wake()
    })
    connection.onNotification('window/logMessage', (params: LogMessageParams) => {
      this.logged.push(params)
      wake()
    })
    connection.onRequest('client/registerCapability', (params: {registrations: {method: string}[]}) => {
      this.registrations.push(...params.registrations.map((registration) => registration.method))
      wake()
      return null
    })
    connection.onRequest('window/showMessageRequest', (params: ShowMessageParams) => {
      this.shown.push(params)
      wake()
      return null
    })
    connection.onRequest('window/workDoneProgress/create', () => null)
    connection.onRequest('workspace/configuration', (params: {items: unknown[]}) => params.items.map(() => null))
    connection.listen()
  }

  /** `copydesk lsp --stdio` as an editor starts it. */
  static spawn(args: readonly string[] = ['lsp', '--stdio'], env: Readonly<Record<string, string>> = {}): LspClient {
    const child = spawn(process.execPath, [bin, ...args], {cwd: root, stdio: 'pipe', env: {...process.env, ...env}})
    child.stderr.resume()
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))
    return new LspClient(connection, child)
  }

  /** A client for a server in this process, given the server's end of the pipe. */
  static inProcess(): {client: LspClient; serverInput: PassThrough; serverOutput: PassThrough} {
    const serverInput = new PassThrough()
    const serverOutput = new PassThrough()
    const connection = createMessageConnection(new StreamMessageReader(serverOutput), new StreamMessageWriter(serverInput))
    return {client: new LspClient(connection), serverInput, serverOutput}
  }

  async initialize(
    rootUri: string,
    options: {documentChanges?: boolean; initializationOptions?: unknown} = {}
  ): Promise<InitializeResult> {
    const result = await this.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{uri: rootUri, name: 'workspace'}],
      initializationOptions: options.initializationOptions ?? null,
      capabilities: {
        workspace: {
          workspaceEdit: {documentChanges: options.documentChanges ?? true},
          didChangeWatchedFiles: {dynamicRegistration: true}
        },
        textDocument: {
          publishDiagnostics: {relatedInformation: true, versionSupport: true, codeDescriptionSupport: true},
          codeAction: {
            codeActionLiteralSupport: {codeActionKind: {valueSet: ['quickfix', 'source', 'source.fixAll']}},
            isPreferredSupport: true
          }
        }
      }
    })
    await this.connection.sendNotification('initialized', {})
    return result
  }

  text(uri: string): string {
    return this.texts.get(uri)?.text ?? ''
  }

  version(uri: string): number {
    return this.texts.get(uri)?.version ?? 0
  }

  async open(uri: string, languageId: string, text: string): Promise<void> {
    this.texts.set(uri, {text, version: 1})
    await this.connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId, version: 1, text}})
  }

  /** Replaces `range` (or the whole text) as an editor's incremental sync does; returns the new version. */
  async change(uri: string, edit: {range?: Range; text: string}): Promise<number> {
    const current = this.texts.get(uri) ?? {text: '', version: 0}
    const version = current.version + 1
    const text = edit.range ? applyEdits(current.text, [{range: edit.range, newText: edit.text}]) : edit.text
    this.texts.set(uri, {text, version})
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: {uri, version},
      contentChanges: [edit.range ? {range: edit.range, text: edit.text} : {text: edit.text}]
    })
    return version
  }

  /** Applies a code action's edit to the client's copy and tells the server, as an editor does. */
  async apply(uri: string, edit: WorkspaceEdit | undefined): Promise<number> {
    const edits = editsFor(uri, edit)
    const current = this.texts.get(uri) ?? {text: '', version: 0}
    return this.change(uri, {text: applyEdits(current.text, edits)})
  }

  async save(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didSave', {textDocument: {uri}})
  }

  async close(uri: string): Promise<void> {
    this.texts.delete(uri)
    await this.connection.sendNotification('textDocument/didClose', {textDocument: {uri}})
  }

  async filesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification('workspace/didChangeWatchedFiles', {changes})
  }

  codeActions(uri: string, range: Range, only?: string[]): Promise<CodeAction[]> {
    return this.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: {uri},
      range,
      context: {diagnostics: [], ...(only ? {only} : {})}
    })
  }

  /** Resolves once `test` gives a value; fails with `what` if the server never gets there. */
  waitFor<T>(what: string, test: () => T | undefined): Promise<T> {
    const found = test()
    if (found !== undefined) return Promise.resolve(found)
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check)
        reject(new Error(`Timed out waiting for ${what}`))
      }, patience)
      const check = (): void => {
        const value = test()
        if (value === undefined) return
        clearTimeout(timer)
        this.waiters.delete(check)
        resolve(value)
      }
      this.waiters.add(check)
    })
  }

  /** The diagnostics published for `uri` at `version` (the current version if not given). */
  diagnostics(uri: string, version = this.version(uri)): Promise<Diagnostic[]> {
    return this.waitFor(
      `diagnostics of ${uri} v${version}`,
      () => this.published.findLast((params) => params.uri === uri && params.version === version)?.diagnostics
    )
  }

  /** The next diagnostics published for `uri` after `since` notifications (any version). */
  nextDiagnostics(uri: string, since: number): Promise<Diagnostic[]> {
    return this.waitFor(
      `diagnostics of ${uri}`,
      () => this.published.slice(since).findLast((params) => params.uri === uri)?.diagnostics
    )
  }

  async stop(): Promise<number | null> {
    const child = this.child
    const exited = child ? new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code))) : undefined
    try {
      await this.connection.sendRequest('shutdown')
      await this.connection.sendNotification('exit')
    } finally {
      if (!child) this.connection.dispose()
    }
    return exited ? await exited : null
  }
}

export function offsetAt(text: string, position: Position): number {
  let offset = 0
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', offset)
    if (next === -1) return text.length
    offset = next + 1
  }
  return offset + position.character
}

/** The text a range covers, counting characters in UTF-16 units as LSP does. */
export function slice(text: string, range: Range): string {
  return text.slice(offsetAt(text, range.start), offsetAt(text, range.end))
}

export function rangeOf(text: string, needle: string, from = 0): Range {
  const start = text.indexOf(needle, from)
  if (start === -1) throw new Error(`\`${needle}\` not in the text`)
  return {start: positionOf(text, start), end: positionOf(text, start + needle.length)}
}

function positionOf(text: string, offset: number): Position {
  const before = text.slice(0, offset)
  return {line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1)}
}

function editsFor(uri: string, edit: WorkspaceEdit | undefined): TextEdit[] {
  if (!edit) return []
  if (edit.documentChanges) {
    return edit.documentChanges.flatMap((change) =>
      'textDocument' in change && change.textDocument.uri === uri
        ? change.edits.filter((item): item is TextEdit => 'range' in item)
        : []
    )
  }
  return edit.changes?.[uri] ?? []
}

/** Applies non-overlapping edits, last first so earlier offsets stay valid. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start))
  let result = text
  for (const edit of sorted) {
    result = result.slice(0, offsetAt(result, edit.range.start)) + edit.newText + result.slice(offsetAt(result, edit.range.end))
  }
  return result
}
