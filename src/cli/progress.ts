/**
 * A single updating line on stderr (`Linting 12/340 desk/story.md`) while many files are linted,
 * for a person at a terminal. Never in CI logs, never in a pipe, never with a machine-readable
 * format: there it would only be noise, or corrupt what a program reads.
 */

/** Below this many files a run is quick enough that a progress line would only flicker. */
export const minimumFiles = 20
const interval = 80

/** Whether the environment is a CI service; most set `CI`, a few only their own variable. */
export function isCI(env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0') return true
  return [
    'GITHUB_ACTIONS',
    'GITLAB_CI',
    'BUILDKITE',
    'CIRCLECI',
    'TF_BUILD',
    'JENKINS_URL',
    'TEAMCITY_VERSION',
    'BUILD_NUMBER'
  ].some((name) => env[name] !== undefined && env[name] !== '')
}

/** Whether stderr is a terminal a person is watching. */
export function isInteractive(stream: {readonly isTTY?: boolean}, env: Readonly<Record<string, string | undefined>>): boolean {
  return stream.isTTY === true && !isCI(env) && env.TERM !== 'dumb'
}

export interface Progress {
  tick(file: string): void
  /** Clears the line, so that the report starts on a clean one. */
  done(): void
}

const silent: Progress = {tick: () => undefined, done: () => undefined}

export function createProgress(
  write: (text: string) => void,
  options: {readonly enabled: boolean; readonly total: number; readonly columns?: number; readonly now?: () => number}
): Progress {
  if (!options.enabled || options.total < minimumFiles) return silent
  const width = Math.max(20, (options.columns ?? 80) - 1)
  const now = options.now ?? Date.now
  let count = 0
  let last = Number.NEGATIVE_INFINITY
  let shown = false
  return {
    tick(file) {
      count++
      // Redrawing for every file costs more than linting a short one; a few times a second is enough.
      if (count < options.total && now() - last < interval) return
      last = now()
      let line = `Linting ${count}/${options.total} ${file}`
      if (line.length > width) line = `${line.slice(0, width - 1)}…`
      write(`\r\x1b[2K${line}`)
      shown = true
    },
    done() {
      if (shown) write('\r\x1b[2K')
      shown = false
    }
  }
}
