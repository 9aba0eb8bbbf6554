import type {FileReport} from '../engine/lint.js'
import {severityOf} from '../engine/severity.js'
import type {ActiveSeverity} from '../kit/types.js'
import {rangeOf, slashed} from './tool.js'

/**
 * GitHub Actions workflow commands: one `::warning file=…,line=…::message` line per message,
 * which the runner turns into annotations on the pull request's diff.
 */

const commands: Record<ActiveSeverity, string> = {error: 'error', warning: 'warning', info: 'notice'}

/** The runner's escaping for a command's message: `%`, CR and LF. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Properties additionally escape `:` and `,`, which separate them. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

export function formatGithub(reports: readonly FileReport[]): string {
  let output = ''
  for (const report of reports) {
    for (const message of report.messages) {
      const properties: Array<[string, string | number]> = [['file', slashed(report.path)]]
      const range = rangeOf(message)
      if (range) {
        properties.push(['line', range.start.line], ['endLine', range.end.line])
        // GitHub ignores columns on annotations that span lines; give them only when they mean something.
        if (range.start.line === range.end.line) properties.push(['col', range.start.column], ['endColumn', range.end.column])
      }
      properties.push(['title', message.ruleId ? `copydesk(${message.ruleId})` : 'copydesk'])
      const list = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',')
      output += `::${commands[severityOf(message)]} ${list}::${escapeData(message.reason)}\n`
    }
  }
  return output
}
