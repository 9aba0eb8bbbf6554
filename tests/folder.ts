import {chmodSync, mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

/**
 * A fresh folder holding `files` (relative path → content), for tests that run copydesk on disk.
 * Readable by everyone, so tests that drop privileges (permission cases) can walk it.
 */
export function folder(files: Record<string, string | Buffer>, prefix = 'copydesk-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  chmodSync(dir, 0o755)
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
    writeFileSync(path.join(dir, name), content)
  }
  return dir
}
