import { describe, expect, it } from 'vitest'
import { ProblemList, formatProblem, show } from '../../../src-main/datasets/problems'

describe('problems', () => {
  it('collects problems with file, sheet, row, column, got and expected, and prints them as the CLI does', () => {
    const p = new ProblemList('d.xlsx', 'data')
    p.add('not a number', { row: 4, column: 'value', got: 'lots', expected: 'a number' })
    p.add('the data sheet is empty')
    expect(p.list).toEqual([
      { file: 'd.xlsx', sheet: 'data', row: 4, column: 'value', message: 'not a number', got: 'lots', expected: 'a number' },
      { file: 'd.xlsx', sheet: 'data', message: 'the data sheet is empty' },
    ])
    expect(p.list.map(formatProblem)).toEqual(['d.xlsx[data]:4:value: not a number (got lots, expected a number)', 'd.xlsx[data]: the data sheet is empty'])
  })

  it('shows values as written, cut at 80 characters', () => {
    expect([show('x'), show(3), show(null), show(undefined), show(new Date(Date.UTC(2016, 4, 1)))]).toEqual(['x', '3', 'null', 'nothing', '2016-05-01'])
    expect(show('y'.repeat(100))).toHaveLength(78)
  })
})
