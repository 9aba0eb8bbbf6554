import {RE2JS} from 're2js'

/**
 * Users' patterns in config: a string written `/source/flags` is a regular expression, anything
 * else is literal text. Patterns compile with RE2 (re2js), which matches in time linear in the
 * text whatever the pattern, so no config can make a lint run hang on backtracking.
 */

/** The JSON-schema `format` of a config string that may be a `/pattern/flags`; the config loader checks it. */
export const patternFormat = 'copydesk-pattern'

const flagBits: Readonly<Record<string, number>> = {
  i: RE2JS.CASE_INSENSITIVE,
  s: RE2JS.DOTALL,
  m: RE2JS.MULTILINE,
  // RE2 is always Unicode-aware; `u` is accepted so that JavaScript habits do no harm.
  u: 0
}

/** Thrown for a pattern that cannot be used; the message says what is wrong with it. */
export class PatternError extends Error {
  override name = 'PatternError'
}

/**
 * `/…/` with JavaScript's flags after it, if any. Anything else is literal: `/r/worldnews` is a
 * label, not a pattern with flags `worldnews`.
 */
const patternForm = /^\/([\s\S]+)\/([dgimsuvy]*)$/

/** Whether a config string is written as a pattern (`/…/flags`) rather than as literal text. */
export function isPattern(text: string): boolean {
  return patternForm.test(text)
}

const compiled = new Map<string, RE2JS>()

/** Compiles a `/source/flags` string; throws a PatternError saying what is wrong. */
export function compilePattern(text: string): RE2JS {
  const cached = compiled.get(text)
  if (cached) return cached
  const parts = patternForm.exec(text)
  if (!parts?.[1]) throw new PatternError(`not a pattern: write it as /pattern/flags`)
  const [, source, flags = ''] = parts
  let bits = 0
  for (const flag of flags) {
    const bit = flagBits[flag]
    if (bit === undefined) throw new PatternError(`flag \`${flag}\` in \`${text}\` has no use here, expected some of i, m, s`)
    bits |= bit
  }
  let regex: RE2JS
  try {
    regex = RE2JS.compile(source, bits)
  } catch (error) {
    // re2js: "error parsing regexp: missing closing ): `(abc`".
    // re2js shows the flags as an inline group (`(?i)`) the user did not write.
    const reason = (error as Error).message.replace(/^error parsing regexp:\s*/, '').replace(/`\(\?[ims]+\)/, '`')
    const hint = /Perl syntax|invalid escape|named capture/.test(reason)
      ? ' (lookarounds and backreferences are not supported: patterns run in linear time)'
      : ''
    throw new PatternError(`invalid pattern \`${text}\`: ${reason}${hint}`)
  }
  // Configs come from HTTP requests too: keep the cache bounded.
  if (compiled.size >= 1000) compiled.clear()
  compiled.set(text, regex)
  return regex
}

/** What is wrong with a config string meant as a phrase or a pattern, or undefined when nothing is. */
export function patternProblem(text: string): string | undefined {
  if (!isPattern(text)) return undefined
  try {
    compilePattern(text)
    return undefined
  } catch (error) {
    return (error as Error).message
  }
}

/** Whether the pattern matches all of `text`, not just part of it. */
export function matchesWhole(regex: RE2JS, text: string): boolean {
  return regex.matches(text)
}

/** Every non-overlapping match of the pattern in `text`, as [start, end) offsets in UTF-16 code units. */
export function findAll(regex: RE2JS, text: string): Array<readonly [number, number]> {
  const found: Array<readonly [number, number]> = []
  const matcher = regex.matcher(text)
  let from = 0
  while (from <= text.length && matcher.find(from)) {
    const start = matcher.start()
    const end = matcher.end()
    found.push([start, end])
    from = end > start ? end : end + 1
  }
  return found
}

/** Splits config strings into literal phrases and compiled patterns. */
export function splitPatterns(list: readonly string[]): {literals: string[]; patterns: RE2JS[]} {
  const literals: string[] = []
  const patterns: RE2JS[] = []
  for (const text of list) {
    if (isPattern(text)) patterns.push(compilePattern(text))
    else literals.push(text)
  }
  return {literals, patterns}
}
