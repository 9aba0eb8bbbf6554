import type {FileReport} from '../engine/lint.js'
import {formatJson, formatMetrics} from './json.js'
import {formatStylish} from './stylish.js'

export interface ReporterOptions {
  readonly color: boolean
  readonly quiet: boolean
  /** Folder paths are shown relative to. */
  readonly cwd: string
}

export type Reporter = (reports: readonly FileReport[], options: ReporterOptions) => string

/** Every `--format` copydesk knows, by name. */
export const reporters: Readonly<Record<string, Reporter>> = {
  stylish: (reports, options) => formatStylish(reports, options),
  json: (reports) => formatJson(reports),
  metrics: (reports) => formatMetrics(reports)
}
