import type {VFileMessage} from 'vfile-message'
import type {Fix} from '../kit/types.js'

export interface FixResult {
  readonly output: string
  /** The fixes applied, in file order. */
  readonly applied: readonly Fix[]
}

/**
 * Applies non-overlapping fixes, first come first served in file order (as ESLint does);
 * an overlapping fix waits for the next pass.
 */
export function applyFixes(text: string, messages: readonly VFileMessage[]): FixResult {
  const fixes = messages
    .flatMap((message) => (message.fix ? [message.fix] : []))
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])
  const applied: Fix[] = []
  let output = ''
  let at = 0
  for (const fix of fixes) {
    const [start, end] = fix.range
    if (start < at || end > text.length || start > end) continue
    output += text.slice(at, start) + fix.text
    at = end
    applied.push(fix)
  }
  return {output: output + text.slice(at), applied}
}
