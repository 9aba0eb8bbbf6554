import {applyRules, preset, type ResolvedConfig, type RuleEntry} from '../src/config/load.js'
import {lintText} from '../src/engine/lint.js'
import type {Format} from '../src/kit/types.js'

/** A config with only the named rules on (at their default severity unless given). */
export function only(entries: Record<string, RuleEntry>): ResolvedConfig {
  const settings = preset('recommended')
  for (const id of Object.keys(settings)) settings[id] = {severity: 'off', options: settings[id]?.options ?? {}}
  applyRules(settings, entries)
  return {rules: settings, files: []}
}

/** What a user sees of a finding: rule, severity, the flagged text and its exact place. */
export function findings(text: string, format: Format, config: ResolvedConfig) {
  return lintText({text, format, config}).messages.map((message) => {
    const place = message.place && 'start' in message.place ? message.place : undefined
    const start = place?.start.offset ?? -1
    const end = place?.end.offset ?? -1
    return {
      ruleId: message.ruleId,
      severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info',
      text: text.slice(start, end),
      start,
      end,
      line: place?.start.line,
      column: place?.start.column
    }
  })
}
