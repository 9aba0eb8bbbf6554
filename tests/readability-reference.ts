import {existsSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

// Reference values live outside the project (../shared/eval/readability); read them, never copy them.
const referenceDir = new URL('../../shared/eval/readability/', import.meta.url)

/** A file of the readability reference data, or a clear failure when the data is not beside the repo. */
export function readReference(name: string): string {
  const url = new URL(name, referenceDir)
  if (!existsSync(url)) {
    throw new Error(
      `Readability reference data missing: ${fileURLToPath(url)} not found. ` +
        'The metrics tests read ../shared/eval/readability/ (relative to the repository); check it out next to it.'
    )
  }
  return readFileSync(url, 'utf8')
}
