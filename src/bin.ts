#!/usr/bin/env node
import {buffer} from 'node:stream/consumers'
import {main} from './cli/run.js'

const code = await main(process.argv.slice(2), {
  stdout: (value) => process.stdout.write(value),
  stderr: (value) => process.stderr.write(value),
  stdin: async () => new Uint8Array(await buffer(process.stdin)),
  cwd: process.cwd()
})
process.exitCode = code
