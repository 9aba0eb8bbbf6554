import type {WordToken} from './document.js'

/** Lowercases and straightens apostrophes, so `Don’t` and `don't` are one key. */
export function normalizeWord(word: string): string {
  return straightenApostrophes(word.toLowerCase())
}

/** `normalizeWord` of a word already lowercased: the same string when it has no curly apostrophe. */
export function straightenApostrophes(lower: string): string {
  // Most words have no apostrophe: skip the regex (and its copy) for them.
  return hasCurlyApostrophe(lower) ? lower.replace(/[’‘`]/g, "'") : lower
}

function hasCurlyApostrophe(word: string): boolean {
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index)
    if (code === 0x2019 || code === 0x2018 || code === 0x60) return true
  }
  return false
}

/** Whether `text[from, to)` is white space, and not empty: the gap between the words of a phrase. */
function onlyWhiteSpace(text: string, from: number, to: number): boolean {
  if (from >= to) return false
  for (let index = from; index < to; index++) if (!isWhiteSpace(text.charCodeAt(index))) return false
  return true
}

/** JavaScript's `\s`, for one UTF-16 code unit. */
export function isWhiteSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d)
  if (code < 0xa0) return false
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}

/** A word of the trie. A class, so that every node has one shape whether or not a phrase ends there. */
class TrieNode<Value> {
  readonly next = new Map<string, TrieNode<Value>>()
  value: Value | undefined = undefined
}

export interface PhraseMatch<Value> {
  /** Index of the first and one past the last matched word. */
  readonly from: number
  readonly to: number
  readonly value: Value
}

/**
 * Phrases compiled once into a trie of words: one pass over a sentence finds every phrase,
 * however many there are, instead of a regex or tree search per phrase.
 */
export class PhraseMatcher<Value> {
  private readonly root = new TrieNode<Value>()
  size = 0

  /** Adds a phrase (words separated by spaces); a later value for the same phrase wins. */
  add(phrase: string, value: Value): this {
    let node = this.root
    for (const word of phrase.trim().split(/\s+/)) {
      const key = normalizeWord(word)
      let child = node.next.get(key)
      if (!child) {
        child = new TrieNode<Value>()
        node.next.set(key, child)
      }
      node = child
    }
    if (node.value === undefined) this.size++
    node.value = value
    return this
  }

  /**
   * The longest phrase starting at each word, left to right, without overlaps. Given the file's
   * text, the words of a phrase must be separated by white space only (not `said, to`). A caller
   * that knows no phrase starts before the word at `start` can skip the words before it.
   */
  match(words: readonly WordToken[], text?: string, start = 0): PhraseMatch<Value>[] {
    const found: PhraseMatch<Value>[] = []
    let from = start
    while (from < words.length) {
      // Walk the trie from this word while the words go on matching; most words start no phrase,
      // which costs one lookup of the word's normalised form.
      let node = this.root.next.get((words[from] as WordToken).normal)
      let to = -1
      let value: Value | undefined
      for (let at = from; node !== undefined; ) {
        if (node.value !== undefined) {
          to = at + 1
          value = node.value
        }
        const previous = words[at] as WordToken
        const word = words[++at]
        if (word === undefined || (text !== undefined && !onlyWhiteSpace(text, previous.end, word.start))) break
        node = node.next.get(word.normal)
      }
      if (to === -1 || value === undefined) from++
      else {
        found.push({from, to, value})
        from = to
      }
    }
    return found
  }
}

const possessive = /^(.{2,})['’]s$/u

/**
 * The word without a singular possessive `'s`/`’s` ("regime's" → "regime"), its end moved back to
 * match; other words unchanged. The tokenizer keeps the possessive inside the word, so a matcher
 * fed these tokens finds `regime` in "the regime's" without listing every possessive as a form.
 * (Contractions such as "it's" lose their `'s` too, which is harmless for lookups of content words.)
 */
export function withoutPossessive(word: WordToken): WordToken {
  const found = possessive.exec(word.text)
  if (!found?.[1]) return word
  const text = found[1]
  const lower = text.toLowerCase()
  // Every property spelt out, in the order document.ts creates them: a spread copy would have
  // another hidden class, and the matchers reading both kinds of token would be slower for it.
  return {
    node: word.node,
    text,
    lower,
    normal: straightenApostrophes(lower),
    start: word.start,
    end: word.start + text.length,
    index: word.index
  }
}
