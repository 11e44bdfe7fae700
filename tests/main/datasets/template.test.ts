/**
 * The template writer: every bundled dataset written as CSV and as XLSX reads
 * back as the identical dataset (issue 11 §5), and the workbook has the
 * sheets, drop-downs and frozen header an analyst starts from.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { figureNote, type DatasetFile } from '../../../src-shared/dataset'
import { loadDatasetFile } from '../../../src-main/datasets/load-file'
import { writeDatasetCsv, writeDatasetXlsx } from '../../../src-main/datasets/template'

const bundled = join(import.meta.dirname, '../../../resources/datasets')
let tmp: string
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'g60-template-'))
})
afterAll(() => rm(tmp, { recursive: true, force: true }))

describe('template round trip', async () => {
  const names = (await readdir(bundled)).filter((n) => n.endsWith('.json'))
  it('covers every bundled dataset', () => expect(names.length).toBeGreaterThanOrEqual(4))
  for (const name of names) {
    it(`writes ${name} as CSV and XLSX that read back as the identical dataset`, async () => {
      const original = await loadDatasetFile(name, { root: bundled })
      expect(original.problems).toEqual([])
      const d = original.dataset!
      await writeFile(join(tmp, `${d.id}.csv`), writeDatasetCsv(d))
      await writeFile(join(tmp, `${d.id}.xlsx`), await writeDatasetXlsx(d))
      for (const ext of ['csv', 'xlsx']) {
        const back = await loadDatasetFile(`${d.id}.${ext}`, { root: tmp })
        expect(back.problems).toEqual([])
        expect(back.dataset).toEqual(d)
      }
    })
  }
})

describe('notes in both languages', () => {
  const source = { tier: 'official' as const, title: '松江统计年鉴', url: 'https://example.org/y', year: 2018, quote: '1040.45', formula: null }
  const fig = { entity: 'sj', indicator: 'gdp', period: null, value: 1040.45, valueHigh: null, unit: 'yuan-100m', qualifier: 'exact' as const, source, conflict: false }
  const d: DatasetFile = {
    id: 'notes',
    title: { 'zh-CN': '备注', en: 'Notes' },
    unit: 'yuan-100m',
    notes: null,
    entities: { sj: { name: { 'zh-CN': '松江', en: 'Songjiang' } } },
    indicators: { gdp: { name: { 'zh-CN': '地区生产总值', en: 'GDP' }, unit: 'yuan-100m' } },
    events: [{ date: '2016-05', label: { 'zh-CN': '启动', en: 'Launch' }, source, note_zh: '年份为推断。', note_en: 'The year is inferred.' }],
    figures: [
      { ...fig, year: 2016, note_zh: '按可比价格计算，"引号"，逗号', note_en: 'At comparable prices, "quoted", comma' },
      { ...fig, year: 2017, note_zh: '只有中文', note_en: null },
      { ...fig, year: 2018, note_zh: null, note_en: 'English only' },
      { ...fig, year: 2019, note_zh: null, note_en: null },
    ],
  }

  it('writes note_zh and note_en columns (and event notes) that read back unchanged from CSV and XLSX', async () => {
    await writeFile(join(tmp, 'notes.csv'), writeDatasetCsv(d))
    await writeFile(join(tmp, 'notes.xlsx'), await writeDatasetXlsx(d))
    expect(writeDatasetCsv(d)).toContain(',note_zh,note_en,conflict\r\n')
    for (const ext of ['csv', 'xlsx']) {
      const back = await loadDatasetFile(`notes.${ext}`, { root: tmp })
      expect(back.problems).toEqual([])
      expect(back.dataset).toEqual(d)
    }
  })

  it('reads Chinese note headers, and a legacy single note column as both languages', async () => {
    const csv = ['#id,notes-zh', '#event,2016,启动,Launch,official,年鉴,https://example.org/y,,1040.45,,单一备注', '实体,指标,年份,数值,单位,来源等级,来源,链接,引文,中文备注,英文备注,备注']
    csv.push('sj,gdp,2016,1040.45,亿元,官方,年鉴,https://example.org/y,1040.45,中文,English,')
    csv.push('sj,gdp,2017,1120.97,亿元,官方,年鉴,https://example.org/y,1120.97,,,Old note')
    csv.push('sj,gdp,2018,1200,亿元,官方,年鉴,https://example.org/y,1200,新备注,,Old note')
    await writeFile(join(tmp, 'notes-zh.csv'), csv.join('\n'))
    const { dataset, problems } = await loadDatasetFile('notes-zh.csv', { root: tmp })
    expect(problems).toEqual([])
    expect(dataset!.figures.map((f) => [f.note_zh, f.note_en])).toEqual([
      ['中文', 'English'],
      ['Old note', 'Old note'],
      ['新备注', 'Old note'],
    ])
    expect(dataset!.events!.map((e) => [e.note_zh, e.note_en])).toEqual([['单一备注', null]])
    expect(figureNote(dataset!.events![0]!, 'en')).toBe('单一备注')
  })
})

describe('the workbook', () => {
  it('has meta, data, instructions (both languages) and lists sheets, a frozen header and drop-downs for tier, qualifier and unit', async () => {
    const d = (await loadDatasetFile('nine-cities.json', { root: bundled })).dataset!
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await writeDatasetXlsx(d)) as unknown as ExcelJS.Buffer)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['meta', 'data', 'instructions', 'lists'])
    const data = wb.getWorksheet('data')!
    expect(data.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    const header = (data.getRow(1).values as string[]).slice(1)
    for (const [col, list] of [['tier', '$A'], ['qualifier', '$B'], ['unit', '$C']] as const) {
      const cell = data.getCell(2, header.indexOf(col) + 1)
      expect(cell.dataValidation).toMatchObject({ type: 'list', formulae: [expect.stringContaining(`lists!${list}$2`)] })
    }
    expect(wb.getWorksheet('instructions')!.getRow(1).values).toEqual([undefined, '中文', 'English'])
    expect(data.getColumn(header.indexOf('source_title') + 1).width).toBeGreaterThan(20)
  })
})
