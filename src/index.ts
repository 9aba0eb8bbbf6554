// The library entry: `import {lint, lintFile, createLinter} from 'copydesk'`.
export {createLinter, type Linter, type LintOptions, type LintReport, lint, lintFile} from './api.js'
export {ConfigError, type ResolvedConfig} from './config/load.js'
export type {Format, Rule, RuleMeta, Severity} from './kit/types.js'
export type {Metrics} from './metrics/index.js'
export {rules} from './registry.js'
export type {JsonMessage} from './reporters/json.js'
