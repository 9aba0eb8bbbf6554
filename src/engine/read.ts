import {readFileSync} from 'node:fs'
import {readFile} from 'node:fs/promises'

/** How a file's bytes were decoded; `--fix` writes the text back the same way. */
export type Encoding = 'utf-8' | 'latin1' | 'utf-16le' | 'utf-16be'

export type ReadResult =
  | {
      readonly ok: true
      readonly text: string
      /** Not valid UTF-8, so read as Latin-1 (reported to the user). */
      readonly latin1: boolean
      readonly encoding?: Encoding
      /** The bytes as read, to tell whether the file changed before fixes are written. */
      readonly bytes?: Uint8Array
    }
  | {readonly ok: false; readonly reason: string}

const signatures: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['ZIP archive', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip archive', [0x1f, 0x8b]]
]

const startsWith = (bytes: Uint8Array, signature: readonly number[]): boolean =>
  signature.every((byte, index) => bytes[index] === byte)

/** Without a byte-order mark, UTF-16 text shows as a NUL in (nearly) every other byte. */
function looksLikeBomlessUtf16(bytes: Uint8Array): boolean {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return false
  const sample = Math.min(bytes.length, 4096)
  let even = 0
  let odd = 0
  for (let index = 0; index < sample; index++) {
    if (bytes[index] === 0) index % 2 === 0 ? even++ : odd++
  }
  return Math.max(even, odd) >= sample * 0.45 && Math.min(even, odd) === 0
}

/**
 * Decodes file bytes: UTF-16 with a byte-order mark decoded, binary refused, UTF-8 expected,
 * Latin-1 as a fallback that is reported. A byte-order mark stays in the text (offset 0), so
 * that positions and `--fix` keep it.
 */
export function decode(bytes: Uint8Array): ReadResult {
  if (startsWith(bytes, [0xff, 0xfe, 0, 0]) || startsWith(bytes, [0, 0, 0xfe, 0xff])) {
    return {ok: false, reason: 'UTF-32 text is not supported, not linted: save it as UTF-8'}
  }
  for (const [encoding, bom] of [
    ['utf-16le', [0xff, 0xfe]],
    ['utf-16be', [0xfe, 0xff]]
  ] as const) {
    if (!startsWith(bytes, bom)) continue
    let text: string
    try {
      text = new TextDecoder(encoding, {fatal: true, ignoreBOM: true}).decode(bytes)
    } catch {
      return {ok: false, reason: `not valid ${encoding.toUpperCase()} despite its byte-order mark, not linted`}
    }
    if (text.includes('\0')) return {ok: false, reason: 'binary file, not linted'}
    return {ok: true, text, latin1: false, encoding, bytes}
  }
  for (const [name, signature] of signatures) {
    if (startsWith(bytes, signature)) return {ok: false, reason: `binary file (${name}), not linted`}
  }
  if (bytes.includes(0)) {
    return {
      ok: false,
      reason: looksLikeBomlessUtf16(bytes)
        ? 'UTF-16 text without a byte-order mark, not linted: save it as UTF-8'
        : 'binary file, not linted'
    }
  }
  try {
    return {
      ok: true,
      text: new TextDecoder('utf-8', {fatal: true, ignoreBOM: true}).decode(bytes),
      latin1: false,
      encoding: 'utf-8',
      bytes
    }
  } catch {
    return {ok: true, text: new TextDecoder('latin1').decode(bytes), latin1: true, encoding: 'latin1', bytes}
  }
}

/** The bytes of a text in the encoding it was read in; throws when a character has no place in it. */
export function encode(text: string, encoding: Encoding = 'utf-8'): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8')
    case 'latin1': {
      for (const character of text) {
        if ((character.codePointAt(0) as number) > 0xff) {
          throw new Error(`the fixed text has \`${character}\`, which Latin-1 cannot hold`)
        }
      }
      return Buffer.from(text, 'latin1')
    }
    case 'utf-16le':
      return Buffer.from(text, 'utf16le')
    case 'utf-16be':
      return Buffer.from(text, 'utf16le').swap16()
  }
}

const readProblems: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a folder, not a file',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long'
}

/** Reads a file for linting; failures come back as a reason, never as a throw. */
export async function readText(file: string): Promise<ReadResult> {
  const read = await readBytes(file)
  return read.ok ? decode(read.bytes) : read
}

type BytesResult = {readonly ok: true; readonly bytes: Uint8Array} | {readonly ok: false; readonly reason: string}

function readFailure(error: unknown): BytesResult {
  const code = (error as NodeJS.ErrnoException).code
  return {ok: false, reason: `cannot read file: ${(code && readProblems[code]) ?? (error as Error).message}`}
}

/** A file's bytes, undecoded (the cache hashes them; a worker decodes them). */
export async function readBytes(file: string): Promise<BytesResult> {
  try {
    return {ok: true, bytes: await readFile(file)}
  } catch (error) {
    return readFailure(error)
  }
}

/**
 * The same, blocking: for a thread that has nothing else to do meanwhile (a CLI worker, or the
 * main thread with `--jobs 1`). fs/promises makes open, fstat, read and close each a round trip
 * through the thread pool: reading the 2,225 BBC articles took ~300 ms of CPU that way, ~30 ms
 * with readFileSync.
 */
export function readBytesSync(file: string): BytesResult {
  try {
    return {ok: true, bytes: readFileSync(file)}
  } catch (error) {
    return readFailure(error)
  }
}
