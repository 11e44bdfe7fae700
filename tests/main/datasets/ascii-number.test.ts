import { describe, expect, it } from 'vitest'
import { plainDecimal } from '../../../src-main/datasets/ascii-number'

const read = (s: string, fraction = true) => {
  const b = new TextEncoder().encode(s)
  return plainDecimal(b, 0, b.length, fraction)
}

describe('plainDecimal', () => {
  it('reads plain ASCII decimals exactly as Number() does', () => {
    for (const s of ['0', '12', '-3.25', '1040.45', '0.1', '123456789012345', '-0']) expect(Object.is(read(s), Number(s))).toBe(true)
  })

  it('gives NaN for everything the tolerant parser must see', () => {
    expect(['1,234', '6.7%', '1e3', ' 1', '1.2.3', '', '-', '１２', '1234567890123456'].map((s) => read(s))).toEqual(Array(9).fill(NaN))
    expect(read('1.5', false)).toBeNaN()
  })
})
