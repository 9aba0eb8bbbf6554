import {readFile} from 'node:fs/promises'

export type ReadResult =
  | {readonly ok: true; readonly text: string; readonly latin1: boolean}
  | {readonly ok: false; readonly reason: string}

const signatures: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['ZIP archive', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip archive', [0x1f, 0x8b]]
]

/** Decodes file bytes: binary refused, UTF-8 expected, Latin-1 as a fallback that is reported. */
export function decode(bytes: Uint8Array): ReadResult {
  for (const [name, signature] of signatures) {
    if (signature.every((byte, index) => bytes[index] === byte)) return {ok: false, reason: `binary file (${name}), not linted`}
  }
  if (bytes.includes(0)) return {ok: false, reason: 'binary file, not linted'}
  try {
    return {ok: true, text: new TextDecoder('utf-8', {fatal: true, ignoreBOM: true}).decode(bytes), latin1: false}
  } catch {
    return {ok: true, text: new TextDecoder('latin1').decode(bytes), latin1: true}
  }
}

/** Reads a file for linting; failures come back as a reason, never as a throw. */
export async function readText(file: string): Promise<ReadResult> {
  const read = await readBytes(file)
  return read.ok ? decode(read.bytes) : read
}

/** A file's bytes, undecoded (the cache hashes them; a worker decodes them). */
export async function readBytes(
  file: string
): Promise<{readonly ok: true; readonly bytes: Uint8Array} | {readonly ok: false; readonly reason: string}> {
  try {
    return {ok: true, bytes: await readFile(file)}
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : String(error)
    return {ok: false, reason: `cannot read file: ${reason}`}
  }
}
