import { describe, expect, it } from 'vitest'
import { ambiguousMessage, fileConvention, readDecimal } from '../../../src-main/datasets/decimal-comma'

describe('readDecimal', () => {
  it('reads forms with one reading at once, with the convention they show', () => {
    expect(readDecimal('8,5')).toEqual({ kind: 'sure', value: 8.5, percent: false, convention: 'comma' })
    expect(readDecimal('1.234,5')).toEqual({ kind: 'sure', value: 1234.5, percent: false, convention: 'comma' })
    expect(readDecimal('1.234.567')).toEqual({ kind: 'sure', value: 1234567, percent: false, convention: 'comma' })
    expect(readDecimal('8.25')).toEqual({ kind: 'sure', value: 8.25, percent: false, convention: 'point' })
    expect(readDecimal('1,234.5')).toEqual({ kind: 'sure', value: 1234.5, percent: false, convention: 'point' })
    expect(readDecimal('0,125')).toEqual({ kind: 'sure', value: 0.125, percent: false, convention: 'comma' })
    expect(readDecimal('−6,7%')).toEqual({ kind: 'sure', value: -6.7, percent: true, convention: 'comma' })
  })

  it('keeps both readings of a separator followed by exactly three digits, and leaves other text to the ordinary parser', () => {
    expect(readDecimal('1.121')).toEqual({ kind: 'ambiguous', comma: 1121, point: 1.121, percent: false })
    expect(readDecimal('2,345')).toEqual({ kind: 'ambiguous', comma: 2.345, point: 2345, percent: false })
    expect([readDecimal('1234'), readDecimal('lots'), readDecimal('—')]).toEqual([null, null, null])
  })

  it('settles a file by its sure readings only when they agree', () => {
    expect([fileConvention({ comma: 2, point: 0 }), fileConvention({ comma: 0, point: 1 }), fileConvention({ comma: 0, point: 0 }), fileConvention({ comma: 1, point: 1 })]).toEqual(['comma', 'point', null, null])
    // A workbook's text numbers: no evidence falls back to the point, mixed evidence still refuses.
    expect([fileConvention({ comma: 0, point: 0 }, 'point'), fileConvention({ comma: 1, point: 1 }, 'point'), fileConvention({ comma: 1, point: 0 }, 'point')]).toEqual(['point', null, 'comma'])
    expect(ambiguousMessage({ index: 0, text: '1.121', comma: 1121, point: 1.121 }, { comma: 1, point: 1 })).toBe(
      'ambiguous number: 1.121 could be 1.121 or 1121 (the file writes decimals both with a comma and with a point); write it without a thousands separator',
    )
  })
})
