// The library entry: `import {lint, lintFile, createLinter} from 'copydesk'`.
export {createLinter, lint, lintFile, type LintOptions, type LintReport, type Linter} from './api.js'
export {ConfigError, type ResolvedConfig} from './config/load.js'
export type {Format, Rule, RuleMeta, Severity} from './kit/types.js'
export type {Metrics} from './metrics/index.js'
export type {JsonMessage} from './reporters/json.js'
export {rules} from './registry.js'
