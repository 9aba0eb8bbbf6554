#!/usr/bin/env node
import {buffer} from 'node:stream/consumers'
import {isInteractive} from './cli/progress.js'
import {main} from './cli/run.js'

const code = await main(process.argv.slice(2), {
  stdout: (value) => process.stdout.write(value),
  stderr: (value) => process.stderr.write(value),
  stdin: async () => new Uint8Array(await buffer(process.stdin)),
  cwd: process.cwd(),
  interactive: isInteractive(process.stderr, process.env)
})
process.exitCode = code
