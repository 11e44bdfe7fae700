/**
 * The fast paths of the loaders against their general forms: the fused CSV
 * reader against `readCsv` + `TableBuilder.field`, the bucketed duplicate
 * check against `TupleSet`, and the XLSX reader against ExcelJS.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readCsv } from '../../../src-main/datasets/csv'
import { readCsvDataset } from '../../../src-main/datasets/csv-file'
import { fromColumnar } from '../../../src-shared/dataset'
import { ProblemList } from '../../../src-main/datasets/problems'
import { TableBuilder } from '../../../src-main/datasets/table-builder'
import { TupleSet, firstRows } from '../../../src-main/datasets/tuple-set'
import { readXlsxDataset, readXlsxWithExcelJs } from '../../../src-main/datasets/xlsx-file'

const HEADER = 'entity,indicator,year,value,value_high,tier,source_title,source_url,quote'
const enc = (s: string) => new TextEncoder().encode(s)

/** Both ways of filling a table from the same bytes, as plain data to compare. */
function builders(text: string) {
  const b = enc(text)
  const header = HEADER.split(',')
  const dump = (t: TableBuilder) => ({
    length: t.length,
    rows: [...t.rows.subarray(0, t.length)],
    text: Object.fromEntries(Object.entries(t.text).map(([k, c]) => [k, ((texts) => [...c.ids.subarray(0, t.length)].map((id) => texts[id]))(c.finish(t.length))])),
    num: Object.fromEntries(Object.entries(t.num).map(([k, c]) => [k, { values: [...c.values.subarray(0, t.length)], percent: c.percent ? [...c.percent.subarray(0, t.length)] : null }])),
    bad: t.bad,
    stray: [...t.stray],
  })
  const fused = new TableBuilder(header, 1, new ProblemList('f'), b)
  const fusedOpen = fused.readCsvRows(b, 0x2c, 0, 2)
  const general = new TableBuilder(header, 1, new ProblemList('g'), b)
  const generalOpen = readCsv(b, 0x2c, { field: (c, s, e, f) => general.field(c, b, s, e, f), record: (row) => general.endRow(row) }, 0, 2)
  return { fused: { open: fusedOpen, ...dump(fused) }, general: { open: generalOpen, ...dump(general) } }
}

describe('CSV: the fused reader', () => {
  it('falls back to the tolerant path cell by cell, with the same values and the same bad cells', () => {
    const rows = [
      'a,g,2016,12,,official,S,https://x/1,q',
      ' a ,g, 2017 , 12 ,,official, S ,https://x/1,q',
      'a,g,2018,"1,234.5",,official,"S",https://x/1,q',
      'a,g,2019年,6.7%,−3.5,official,S,https://x/1,q',
      'a,g,２０２０,１２３．５,,official,S,https://x/1,q',
      'a,g,2021,1e3,—,official,S,https://x/1,q',
      'a,g,2022,-,n/a,official,S,https://x/1,q',
      'a,g,2023,12345678901234567,.5,official,S,https://x/1,q',
      'a,g,2016.5,-0,-.25,official,S,https://x/1,q', // 2016.5 reads as a date (May 2016) on both paths
      'a,g,twenty,lots,1.2.3,official,S,https://x/1,q',
      'a,g,2024,7',
      ',,,,,,,,',
      'a,g,2025,"3',
      '.5",,official,"say ""hi""",https://x/2,"two',
      'lines"',
      'b,g,2026,8,,official,S,https://x/1,q,extra',
      'b,g,2027,9,,official,S,https://x/1,q\r',
      'b,g,2028,10,,official,S,https://x/1,q,',
    ]
    const { fused, general } = builders(rows.join('\n') + '\rc,g,2029,11,,official,S,https://x/1,q')
    expect(fused).toEqual(general)
    expect(fused.num.value!.values).toEqual([12, 12, 1234.5, 6.7, 123.5, 1000, NaN, 12345678901234567, -0, NaN, 7, 3.5, 8, 9, 10, 11])
    expect(fused.num.value!.percent).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
    expect(fused.bad.map((x) => [fused.rows[x.index], x.column, x.text])).toEqual([
      [11, 'year', 'twenty'],
      [11, 'value', 'lots'],
      [11, 'value_high', '1.2.3'],
    ])
    // A quoted newline stays in its record: the next record is numbered as Excel numbers it.
    expect(fused.rows.slice(-6)).toEqual([12, 14, 15, 16, 17, 18])
    expect(fused.stray).toEqual([[9, 12]])
    // " S " and "S" (and a quoted "S") are one text, so one id.
    expect(new Set(fused.text.source_title!.slice(0, 3))).toEqual(new Set(['S']))
  })

  it('reports an unterminated quote at the row it opens on, on either path', () => {
    const { fused, general } = builders('a,g,2016,1,,official,S,https://x,q\na,g,2017,"2,official')
    expect(fused.open).toBe(3)
    expect(fused).toEqual(general)
  })

  it('treats the same text with and without surrounding spaces as one source', () => {
    const csv = `#id,t\n#unit,percent\n${HEADER}\na,g,2016,1,,official,Yearbook,https://x,q\na,g,2017,2,,official," Yearbook ",https://x,q\n`
    const { dataset, problems } = readCsvDataset(enc(csv), 't.csv')
    expect(problems).toEqual([])
    expect(dataset!.sources).toHaveLength(1)
    const dup = readCsvDataset(enc(csv.replace('2017', '2016')), 't.csv')
    expect(dup.problems.map((p) => [p.row, p.column, p.message])).toEqual([[5, 'entity', 'duplicate of row 4: same entity, indicator, year, period and source URL']])
  })
})

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

describe('XLSX: the fast reader against ExcelJS', () => {
  let tmp: string
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'g60-xlsx-'))
  })
  afterAll(() => rm(tmp, { recursive: true, force: true }))

  const both = async (path: string) => {
    const bytes = await readFile(path)
    return [await readXlsxDataset(bytes, path), await readXlsxWithExcelJs(bytes, path)] as const
  }

  it('reads shared strings, merged cells, links, dates, formulas, booleans and escaped text the same way', async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('说明').addRows([
      ['#id', 'mixed'],
      ['unit', 'people'],
      ['entity', 'a&b', 'A 与 B', 'A & B'],
    ])
    const ws = wb.addWorksheet('数据')
    ws.addRow(['实体', '指标', '年份', '数值', '上限', '来源等级', '来源', '链接', '引文', '冲突'])
    ws.addRow(['a&b', 'pop', new Date(Date.UTC(2018, 0, 1)), 1.5, null, 'official', 'Yearbook <2018>', { text: 'y', hyperlink: 'https://e.org/?a=1&b=2' }, 'q', true])
    ws.addRow([null, 'pop', 2019, { formula: '1+1', result: 2 }, 3, 'official', 'Yearbook <2018>', 'https://e.org/?a=1&b=2', { richText: [{ text: 'x ' }, { text: '& y' }] }, false])
    ws.addRow([null, 'pop', 2020, 1e21, null, 'official', { formula: '"Year"&"book <2018>"', result: 'Yearbook <2018>' }, 'https://e.org/?a=1&b=2', 'q', 'no'])
    ws.addRow(['a&b', 'pop', 2021, -0.25, null, 'official', 'Yearbook <2018>', 'https://e.org/?a=1&b=2', { text: 'inside', hyperlink: '#数据!A1' }, null])
    ws.mergeCells('A2:A4')
    ws.getCell('C2').numFmt = 'yyyy"年"'
    const path = join(tmp, 'mixed.xlsx')
    await wb.xlsx.writeFile(path)
    const [fast, slow] = await both(path)
    expect(fast).toEqual(slow)
    expect(fast.problems).toEqual([])
    expect(fast.dataset!.length).toBe(4)
    expect(fromColumnar(fast.dataset!)[3]!.source.quote).toBe('inside')
    expect(fromColumnar(fast.dataset!).map((f) => [f.entity, f.year, f.value, f.source.url])).toEqual([
      ['a&b', 2018, 1.5, 'https://e.org/?a=1&b=2'],
      ['a&b', 2019, 2, 'https://e.org/?a=1&b=2'],
      ['a&b', 2020, 1e21, 'https://e.org/?a=1&b=2'],
      ['a&b', 2021, -0.25, 'https://e.org/?a=1&b=2'],
    ])
  })

  it('gives the same problems, with sheet, row and column, for inline strings written without a shared table', async () => {
    const path = join(tmp, 'stream.xlsx')
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false })
    const ws = wb.addWorksheet('data')
    ws.addRow(['entity', 'indicator', 'year', 'value', 'tier', 'source_title', 'quote', 'colour']).commit()
    ws.addRow(['a', 'g', 2016, 'lots', 'rumour', 'S', 'q', 'x']).commit()
    ws.addRow(['a', 'g', 'twenty', ' 1,234.5 ', 'article', 'S &amp; T', 'q']).commit()
    ws.commit()
    await wb.commit()
    const [fast, slow] = await both(path)
    expect(fast).toEqual(slow)
    expect(fast.problems.map((p) => [p.sheet, p.row, p.column, p.message])).toEqual([['data', 1, 'colour', 'unknown column "colour"']])
  })

  it('explains a ZIP that is not a workbook, and a damaged one', async () => {
    const { zipSync } = await import('fflate').catch(() => ({ zipSync: null }))
    const bytes = await readFile(join(import.meta.dirname, '../../fixtures/datasets/workbook.xlsx'))
    const cut = bytes.subarray(0, bytes.length - 30)
    expect((await readXlsxDataset(cut, 'cut.xlsx')).problems[0]!.message).toMatch(/^not a readable XLSX workbook/)
    if (zipSync) {
      const other = zipSync({ 'hello.txt': enc('hi') })
      expect((await readXlsxDataset(other, 'other.xlsx')).problems[0]!.message).toMatch(/^not a readable XLSX workbook/)
    }
  })
})
