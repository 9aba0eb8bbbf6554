import type {VFileMessage} from 'vfile-message'
import type {ActiveSeverity} from '../kit/types.js'

/**
 * A message's severity, read back from `fatal` (error → true, warning → false, info → undefined).
 * On its own so that reporters and the CLI's main thread can read it without loading the engine.
 */
export function severityOf(message: VFileMessage): ActiveSeverity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
}

/** Adds the errors and warnings among `messages` to `tally` (infos count for neither): they decide the exit code. */
export function tallyFindings(tally: {errors: number; warnings: number}, messages: readonly VFileMessage[]): void {
  for (const message of messages) {
    const severity = severityOf(message)
    if (severity === 'error') tally.errors++
    else if (severity === 'warning') tally.warnings++
  }
}
