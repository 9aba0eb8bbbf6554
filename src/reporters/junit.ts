import junitModule, {type Builder} from 'junit-report-builder'
import type {FileReport} from '../engine/lint.js'
import {severityOf} from '../engine/severity.js'
import {rangeOf, slashed} from './tool.js'

// Its types declare an ES default export, but the CommonJS build sets `module.exports` to the builder itself.
const junit = junitModule as unknown as Builder

/**
 * JUnit XML, for CI systems that chart test results (Jenkins, GitLab, Azure Pipelines, CircleCI).
 * As ESLint's junit formatter does: a test suite per file and a failing test case per finding; a
 * file with nothing to report is one passing test case, so it still shows up as checked. A file
 * that could not be linted at all is an `<error>`, JUnit's "the test could not run".
 */
export function formatJunit(reports: readonly FileReport[]): string {
  // A fresh builder each time: the package's default export is a shared, stateful instance.
  const builder = junit.newBuilder().name('copydesk')
  for (const report of reports) {
    const file = slashed(report.path)
    const suite = builder.testSuite().name(file)
    if (report.messages.length === 0) {
      suite.testCase().className(file).name('no problems').file(file)
      continue
    }
    for (const message of report.messages) {
      const range = rangeOf(message)
      const at = range ? `${range.start.line}:${range.start.column}` : ''
      const rule = message.ruleId ?? 'copydesk'
      const severity = severityOf(message)
      const detail = [
        `${file}${at ? `:${at}` : ''}: ${severity}: ${message.reason} [${rule}]`,
        ...(message.url ? [message.url] : [])
      ].join('\n')
      const testCase = suite
        .testCase()
        .className(file)
        .name(at ? `${rule} ${at}` : rule)
        .file(file)
      if (!range && message.fatal === true) testCase.error(message.reason, severity, detail)
      else testCase.failure(message.reason, severity).stacktrace(detail)
    }
  }
  return `${builder.build()}\n`
}
