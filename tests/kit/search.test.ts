import {describe, expect, it} from 'vitest'
import {countLeading} from '../../src/kit/search.js'

const starts = [0, 4, 4, 9, 15]

describe('countLeading', () => {
  it.each([
    [-1, 0],
    [0, 1],
    [3, 1],
    [4, 3],
    [8, 3],
    [9, 4],
    [15, 5],
    [99, 5]
  ])('spans starting at or before %i: %i', (offset, count) => {
    expect(countLeading(starts.length, (index) => (starts[index] ?? 0) <= offset)).toBe(count)
  })

  it('is 0 for an empty list', () => {
    expect(countLeading(0, () => true)).toBe(0)
  })
})
