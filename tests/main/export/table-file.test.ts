/** The pieces of a table file: printed numbers to number cells and formats, CSV injection defused, the heading lines. */
import { describe, expect, it } from 'vitest'
import { csvSafe, numberFormat, printedNumber, tableHeading } from '../../../src-main/export/table-file'

describe('printedNumber and numberFormat', () => {
  it('reads a value as the table prints it, keeping its decimals and grouping', () => {
    expect(printedNumber('1,637.11')).toEqual({ value: 1637.11, decimals: 2, grouped: true })
    expect(printedNumber('55.0')).toEqual({ value: 55, decimals: 1, grouped: false })
    expect(printedNumber('-3.5')).toEqual({ value: -3.5, decimals: 1, grouped: false })
    expect(printedNumber('257,325')).toEqual({ value: 257325, decimals: 0, grouped: true })
    for (const text of ['300,000–400,000', '25.73 万', '', '—', '1,23', '1.2.3', '12,3456']) expect(printedNumber(text)).toBeNull()
    expect(numberFormat(2, true)).toBe('#,##0.00')
    expect(numberFormat(1, false)).toBe('0.0')
    expect(numberFormat(0, true)).toBe('#,##0')
  })
})

describe('csvSafe', () => {
  it('defuses text Excel would run as a formula, and leaves numbers and plain text alone', () => {
    expect(['=1+1', '+1', '@SUM(A1)', '-x', '\tx'].map(csvSafe)).toEqual(["'=1+1", "'+1", "'@SUM(A1)", "'-x", "'\tx"])
    expect(['-3.5', '1,637.11', '松江区', 'a=b'].map(csvSafe)).toEqual(['-3.5', '1,637.11', '松江区', 'a=b'])
  })
})

describe('tableHeading', () => {
  const base = { title: 'GDP', sourceLine: 'Source: X (official)', asOf: '2022', rows: [], lang: 'en' as const, marking: null, now: new Date(2026, 0, 2, 3, 4) }
  it('puts the marking first when on, then title, source line, and the as-of and export time', () => {
    expect(tableHeading(base)).toEqual(['GDP', 'Source: X (official)', 'Data as of 2022 · Exported 2026-01-02 03:04'])
    expect(tableHeading({ ...base, marking: 'Internal', asOf: null, sourceLine: '' })).toEqual(['Internal', 'GDP', 'Exported 2026-01-02 03:04'])
  })
})
