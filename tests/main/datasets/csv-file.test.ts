/**
 * CSV files as Excel and WPS write them (issue 11 §1): the `sep=` hint,
 * CR-only line ends, full-width ％, decimal commas, note rows under the table,
 * file names that are not ids, GBK that happens to be valid UTF-8, and the
 * limits that keep any input's work bounded. Fixtures: tests/fixtures/datasets/csv-kinds.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readCsvDataset } from '../../../src-main/datasets/csv-file'
import { MAX_FIELDS_PER_ROW, MAX_TABLE_ROWS } from '../../../src-main/datasets/limits'
import { loadDatasetFile } from '../../../src-main/datasets/load-file'

const root = join(import.meta.dirname, '../../fixtures/datasets/csv-kinds')
const load = (name: string) => loadDatasetFile(name, { root })
const at = async (name: string) => (await load(name)).problems.map((p) => [p.row, p.column, p.message, p.got])
const enc = (s: string) => new TextEncoder().encode(s)

describe('CSV delimiters and line ends', () => {
  it('honours a first line sep=; and numbers rows from the line after it, as Excel shows them', async () => {
    expect(await at('sep-hint.csv')).toEqual([[5, 'value', 'not a number', 'lots']])
    const ok = readCsvDataset(enc('sep=;\n#unit;percent\nentity;indicator;year;value;tier;source_title;quote\na;g;2016;8,5;article;S;q\n'), 'x.csv')
    expect(ok.problems).toEqual([])
    expect(ok.dataset!.value[0]).toBe(8.5)
  })

  it('reads a file with a BOM, semicolons and CR-only line ends (delimiter sniffing included)', async () => {
    const { dataset, problems } = await load('cr-only.csv')
    expect(problems).toEqual([])
    expect(dataset!.figures.map((f) => [f.year, f.value, f.source.quote])).toEqual([
      [2016, 3862, '全市生产总值3862亿元'],
      [2017, 4355, '全市生产总值4355亿元'],
    ])
  })
})

describe('CSV numbers and units', () => {
  it('accepts a full-width ％ in the unit column wherever % is accepted', async () => {
    const { dataset, problems } = await load('fullwidth-percent.csv')
    expect(problems).toEqual([])
    expect(dataset!.figures.map((f) => [f.value, f.unit])).toEqual([
      [46, 'percent'],
      [47, 'percent'],
    ])
  })

  it('reads decimal commas in a semicolon file whose other numbers show that convention (8,5 → 8.5, 1.121 → 1121)', async () => {
    const { dataset, problems } = await load('decimal-comma.csv')
    expect(problems).toEqual([])
    expect(dataset!.figures.map((f) => [f.value, f.unit])).toEqual([
      [8.5, 'yuan-100m'],
      [1121, 'yuan-100m'],
      [1234.5, 'yuan-100m'],
      [12, 'percent'],
    ])
  })

  it('refuses a number with two readings when nothing in the file tells which, naming the cell', async () => {
    expect(await at('decimal-ambiguous.csv')).toEqual([
      [4, 'value', 'ambiguous number: 1.121 could be 1.121 or 1121 (nothing else in the file shows whether its decimal separator is a comma or a point); write it without a thousands separator', '1.121'],
    ])
    expect(await at('decimal-mixed.csv')).toEqual([
      [6, 'value', 'ambiguous number: 2,345 could be 2345 or 2.345 (the file writes decimals both with a comma and with a point); write it without a thousands separator', '2,345'],
    ])
  })

  it('keeps comma files as they were: "1,234.5" and "1,121" are grouped thousands', () => {
    const r = readCsvDataset(enc('#unit,percent\nentity,indicator,year,value,tier,source_title,quote\na,g,2016,"1,121",article,S,q\na,g,2017,"1,234.5",article,S,q\n'), 'x.csv')
    expect(r.problems).toEqual([])
    expect([...r.dataset!.value]).toEqual([1121, 1234.5])
  })
})

describe('CSV layout of statistical tables', () => {
  it('reads rows under the table whose only cell starts with 注, 资料来源 or Note as notes of the dataset', async () => {
    const { dataset, problems } = await load('note-rows.csv')
    expect(problems).toEqual([])
    expect(dataset!.figures).toHaveLength(1)
    expect(dataset!.notes).toEqual({ 'zh-CN': '测试\n注：2016 年起按新口径统计\n资料来源：嘉兴统计年鉴, 2017', en: 'Note: preliminary figures' })
  })

  it('makes no entity of a note row when the file lists no entities of its own', () => {
    const r = readCsvDataset(enc('#unit,percent\nentity,indicator,year,value,tier,source_title,quote\n嘉兴,g,2016,1,article,S,q\n注：数据来自统计公报,,,,,,\n'), 'x.csv')
    expect(r.problems).toEqual([])
    expect(Object.keys(r.dataset!.meta.entities)).toEqual(['嘉兴'])
    expect(r.dataset!.meta.notes).toMatchObject({ 'zh-CN': '注：数据来自统计公报' })
  })

  it('still refuses a note-like row above other figures, and a note row with a number in it', () => {
    const csv = (rows: string[]) => readCsvDataset(enc(['#unit,percent', 'entity,indicator,year,value,tier,source_title,quote', ...rows].join('\n')), 'x.csv')
    expect(csv(['注：上面', 'a,g,2016,1,article,S,q']).problems.map((p) => [p.row, p.column, p.message])).toContainEqual([3, 'indicator', 'missing indicator'])
    expect(csv(['a,g,2016,1,article,S,q', '注：下面,,,5']).dataset).toBeNull()
  })

  it('loads a file named in Chinese with spaces and brackets and no #id row, with a stable kebab-case id', async () => {
    const name = '城市 GDP 2020（副本）.csv'
    const a = await load(name)
    expect(a.problems).toEqual([])
    expect(a.dataset!.id).toMatch(/^gdp-2020-[0-9a-f]{8}$/)
    expect(a.dataset!.title).toEqual({ 'zh-CN': '城市 GDP 2020（副本）', en: '城市 GDP 2020（副本）' })
    expect((await load(name)).dataset!.id).toBe(a.dataset!.id)
    const other = readCsvDataset(enc('#unit,percent\nentity,indicator,year,value,tier,source_title,quote\na,g,2016,1,article,S,q\n'), '/x/城市 GDP 2020（副本 2）.csv')
    expect(other.dataset!.meta.id).toMatch(/^gdp-2020-2-[0-9a-f]{8}$/)
  })
})

describe('CSV encodings', () => {
  it('reads a GBK file whose only Chinese (约, 元) is also valid UTF-8 as GBK, not as Armenian letters', async () => {
    const { dataset, problems } = await load('gbk-yue.csv')
    expect(problems).toEqual([])
    expect(dataset!.figures.map((f) => [f.qualifier, f.source.quote])).toEqual([['about', '约3862元']])
  })

  it('keeps real UTF-8 with km², é and — as UTF-8', () => {
    const r = readCsvDataset(enc('#unit,km2\nentity,indicator,year,value,tier,source_title,quote\nCafé,area,2016,1,article,S — p. 2,605 km²\n'), 'x.csv')
    expect(r.problems).toEqual([])
    expect(r.dataset!.strings).toContain('Café')
    expect(r.dataset!.sources[0]!.quote).toBe('605 km²')
  })
})

describe('CSV: bounded work on any input', () => {
  it('refuses a line of empty fields past the field limit at once, naming the row', () => {
    const r = readCsvDataset(enc(','.repeat(5 * 1024 * 1024)), 'empty-fields.csv')
    expect(r.problems).toEqual([{ file: 'empty-fields.csv', row: 1, message: `more than ${MAX_FIELDS_PER_ROW.toLocaleString('en')} fields in one row (is this a data table?)` }])
  })

  it('refuses a field longer than Excel holds in a cell', () => {
    const r = readCsvDataset(enc(`#unit,percent\nentity,indicator,year,value,tier,source_title,quote\na,g,2016,1,article,S,${'x'.repeat(200 * 1024)}\n`), 'long.csv')
    expect(r.problems.map((p) => [p.row, p.message])).toEqual([[3, 'a field longer than 128 KiB (Excel holds at most 32,767 characters in a cell; is a " missing?)']])
  })

  it('refuses more rows than the row limit instead of growing without bound', () => {
    const r = readCsvDataset(enc(`#unit,percent\nentity,indicator,year,value,tier,source_title,quote\n${'a\n'.repeat(MAX_TABLE_ROWS + 1)}`), 'rows.csv')
    expect(r.problems.map((p) => [p.row, p.message])).toEqual([[MAX_TABLE_ROWS + 3, 'more than 2,000,000 rows of figures; split the file']])
  })
})
