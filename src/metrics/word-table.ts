/**
 * A table of small integers by word, for the measures of every word of every file (see
 * `measureWord`). A `Map` keyed by the token's text finds the entry and then compares the token with
 * a key string stored elsewhere in the heap: three or four trips to memory per token, 850 thousand
 * tokens per pass over the BBC corpus. Here the slots are typed arrays and the words' characters sit
 * side by side in one array, so a lookup reads a slot and a few neighbouring characters. Lookups
 * compare every character, so the answers are exactly a `Map`'s.
 *
 * It holds at most `maxWords` words and `maxCharacters` characters, and is cleared when either is
 * reached, so one enormous file (or a long-lived server) cannot make it grow without end.
 */
export class WordTable {
  readonly #mask: number
  /** Per slot: 1 + the offset of the word's characters in `#characters`; 0 for an empty slot. */
  readonly #starts: Int32Array
  readonly #lengths: Int32Array
  readonly #values: Int32Array
  #characters: Uint16Array
  #used = 0
  #size = 0

  constructor(
    readonly maxWords = 100_000,
    readonly maxCharacters = 2_000_000
  ) {
    // At least twice as many slots as words, so probe runs stay short.
    let slots = 16
    while (slots < maxWords * 2) slots *= 2
    this.#mask = slots - 1
    this.#starts = new Int32Array(slots)
    this.#lengths = new Int32Array(slots)
    this.#values = new Int32Array(slots)
    this.#characters = new Uint16Array(Math.min(maxCharacters, 1 << 16))
  }

  get size(): number {
    return this.#size
  }

  /** The value of `word`, or undefined when it has none. */
  get(word: string): number | undefined {
    const slot = this.#find(word)
    return slot >= 0 ? this.#values[slot] : undefined
  }

  set(word: string, value: number): void {
    let slot = this.#find(word)
    if (slot >= 0) {
      this.#values[slot] = value
      return
    }
    if (this.#size + 1 > this.maxWords || this.#used + word.length > this.maxCharacters) {
      this.clear()
      if (word.length > this.maxCharacters) return
      slot = this.#find(word)
    }
    slot = ~slot
    this.#store(word)
    this.#starts[slot] = this.#used - word.length + 1
    this.#lengths[slot] = word.length
    this.#values[slot] = value
    this.#size++
  }

  clear(): void {
    this.#starts.fill(0)
    this.#used = 0
    this.#size = 0
  }

  /** The slot holding `word`, or the complement (`~slot`) of the empty slot where it would go. */
  #find(word: string): number {
    const length = word.length
    const starts = this.#starts
    const characters = this.#characters
    for (let slot = hashOf(word) & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const start = starts[slot] ?? 0
      if (start === 0) return ~slot
      if (this.#lengths[slot] !== length) continue
      const offset = start - 1
      let index = 0
      while (index < length && characters[offset + index] === word.charCodeAt(index)) index++
      if (index === length) return slot
    }
  }

  /** Appends the characters of `word` to `#characters`, growing it when needed. */
  #store(word: string): void {
    const end = this.#used + word.length
    if (end > this.#characters.length) {
      let capacity = this.#characters.length * 2
      while (capacity < end) capacity *= 2
      const grown = new Uint16Array(Math.min(capacity, Math.max(this.maxCharacters, end)))
      grown.set(this.#characters.subarray(0, this.#used))
      this.#characters = grown
    }
    for (let index = 0; index < word.length; index++) this.#characters[this.#used + index] = word.charCodeAt(index)
    this.#used = end
  }
}

/** FNV-1a over the UTF-16 code units of `word`. */
function hashOf(word: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < word.length; index++) hash = Math.imul(hash ^ word.charCodeAt(index), 0x01000193)
  return hash
}
