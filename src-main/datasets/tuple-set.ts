/**
 * A hash set of rows keyed by several integer columns at once, for finding
 * repeated (entity, indicator, year, period, url) rows or shared sources in a
 * million rows without building a string key per row.
 */
type IntColumn = Uint32Array | Int32Array

export class TupleSet {
  private table: Int32Array
  private mask: number

  constructor(
    private cols: IntColumn[],
    n: number,
  ) {
    let size = 16
    while (size < n * 2) size *= 2
    this.table = new Int32Array(size).fill(-1)
    this.mask = size - 1
  }

  /** Adds row `i`; returns the first row with the same key (`i` itself when new). */
  add(i: number): number {
    const cols = this.cols
    let h = 0x811c9dc5
    for (const c of cols) h = Math.imul(h ^ c[i]!, 0x01000193)
    h ^= h >>> 15
    let slot = h & this.mask
    for (;;) {
      const j = this.table[slot]!
      if (j < 0) {
        this.table[slot] = i
        return i
      }
      let same = true
      for (const c of cols) {
        if (c[j] !== c[i]) {
          same = false
          break
        }
      }
      if (same) return j
      slot = (slot + 1) & this.mask
    }
  }
}
