/**
 * The page's data saves (issue 11 §5, issue 12 §4): a loaded dataset saved
 * through the handler reads back as the identical dataset in both formats; a
 * chart's table saved as CSV or XLSX reads back as its rows, with the marking,
 * title, source line and as-of date above them; everything the page sends is
 * checked; a failed write is an outcome naming its reason.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { inferSchema, initParser } from 'udsv'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { loadDatasetFile } from '../../../src-main/datasets/load-file'
import { loadFolder } from '../../../src-main/datasets/load-folder'
import { checkTableRequest, datasetFileName, saveDataset, saveTable, type SaveDeps } from '../../../src-main/export/save-files'
import { TABLE_COLUMNS, type TableRow } from '../../../src-shared/charts/table'
import { toColumnar } from '../../../src-shared/dataset'
import type { DatasetSnapshot } from '../../../src-shared/ipc-contract'
import { TABLE_LIMITS, type TableSaveRequest } from '../../../src-shared/save-contract'
import { DEFAULT_SETTINGS, type Lang } from '../../../src-shared/settings'

const bundled = join(import.meta.dirname, '../../../resources/datasets')
let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'g60-save-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

async function bundledSnapshot(): Promise<DatasetSnapshot> {
  const { datasets } = await loadFolder(bundled)
  return { datasets: datasets.map(toColumnar), origins: {}, problems: [], folder: null, folderMissing: false, loadedAt: '2026-01-01T00:00:00Z' }
}

let snap: DatasetSnapshot
beforeAll(async () => {
  snap = await bundledSnapshot()
})

function deps(answer: (name: string, extensions: readonly string[]) => string | null, more: Partial<SaveDeps> = {}) {
  return {
    data: () => snap,
    lang: (): Lang => 'en',
    settings: () => ({ ...DEFAULT_SETTINGS }),
    chooseSavePath: vi.fn(async (name: string, extensions: readonly string[]) => answer(name, extensions)),
    now: () => new Date(2026, 10, 30, 19, 5),
    ...more,
  }
}

describe('datasets:save', () => {
  it('saves a bundled dataset as XLSX (name typed without extension) and as CSV (name ending in .CSV), both reading back identical', async () => {
    const original = (await loadDatasetFile('nine-cities.json', { root: bundled })).dataset!
    const d = deps((name) => join(dir, name === 'nine-cities.xlsx' ? 'first' : name))
    const xlsx = await saveDataset(d, 'nine-cities')
    expect(d.chooseSavePath).toHaveBeenLastCalledWith('nine-cities.xlsx', ['xlsx', 'csv'])
    expect(xlsx).toEqual({ saved: true, path: join(dir, 'first.xlsx'), format: 'xlsx', rows: original.figures.length })
    const csv = await saveDataset(deps(() => join(dir, 'copy.CSV')), 'nine-cities')
    expect(csv).toMatchObject({ saved: true, format: 'csv', path: join(dir, 'copy.CSV') })
    expect((await readFile(join(dir, 'copy.CSV'), 'utf8')).startsWith('\ufeff#id,nine-cities')).toBe(true)
    for (const name of ['first.xlsx', 'copy.CSV']) {
      const back = await loadDatasetFile(name, { root: dir })
      expect(back.problems).toEqual([])
      expect(back.dataset).toEqual(original)
    }
  })

  it('names only a loaded dataset: an unknown id, a non-string or a huge one is refused before any dialog', async () => {
    const d = deps(() => join(dir, 'x'))
    await expect(saveDataset(d, 'no-such-dataset')).rejects.toMatchObject({ code: 'bad-request', message: 'no loaded dataset "no-such-dataset"' })
    await expect(saveDataset(d, '../../etc/passwd')).rejects.toMatchObject({ code: 'bad-request' })
    await expect(saveDataset(d, { id: 'nine-cities' })).rejects.toMatchObject({ code: 'bad-request' })
    await expect(saveDataset(d, 'x'.repeat(201))).rejects.toMatchObject({ code: 'bad-request' })
    expect(d.chooseSavePath).not.toHaveBeenCalled()
    expect(await readdir(dir)).toEqual([])
  })

  it('gives null when the dialog is cancelled, and a reason (not a throw) when the write fails', async () => {
    expect(await saveDataset(deps(() => null), 'nine-cities')).toBeNull()
    const missing = join(dir, 'gone', 'x.xlsx')
    expect(await saveDataset(deps(() => missing), 'nine-cities')).toMatchObject({ saved: false, path: missing, reason: 'no-folder' })
    await writeFile(join(dir, 'a-file'), 'x')
    const blocked = join(dir, 'a-file', 'x.csv')
    expect(await saveDataset(deps(() => blocked), 'nine-cities')).toMatchObject({ saved: false, path: blocked, reason: 'in-the-way' })
    await mkdir(join(dir, 'folder.xlsx'))
    expect(await saveDataset(deps(() => join(dir, 'folder.xlsx')), 'nine-cities')).toMatchObject({ saved: false, reason: 'in-the-way' })
  })

  it('suggests the name of the file the dataset was read from, not an id derived from it', async () => {
    const d = snap.datasets.find((x) => x.meta.id === 'nine-cities')!
    const user: DatasetSnapshot = { ...snap, datasets: [{ ...d, meta: { ...d.meta, id: 'gdp-2020-a5922674' } }], origins: { 'gdp-2020-a5922674': { kind: 'user', file: '城市 GDP 2020（副本）.csv' } } }
    const s = deps(() => null, { data: () => user })
    await saveDataset(s, 'gdp-2020-a5922674')
    expect(s.chooseSavePath).toHaveBeenLastCalledWith('城市 GDP 2020（副本）.xlsx', ['xlsx', 'csv'])
    // With no file known, the id.
    const bare = deps(() => null, { data: () => ({ ...user, origins: {} }) })
    await saveDataset(bare, 'gdp-2020-a5922674')
    expect(bare.chooseSavePath).toHaveBeenLastCalledWith('gdp-2020-a5922674.xlsx', ['xlsx', 'csv'])
  })

  it('suggests a file name any file system takes', () => {
    expect(datasetFileName('nine-cities', 'xlsx')).toBe('nine-cities.xlsx')
    expect(datasetFileName('城市 GDP 2020（副本）', 'csv')).toBe('城市 GDP 2020（副本）.csv')
    expect(datasetFileName('a/b\\c:d\u0001', 'xlsx')).toBe('a-b-c-d-.xlsx')
    expect(datasetFileName('..', 'xlsx')).toBe('dataset.xlsx')
  })
})

const row = (over: Partial<TableRow>): TableRow => ({
  entity: '松江区',
  indicator: '地区生产总值',
  when: '2020',
  value: '1,637.11',
  unit: '亿元',
  qualifier: '',
  tier: '官方',
  source: '2020年松江区国民经济和社会发展统计公报',
  url: 'https://www.songjiang.gov.cn/',
  note: '‡ 来源不一致；另一来源为 1,620',
  sort: 1637.11,
  ...over,
})

const ROWS: TableRow[] = [
  row({}),
  row({ entity: '嘉兴市', value: '55.0', unit: '%', sort: 55 }),
  row({ entity: '苏州市', value: '-3.5', unit: '%', note: '注：含 "引号"，逗号, 与\n换行', sort: -3.5 }),
  row({ entity: '湖州市', value: '300,000–400,000', qualifier: '约', sort: 300000 }),
  row({ entity: '宣城市', value: '无数据', sort: null }),
  row({ entity: '=HYPERLINK("x")', value: '12', sort: 12 }),
]

function request(format: 'csv' | 'xlsx', rows = ROWS): TableSaveRequest {
  return { chartId: 'cities-gdp', title: '九城市地区生产总值', sourceLine: '来源：各市统计公报（官方）', asOf: '2022', format, rows }
}

const zhDeps = (path: string) =>
  deps(() => path, { lang: (): Lang => 'zh-CN', settings: () => ({ ...DEFAULT_SETTINGS, marking: { on: true, text: { 'zh-CN': '内部资料', en: 'Internal' } } }) })

describe('export:table', () => {
  it('writes CSV: BOM, CRLF, marking, title, source line and as-of above the header, then exactly the rows as printed', async () => {
    const d = zhDeps(join(dir, 'table'))
    const out = await saveTable(d, request('csv'))
    expect(d.chooseSavePath).toHaveBeenCalledWith('cities-gdp-table-zh-cn.csv', ['csv', 'xlsx'])
    expect(out).toEqual({ saved: true, path: join(dir, 'table.csv'), format: 'csv', rows: ROWS.length })
    const bytes = await readFile(join(dir, 'table.csv'))
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.toString('utf8').slice(1)
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text.split('\r\n').slice(0, 4)).toEqual(['内部资料', '九城市地区生产总值', '来源：各市统计公报（官方）', '数据截至 2022 · 导出于 2026-11-30 19:05'])
    // The table part parsed by a maintained CSV reader: its header row, then the data rows.
    const table = text.slice(text.indexOf('\r\n\r\n') + 4)
    const schema = inferSchema(table)
    expect(schema.cols.map((c) => c.name)).toEqual(['对象', '指标', '年份或时期', '数值（按来源所印）', '单位', '限定词', '来源等级', '来源', '网址', '注'])
    const body = initParser(schema).stringArrs(table)
    expect(body).toEqual(ROWS.map((r) => TABLE_COLUMNS.map((c) => (c === 'entity' && r.entity.startsWith('=') ? `'${r.entity}` : r[c]))))
  })

  it('writes XLSX: values printed as plain numbers are number cells with the printed format; ranges and gaps stay text', async () => {
    const out = await saveTable(zhDeps(join(dir, 'table.xlsx')), request('csv'))
    expect(out).toMatchObject({ saved: true, format: 'xlsx' })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await readFile(join(dir, 'table.xlsx'))) as unknown as ExcelJS.Buffer)
    const sheet = wb.worksheets[0]!
    expect(sheet.name).toBe('表格')
    expect([1, 2, 3, 4].map((r) => sheet.getCell(r, 1).value)).toEqual(['内部资料', '九城市地区生产总值', '来源：各市统计公报（官方）', '数据截至 2022 · 导出于 2026-11-30 19:05'])
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 6 })
    expect(sheet.getRow(6).values).toEqual([undefined, '对象', '指标', '年份或时期', '数值（按来源所印）', '单位', '限定词', '来源等级', '来源', '网址', '注'])
    const cells = ROWS.map((_, i) => sheet.getCell(7 + i, 4))
    expect(cells.map((c) => c.value)).toEqual([1637.11, 55, -3.5, '300,000–400,000', '无数据', 12])
    expect(cells.map((c) => c.numFmt ?? null)).toEqual(['#,##0.00', '0.0', '0.0', null, null, '0'])
    for (const [i, r] of ROWS.entries()) {
      for (const [k, c] of TABLE_COLUMNS.entries()) if (c !== 'value') expect(sheet.getCell(7 + i, k + 1).value).toBe(r[c])
    }
    expect(sheet.getCell(9, 10).value).toBe('注：含 "引号"，逗号, 与\n换行')
  })

  it('refuses a table of the wrong shape or over the limits, before any dialog', async () => {
    const bad: [unknown, RegExp][] = [
      [null, /must be an object/],
      [{ ...request('csv'), chartId: 'nope' }, /unknown chart/],
      [{ ...request('csv'), format: 'xls' }, /format must be xlsx or csv/],
      [{ ...request('csv'), title: 5 }, /title must be text/],
      [{ ...request('csv'), asOf: 'x'.repeat(21) }, /as-of date is longer/],
      [{ ...request('csv'), rows: 'rows' }, /rows must be a list/],
      [{ ...request('csv'), rows: [{ ...row({}), note: 7 }] }, /row 1, column note must be text/],
      [{ ...request('csv'), rows: [['a']] }, /row 1 must be an object/],
      [{ ...request('csv'), rows: Array.from({ length: TABLE_LIMITS.rows + 1 }, () => row({})) }, /at most 5000 rows/],
      [{ ...request('csv'), rows: [row({ note: 'x'.repeat(TABLE_LIMITS.cellChars + 1) })] }, /longer than 4000/],
      [{ ...request('csv'), rows: Array.from({ length: 1200 }, () => row({ note: 'x'.repeat(3900) })) }, /larger than 4000000 characters/],
    ]
    for (const [req, message] of bad) {
      const d = deps(() => join(dir, 'x'))
      await expect(saveTable(d, req)).rejects.toMatchObject({ code: 'bad-request', message: expect.stringMatching(message) })
      expect(d.chooseSavePath).not.toHaveBeenCalled()
    }
    expect(checkTableRequest({ ...request('xlsx'), rows: [{ ...row({}), extra: 'ignored' }] }).rows[0]).toEqual({ ...row({}), sort: null })
  })
})
