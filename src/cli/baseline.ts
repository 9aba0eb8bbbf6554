import path from 'node:path'
import {applyBaseline, type Baseline, createBaseline, readBaseline, writeBaseline} from '../baseline.js'
import type {FileReport} from '../engine/lint.js'
import type {CliOptions} from './args.js'

/**
 * `--baseline` and `--write-baseline` for the lint run. Read before linting, so that a missing or
 * broken baseline stops the run at once (a BaselineError: exit 2) rather than after a long lint.
 */
export function readBaselineOption(options: CliOptions, cwd: string): Baseline | undefined {
  // Writing a baseline replaces the old one, so whether it can be read does not matter.
  if (options.baseline === undefined || options.writeBaseline !== undefined) return undefined
  return readBaseline(path.resolve(cwd, options.baseline))
}

/** Writes the baseline when asked, then keeps only the findings the baseline does not know. */
export async function settleBaseline(
  options: CliOptions,
  baseline: Baseline | undefined,
  reports: FileReport[],
  io: {readonly cwd: string; readonly stderr: (text: string) => void}
): Promise<FileReport[]> {
  if (options.writeBaseline !== undefined) {
    const written = createBaseline(reports, options.writeBaseline, io.cwd)
    await writeBaseline(path.resolve(io.cwd, options.writeBaseline), written)
    const findings = Object.values(written.files).reduce(
      (sum, entries) => sum + entries.reduce((n, entry) => n + entry.count, 0),
      0
    )
    io.stderr(
      `copydesk: wrote ${findings} finding${findings === 1 ? '' : 's'} in ${Object.keys(written.files).length} file${
        Object.keys(written.files).length === 1 ? '' : 's'
      } to ${options.writeBaseline}\n`
    )
    return applyBaseline(reports, written, options.writeBaseline, io.cwd).reports
  }
  if (baseline === undefined || options.baseline === undefined) return reports
  const {reports: kept, suppressed} = applyBaseline(reports, baseline, options.baseline, io.cwd)
  if (suppressed > 0) {
    io.stderr(`copydesk: ${suppressed} known finding${suppressed === 1 ? '' : 's'} not shown (in ${options.baseline})\n`)
  }
  return kept
}
