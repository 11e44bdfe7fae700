/**
 * A hash set of rows keyed by several integer columns at once, for finding
 * repeated (entity, indicator, year, period, url) rows or shared sources in a
 * million rows without building a string key per row. Each slot keeps the
 * row and its hash side by side, so a probe costs one cache line and rows are
 * compared only when their hashes match.
 */
import { FNV_OFFSET, fnvStep } from './fnv'

type IntColumn = Uint32Array | Int32Array

/** Finds the first row with the same values in several integer columns (an open-addressing hash set), for the duplicate-figure check. */
export class TupleSet {
  /** Slot k: [2k] = row + 1 (0 = empty), [2k + 1] = hash. */
  private table: Int32Array
  private mask: number
  private cols: Uint32Array[]

  private count = 0

  /** The table starts small and doubles, so a few distinct keys among many rows stay in cache. */
  constructor(cols: IntColumn[]) {
    // One element type for every column keeps the hashing loop monomorphic; Int32 keys compare the same as their bits.
    this.cols = cols.map((c) => (c instanceof Uint32Array ? c : new Uint32Array(c.buffer, c.byteOffset, c.length)))
    this.table = new Int32Array(1024 * 2)
    this.mask = 1023
  }

  private grow(): void {
    const old = this.table
    const size = (this.mask + 1) * 2
    const table = new Int32Array(size * 2)
    const mask = size - 1
    for (let s = 0; s < old.length; s += 2) {
      if (old[s] === 0) continue
      let slot = old[s + 1]! & mask
      while (table[slot << 1] !== 0) slot = (slot + 1) & mask
      table[slot << 1] = old[s]!
      table[(slot << 1) + 1] = old[s + 1]!
    }
    this.table = table
    this.mask = mask
  }

  /** Adds row `i`; returns the first row with the same key (`i` itself when new). */
  add(i: number): number {
    const cols = this.cols
    const m = cols.length
    let h = FNV_OFFSET
    for (let k = 0; k < m; k++) h = fnvStep(h, cols[k]![i]!)
    h ^= h >>> 15
    h = Math.imul(h, 0x2c1b3c6d)
    h ^= h >>> 12
    const table = this.table
    let slot = h & this.mask
    for (;;) {
      const at = slot << 1
      const j = table[at]! - 1
      if (j < 0) {
        table[at] = i + 1
        table[at + 1] = h
        if (++this.count * 2 > this.mask) this.grow()
        return i
      }
      if (table[at + 1] === h) {
        let k = 0
        while (k < m && cols[k]![j] === cols[k]![i]) k++
        if (k === m) return j
      }
      slot = (slot + 1) & this.mask
    }
  }
}

/**
 * For each of `n` rows, the first row with the same key (the row itself when
 * its key is new). Rows are hashed in one sequential pass, bucketed by the top
 * bits of their hash (a counting sort that keeps row order), and each bucket
 * is deduplicated in a small table that stays in cache: with a million
 * distinct keys this avoids a cache miss per row in one big table.
 */
export function firstRows(cols: IntColumn[], n: number): Int32Array {
  const c32 = cols.map((c) => (c instanceof Uint32Array ? c : new Uint32Array(c.buffer, c.byteOffset, c.length)))
  const m = c32.length
  const hash = new Int32Array(n)
  let bits = 0
  while (n >>> bits > 2048) bits++
  const buckets = 1 << bits
  const shift = 32 - bits
  const start = new Int32Array(buckets + 1)
  for (let i = 0; i < n; i++) {
    let h = FNV_OFFSET
    for (let k = 0; k < m; k++) h = fnvStep(h, c32[k]![i]!)
    h ^= h >>> 15
    h = Math.imul(h, 0x2c1b3c6d)
    h ^= h >>> 12
    hash[i] = h
    if (bits > 0) start[(h >>> shift) + 1]!++
  }
  if (bits === 0) start[1] = n
  for (let k = 0; k < buckets; k++) start[k + 1]! += start[k]!
  const order = new Int32Array(n)
  const orderHash = new Int32Array(n)
  const at = start.slice(0, buckets)
  for (let i = 0; i < n; i++) {
    const h = hash[i]!
    const pos = bits > 0 ? at[h >>> shift]!++ : i
    order[pos] = i
    orderHash[pos] = h
  }
  let biggest = 0
  for (let k = 0; k < buckets; k++) biggest = Math.max(biggest, start[k + 1]! - start[k]!)
  let size = 16
  while (size < biggest * 2) size *= 2
  const mask = size - 1
  const table = new Int32Array(size * 2)
  // The hashes were copied into `orderHash`: their array holds the answer.
  const first = hash
  for (let k = 0; k < buckets; k++) {
    const from = start[k]!
    const to = start[k + 1]!
    if (from === to) continue
    for (let pos = from; pos < to; pos++) {
      const i = order[pos]!
      const h = orderHash[pos]!
      let slot = h & mask
      for (;;) {
        const s = slot << 1
        const j = table[s]! - 1
        if (j < 0) {
          table[s] = i + 1
          table[s + 1] = h
          first[i] = i
          break
        }
        if (table[s + 1] === h) {
          let c = 0
          while (c < m && c32[c]![j] === c32[c]![i]) c++
          if (c === m) {
            first[i] = j
            break
          }
        }
        slot = (slot + 1) & mask
      }
    }
    // Clear only the slots this bucket used.
    for (let pos = from; pos < to; pos++) {
      let slot = orderHash[pos]! & mask
      while (table[slot << 1] !== 0) {
        table[slot << 1] = 0
        slot = (slot + 1) & mask
      }
    }
  }
  return first
}
