import {readFileSync} from 'node:fs'
import {pathToFileURL} from 'node:url'
import {format as formatLog} from 'node:util'
import {
  CodeActionKind,
  type Connection,
  type Diagnostic,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  type InitializeResult,
  TextDocumentSyncKind,
  TextDocuments
} from 'vscode-languageserver'
import {createConnection, ProposedFeatures} from 'vscode-languageserver/node'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {UsageError} from '../cli/args.js'
import {ConfigError, configFileName, defaultConfig} from '../config/load.js'
import {type FileReport, type LintInput, lintText} from '../engine/lint.js'
import {tooLargeToShareThread} from '../engine/memory.js'
import {source} from '../kit/report.js'
import {codeActions, fixAllKind, type Linted} from './actions.js'
import {DocumentConfigs, locateConfigError} from './config.js'
import {documentFormat, toDiagnostic, uriPath} from './convert.js'

export interface ServerOptions {
  /** How long to wait after a keystroke before linting (ms); a newer change restarts the wait. */
  readonly debounce?: number
  /** The lint to run: the engine's, unless a test needs one that fails. */
  readonly lint?: (input: LintInput) => FileReport
}

/** Settings a client may pass as `initializationOptions`. */
interface InitializationOptions {
  readonly debounce?: unknown
}

/** Short enough to feel live, long enough that a burst of keystrokes costs one lint. */
export const defaultDebounce = 50

interface DocumentState {
  timer?: NodeJS.Timeout
  linted?: Linted
  /** When the last lint finished (performance.now()), to tell a pause in typing from a burst. */
  lintedAt?: number
  /** Failures already logged for this document, so a broken rule is not logged on every keystroke. */
  logged?: string
}

const top = {start: {line: 0, character: 0}, end: {line: 0, character: 0}}

function version(): string | undefined {
  // Walks up from this module: dist/src/lsp when built, src/lsp under the test runner.
  for (const up of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8')) as {name?: string; version?: string}
      if (pkg.name === 'copydesk') return pkg.version
    } catch {}
  }
  return undefined
}

/** Wires copydesk into a language-server connection and starts listening. */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const lint = options.lint ?? lintText
  const documents = new TextDocuments(TextDocument)
  const states = new Map<string, DocumentState>()
  let debounce = options.debounce ?? defaultDebounce
  let documentChanges = false
  let folders: string[] = []
  const configs = new DocumentConfigs(() => folders[0])
  /** Config files that carry a diagnostic of ours, to clear once they are fixed. */
  let configErrors = new Set<string>()
  /** Config errors already shown as a notification, so typing does not repeat them. */
  const shown = new Set<string>()

  const log = (text: string): void => connection.console.error(text)

  connection.onInitialize((params): InitializeResult => {
    const given = (params.initializationOptions ?? {}) as InitializationOptions
    if (typeof given.debounce === 'number' && given.debounce >= 0) debounce = given.debounce
    documentChanges = params.capabilities.workspace?.workspaceEdit?.documentChanges === true
    const roots = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : [])
    folders = roots.flatMap((uri) => uriPath(uri) ?? [])
    const literals = params.capabilities.textDocument?.codeAction?.codeActionLiteralSupport !== undefined
    const watchDynamically = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true
    connection.onInitialized(() => {
      if (watchDynamically) {
        void connection.client
          .register(DidChangeWatchedFilesNotification.type, {watchers: [{globPattern: `**/${configFileName}`}]})
          .catch((error: unknown) => log(`copydesk: could not watch config files: ${String(error)}`))
      }
      warmUp()
    })
    return {
      capabilities: {
        textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Incremental, save: {includeText: false}},
        codeActionProvider: literals ? {codeActionKinds: [CodeActionKind.QuickFix, fixAllKind]} : true
      },
      serverInfo: {name: 'copydesk', ...(version() === undefined ? {} : {version: version() as string})}
    }
  })

  /** The first lint pays for compiling word lists and warming the parsers; pay it before the user types. */
  function warmUp(): void {
    const sample = 'It is claimed the fanatics were arrested. In order to utilise the funds, the council acted.'
    try {
      for (const format of ['txt', 'md', 'html'] as const) lint({text: sample, format, config: defaultConfig})
    } catch {}
  }

  function publish(uri: string, diagnostics: Diagnostic[], documentVersion?: number): void {
    void connection.sendDiagnostics({uri, diagnostics, ...(documentVersion === undefined ? {} : {version: documentVersion})})
  }

  function configProblem(document: TextDocument, error: unknown): Diagnostic {
    if (!(error instanceof ConfigError)) {
      log(`copydesk: could not load the config for ${document.uri}: ${(error as Error).stack ?? String(error)}`)
      return {
        range: top,
        severity: DiagnosticSeverity.Error,
        source,
        code: 'config',
        message: `Could not load the copydesk config: ${String(error)}`
      }
    }
    const configUri = pathToFileURL(error.file).href
    const range = locateConfigError(error)
    const detail = `${error.keyPath ? `${error.keyPath}: ` : ''}${error.expected}`
    publish(configUri, [{range, severity: DiagnosticSeverity.Error, source, code: 'config', message: detail}])
    configErrors.add(configUri)
    if (!shown.has(error.message)) {
      shown.add(error.message)
      void connection.window.showErrorMessage(`copydesk: bad config: ${error.message}`)
    }
    return {
      range: top,
      severity: DiagnosticSeverity.Error,
      source,
      code: 'config',
      message: `Bad config: ${error.message}. copydesk findings are paused until it is fixed.`,
      relatedInformation: [{location: {uri: configUri, range}, message: detail}]
    }
  }

  /** Lints the document as it is now and publishes the findings; never throws. */
  function lintNow(document: TextDocument): Linted | undefined {
    const state = states.get(document.uri) ?? {}
    states.set(document.uri, state)
    clearTimeout(state.timer)
    delete state.timer
    const format = documentFormat(document.languageId, document.uri)
    if (!format) return undefined
    const text = document.getText()
    const filePath = uriPath(document.uri)
    const bytes = Buffer.byteLength(text)
    if (tooLargeToShareThread(bytes)) {
      // Linted on every edit, in the one thread every open document shares: running out of memory
      // there would end the server and every document's findings with it.
      state.linted = {version: document.version, text, format, messages: []}
      publish(
        document.uri,
        [
          {
            range: top,
            severity: DiagnosticSeverity.Warning,
            source,
            code: 'too-large',
            message: `copydesk does not lint a document this large in the editor (${(bytes / 2 ** 20).toFixed(1)} MB): it could need more memory than the language server may use. Lint it with the copydesk command.`
          }
        ],
        document.version
      )
      return state.linted
    }
    let report: FileReport
    try {
      const config = configs.forPath(filePath)
      try {
        report = lint({text, path: filePath ?? document.uri, format, config})
      } catch (error) {
        // The engine keeps one failing rule from costing the others; this is the rest failing.
        log(`copydesk: could not lint ${document.uri}: ${(error as Error).stack ?? String(error)}`)
        state.linted = {version: document.version, text, format, messages: []}
        publish(
          document.uri,
          [
            {
              range: top,
              severity: DiagnosticSeverity.Error,
              source,
              message: `copydesk could not lint this document: ${(error as Error).message ?? String(error)}`
            }
          ],
          document.version
        )
        return state.linted
      }
    } catch (error) {
      state.linted = {version: document.version, text, format, messages: []}
      publish(document.uri, [configProblem(document, error)], document.version)
      return state.linted
    }
    // File-level failures (a rule that threw) have no place: they go to the log as well as the list.
    const failures = report.messages
      .filter((message) => message.fatal === true && !message.place)
      .map((message) => `${message.ruleId ?? source}: ${message.reason}`)
      .join('\n')
    if (failures && failures !== state.logged) log(`copydesk: ${filePath ?? document.uri}:\n${failures}`)
    state.logged = failures
    state.linted = {version: document.version, text, format, messages: report.messages}
    state.lintedAt = performance.now()
    publish(
      document.uri,
      report.messages.map((message) => toDiagnostic(document, message)),
      document.version
    )
    return state.linted
  }

  /**
   * Leading and trailing debounce: the first edit after a pause is linted at once (one keystroke is
   * answered in the time of one lint); edits that follow within `debounce` wait until typing pauses,
   * so a burst costs one more lint, of its last version.
   */
  function schedule(document: TextDocument): void {
    const state = states.get(document.uri)
    // Just opened: findings at once.
    if (!state) {
      lintNow(document)
      return
    }
    if (state.timer === undefined && performance.now() - (state.lintedAt ?? 0) >= debounce) {
      lintNow(document)
      return
    }
    clearTimeout(state.timer)
    // The timer reads the document when it fires, so the latest version is the one linted.
    state.timer = setTimeout(() => {
      const current = documents.get(document.uri)
      if (current) lintNow(current)
    }, debounce)
  }

  /** The findings of the document's current version, linting now if a change is still waiting. */
  function fresh(document: TextDocument): Linted | undefined {
    const linted = states.get(document.uri)?.linted
    return linted?.version === document.version ? linted : lintNow(document)
  }

  function reloadConfigs(): void {
    configs.reload()
    shown.clear()
    const before = configErrors
    configErrors = new Set()
    for (const document of documents.all()) lintNow(document)
    for (const uri of before) if (!configErrors.has(uri)) publish(uri, [])
  }

  documents.onDidChangeContent(({document}) => schedule(document))
  documents.onDidClose(({document}) => {
    clearTimeout(states.get(document.uri)?.timer)
    states.delete(document.uri)
    publish(document.uri, [])
  })
  // Editing the config in the editor: its saved state is what the next lint reads.
  documents.onDidSave(({document}) => {
    const filePath = uriPath(document.uri)
    if (filePath && configs.affects(filePath)) reloadConfigs()
  })
  connection.onDidChangeWatchedFiles(({changes}) => {
    if (
      changes.some((change) => {
        const filePath = uriPath(change.uri)
        return filePath !== undefined && configs.affects(filePath)
      })
    ) {
      reloadConfigs()
    }
  })

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri)
    if (!document) return []
    const linted = fresh(document)
    if (!linted) return []
    const fixAll = (): string | undefined => {
      try {
        const filePath = uriPath(document.uri)
        const config = configs.forPath(filePath)
        return lint({text: linted.text, path: filePath ?? document.uri, format: linted.format, config, fix: true}).output
      } catch (error) {
        log(`copydesk: could not fix ${document.uri}: ${(error as Error).stack ?? String(error)}`)
        return undefined
      }
    }
    return codeActions({document, linted, range: params.range, context: params.context, documentChanges, fixAll})
  })

  connection.onShutdown(() => {
    for (const state of states.values()) clearTimeout(state.timer)
  })

  documents.listen(connection)
  connection.listen()
}

/** `copydesk lsp [--stdio]`: the language server on standard input and output, until the client exits. */
export async function lspCommand(argv: readonly string[]): Promise<number> {
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? ''
    // VS Code's client adds `--clientProcessId` so the server can stop when the editor dies.
    if (arg === '--stdio' || arg.startsWith('--clientProcessId=')) continue
    if (arg === '--clientProcessId' && /^\d+$/.test(argv[index + 1] ?? '')) {
      index++
      continue
    }
    throw new UsageError(`unknown option for \`copydesk lsp\`: ${arg} (it speaks LSP over stdio only)`)
  }
  // Standard output carries the protocol: anything printed there would corrupt it.
  const toStderr = (...args: unknown[]): void => {
    process.stderr.write(`${formatLog(...args)}\n`)
  }
  console.log = toStderr
  console.info = toStderr
  console.debug = toStderr
  console.warn = toStderr
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout)
  process.on('uncaughtException', (error) => {
    connection.console.error(`copydesk: unexpected error, still running: ${error.stack ?? String(error)}`)
  })
  startServer(connection)
  // The connection ends the process when the client says `exit` or closes standard input.
  return new Promise<number>(() => {})
}
