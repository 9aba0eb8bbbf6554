/**
 * A table of small integers by word, for the measures of every word of every file (see
 * `measures` in `./index.ts`). A `Map` keyed by the token's text finds the entry and then compares
 * the token with a key string stored elsewhere in the heap: three or four trips to memory per
 * token, 850 thousand tokens per pass over the BBC corpus. Here the table is typed arrays: a slot
 * holds the number of an entry; the entries (where a word's characters start, their length, the
 * value and the word's hash) and the words' characters are kept in the order the words came. The
 * commonest words come first, so their entries and characters share a few cache lines, and a
 * lookup mostly reads one small slot from memory. Lookups compare every character, so the answers
 * are exactly a `Map`'s.
 *
 * The slots grow with the words, up to twice `maxWords`. It holds at most `maxWords` words and
 * `maxCharacters` characters, and is cleared when either is reached, so one enormous file (or a
 * long-lived server) cannot make it grow without end.
 */
export class WordTable {
  /** Per slot, 1 + the index of the entry of the word there; 0 for an empty slot. */
  #slots: Int32Array
  #mask: number
  readonly #maxSlots: number
  /**
   * Per word, in the order they came, `entryFields` integers: the offset of its characters, its
   * length, value and hash. The words met first are a file's commonest (`the`, `of`, `said`), so
   * most lookups read the first few thousand entries, which stay in the processor's cache.
   */
  #entries: Int32Array
  #characters: Uint16Array
  #used = 0
  #size = 0
  /** Counts the stores and clears, so `valueOf` knows when the slot it found may have moved. */
  #changes = 0

  /**
   * `compute` gives the value of a word the table does not hold yet (see `valueOf`); it may use the
   * table itself.
   */
  constructor(
    readonly maxWords = 100_000,
    readonly maxCharacters = 2_000_000,
    readonly compute: (word: string) => number = noValue
  ) {
    // At least twice as many slots as words, so probe runs stay short.
    let maxSlots = 16
    while (maxSlots < maxWords * 2) maxSlots *= 2
    this.#maxSlots = maxSlots
    const slots = Math.min(maxSlots, firstSlots)
    this.#mask = slots - 1
    this.#slots = new Int32Array(slots)
    this.#entries = new Int32Array((slots / 2) * entryFields)
    this.#characters = new Uint16Array(Math.min(maxCharacters, 1 << 16))
  }

  get size(): number {
    return this.#size
  }

  /** The value of `word`, or undefined when it has none. */
  get(word: string): number | undefined {
    const entry = this.#find(word, hashOf(word))
    return entry >= 0 ? this.#entries[entry * entryFields + valueField] : undefined
  }

  /**
   * The value of `word`: the stored one, or else `compute(word)`, stored in the slot where the
   * lookup ended (one hash and one probe for a new word), unless the table changed meanwhile.
   *
   * Every word of every file is looked up here, and after the first files almost every word is
   * known. The call to `compute` is one call site for every table, so it sees several functions
   * and V8 does not inline the rare first measure of a word into the loops that look words up
   * (with it, compiling the readability rule's word loop took 20 ms of a cold run; without, 6).
   */
  valueOf(word: string): number {
    const hash = hashOf(word)
    const entry = this.#find(word, hash)
    if (entry >= 0) return this.#entries[entry * entryFields + valueField] ?? 0
    const changes = this.#changes
    const value = this.compute(word)
    if (this.#changes === changes) this.#insert(word, value, ~entry, hash)
    else this.set(word, value)
    return value
  }

  set(word: string, value: number): void {
    const hash = hashOf(word)
    const entry = this.#find(word, hash)
    if (entry >= 0) this.#entries[entry * entryFields + valueField] = value
    else this.#insert(word, value, ~entry, hash)
  }

  clear(): void {
    this.#slots.fill(0)
    this.#used = 0
    this.#size = 0
    this.#changes++
  }

  /** Stores a word that is not in the table, in `slot`: the empty slot where a lookup for it ends. */
  #insert(word: string, value: number, slot: number, hash: number): void {
    this.#changes++
    if (this.#size + 1 > this.maxWords || this.#used + word.length > this.maxCharacters) {
      this.clear()
      if (word.length > this.maxCharacters) return
      slot = ~this.#find(word, hash)
    }
    this.#store(word)
    const entry = this.#size
    const at = entry * entryFields
    const entries = this.#entries
    entries[at] = this.#used - word.length
    entries[at + lengthField] = word.length
    entries[at + valueField] = value
    entries[at + hashField] = hash
    this.#slots[slot] = entry + 1
    this.#size++
    // Entries have room for half as many words as there are slots: grow before the next would not fit.
    if (this.#size * 2 >= this.#mask + 1 && this.#mask + 1 < this.#maxSlots) this.#grow()
  }

  /** The entry of `word`, or the complement (`~slot`) of the empty slot where a lookup for it ends. */
  #find(word: string, hash: number): number {
    const length = word.length
    const slots = this.#slots
    const entries = this.#entries
    const mask = this.#mask
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = (slots[slot] ?? 0) - 1
      if (entry < 0) return ~slot
      const at = entry * entryFields
      if (entries[at + hashField] !== hash || entries[at + lengthField] !== length) continue
      if (this.#holds(entries[at] ?? 0, word)) return entry
    }
  }

  /** Whether the characters from `offset` spell `word`. */
  #holds(offset: number, word: string): boolean {
    const characters = this.#characters
    for (let index = 0; index < word.length; index++) if (characters[offset + index] !== word.charCodeAt(index)) return false
    return true
  }

  /** Twice the slots (and room for twice the entries), every entry placed again by its hash. */
  #grow(): void {
    const slots = new Int32Array(this.#slots.length * 2)
    const mask = slots.length - 1
    const entries = new Int32Array(this.#entries.length * 2)
    entries.set(this.#entries)
    for (let entry = 0; entry < this.#size; entry++) {
      let slot = (entries[entry * entryFields + hashField] ?? 0) & mask
      while (slots[slot] !== 0) slot = (slot + 1) & mask
      slots[slot] = entry + 1
    }
    this.#slots = slots
    this.#mask = mask
    this.#entries = entries
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

/** The `compute` of a table filled with `set` alone: `valueOf` a word it does not hold is 0. */
function noValue(): number {
  return 0
}

/** Slots a table starts with; it doubles them as words come. */
const firstSlots = 8192
const entryFields = 4
const lengthField = 1
const valueField = 2
const hashField = 3

/** FNV-1a's offset basis, 0x811c9dc5, as a signed 32-bit integer (the form a slot stores). */
const offsetBasis = 0x811c9dc5 | 0

/**
 * FNV-1a over the UTF-16 code units of `word`, as a signed 32-bit integer. Starting from a 32-bit
 * integer keeps the whole loop in integers (0x811c9dc5 itself is above 2^31, a double).
 */
function hashOf(word: string): number {
  let hash = offsetBasis
  for (let index = 0; index < word.length; index++) hash = Math.imul(hash ^ word.charCodeAt(index), 0x01000193)
  return hash
}
