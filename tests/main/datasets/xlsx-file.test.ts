/**
 * XLSX files read as Excel and WPS show them (issue 11 §1): number formats,
 * a CSV saved as a workbook by a real spreadsheet program, formulas without a
 * saved value, damaged parts, escapes, prefixed XML and float noise. Each
 * workbook is a fixture of our own: written by LibreOffice, by ExcelJS, or
 * from hand-written part XML (tests/fixtures/write-xlsx.ts).
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { loadDatasetFile } from '../../../src-main/datasets/load-file'
import { readXlsxDataset } from '../../../src-main/datasets/xlsx-file'
import { NO_SAVED_VALUE, scaledFormat } from '../../../src-main/datasets/xlsx-sheet'
import { fromColumnar } from '../../../src-shared/dataset'
import { rawRow, writeRawXlsx, type RawWorkbook } from '../../fixtures/write-xlsx'

const HEADER = ['entity', 'indicator', 'year', 'value', 'unit', 'tier', 'source_title', 'source_url', 'quote']
const figureRow = (r: number, value: string | number | null, extra: Partial<Record<string, string>> = {}) =>
  rawRow(r, ['a', 'g', 2016 + r, value, extra.unit ?? null, 'official', 'Yearbook', `https://example.org/${r}`, 'q'])
const META = [rawRow(1, ['#id', 'raw']), rawRow(2, ['#unit', 'yuan-100m'])].join('')

async function read(w: Partial<RawWorkbook> & { rows: string }) {
  const bytes = writeRawXlsx({ sheets: [{ name: 'data', rows: w.rows }], ...w })
  const r = await readXlsxDataset(bytes, 'raw.xlsx')
  return { ...r, figures: r.dataset ? fromColumnar(r.dataset) : [], at: r.problems.map((p) => [p.sheet, p.row, p.column, p.message, p.got]) }
}

describe('XLSX number formats', () => {
  it('reads a percent-formatted cell as the percentage shown (0.46 in a 0% cell is 46 percent)', async () => {
    const r = await read({ rows: META + rawRow(3, HEADER) + figureRow(4, 0.46) + figureRow(5, 0.067), styles: [0, 9, 165], numFmts: { 165: '0.0%' }, edit: (path, xml) => (path.includes('sheet1') ? xml.replace('<c r="D4">', '<c r="D4" s="1">').replace('<c r="D5">', '<c r="D5" s="2">') : xml) })
    expect(r.problems).toEqual([])
    expect(r.figures.map((f) => [f.value, f.unit])).toEqual([
      [46, 'percent'],
      [6.7, 'percent'],
    ])
  })

  it('refuses a number in a display-scaling format, naming the cell and its format and saying what to do, instead of reading it 1,000 or 10,000 times off', async () => {
    for (const code of ['0!.0,"万"', '0.0,,', '#,##0,"K"', '#,##0,', '#,##0,,']) {
      const r = await read({ rows: META + rawRow(3, HEADER) + figureRow(4, 1765000), styles: [0, 170], numFmts: { 170: code }, edit: (p, x) => (p.includes('sheet1') ? x.replace('<c r="D4">', '<c r="D4" s="1">') : x) })
      expect(r.dataset).toBeNull()
      expect(r.at).toEqual([['data', 4, 'value', scaledFormat(code), '1765000']])
    }
    expect(scaledFormat('#,##0,')).toBe(
      'the number format "#,##0," shows this cell\'s number scaled (in thousands, millions or 万), not the number stored — type the number in the row\'s unit, or give the cell a format without the scaling (General, 0.0)',
    )
    // Grouping commas between digits do not scale: #,##0 shows 1765000 as 1,765,000 and reads as that.
    const grouped = await read({ rows: META + rawRow(3, HEADER) + figureRow(4, 1765000), styles: [0, 171], numFmts: { 171: '#,##0' }, edit: (p, x) => (p.includes('sheet1') ? x.replace('<c r="D4">', '<c r="D4" s="1">') : x) })
    expect(grouped.problems).toEqual([])
    expect(grouped.figures.map((f) => f.value)).toEqual([1765000])
  })

  it('reads stored float noise as Excel displays it, to 15 significant digits', async () => {
    const r = await read({ rows: META + rawRow(3, HEADER) + figureRow(4, 1040.4499999999998) + figureRow(5, 0.30000000000000004) })
    expect(r.problems).toEqual([])
    expect(r.figures.map((f) => f.value)).toEqual([1040.45, 0.3])
  })

  it('keeps the stored digits a format hides: 0.3245 in a 0.0% cell reads 32.45 percent (Excel shows 32.4%), 1.25 in a 0.0 cell reads 1.25 (shown 1.3)', async () => {
    const r = await read({ rows: META + rawRow(3, HEADER) + figureRow(4, 0.3245) + figureRow(5, 1.25, { unit: 'yuan-100m' }), styles: [0, 165, 166], numFmts: { 165: '0.0%', 166: '0.0' }, edit: (path, xml) => (path.includes('sheet1') ? xml.replace('<c r="D4">', '<c r="D4" s="1">').replace('<c r="D5">', '<c r="D5" s="2">') : xml) })
    expect(r.problems).toEqual([])
    expect(r.figures.map((f) => [f.value, f.unit, f.decimals])).toEqual([
      [32.45, 'percent', undefined],
      [1.25, 'yuan-100m', undefined],
    ])
  })
})

describe('XLSX numbers typed as text', () => {
  const rows = (values: (string | number)[]) => META + rawRow(3, HEADER) + values.map((v, k) => figureRow(4 + k, v)).join('')

  it('reads decimal commas when the workbook\'s text numbers show them: 8,5 is 8.5 and 1.121 is 1121', async () => {
    const r = await read({ rows: rows(['8,5', '1.121', '3,25', '1.234,5', 12]) })
    expect(r.problems).toEqual([])
    expect(r.figures.map((f) => f.value)).toEqual([8.5, 1121, 3.25, 1234.5, 12])
  })

  it('reads 1,121 and 1.121 as Excel shows them in zh-CN and en when no text number shows a convention', async () => {
    const r = await read({ rows: rows(['1,121', '1.121', 7]) })
    expect(r.problems).toEqual([])
    expect(r.figures.map((f) => f.value)).toEqual([1121, 1.121, 7])
  })

  it('refuses a number with two readings, naming sheet, row and column, when the text numbers show both conventions', async () => {
    const r = await read({ rows: rows(['8,5', '8.25', '1.121']) })
    expect(r.dataset).toBeNull()
    expect(r.at).toEqual([['data', 6, 'value', 'ambiguous number: 1.121 could be 1.121 or 1121 (the file writes decimals both with a comma and with a point); write it without a thousands separator', '1.121']])
  })
})

describe('XLSX: a CSV saved as a workbook', () => {
  it('loads the workbook LibreOffice wrote from a CSV exactly as the CSV (header block on top, 6.7% and -3.5% stored as percent-formatted numbers)', async () => {
    const root = join(import.meta.dirname, '../../fixtures/datasets/libreoffice')
    const csv = await loadDatasetFile('lo-cities.csv', { root })
    const xlsx = await loadDatasetFile('lo-cities.xlsx', { root })
    expect(csv.problems).toEqual([])
    expect(xlsx.problems).toEqual([])
    expect(xlsx.dataset).toEqual(csv.dataset)
    expect(xlsx.dataset!.figures.map((f) => [f.value, f.unit])).toEqual([
      [6.7, 'percent'],
      [-3.5, 'percent'],
      [-3.5, 'percent'],
      [3862, 'yuan-100m'],
      [1040.45, 'yuan-100m'],
    ])
  })

  it('reads # rows on top of a one-sheet workbook written by ExcelJS as the header block', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('Sheet1')
    ws.addRows([['#id', 'one-sheet'], ['#title_zh', '一张表'], ['#unit', '亿元'], HEADER, ['a', 'g', 2016, 12.5, null, 'official', 'Yearbook', 'https://example.org/1', 'q']])
    const r = await readXlsxDataset(new Uint8Array(await wb.xlsx.writeBuffer()), 'one.xlsx')
    expect(r.problems).toEqual([])
    expect(r.dataset!.meta.id).toBe('one-sheet')
    expect(r.dataset!.meta.title['zh-CN']).toBe('一张表')
    expect(fromColumnar(r.dataset!).map((f) => [f.value, f.unit])).toEqual([[12.5, 'yuan-100m']])
  })
})

describe('XLSX: values that cannot be read are problems, never gaps or partial datasets', () => {
  it('refuses a formula with no saved value, naming its cell', async () => {
    const formula = '<c r="D5"><f>D4*2</f></c>'
    const r = await read({ rows: META + rawRow(3, HEADER) + figureRow(4, 1) + figureRow(5, 0).replace(/<c r="D5"><v>0<\/v><\/c>/, formula) })
    expect(r.dataset).toBeNull()
    expect(r.at).toEqual([['data', 5, 'value', NO_SAVED_VALUE, undefined]])
    // A formula with its saved result reads as the result.
    const ok = await read({ rows: META + rawRow(3, HEADER) + figureRow(4, 1).replace('<c r="D4"><v>1</v></c>', '<c r="D4"><f>1+1</f><v>2</v></c>') })
    expect(ok.figures.map((f) => f.value)).toEqual([2])
  })

  it('refuses a sheet whose XML is cut off mid-row as a problem for the file, with no dataset', async () => {
    const rows = META + rawRow(3, HEADER) + figureRow(4, 1) + figureRow(5, 2) + figureRow(6, 3)
    const r = await read({ rows, edit: (p, x) => (p.includes('sheet1') ? x.slice(0, x.indexOf('<row r="6">') + 40) : x) })
    expect(r.dataset).toBeNull()
    expect(r.problems).toHaveLength(1)
    expect(r.problems[0]!.message).toMatch(/^not a readable XLSX workbook: damaged XML in xl\/worksheets\/sheet1\.xml/)
  })

  it('refuses damaged shared strings and styles the same way', async () => {
    for (const part of ['sharedStrings', 'styles']) {
      const r = await read({ rows: META + rawRow(3, HEADER) + figureRow(4, 1), edit: (p, x) => (p.includes(part) ? x.slice(0, -8) : x) })
      expect(r.dataset).toBeNull()
      expect(r.problems[0]!.message).toContain(`damaged XML in xl/${part}.xml`)
    }
  })
})

describe('XLSX text as Excel reads it', () => {
  it('reads shared-string indexes and numbers with whitespace and line breaks inside <v>', async () => {
    const rows = META + rawRow(3, HEADER) + figureRow(4, 7).replace('<c r="G4" t="inlineStr"><is><t>Yearbook</t></is></c>', '<c r="G4" t="s"><v>\n  0\n</v></c>').replace('<v>7</v>', '<v> 7\n</v>')
    const r = await read({ rows, strings: ['<si><t xml:space="preserve">Songjiang\nYearbook </t></si>'] })
    expect(r.problems).toEqual([])
    expect(r.figures.map((f) => [f.value, f.source.title])).toEqual([[7, 'Songjiang\nYearbook']])
  })

  it('decodes _x000D_-style escapes (and _x005F_ for an underscore) as Excel does', async () => {
    const rows = META + rawRow(3, HEADER) + figureRow(4, 7).replace('<t>q</t>', '<t>line one_x000D_\nline two _x005F_x0041_</t>')
    const r = await read({ rows })
    expect(r.problems).toEqual([])
    expect(r.figures[0]!.source.quote).toBe('line one\r\nline two _x0041_')
  })

  it('reads a workbook written with x: prefixed elements (as the OpenXML SDK writes) like any other', async () => {
    const rows = META + rawRow(3, HEADER) + figureRow(4, 7)
    const plain = await read({ rows })
    const prefixed = await read({ rows, prefix: 'x', strings: [] })
    expect(prefixed.problems).toEqual([])
    expect(prefixed.dataset).toEqual(plain.dataset)
  })

  it('repeats a merged range\'s top-left value in every cell of a data sheet (merges come after the cells, so the sheet is read again)', async () => {
    const rows = META + rawRow(3, HEADER) + figureRow(4, 7) + figureRow(5, 8).replace('<c r="A5" t="inlineStr"><is><t>a</t></is></c>', '')
    const r = await read({ rows, edit: (p, x) => (p.includes('sheet1') ? x.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A4:A5"/></mergeCells>') : x) })
    expect(r.problems).toEqual([])
    expect(r.figures.map((f) => [f.entity, f.value])).toEqual([
      ['a', 7],
      ['a', 8],
    ])
  })

  it('leaves phonetic runs out of rich text', async () => {
    const rows = META + rawRow(3, HEADER) + figureRow(4, 7).replace('<c r="G4" t="inlineStr"><is><t>Yearbook</t></is></c>', '<c r="G4" t="s"><v>0</v></c>')
    const r = await read({ rows, strings: ['<si><r><t>松江</t></r><r><t>年鉴</t></r><rPh sb="0" eb="2"><t>ソンジャン</t></rPh></si>'] })
    expect(r.figures[0]!.source.title).toBe('松江年鉴')
  })
})

describe('XLSX: the sample workbook', () => {
  it('reads the bundled test workbook', async () => {
    const bytes = await readFile(join(import.meta.dirname, '../../fixtures/datasets/workbook.xlsx'))
    const r = await readXlsxDataset(bytes, 'workbook.xlsx')
    expect(r.problems).toEqual([])
  })
})
