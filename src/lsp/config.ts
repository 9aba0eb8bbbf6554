import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import type {Position, Range} from 'vscode-languageserver'
import {type ConfigError, ConfigResolver, configFileName, defaultConfig, type ResolvedConfig} from '../config/load.js'

/**
 * The configuration of each open document, from the nearest `.lintrc.json` of its folder
 * (untitled documents: of the first workspace folder). Cached per folder until `reload()`.
 */
export class DocumentConfigs {
  private resolver = new ConfigResolver(existsSync)
  /** Every config file that went into a resolved config, so a change to an `extends` base reloads too. */
  private readonly used = new Set<string>()

  constructor(private readonly fallbackFolder: () => string | undefined) {}

  /** Throws `ConfigError` when a config file on the way is broken. */
  forPath(filePath: string | undefined): ResolvedConfig {
    const folder = filePath === undefined ? this.fallbackFolder() : path.dirname(filePath)
    if (folder === undefined) return defaultConfig
    const resolved = this.resolver.forFolder(folder)
    for (const file of resolved.files) this.used.add(path.resolve(file))
    return resolved
  }

  /** Whether a changed file can change a document's config. */
  affects(filePath: string): boolean {
    return path.basename(filePath) === configFileName || this.used.has(path.resolve(filePath))
  }

  /** Forget every resolved config: the next lint reads the files again. */
  reload(): void {
    this.resolver = new ConfigResolver(existsSync)
    this.used.clear()
  }
}

/** Key path segments: `rules.readability[1].targetGrade` → `rules`, `readability`, 1, `targetGrade`. */
function segments(keyPath: string): (string | number)[] {
  const parts: (string | number)[] = []
  for (const match of keyPath.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) parts.push(Number(match[2]))
    else if (match[1] !== undefined) parts.push(match[1])
  }
  return parts
}

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset)
  const line = before.split('\n').length - 1
  return {line, character: offset - (before.lastIndexOf('\n') + 1)}
}

/**
 * Where a config error points in its file: the line and column of broken JSON, else the last key
 * of the key path found in order (good enough to put the cursor on `"targetGrade"`); else the top.
 */
export function locateConfigError(error: ConfigError): Range {
  const top: Range = {start: {line: 0, character: 0}, end: {line: 0, character: 0}}
  let text: string
  try {
    text = readFileSync(error.file, 'utf8')
  } catch {
    return top
  }
  const broken = /at line (\d+), column (\d+)/.exec(error.expected)
  if (broken?.[1] && broken[2]) {
    const at = {line: Number(broken[1]) - 1, character: Number(broken[2]) - 1}
    return {start: at, end: at}
  }
  let from = 0
  let found: [number, number] | undefined
  for (const part of segments(error.keyPath)) {
    if (typeof part === 'number') continue
    const quoted = JSON.stringify(part)
    const key = new RegExp(`${quoted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`, 'g')
    key.lastIndex = from
    const match = key.exec(text)
    if (!match) break
    found = [match.index, match.index + quoted.length]
    from = key.lastIndex
  }
  return found ? {start: positionAt(text, found[0]), end: positionAt(text, found[1])} : top
}
