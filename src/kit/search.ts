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
