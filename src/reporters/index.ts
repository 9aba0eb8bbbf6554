import type {FileReport} from '../engine/lint.js'
import {formatGithub} from './github.js'
import {formatHtml} from './html.js'
import {formatJson, formatMetrics} from './json.js'
import {formatJunit} from './junit.js'
import {formatSarif} from './sarif.js'
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
  metrics: (reports) => formatMetrics(reports),
  sarif: (reports, options) => formatSarif(reports, options.cwd),
  github: (reports) => formatGithub(reports),
  junit: (reports) => formatJunit(reports),
  html: (reports) => formatHtml(reports)
}

/** Formats meant for people at a terminal; the others are read by machines (or saved as files). */
export const interactiveFormats: ReadonlySet<string> = new Set(['stylish'])
