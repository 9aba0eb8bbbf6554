import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type * as Sarif from 'sarif'
import type {VFileMessage} from 'vfile-message'
import {fingerprint} from '../baseline.js'
import type {FileReport} from '../engine/lint.js'
import {severityOf} from '../engine/severity.js'
import {ruleUrl} from '../kit/report.js'
import type {ActiveSeverity} from '../kit/types.js'
import {packageRoot} from '../package-root.js'
import {rules} from '../registry.js'
import {rangeOf, slashed, toolInfo} from './tool.js'

/**
 * SARIF 2.1.0, as GitHub code scanning and the SARIF viewers read it. Findings are `results`;
 * messages that are not findings (a file that could not be read, a rule that crashed) are tool
 * execution notifications, as the spec intends and ESLint's SARIF formatter does.
 */

const schemaUri = 'https://json.schemastore.org/sarif-2.1.0.json'
/** Relative artifact URIs resolve against this; GitHub resolves it to the checkout. */
const srcRoot = '%SRCROOT%'
/** Key of our fingerprint among `partialFingerprints`; bump the version if the fingerprint changes. */
export const fingerprintKey = 'copydesk/v1'

const levels: Record<ActiveSeverity, Sarif.ReportingConfiguration.level> = {error: 'error', warning: 'warning', info: 'note'}

function ruleHelp(id: string, description: string): Sarif.MultiformatMessageString {
  const readme = path.join(packageRoot(), 'rules', id, 'README.md')
  const markdown = existsSync(readme) ? readFileSync(readme, 'utf8') : `${description}.\n\n[Documentation](${ruleUrl(id)})`
  return {text: `${description}. Documentation: ${ruleUrl(id)}`, markdown}
}

function driverRules(): Sarif.ReportingDescriptor[] {
  return rules.map(({meta}) => ({
    id: meta.id,
    name: meta.id.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase()),
    shortDescription: {text: meta.description},
    fullDescription: {text: meta.description},
    helpUri: ruleUrl(meta.id),
    help: ruleHelp(meta.id, meta.description),
    defaultConfiguration: {level: levels[meta.severity], enabled: meta.recommended},
    properties: {tags: ['editorial'], fixable: meta.fixable}
  }))
}

/** A relative URI with forward slashes, each segment percent-encoded (spaces, `#`, `?` and all). */
function artifactLocation(file: string): Sarif.ArtifactLocation {
  if (path.isAbsolute(file)) return {uri: pathToFileURL(file).href}
  return {uri: slashed(file).split('/').map(encodeURIComponent).join('/'), uriBaseId: srcRoot}
}

function region(message: VFileMessage, text: string | undefined): Sarif.Region | undefined {
  const range = rangeOf(message)
  if (!range) return undefined
  const {start, end} = range
  const result: Sarif.Region = {startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column}
  if (start.offset !== undefined && end.offset !== undefined) {
    result.charOffset = start.offset
    result.charLength = end.offset - start.offset
    if (text !== undefined && end.offset <= text.length) result.snippet = {text: text.slice(start.offset, end.offset)}
  }
  return result
}

function fixOf(message: VFileMessage, location: Sarif.ArtifactLocation): Sarif.Fix[] | undefined {
  if (!message.fix) return undefined
  const [from, to] = message.fix.range
  return [
    {
      description: {text: message.fix.text === '' ? 'Remove the flagged text' : `Replace with \`${message.fix.text}\``},
      artifactChanges: [
        {
          artifactLocation: location,
          replacements: [{deletedRegion: {charOffset: from, charLength: to - from}, insertedContent: {text: message.fix.text}}]
        }
      ]
    }
  ]
}

export function formatSarif(reports: readonly FileReport[], cwd: string): string {
  const tool = toolInfo()
  const descriptors = driverRules()
  const ruleIndex = new Map(descriptors.map((rule, index) => [rule.id, index]))
  const results: Sarif.Result[] = []
  const notifications: Sarif.Notification[] = []
  let successful = true

  for (const report of reports) {
    const location = artifactLocation(report.path)
    // GitHub's convention (`primaryLocationLineHash`): the nth identical fingerprint gets `:n`.
    const seen = new Map<string, number>()
    for (const message of report.messages) {
      const level = levels[severityOf(message)]
      const where = region(message, report.text)
      const index = message.ruleId ? ruleIndex.get(message.ruleId) : undefined
      if (!where || index === undefined) {
        if (message.fatal === true) successful = false
        notifications.push({
          level,
          message: {text: message.reason},
          locations: [{physicalLocation: {artifactLocation: location, ...(where ? {region: where} : {})}}],
          ...(message.ruleId && index !== undefined ? {associatedRule: {id: message.ruleId, index}} : {})
        })
        continue
      }
      const result: Sarif.Result = {
        ruleId: message.ruleId ?? '',
        ruleIndex: index,
        level,
        message: {text: message.reason},
        locations: [{physicalLocation: {artifactLocation: location, region: where}}]
      }
      const value = fingerprint(message, report.text)
      if (value !== undefined) {
        const ordinal = (seen.get(value) ?? 0) + 1
        seen.set(value, ordinal)
        result.partialFingerprints = {[fingerprintKey]: `${value}:${ordinal}`}
      }
      const fixes = fixOf(message, location)
      if (fixes) result.fixes = fixes
      results.push(result)
    }
  }

  const log: Sarif.Log = {
    $schema: schemaUri,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            semanticVersion: tool.version,
            informationUri: tool.informationUri,
            rules: descriptors
          }
        },
        originalUriBaseIds: {[srcRoot]: {uri: pathToFileURL(cwd).href.replace(/\/?$/, '/')}},
        invocations: [{executionSuccessful: successful, toolExecutionNotifications: notifications}],
        // vfile counts columns and offsets in UTF-16 code units, as JavaScript strings do.
        columnKind: 'utf16CodeUnits',
        results
      }
    ]
  }
  return `${JSON.stringify(log, null, 2)}\n`
}
