import {BaselineError} from '../baseline.js'
import {ConfigError} from '../config/error.js'
import {toolInfo} from '../reporters/tool.js'
import {type CliOptions, parseCli, UsageError, usage} from './args.js'

/** Where the CLI writes; tests and the server can capture it. */
export interface Io {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly stdin: () => Promise<string | Uint8Array>
  readonly cwd: string
  /** stderr is a terminal a person is watching (not CI): progress may be shown there. */
  readonly interactive?: boolean
}

export type Command = (argv: readonly string[], io: Io) => Promise<number>

/**
 * Sub-commands by name; everything else is a lint run. Each loads what it needs when it runs, so
 * that `--version` and `--help` (and every command) start with as little as possible loaded.
 */
export const commands: Record<string, Command> = {
  rules: async (_argv, io) => {
    const {rules} = await import('../registry.js')
    const width = Math.max(...rules.map((rule) => rule.meta.id.length))
    for (const rule of rules) {
      const state = rule.meta.recommended ? rule.meta.severity : 'off'
      io.stdout(
        `${rule.meta.id.padEnd(width)}  ${state.padEnd(7)}  ${rule.meta.fixable ? 'fixable  ' : '         '}${rule.meta.description}\n`
      )
    }
    return 0
  },
  // Loaded on demand: a lint run should not pay for the language-server libraries.
  lsp: async (argv) => (await import('../lsp/server.js')).lspCommand(argv),
  // Loaded only when asked for: a lint run should not pay for fastify and the worker pool.
  serve: async (argv, io) => (await import('../server/serve.js')).serve(argv, io)
}

/** The lint run: expand paths, lint the files (in worker threads), print each report as it is done, and return the exit code. */
export async function lintCommand(options: CliOptions, io: Io): Promise<number> {
  return (await import('./lint-run.js')).lintCommand(options, io)
}

/** The whole CLI: never throws; internal errors print a short message (the stack with --debug). */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const debug = argv.includes('--debug')
  try {
    const [first, ...rest] = argv
    if (first !== undefined) {
      const command = commands[first]
      if (command) return await command(rest, io)
    }
    const options = await parseCli(argv)
    if (options.help) {
      io.stdout(`${usage}\n`)
      return 0
    }
    if (options.version) {
      io.stdout(`${toolInfo().version}\n`)
      return 0
    }
    return await lintCommand(options, io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`copydesk: ${error.message}\n\n${usage}\n`)
      return 2
    }
    if (error instanceof BaselineError) {
      io.stderr(`copydesk: ${error.message}\n`)
      return 2
    }
    if (error instanceof ConfigError) {
      io.stderr(`copydesk: bad config: ${error.message}\n`)
      return 2
    }
    io.stderr(`copydesk: internal error: ${(error as Error).message ?? String(error)}\n`)
    if (debug) io.stderr(`${(error as Error).stack ?? ''}\n`)
    else io.stderr('Run again with --debug for details.\n')
    return 2
  }
}
