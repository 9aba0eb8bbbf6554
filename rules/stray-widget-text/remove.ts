/**
 * What to cut so that a block disappears with its line, and the paragraphs around it keep
 * their spacing: the block's own line ending, its list or quote marker, and one blank line
 * when it stood alone as a paragraph.
 */
export function removalRange(text: string, from: number, to: number): [number, number] {
  let start = from
  // A list bullet or quote marker before the block on its line goes with it. The line's start is
  // looked for only back over characters a marker is made of: anything else before the block
  // means it does not start its line. (Looking back to the line break whatever came between read
  // a whole one-line HTML page once per finding: 20,000 "Read more" links took 7 s.)
  let lineStart = from
  while (lineStart > 0 && markerCharacter.test(text[lineStart - 1] ?? '')) lineStart--
  if (lineStart > 0 && text[lineStart - 1] !== '\n') return [from, to]
  if (/^[ \t]*(?:(?:[-*+•·▪●◦‣]|\d{1,3}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?|>[ \t]?)*[ \t]*$/.test(text.slice(lineStart, start))) {
    start = lineStart
  }
  if (start !== lineStart) return [from, to]
  let end = to
  while (end < text.length && text[end] !== '\n' && /\s/.test(text[end] ?? '')) end++
  if (end < text.length && text[end] !== '\n') return [from, to]
  if (end === text.length) {
    // Last in the file: take the blank lines before it instead, keeping the previous line's ending.
    let back = start
    while (back > 0 && /\s/.test(text[back - 1] ?? '')) back--
    const newline = text.indexOf('\n', back)
    return [newline === -1 || newline >= start ? start : newline + 1, end]
  }
  end++
  const blankAfter = /[ \t]*\r?\n/y
  blankAfter.lastIndex = end
  const after = blankAfter.exec(text)
  if (after && (start === 0 || blankLineBefore(text, start))) end += after[0].length
  return [start, end]
}

/** A character a list bullet, a list number, a task box or a quote marker is made of (see `removalRange`). */
const markerCharacter = /[ \t\-*+•·▪●◦‣\d.)[\]xX>]/

/**
 * Whether a blank line ends just before `at`. Scans back from `at` only: a regex anchored at the
 * end of `text.slice(0, at)` reads the whole prefix, once per finding (quadratic on long files).
 */
function blankLineBefore(text: string, at: number): boolean {
  let index = at
  if (text[index - 1] !== '\n') return false
  index--
  if (text[index - 1] === '\r') index--
  while (index > 0 && (text[index - 1] === ' ' || text[index - 1] === '\t')) index--
  return text[index - 1] === '\n'
}

/** A span inside a block: cut it with the spaces after it, or before it when it ends the block. */
export function spanRemovalRange(text: string, from: number, to: number, blockStart: number, blockEnd: number): [number, number] {
  let end = to
  while (end < blockEnd && /[ \t]/.test(text[end] ?? '')) end++
  if (end < blockEnd || from === blockStart) return [from, end]
  let start = from
  while (start > blockStart && /[ \t]/.test(text[start - 1] ?? '')) start--
  return [start, to]
}
