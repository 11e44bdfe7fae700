import { describe, expect, it } from 'vitest'
import { NOTE_START, takeNoteRows, withNotes } from '../../../src-main/datasets/note-rows'
import { ProblemList } from '../../../src-main/datasets/problems'
import { TableBuilder } from '../../../src-main/datasets/table-builder'

const table = (rows: (string | number | null)[][]) => {
  const t = new TableBuilder(['entity', 'indicator', 'year', 'value'], 1, new ProblemList('t.csv'))
  rows.forEach((cells, k) => {
    cells.forEach((c, col) => t.cell(col, c))
    t.endRow(k + 2)
  })
  return t
}

describe('note rows', () => {
  it('recognises the words yearbook tables end with', () => {
    expect(['注：口径', '注 口径', '说明：x', '资料来源：年鉴', '数据来源: x', 'Note: x', 'Sources: y', 'source'].every((s) => NOTE_START.test(s))).toBe(true)
    expect(['注册企业', 'Notebook', 'sourced'].some((s) => NOTE_START.test(s))).toBe(false)
  })

  it('takes the last rows whose only cell is a note, in any column, and leaves the figures', () => {
    const t = table([['a', 'g', 2016, 1], ['注：口径', null, null, null], [null, null, null, 'Source: yearbook']])
    expect(takeNoteRows(t)).toEqual(['注：口径', 'Source: yearbook'])
    expect(t.length).toBe(1)
    expect(t.bad).toEqual([])
  })

  it('leaves a note-like row with a number, or with a second cell', () => {
    expect(takeNoteRows(table([['a', 'g', 2016, 1], ['注：x', null, null, 5]]))).toEqual([])
    expect(takeNoteRows(table([['a', 'g', 2016, 1], ['注：x', 'g', null, null]]))).toEqual([])
  })

  it('adds Chinese notes to zh-CN and others to en', () => {
    expect(withNotes('已有', undefined, ['注：口径', 'Note: x'])).toEqual({ zh: '已有\n注：口径', en: 'Note: x' })
    expect(withNotes(undefined, undefined, [])).toEqual({ zh: undefined, en: undefined })
  })
})
