import { describe, expect, it } from 'vitest'
import { excelDate, excelNumber, formatKind } from '../../../src-main/datasets/number-format'

describe('formatKind', () => {
  it('tells percent, date, display-scaling and plain formats apart, ignoring quoted and bracketed text', () => {
    const kinds = (codes: string[]) => codes.map((c) => formatKind(200, c))
    expect(kinds(['0%', '0.0%', '[Red]0.00%'])).toEqual(['percent', 'percent', 'percent'])
    expect(kinds(['0!.0,"万"', '0.0,,', '#,##0,"K"', '0\\.0000"万"'])).toEqual(['scaled', 'scaled', 'scaled', 'scaled'])
    expect(kinds(['yyyy"年"m"月"', '[$-804]yyyy/m/d', 'h:mm'])).toEqual(['date', 'date', 'date'])
    expect(kinds(['General', '#,##0', '#,##0.00', '0.00E+00', '0.0"%"', '"%"0', '@', '_(* #,##0_);_(* (#,##0);_(* "-"_);_(@_)'])).toEqual(Array(8).fill('plain'))
  })

  it('knows the built-in ids: 9 and 10 are percent, 14–22 and the CJK 27–36, 50–58 are dates', () => {
    expect([9, 10, 14, 22, 31, 57, 0, 3, 4].map((id) => formatKind(id, undefined))).toEqual(['percent', 'percent', 'date', 'date', 'date', 'date', 'plain', 'plain', 'plain'])
  })
})

describe('excelNumber and excelDate', () => {
  it('shows a double to 15 significant digits, as Excel does', () => {
    expect([excelNumber(1040.4499999999998), excelNumber(0.1 + 0.2), excelNumber(46.00000000000001), excelNumber(0), excelNumber(1e21)]).toEqual([1040.45, 0.3, 46, 0, 1e21])
  })

  it('turns serial day numbers into dates in both date systems', () => {
    expect(excelDate(42370, false).toISOString().slice(0, 10)).toBe('2016-01-01')
    expect(excelDate(40908, true).toISOString().slice(0, 10)).toBe('2016-01-01')
  })
})
