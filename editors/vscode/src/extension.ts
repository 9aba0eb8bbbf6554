import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import * as vscode from 'vscode'
import {LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions} from 'vscode-languageclient/node'

/** The languages copydesk reads; the server also goes by extension for the rest. */
export const languages = ['markdown', 'plaintext', 'html'] as const

let client: LanguageClient | undefined

/** copydesk's bin inside a package folder, from its package.json `bin`. */
function binOf(packageFolder: string): string | undefined {
  try {
    const pkg = JSON.parse(readFileSync(path.join(packageFolder, 'package.json'), 'utf8')) as {name?: string; bin?: string | Record<string, string>}
    if (pkg.name !== 'copydesk') return undefined
    const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.copydesk
    return bin ? path.join(packageFolder, bin) : undefined
  } catch {
    return undefined
  }
}

/**
 * Which copydesk to run, as ESLint's extension finds eslint: the `copydesk.serverPath` setting,
 * else the workspace's own install (so the editor agrees with CI), else the repository this
 * extension was built in.
 */
function findServer(context: vscode.ExtensionContext): string | undefined {
  const folders = vscode.workspace.workspaceFolders?.map((folder) => folder.uri.fsPath) ?? []
  const setting = vscode.workspace.getConfiguration('copydesk').get<string>('serverPath', '')
  if (setting) {
    const candidates = path.isAbsolute(setting) ? [setting] : folders.map((folder) => path.join(folder, setting))
    for (const candidate of candidates) {
      if (!existsSync(candidate)) continue
      return candidate.endsWith('.js') ? candidate : binOf(candidate)
    }
    return undefined
  }
  for (const folder of folders) {
    const bin = binOf(path.join(folder, 'node_modules', 'copydesk')) ?? binOf(folder)
    if (bin && existsSync(bin)) return bin
  }
  const repository = path.join(context.extensionPath, '..', '..', 'dist', 'src', 'bin.js')
  return existsSync(repository) ? repository : undefined
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const settings = vscode.workspace.getConfiguration('copydesk')
  if (!settings.get<boolean>('enable', true)) return
  const bin = findServer(context)
  if (!bin) {
    void vscode.window.showErrorMessage(
      'copydesk: no copydesk found. Install it in the workspace (npm install copydesk) or set `copydesk.serverPath`.'
    )
    return
  }
  const runtime = settings.get<string>('runtime', 'node') || 'node'
  // `lsp` then the client's `--stdio`: the command the server documents.
  const run = {module: bin, runtime, transport: TransportKind.stdio, args: ['lsp']}
  const serverOptions: ServerOptions = {run, debug: run}
  const clientOptions: LanguageClientOptions = {
    documentSelector: languages.flatMap((language) => [
      {scheme: 'file', language},
      {scheme: 'untitled', language}
    ]),
    initializationOptions: {debounce: settings.get<number>('debounce', 50)},
    outputChannelName: 'copydesk'
  }
  client = new LanguageClient('copydesk', 'copydesk', serverOptions, clientOptions)
  await client.start()
}

async function stop(): Promise<void> {
  const running = client
  client = undefined
  if (running) await running.stop()
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand('copydesk.restartServer', async () => {
      await stop()
      await start(context)
    }),
    vscode.commands.registerCommand('copydesk.fixAll', () =>
      vscode.commands.executeCommand('editor.action.codeAction', {kind: 'source.fixAll.copydesk', apply: 'first'})
    ),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      // Every setting shapes how the server starts: start it again with the new ones.
      if (event.affectsConfiguration('copydesk') && !event.affectsConfiguration('copydesk.trace')) {
        await stop()
        await start(context)
      }
    })
  )
  await start(context)
}

export function deactivate(): Promise<void> {
  return stop()
}
