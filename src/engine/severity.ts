import type {VFileMessage} from 'vfile-message'
import type {ActiveSeverity} from '../kit/types.js'

/**
 * A message's severity, read back from `fatal` (error → true, warning → false, info → undefined).
 * On its own so that reporters and the CLI's main thread can read it without loading the engine.
 */
export function severityOf(message: VFileMessage): ActiveSeverity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
}
