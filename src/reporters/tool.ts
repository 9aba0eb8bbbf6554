import {readFileSync} from 'node:fs'
import path from 'node:path'
import type {Position} from 'unist'
import type {VFileMessage} from 'vfile-message'
import {packageRoot} from '../package-root.js'

/** What the machine-readable reports say about copydesk itself. */
export interface ToolInfo {
  readonly name: string
  readonly version: string
  readonly informationUri: string
}

let cached: ToolInfo | undefined

export function toolInfo(): ToolInfo {
  if (!cached) {
    const pkg = JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as {
      name: string
      version: string
      homepage?: string
    }
    cached = {name: pkg.name, version: pkg.version, informationUri: pkg.homepage ?? 'https://github.com/copydesk/copydesk'}
  }
  return cached
}

/** A message's start and end, whether vfile gave it a range, a point, or nothing. */
export function rangeOf(message: VFileMessage): Position | undefined {
  const place = message.place
  if (!place) return undefined
  return 'start' in place ? (place as Position) : {start: place, end: place}
}

/** A path as reports show it: forward slashes whatever the platform. */
export function slashed(file: string): string {
  return file.replace(/\\/g, '/')
}
