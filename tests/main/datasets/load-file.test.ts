import { mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_FILE_BYTES, loadColumnarFile, loadDatasetFile } from '../../../src-main/datasets/load-file'
import { fromColumnar, type ColumnarDataset } from '../../../src-shared/dataset'

const root = join(import.meta.dirname, '../../fixtures/datasets')
const load = (name: string) => loadDatasetFile(name, { root })
const messages = async (name: string) => (await load(name)).problems.map((p) => [p.row, p.column, p.message, p.got])

describe('loadDatasetFile: encodings', () => {
  for (const name of ['gbk.csv', 'utf8-bom.csv', 'utf16le.csv', 'utf16be.csv']) {
    it(`reads the Chinese CSV saved as ${name}`, async () => {
      const { dataset, problems } = await load(name)
      expect(problems).toEqual([])
      expect(dataset!.id).toBe('gbk-cities')
      expect(dataset!.title).toEqual({ 'zh-CN': '长三角九城市', en: 'Nine cities' })
      expect(dataset!.unit).toBe('yuan-100m')
      expect(dataset!.figures.map((f) => [f.entity, f.indicator, f.year, f.value, f.source.tier, f.source.title, f.note_zh, f.note_en, f.conflict])).toEqual([
        ['松江', '生产总值', 2016, 1033.5, 'official', '松江统计年鉴', null, null, false],
        ['嘉兴', '生产总值', 2016, 3862, 'official', '嘉兴统计公报', '有冲突', '有冲突', false],
      ])
    })
  }
})

describe('loadDatasetFile: CSV layout and numbers', () => {
  it('reads the header block, entity and indicator rows and groups', async () => {
    const { dataset, problems } = await loadDatasetFile('good/cities.csv', { root })
    expect(problems).toEqual([])
    expect(dataset!.entities.jiaxing).toEqual({ name: { 'zh-CN': '嘉兴', en: 'Jiaxing' }, group: 'zj' })
    expect(dataset!.groups).toEqual({ sh: { 'zh-CN': '上海市', en: 'Shanghai' }, zj: { 'zh-CN': '浙江省', en: 'Zhejiang' } })
    expect(dataset!.notes).toEqual({ 'zh-CN': '测试数据', en: 'Test data' })
    expect(dataset!.figures.map((f) => [f.value, f.unit, f.source.url])).toEqual([
      [28178.65, 'yuan-100m', 'https://example.org/sh-2016'],
      [3862, 'yuan-100m', 'https://example.org/jx-2016'],
      [6.7, 'percent', null],
    ])
  })

  it('reads 1,234.5, 6.7%, −3.5 and full-width digits; —, - and empty cells are gaps; trailing empty rows and columns are ignored', async () => {
    const { dataset, problems } = await load('numbers.csv')
    expect(problems).toEqual([])
    expect(Object.fromEntries(dataset!.figures.map((f) => [f.indicator, f.value]))).toEqual({
      thousands: 1234.5,
      percent: 6.7,
      minus: -3.5,
      fullwidth: 123.5,
      dash: null,
      hyphen: null,
      empty: null,
    range: 300000,
    })
    expect(dataset!.figures.find((f) => f.indicator === 'range')!.valueHigh).toBe(400000)
  })

  it('sniffs semicolons and tabs, and reads quoted fields with quotes and newlines', async () => {
    const semi = await load('semicolon.csv')
    expect(semi.problems).toEqual([])
    expect(semi.dataset!.figures[0]!.value).toBe(1234.5)
    const tab = await load('tab.csv')
    expect(tab.problems).toEqual([])
    expect(tab.dataset!.figures[0]!.source.quote).toBe('says "12.5%"\nover two lines')
  })
})

describe('loadDatasetFile: XLSX', () => {
  it('reads the meta and data sheets: date cells as years, rich text, formulas, links, Chinese headers and words', async () => {
    const { dataset, problems } = await load('workbook.xlsx')
    expect(problems).toEqual([])
    expect(dataset!.id).toBe('workbook')
    expect(dataset!.figures.map((f) => [f.year, f.value, f.valueHigh, f.qualifier, f.source.url, f.source.quote])).toEqual([
      [2018, 300000, 400000, 'about', null, '30万至40万'],
      [2019, 2, null, 'exact', 'https://example.org/y', 'q'],
    ])
  })

  it('refuses a file named .xlsx that is not a workbook', async () => {
    expect(await messages('junk.xlsx')).toEqual([[undefined, undefined, 'not an XLSX workbook (an .xlsx file is a ZIP archive, this one is not)', undefined]])
  })
})

describe('loadDatasetFile: problems point at the row and column', () => {
  it('names an unknown column on the header row', async () => {
    expect(await messages('unknown-column.csv')).toEqual([[3, 'colour', 'unknown column "colour"', undefined]])
  })

  it('reports wrong types, bad tiers, missing URLs and formulas, and duplicates with their rows', async () => {
    expect(await messages('wrong-types.csv')).toEqual([
      [4, 'year', 'not a year', 'twenty'],
      [5, 'value', 'not a number', 'lots'],
      [6, 'tier', 'unknown tier', 'rumour'],
      [7, 'source_url', 'an official source needs a URL', undefined],
      [8, 'formula', 'a derived figure needs the formula it was computed with', undefined],
      [11, 'entity', 'duplicate of row 10: same entity, indicator, year, period and source URL', 'a / b / 2021'],
    ])
    expect((await load('wrong-types.csv')).dataset).toBeNull()
  })

  it('reports invalid JSON with its line', async () => {
    const [p] = (await load('broken.json')).problems
    expect(p!.message).toMatch(/^not valid JSON \(line 2\)/)
  })
})

describe('loadDatasetFile: refusals', () => {
  let tmp: string
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'g60-load-'))
  })
  afterAll(() => rm(tmp, { recursive: true, force: true }))

  it('refuses empty files and binary junk', async () => {
    expect(await messages('empty.csv')).toEqual([[undefined, undefined, 'the file is empty', undefined]])
    expect((await messages('junk.csv'))[0]![2]).toMatch(/^this is a binary file, not text/)
  })

  it('refuses paths that leave the folder: .., absolute paths elsewhere, links to outside', async () => {
    const inner = join(tmp, 'data')
    await import('node:fs/promises').then((fs) => fs.mkdir(inner))
    await writeFile(join(tmp, 'outside.csv'), 'entity\n')
    await symlink(join(tmp, 'outside.csv'), join(inner, 'link.csv'))
    for (const path of ['../outside.csv', join(tmp, 'outside.csv')]) {
      const r = await loadDatasetFile(path, { root: inner })
      expect(r.dataset).toBeNull()
      expect(r.problems.map((p) => p.message)).toEqual(['the path leaves the data folder'])
    }
    const r = await loadDatasetFile('link.csv', { root: inner })
    expect(r.problems.map((p) => p.message)).toEqual(['the file is a link to a place outside the data folder'])
  })

  it('accepts a link that stays inside the folder', async () => {
    const inner = await mkdtemp(join(tmp, 'in-'))
    await writeFile(join(inner, 'real.csv'), '#id,linked\n#unit,percent\nentity,indicator,year,value,tier,source_title,quote\na,b,2020,1,article,S,q\n')
    await symlink(join(inner, 'real.csv'), join(inner, 'alias.csv'))
    expect((await loadDatasetFile('alias.csv', { root: inner })).dataset!.id).toBe('linked')
  })

  it('refuses a file over the size limit before reading it', async () => {
    const big = join(tmp, 'huge.csv')
    await writeFile(big, '')
    await truncate(big, MAX_FILE_BYTES + 1)
    const r = await loadDatasetFile('huge.csv', { root: tmp })
    expect(r.problems).toEqual([{ file: big, message: 'the file is too large', got: '64.0 MiB', expected: 'at most 64.0 MiB' }])
  })

  it('refuses missing files and unsupported extensions', async () => {
    expect((await loadDatasetFile('nope.csv', { root: tmp })).problems[0]!.message).toBe('file not found')
    await writeFile(join(tmp, 'notes.txt'), 'hello')
    expect((await loadDatasetFile('notes.txt', { root: tmp })).problems[0]).toMatchObject({ message: 'unsupported file type', got: '.txt' })
  })
})

describe('loadColumnarFile: ids that are Object.prototype names are ordinary ids', () => {
  const names = ['constructor', 'toString', '__proto__'] as const
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'g60-ids-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })
  const source = { tier: 'article', title: 'The article', url: null, year: 2018, quote: 'q', formula: null }
  const expectMeta = (meta: ColumnarDataset['meta']) => {
    for (const id of names) {
      expect(Object.hasOwn(meta.entities, id), `entity ${id}`).toBe(true)
      expect(meta.entities[id]!.name).toEqual({ 'zh-CN': `实体${id}`, en: `Entity ${id}` })
      expect(Object.hasOwn(meta.indicators, id), `indicator ${id}`).toBe(true)
      expect(meta.indicators[id]).toEqual({ name: { 'zh-CN': `指标${id}`, en: `Indicator ${id}` }, unit: 'percent' })
    }
    expect(Object.keys(meta.entities).sort()).toEqual([...names].sort())
    expect(Object.keys(meta.indicators).sort()).toEqual([...names].sort())
  }

  it('keeps their metadata in a JSON file', async () => {
    const raw = `{
      "id": "odd-ids", "title": { "zh-CN": "怪", "en": "Odd" }, "unit": "percent", "notes": null,
      "entities": { ${names.map((id) => `"${id}": { "name": { "zh-CN": "实体${id}", "en": "Entity ${id}" } }`).join(', ')} },
      "indicators": { ${names.map((id) => `"${id}": { "name": { "zh-CN": "指标${id}", "en": "Indicator ${id}" }, "unit": "percent" }`).join(', ')} },
      "figures": [${names.map((id) => JSON.stringify({ entity: id, indicator: id, year: 2016, value: 1, unit: 'percent', source })).join(', ')}]
    }`
    await writeFile(join(dir, 'odd.json'), raw)
    const { dataset, problems } = await loadColumnarFile('odd.json', { root: dir })
    expect(problems).toEqual([])
    expectMeta(dataset!.meta)
    expect(fromColumnar(dataset!).map((f) => [f.entity, f.indicator])).toEqual(names.map((id) => [id, id]))
  })

  it('keeps their metadata in a CSV file', async () => {
    const csv = [
      '#id,odd-ids',
      '#title_zh,怪',
      '#title_en,Odd',
      '#unit,percent',
      ...names.map((id) => `#entity,${id},实体${id},Entity ${id}`),
      ...names.map((id) => `#indicator,${id},指标${id},Indicator ${id},percent`),
      'entity,indicator,year,value,tier,source_title,quote',
      ...names.map((id) => `${id},${id},2016,1,article,The article,q`),
    ].join('\n')
    await writeFile(join(dir, 'odd.csv'), csv)
    const { dataset, problems } = await loadColumnarFile('odd.csv', { root: dir })
    expect(problems).toEqual([])
    expectMeta(dataset!.meta)
    expect(fromColumnar(dataset!).map((f) => [f.entity, f.indicator, f.unit])).toEqual(names.map((id) => [id, id, 'percent']))
  })

  it('gives undeclared ones in a CSV their own names and units', async () => {
    const csv = ['#id,odd-ids', '#title_zh,怪', '#title_en,Odd', '#unit,percent', 'entity,indicator,year,value,unit,tier,source_title,quote', ...names.map((id) => `${id},${id},2016,1,pp,article,The article,q`)].join('\n')
    await writeFile(join(dir, 'undeclared.csv'), csv)
    const { dataset, problems } = await loadColumnarFile('undeclared.csv', { root: dir })
    expect(problems).toEqual([])
    for (const id of names) {
      expect(Object.hasOwn(dataset!.meta.entities, id)).toBe(true)
      expect(dataset!.meta.entities[id]).toEqual({ name: { 'zh-CN': id, en: id } })
      expect(Object.hasOwn(dataset!.meta.indicators, id)).toBe(true)
      expect(dataset!.meta.indicators[id]).toEqual({ name: { 'zh-CN': id, en: id }, unit: 'pp' })
    }
  })
})
