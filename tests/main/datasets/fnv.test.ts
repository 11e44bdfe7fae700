import { describe, expect, it } from 'vitest'
import { FNV_OFFSET, fnvBytes, fnvHex, fnvStep } from '../../../src-main/datasets/fnv'

describe('FNV-1a', () => {
  it('matches the published 32-bit test vectors', () => {
    // From the FNV reference test suite: "" → 811c9dc5, "a" → e40c292c, "foobar" → bf9cf968.
    expect([fnvHex(''), fnvHex('a'), fnvHex('foobar')]).toEqual(['811c9dc5', 'e40c292c', 'bf9cf968'])
    const b = new TextEncoder().encode('xfoobarx')
    expect(fnvBytes(b, 1, 7) >>> 0).toBe(0xbf9cf968)
    expect(fnvStep(FNV_OFFSET, 0x61) >>> 0).toBe(0xe40c292c)
  })
})
