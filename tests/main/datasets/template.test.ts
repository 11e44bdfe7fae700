/**
 * The template writer: every bundled dataset written as CSV and as XLSX reads
 * back as the identical dataset (issue 11 §5), notes and source titles in both
 * languages included, and the workbook has the sheets, drop-downs and frozen
 * header an analyst starts from.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { figureNote, sourceTitle, type DatasetFile, type Source } from '../../../src-shared/dataset'
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

describe('source titles in both languages', () => {
  const base = { url: 'https://example.org/y', year: 2018, quote: '1040.45', formula: null }
  const chinese: Source = { tier: 'official', title: '松江年鉴2018 第197页', title_en: 'Songjiang Yearbook 2018, page 197', ...base }
  const english: Source = { tier: 'official', title: 'Shanghai Daily, district feature', title_zh: '上海日报区县专题', ...base, url: 'https://example.org/s' }
  const described: Source = { tier: 'secondary', title: null, title_zh: '一篇期刊论文（未具名）', title_en: 'A journal paper (not named)', ...base, url: null }
  const plain: Source = { tier: 'official', title: 'wuhu.me 首页', ...base, url: 'https://example.org/w' }
  const fig = { entity: 'sj', indicator: 'gdp', period: null, value: 1040.45, valueHigh: null, unit: 'yuan-100m', qualifier: 'exact' as const, note_zh: null, note_en: null, conflict: false }
  const d: DatasetFile = {
    id: 'titles',
    title: { 'zh-CN': '标题', en: 'Titles' },
    unit: 'yuan-100m',
    notes: null,
    entities: { sj: { name: { 'zh-CN': '松江', en: 'Songjiang' } } },
    indicators: { gdp: { name: { 'zh-CN': '地区生产总值', en: 'GDP' }, unit: 'yuan-100m' } },
    events: [
      { date: '2020-11', label: { 'zh-CN': '印发', en: 'Issued' }, source: described, note_zh: null, note_en: null },
      { date: '2016-05', label: { 'zh-CN': '启动', en: 'Launch' }, source: chinese, note_zh: null, note_en: null },
      { date: '2017', label: { 'zh-CN': '二点零', en: 'Two' }, source: plain, note_zh: null, note_en: null },
    ],
    figures: [chinese, english, described, plain].map((source, i) => ({ ...fig, year: 2016 + i, source })),
  }

  it('writes source_title_zh and source_title_en (and two more event cells) that read back unchanged from CSV and XLSX', async () => {
    await writeFile(join(tmp, 'titles.csv'), writeDatasetCsv(d))
    await writeFile(join(tmp, 'titles.xlsx'), await writeDatasetXlsx(d))
    expect(writeDatasetCsv(d)).toContain(',source_title,source_title_zh,source_title_en,source_url,')
    expect(writeDatasetCsv(d)).toContain('#event,2020-11,印发,Issued,secondary,,,2018,1040.45,,,,一篇期刊论文（未具名）,A journal paper (not named)\r\n')
    for (const ext of ['csv', 'xlsx']) {
      const back = await loadDatasetFile(`titles.${ext}`, { root: tmp })
      expect(back.problems).toEqual([])
      expect(back.dataset).toEqual(d)
      expect(back.dataset!.figures.map((f) => sourceTitle(f.source, 'en'))).toEqual([
        '松江年鉴2018 第197页 [Songjiang Yearbook 2018, page 197]',
        'Shanghai Daily, district feature',
        'A journal paper (not named)',
        'wuhu.me 首页',
      ])
    }
  })

  it('reads Chinese headers, and names the row and column of a source without a title or with too many', async () => {
    const event = ['#id,titles-event', '#unit,亿元', '#event,2016,启动,Launch,官方,,https://example.org/y,,引文,,,,只有中文', 'entity,indicator,year,value,tier,source_title,quote', 'sj,gdp,2016,1,official,S,q']
    await writeFile(join(tmp, 'titles-event.csv'), event.join('\n'))
    expect((await loadDatasetFile('titles-event.csv', { root: tmp })).problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [3, 'F', 'a source needs its title (or title_zh and title_en when it has no title of its own)'],
    ])
    const csv = ['#id,titles-zh', '#unit,亿元', '实体,指标,年份,数值,来源等级,来源标题,中文来源标题,英文来源标题,链接,引文']
    csv.push('sj,gdp,2016,1,官方,松江年鉴,,Songjiang Yearbook,https://example.org/y,1')
    csv.push('sj,gdp,2017,2,二手,,期刊论文,A journal paper,,2')
    csv.push('sj,gdp,2018,3,二手,,期刊论文,,,3')
    csv.push('sj,gdp,2019,4,官方,年鉴,年鉴,Yearbook,https://example.org/y,4')
    await writeFile(join(tmp, 'titles-zh.csv'), csv.join('\n'))
    const { dataset, problems } = await loadDatasetFile('titles-zh.csv', { root: tmp })
    expect(dataset).toBeNull()
    expect(problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [6, '来源标题', 'a source needs its title (or title_zh and title_en when it has no title of its own)'],
      [7, '英文来源标题', 'a source with its own title takes one translation, title_zh or title_en, not both'],
    ])
    await writeFile(join(tmp, 'titles-zh.csv'), csv.slice(0, 5).join('\n'))
    const good = await loadDatasetFile('titles-zh.csv', { root: tmp })
    expect(good.problems).toEqual([])
    expect(good.dataset!.figures.map((f) => [sourceTitle(f.source, 'zh-CN'), sourceTitle(f.source, 'en')])).toEqual([
      ['松江年鉴', '松江年鉴 [Songjiang Yearbook]'],
      ['期刊论文', 'A journal paper'],
    ])
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
    // How to write source titles, in both languages.
    const rows = wb.getWorksheet('instructions')!.getSheetValues().slice(2) as string[][]
    expect(rows.filter((r) => r[1]!.includes('source_title_zh') && r[1]!.includes('中文网页') && r[2]!.includes("a Chinese page's title in Chinese"))).toHaveLength(1)
    expect(data.getColumn(header.indexOf('source_title') + 1).width).toBeGreaterThan(20)
  })
})
