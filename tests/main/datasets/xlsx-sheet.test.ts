/**
 * The sheet reader (saxes) against ExcelJS's reader on the same workbooks:
 * shared strings, merged cells, links, dates, formulas, booleans and escaped
 * text come out the same, so nothing ExcelJS reads is lost.
 */
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { Cell } from '../../../src-main/datasets/fields'
import { openArchive } from '../../../src-main/datasets/xlsx-archive'
import { readWorkbookParts } from '../../../src-main/datasets/xlsx-parts'
import { columnOf, readSheet, rowOf } from '../../../src-main/datasets/xlsx-sheet'

/** ExcelJS's value of a cell as a plain cell (rich text joined, formulas by result, links by address). */
function plain(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v
  if ('richText' in v) return v.richText.map((r) => r.text).join('')
  if ('hyperlink' in v) return typeof v.hyperlink === 'string' && /^https?:/i.test(v.hyperlink) ? v.hyperlink : String(v.text)
  if ('formula' in v || 'sharedFormula' in v) return plain((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue)
  return String(v)
}

async function bothReaders(wb: ExcelJS.Workbook, sheet: string) {
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer())
  const a = await openArchive(bytes)
  const parts = await readWorkbookParts(a)
  const ours = await readSheet(a, parts, parts.sheets.find((s) => s.name === sheet)!.path)
  const ref = new ExcelJS.Workbook()
  await ref.xlsx.load(bytes as unknown as ExcelJS.Buffer)
  const theirs: { row: number; cells: Cell[] }[] = []
  ref.getWorksheet(sheet)!.eachRow({ includeEmpty: false }, (r, row) => {
    const cells: Cell[] = []
    r.eachCell({ includeEmpty: false }, (c, col) => void (cells[col - 1] = plain(c.value)))
    for (let i = 0; i < cells.length; i++) cells[i] ??= null
    theirs.push({ row, cells })
  })
  return { ours, theirs }
}

describe('readSheet against ExcelJS', () => {
  it('reads shared strings, merged cells, links, dates, formulas, booleans and escaped text the same way', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('数据')
    ws.addRow(['实体', '指标', '年份', '数值', '上限', '来源等级', '来源', '链接', '引文', '冲突'])
    ws.addRow(['a&b', 'pop', new Date(Date.UTC(2018, 0, 1)), 1.5, null, 'official', 'Yearbook <2018>', { text: 'y', hyperlink: 'https://e.org/?a=1&b=2' }, 'q', true])
    ws.addRow([null, 'pop', 2019, { formula: '1+1', result: 2 }, 3, 'official', 'Yearbook <2018>', 'https://e.org/?a=1&b=2', { richText: [{ text: 'x ' }, { text: '& y' }] }, false])
    ws.addRow([null, 'pop', 2020, 1e21, null, 'official', { formula: '"Year"&"book <2018>"', result: 'Yearbook <2018>' }, 'https://e.org/?a=1&b=2', 'q', 'no'])
    ws.addRow(['a&b', 'pop', 2021, -0.25, null, 'official', 'Yearbook <2018>', 'https://e.org/?a=1&b=2', { text: 'inside', hyperlink: '#数据!A1' }, null])
    ws.mergeCells('A2:A4')
    ws.getCell('C2').numFmt = 'yyyy"年"'
    const { ours, theirs } = await bothReaders(wb, '数据')
    expect(ours.refusals).toEqual([])
    expect(ours.rows).toEqual(theirs)
    expect(ours.rows[4]!.cells[8]).toBe('inside')
    expect(ours.rows[3]!.cells[0]).toBe('a&b')
  })

  it('reads inline strings written without a shared table the same way', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('data')
    ws.addRow(['entity', 'S &amp; T', ' 1,234.5 ', 2016, 'x\ny'])
    const { ours, theirs } = await bothReaders(wb, 'data')
    expect(ours.rows).toEqual(theirs)
  })
})

describe('cell references', () => {
  it('splits A1-style references into a 0-based column and a row', () => {
    expect([columnOf('A1'), columnOf('Z9'), columnOf('AA10'), columnOf('ab3'), columnOf('12')]).toEqual([0, 25, 26, 27, -1])
    expect([rowOf('A1'), rowOf('AB123'), rowOf('C')]).toEqual([1, 123, -1])
  })
})
