import {randomBytes} from 'node:crypto'
import {lstat, realpath, rename, stat, unlink, writeFile} from 'node:fs/promises'
import path from 'node:path'

/**
 * Replaces a file's content atomically: a temporary file in the same folder, then a rename,
 * with the original mode kept. Refuses to write through a link that leaves the folder.
 */
export async function writeAtomically(file: string, content: string): Promise<void> {
  const absolute = path.resolve(file)
  let target = absolute
  if ((await lstat(absolute)).isSymbolicLink()) {
    target = await realpath(absolute)
    if (path.dirname(target) !== path.dirname(absolute)) {
      throw new Error(`not fixing ${file}: it is a link to a file outside its folder (${target})`)
    }
  }
  const {mode} = await stat(target)
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    await writeFile(temporary, content, {mode})
    await rename(temporary, target)
  } catch (error) {
    await unlink(temporary).catch(() => undefined)
    throw error
  }
}
