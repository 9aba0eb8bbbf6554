import {existsSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

let root: string | undefined

/** The folder of copydesk's package.json, whether running from src/ (tests) or dist/src/ (the bin). */
export function packageRoot(): string {
  if (root === undefined) {
    let folder = path.dirname(fileURLToPath(import.meta.url))
    while (!existsSync(path.join(folder, 'package.json')) && path.dirname(folder) !== folder) folder = path.dirname(folder)
    root = folder
  }
  return root
}
