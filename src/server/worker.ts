// Runs in a worker thread of the server's pool. Linting is synchronous CPU work: doing it here
// keeps the HTTP thread free (health checks, the page, other requests) and lets the pool
// stop a runaway request by terminating its thread.

import type {MessagePort} from 'node:worker_threads'
import {createLinter, type Linter, type LintReport} from '../api.js'
import {ConfigError} from '../config/load.js'
import type {Format} from '../kit/types.js'

export interface LintTask {
  readonly text: string
  readonly format?: Format
  readonly path?: string
  /** A config object in `.lintrc.json` form, already checked by the server to read no files. */
  readonly config?: unknown
  readonly fix?: boolean
  /** Told when this task starts: the time limit counts from here, not from the queue. */
  readonly started?: MessagePort
}

export type LintOutcome =
  | {readonly ok: true; readonly report: LintReport}
  | {readonly ok: false; readonly message: string; readonly keyPath: string; readonly expected: string}

// Rules compile once per resolved config; requests from one CMS send the same config again and
// again, so keep the last few linters by the config's JSON text.
const linters = new Map<string, Linter>()
const keep = 32

function linterFor(config: unknown): Linter {
  const key = config === undefined ? '' : JSON.stringify(config)
  let linter = linters.get(key)
  if (linter) {
    linters.delete(key)
  } else {
    linter = createLinter(config === undefined ? {} : {config})
    if (linters.size >= keep) {
      const oldest = linters.keys().next().value
      if (oldest !== undefined) linters.delete(oldest)
    }
  }
  linters.set(key, linter)
  return linter
}

export default async function lintTask(task: LintTask): Promise<LintOutcome> {
  task.started?.postMessage('started')
  task.started?.close()
  let linter: Linter
  try {
    linter = linterFor(task.config)
  } catch (error) {
    // ConfigError's fields do not survive the trip between threads: send them as data.
    if (error instanceof ConfigError) {
      return {ok: false, message: error.message, keyPath: error.keyPath, expected: error.expected}
    }
    throw error
  }
  const report = await linter.lint(task.text, {
    ...(task.format === undefined ? {} : {format: task.format}),
    ...(task.path === undefined ? {} : {path: task.path}),
    ...(task.fix ? {fix: true} : {})
  })
  return {ok: true, report}
}
