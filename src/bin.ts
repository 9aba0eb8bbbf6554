#!/usr/bin/env node
import {buffer} from 'node:stream/consumers'
import {isInteractive} from './cli/progress.js'
import {main} from './cli/run.js'

// A reader that stops early (`copydesk … | head`) closes the pipe: that ends the run quietly, as
// it does for other Unix tools, instead of an unhandled EPIPE with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error
  process.exit(process.exitCode ?? 0)
})

const code = await main(process.argv.slice(2), {
  stdout: (value) => process.stdout.write(value),
  stderr: (value) => process.stderr.write(value),
  stdin: async () => new Uint8Array(await buffer(process.stdin)),
  cwd: process.cwd(),
  interactive: isInteractive(process.stderr, process.env)
})
process.exitCode = code
