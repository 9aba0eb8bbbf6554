import type {FileReport} from '../engine/lint.js'

export interface ReporterOptions {
  readonly color: boolean
  readonly quiet: boolean
  /** Folder paths are shown relative to. */
  readonly cwd: string
}

export type Reporter = (reports: readonly FileReport[], options: ReporterOptions) => string

/**
 * Every `--format` copydesk knows, by name, each loaded when asked for: a run uses one format, and
 * should not pay for loading the others (nor `--version` for any of them).
 */
export const reporters: Readonly<Record<string, () => Promise<Reporter>>> = {
  stylish: async () => {
    const {formatStylish} = await import('./stylish.js')
    return (reports, options) => formatStylish(reports, options)
  },
  json: async () => {
    const {formatJson} = await import('./json.js')
    return (reports) => formatJson(reports)
  },
  metrics: async () => {
    const {formatMetrics} = await import('./json.js')
    return (reports) => formatMetrics(reports)
  },
  sarif: async () => {
    const {formatSarif} = await import('./sarif.js')
    return (reports, options) => formatSarif(reports, options.cwd)
  },
  github: async () => {
    const {formatGithub} = await import('./github.js')
    return (reports) => formatGithub(reports)
  },
  junit: async () => {
    const {formatJunit} = await import('./junit.js')
    return (reports) => formatJunit(reports)
  },
  html: async () => {
    const {formatHtml} = await import('./html.js')
    return (reports) => formatHtml(reports)
  }
}

/** Formats meant for people at a terminal; the others are read by machines (or saved as files). */
export const interactiveFormats: ReadonlySet<string> = new Set(['stylish'])
