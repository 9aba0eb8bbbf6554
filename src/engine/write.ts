import {randomBytes} from 'node:crypto'
import {lstat, readFile, realpath, rename, stat, unlink, writeFile} from 'node:fs/promises'
import path from 'node:path'

const writeProblems: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  ENOENT: 'the file is gone',
  EXDEV: 'cannot replace it across devices'
}

export interface WriteOptions {
  /**
   * The bytes the fixes were made from. When the file no longer holds them (another program saved
   * it meanwhile), nothing is written: its edits are not overwritten with fixes of an old version.
   */
  readonly expected?: Uint8Array
}

/**
 * Replaces a file's content atomically: a temporary file in the same folder, then a rename,
 * with the original mode kept. Refuses to write through a link that leaves the folder. Errors
 * say in words why the file was left as it was.
 */
export async function writeAtomically(file: string, content: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  const absolute = path.resolve(file)
  let target = absolute
  if ((await lstat(absolute)).isSymbolicLink()) {
    target = await realpath(absolute)
    if (path.dirname(target) !== path.dirname(absolute)) {
      throw new Error(`it is a link to a file outside its folder (${target})`)
    }
  }
  const {mode} = await stat(target)
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    await writeFile(temporary, content, {mode})
    // Checked as late as can be, just before the rename; a save in between is not detectable
    // without locks, which editors do not take.
    if (options.expected && !Buffer.from(await readFile(target)).equals(options.expected)) {
      throw new Error('the file changed on disk while it was being linted; run again to fix the new version')
    }
    await rename(temporary, target)
  } catch (error) {
    await unlink(temporary).catch(() => undefined)
    const code = (error as NodeJS.ErrnoException).code
    const problem = code ? writeProblems[code] : undefined
    if (problem) throw new Error(`cannot write ${code === 'EACCES' || code === 'EPERM' ? 'in its folder' : 'it'}: ${problem}`)
    throw error
  }
}
