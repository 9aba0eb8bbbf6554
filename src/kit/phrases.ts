import type {WordToken} from './document.js'

/** Lowercases and straightens apostrophes, so `Don’t` and `don't` are one key. */
export function normalizeWord(word: string): string {
  return word.toLowerCase().replace(/[’‘`]/g, "'")
}

interface TrieNode<Value> {
  readonly next: Map<string, TrieNode<Value>>
  value?: Value
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
  private readonly root: TrieNode<Value> = {next: new Map()}
  size = 0

  /** Adds a phrase (words separated by spaces); a later value for the same phrase wins. */
  add(phrase: string, value: Value): this {
    let node = this.root
    for (const word of phrase.trim().split(/\s+/)) {
      const key = normalizeWord(word)
      let child = node.next.get(key)
      if (!child) {
        child = {next: new Map()}
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
   * text, the words of a phrase must be separated by white space only (not `said, to`).
   */
  match(words: readonly WordToken[], text?: string): PhraseMatch<Value>[] {
    const found: PhraseMatch<Value>[] = []
    let from = 0
    while (from < words.length) {
      let node: TrieNode<Value> | undefined = this.root
      let best: PhraseMatch<Value> | undefined
      for (let at = from; at < words.length && node; at++) {
        const word = words[at]
        if (!word) break
        const previous = words[at - 1]
        if (at > from && text !== undefined && previous && !/^\s+$/.test(text.slice(previous.end, word.start))) break
        node = node.next.get(normalizeWord(word.text))
        if (node?.value !== undefined) best = {from, to: at + 1, value: node.value}
      }
      if (best) {
        found.push(best)
        from = best.to
      } else from++
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
  return {...word, text, lower: text.toLowerCase(), end: word.start + text.length}
}
