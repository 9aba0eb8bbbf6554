import path from 'node:path'
import type {Format} from '../kit/types.js'

export const extensions: Readonly<Record<string, Format>> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html'
}

/** The format a file is read as, from its extension; unknown extensions are plain text. */
export function formatOf(filePath: string | undefined): Format {
  if (!filePath) return 'txt'
  return extensions[path.extname(filePath).toLowerCase()] ?? 'txt'
}

export function isFormat(value: unknown): value is Format {
  return value === 'txt' || value === 'md' || value === 'html'
}
