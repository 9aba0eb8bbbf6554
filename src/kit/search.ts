/**
 * How many items, from the first, satisfy `holds`, in a list ordered so that every item that does
 * comes before every item that does not ("starts at or before the offset", for spans in order of
 * start): a binary search, so lookups in long files stay logarithmic.
 */
export function countLeading(length: number, holds: (index: number) => boolean): number {
  let low = 0
  let high = length
  while (low < high) {
    const middle = (low + high) >> 1
    if (holds(middle)) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * `countLeading` for spans in order of start: how many start at or before `offset`. Written out
 * rather than through `countLeading`, as it runs for every word or finding and a closure per call
 * cost more than the search itself.
 */
export function countStartingBy(spans: readonly {readonly start: number}[], offset: number): number {
  let low = 0
  let high = spans.length
  while (low < high) {
    const middle = (low + high) >> 1
    if ((spans[middle] as {readonly start: number}).start <= offset) low = middle + 1
    else high = middle
  }
  return low
}
