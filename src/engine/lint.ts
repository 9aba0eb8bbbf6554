import type {Root} from 'nlcst'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {ResolvedConfig} from '../config/load.js'
import {getDocument} from '../kit/document.js'
import {source, withoutStackTraces} from '../kit/report.js'
import type {ActiveSeverity, AnyRule, Format} from '../kit/types.js'
import {emptyMetrics, type Metrics, measureDocument} from '../metrics/index.js'
import {rules, rulesById} from '../registry.js'
import {applyControlComments} from './control.js'
import {applyFixes} from './fix.js'
import {formatOf} from './format.js'
import {parse} from './parse.js'

export interface LintInput {
  readonly text: string
  /** Shown in reports; also picks the format when `format` is not given. */
  readonly path?: string
  readonly format?: Format
  readonly config: ResolvedConfig
  /** Apply safe fixes (several passes, until nothing changes) and return the output. */
  readonly fix?: boolean
}

export interface FileReport {
  readonly path: string
  readonly format: Format
  readonly messages: VFileMessage[]
  readonly metrics: Metrics
  /** The fixed text, when fixing was asked for and something changed. */
  readonly output?: string
  /** The text the messages' positions refer to (after fixes); absent when the file could not be read. */
  readonly text?: string
}

interface CompiledRule {
  readonly rule: AnyRule
  readonly severity: ActiveSeverity
  readonly transform: (tree: Root, file: VFile) => void
}

const compiled = new WeakMap<ResolvedConfig, CompiledRule[]>()

/** Each active rule's transformer, built once per resolved config (word lists compile here, not per file). */
function compile(config: ResolvedConfig): CompiledRule[] {
  let list = compiled.get(config)
  if (!list) {
    list = []
    for (const rule of rules) {
      const setting = config.rules[rule.meta.id]
      if (!setting || setting.severity === 'off') continue
      const plugin = rule.plugin as (options: Readonly<Record<string, unknown>>) => (tree: Root, file: VFile) => void
      list.push({rule, severity: setting.severity, transform: plugin({...rule.meta.defaults, ...setting.options})})
    }
    compiled.set(config, list)
  }
  return list
}

const lower: Record<ActiveSeverity, ActiveSeverity> = {error: 'warning', warning: 'info', info: 'info'}

/** Sets `fatal` the vfile way: error → true, warning → false, info → undefined (null in JSON). */
export function setSeverity(message: VFileMessage, severity: ActiveSeverity): void {
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined
}

export {severityOf} from './severity.js'

/** Lints one text once: parse, every rule over the one tree, inline control, severities. */
function lintOnce(input: LintInput, format: Format): {file: VFile; tree: Root} {
  const file = new VFile({value: input.text, ...(input.path === undefined ? {} : {path: input.path})})
  const parsed = parse(file, format)
  file.data.copydesk = {format, blocks: parsed.blocks}
  // Rules report through VFileMessages, which are Errors; none of their stacks is ever shown.
  withoutStackTraces(() => runRules(compile(input.config), parsed.tree, file))
  applyControlComments(file, format, parsed.source, [...rulesById.keys()])
  file.messages.sort(byPlace)
  return {file, tree: parsed.tree}
}

/** Every active rule over the one tree, each message at its rule's severity. */
function runRules(active: readonly CompiledRule[], tree: Root, file: VFile): void {
  for (const {rule, severity, transform} of active) {
    const before = file.messages.length
    try {
      transform(tree, file)
    } catch (error) {
      // One broken rule must not cost the file its other findings.
      file.messages.splice(before)
      const message = file.message(`Rule \`${rule.meta.id}\` failed on this file: ${(error as Error).message}`, {
        ruleId: rule.meta.id,
        source
      })
      message.fatal = true
      continue
    }
    for (let index = before; index < file.messages.length; index++) {
      const message = file.messages[index]
      if (message) setSeverity(message, message.weak ? lower[severity] : severity)
    }
  }
}

function byPlace(a: VFileMessage, b: VFileMessage): number {
  return (
    (a.place && 'start' in a.place ? (a.place.start.offset ?? 0) : 0) -
      (b.place && 'start' in b.place ? (b.place.start.offset ?? 0) : 0) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    String(a.ruleId).localeCompare(String(b.ruleId))
  )
}

const maxFixPasses = 10

/** Lints a text and, when asked, fixes it; the report is of the final text. A file that cannot be parsed gets one fatal message. */
export function lintText(input: LintInput): FileReport {
  const format = input.format ?? formatOf(input.path)
  try {
    return lintAndFix(input, format)
  } catch (error) {
    const file = new VFile({value: input.text, ...(input.path === undefined ? {} : {path: input.path})})
    const reason =
      error instanceof RangeError && /call stack/i.test(error.message)
        ? 'the document is nested too deeply to lint'
        : `internal error: ${(error as Error).message}`
    const message = file.message(`Cannot lint this file: ${reason}`, {source})
    message.fatal = true
    return {path: input.path ?? '<text>', format, messages: [message], metrics: emptyMetrics()}
  }
}

function lintAndFix(input: LintInput, format: Format): FileReport {
  let text = input.text
  let result = lintOnce(input, format)
  if (input.fix) {
    for (let pass = 0; pass < maxFixPasses; pass++) {
      const {output, applied} = applyFixes(text, result.file.messages)
      if (applied.length === 0 || output === text) break
      text = output
      result = lintOnce({...input, text}, format)
    }
  }
  return {
    path: input.path ?? '<text>',
    format,
    messages: result.file.messages,
    metrics: measureDocument(getDocument(result.tree, result.file)),
    text,
    ...(text === input.text ? {} : {output: text})
  }
}
