import {describe, expect, it} from 'vitest'
import {WordTable} from '../src/metrics/word-table.js'

describe('WordTable', () => {
  it.each([
    ['a word', ['the'], 'the', 3],
    ['the empty string', [''], '', 0],
    ['a word beyond the Basic Multilingual Plane', ['𝒜bc'], '𝒜bc', 4],
    ['case kept apart', ['The'], 'the', undefined],
    ['a prefix is another word', ['there'], 'the', undefined],
    ['a longer word is another word', ['the'], 'there', undefined],
    ['curly and straight apostrophes kept apart', ["don't"], 'don’t', undefined]
  ] as const)('%s', (_name, stored, asked, value) => {
    const table = new WordTable()
    for (const word of stored) table.set(word, word.length)
    expect(table.get(asked)).toBe(value)
  })

  it('answers as a Map does when every word collides with others (16 slots for 8 words)', () => {
    const table = new WordTable(8, 1000)
    const map = new Map<string, number>()
    const words = ['a', 'b', 'ab', 'ba', 'abc', 'cab', 'x', 'yy']
    words.forEach((word, index) => {
      table.set(word, index)
      map.set(word, index)
    })
    table.set('ab', 99)
    map.set('ab', 99)
    for (const word of [...words, 'c', 'abcd', '']) expect(table.get(word)).toBe(map.get(word))
    expect(table.size).toBe(8)
  })

  it('is cleared when it holds its most words, then keeps the new word', () => {
    const table = new WordTable(3, 1000)
    for (const word of ['one', 'two', 'three']) table.set(word, 1)
    table.set('four', 4)
    expect([table.get('one'), table.get('three'), table.get('four'), table.size]).toEqual([undefined, undefined, 4, 1])
  })

  it('is cleared when its characters would pass the limit; a word longer than the limit is not kept', () => {
    const table = new WordTable(100, 10)
    table.set('abcdef', 1)
    table.set('ghijk', 2)
    expect([table.get('abcdef'), table.get('ghijk')]).toEqual([undefined, 2])
    table.set('elevenchars', 3)
    expect([table.get('ghijk'), table.get('elevenchars'), table.size]).toEqual([undefined, undefined, 0])
  })

  it('keeps many words as their characters outgrow the first array', () => {
    const table = new WordTable()
    const words = Array.from({length: 20_000}, (_, index) => `word${index}`)
    words.forEach((word, index) => {
      table.set(word, index)
    })
    expect(words.every((word, index) => table.get(word) === index)).toBe(true)
    expect(table.get('word20000')).toBeUndefined()
  })

  it('computes a word it does not hold once, then answers from the table', () => {
    const computed: string[] = []
    const table = new WordTable(100, 1000, (word) => {
      computed.push(word)
      return word.length
    })
    const values = ['news', 'desk', 'news', 'News', 'desk'].map((word) => table.valueOf(word))
    expect([values, computed, table.size]).toEqual([[4, 4, 4, 4, 4], ['news', 'desk', 'News'], 3])
  })

  it('keeps every value when computing a word stores other words (as syllables of a word’s parts are)', () => {
    const table: WordTable = new WordTable(100, 1000, (word) => {
      const parts = word.split('-')
      return parts.length === 1 ? word.length : parts.reduce((sum, part) => sum + table.valueOf(part), 0)
    })
    expect(table.valueOf('five-year-old')).toBe(11)
    expect(['five', 'year', 'old', 'five-year-old', 'x'].map((word) => table.get(word))).toEqual([4, 4, 3, 11, undefined])
  })

  it('keeps the computed value when computing fills the table and clears it', () => {
    const table: WordTable = new WordTable(2, 1000, (word) => {
      if (word === 'c') for (const other of ['x', 'y']) table.set(other, 0)
      return 7
    })
    table.set('a', 1)
    expect(table.valueOf('c')).toBe(7)
    expect([table.get('c'), table.get('a')]).toEqual([7, undefined])
  })

  it('finds every word again after its slots have doubled several times', () => {
    const table = new WordTable(50_000, 1_000_000, (word) => word.length)
    const words = Array.from({length: 30_000}, (_, index) => `w${index}`)
    for (const word of words) table.valueOf(word)
    expect(words.every((word) => table.get(word) === word.length)).toBe(true)
    expect(table.size).toBe(30_000)
  })
})
