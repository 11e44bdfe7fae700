/** The bucketed duplicate check (`firstRows`) against the plain hash set (`TupleSet`). */
import { describe, expect, it } from 'vitest'
import { TupleSet, firstRows } from '../../../src-main/datasets/tuple-set'

describe('duplicate keys: firstRows', () => {
  it('finds the first row of each key like TupleSet, across many buckets', () => {
    const n = 20_000
    let seed = 7
    const rnd = (k: number) => ((seed = Math.imul(seed ^ (seed >>> 13), 0x5bd1e995) + 1), (seed >>> 0) % k)
    const a = Uint32Array.from({ length: n }, () => rnd(90))
    const y = Int32Array.from({ length: n }, () => 1990 + rnd(80))
    const first = firstRows([a, y], n)
    const set = new TupleSet([a, y])
    for (let i = 0; i < n; i++) expect(first[i]).toBe(set.add(i))
    expect(firstRows([new Uint32Array(0)], 0)).toEqual(new Int32Array(0))
  })
})
