import { describe, expect, it } from 'vitest'
import { validateDataset } from '../../../src-main/datasets/validate'

const source = { tier: 'official', title: 'Yearbook', url: 'https://example.org/y', year: 2018, quote: '2,400,000', formula: null }
const figure = { entity: 'sj', indicator: 'area', year: 2016, period: null, value: 2400000, valueHigh: null, unit: 'm2', qualifier: 'exact', source, note_zh: null, note_en: null, conflict: false }
const base = () => ({
  $schema: './schema/dataset.schema.json',
  id: 'rectification',
  title: { 'zh-CN': '整治', en: 'Rectification' },
  unit: 'm2',
  notes: null,
  entities: { sj: { name: { 'zh-CN': '松江', en: 'Songjiang' } } },
  indicators: { area: { name: { 'zh-CN': '面积', en: 'Area' }, unit: 'm2' } },
  figures: [figure] as unknown[],
})
const problems = (raw: unknown) => validateDataset(raw, 'x.json').problems.map((p) => [p.row, p.column, p.message])

describe('validateDataset', () => {
  it('accepts the canonical shape, ignoring $schema', () => {
    const { dataset, problems } = validateDataset(base(), 'x.json')
    expect(problems).toEqual([])
    expect(dataset!.figures).toEqual([figure])
    expect(dataset).not.toHaveProperty('$schema')
  })

  it('fills omitted nullable fields', () => {
    const raw = base()
    raw.figures = [{ entity: 'sj', indicator: 'area', year: 2016, value: 1, source }]
    expect(validateDataset(raw, 'x.json').dataset!.figures[0]).toEqual({ ...figure, value: 1 })
  })

  it('rejects a non-kebab id, an unknown unit and a missing title language', () => {
    expect(problems({ ...base(), id: 'Nine Cities', unit: 'yuan', title: { 'zh-CN': '整治' } })).toEqual([
      [undefined, 'id', 'dataset id is not kebab-case'],
      [undefined, 'title.en', 'missing'],
      [undefined, 'unit', 'unknown unit'],
    ])
  })

  it('points figure problems at the figure and field', () => {
    const raw = base()
    raw.figures = [
      figure,
      { ...figure, year: 1850, value: 'many', entity: 'nowhere' },
      { ...figure, year: 2017, qualifier: 'roughly', source: { ...source, tier: 'derived', formula: null } },
      { ...figure, year: 2018, source: { ...source, url: null } },
      { ...figure, year: 2019, source: { ...source, quote: null } },
      { ...figure, year: 2020, source: undefined },
      { ...figure, year: 2021, value: Infinity },
      { ...figure, vlaue: 3 },
    ]
    expect(problems(raw)).toEqual([
      [2, 'entity', 'entity not listed in entities'],
      [2, 'year', 'not a year'],
      [2, 'value', 'not a number'],
      [3, 'qualifier', 'unknown qualifier'],
      [3, 'source.formula', 'a derived figure needs the formula it was computed with'],
      [4, 'source.url', 'an official source needs a URL'],
      [5, 'source.quote', 'a source needs the exact words quoted (or a formula)'],
      [6, 'source', 'every figure needs a source'],
      [7, 'value', 'not a number'],
      [8, 'vlaue', 'unknown field "vlaue"'],
    ])
  })

  it('allows an article source without a URL', () => {
    const raw = base()
    raw.figures = [{ ...figure, source: { ...source, tier: 'article', url: null } }]
    expect(problems(raw)).toEqual([])
  })

  it('reports a duplicate (entity, indicator, year, period, source URL) on the later figure', () => {
    const raw = base()
    raw.figures = [figure, { ...figure, year: 2017 }, { ...figure, value: 5 }]
    expect(problems(raw)).toEqual([[3, undefined, 'duplicate of figure 1: same entity, indicator, year, period and source URL']])
  })

  it('rejects what is not a dataset object', () => {
    expect(problems([1, 2])).toEqual([[undefined, undefined, 'a dataset must be a JSON object']])
  })
  it('reads notes in both languages, and a legacy single note as both', () => {
    const read = (f: object) => validateDataset({ ...base(), figures: [{ ...figure, ...f }] }, 'x.json').dataset?.figures[0]
    expect(read({ note_zh: '按可比价格计算。', note_en: 'At comparable prices.' })).toMatchObject({ note_zh: '按可比价格计算。', note_en: 'At comparable prices.' })
    expect(read({ note_zh: undefined, note_en: undefined, note: 'At comparable prices.' })).toMatchObject({ note_zh: 'At comparable prices.', note_en: 'At comparable prices.' })
    expect(read({ note_zh: undefined, note: '旧备注', note_en: 'English' })).toMatchObject({ note_zh: '旧备注', note_en: 'English' })
    expect(read({ note_zh: '只有中文', note_en: undefined })).toMatchObject({ note_zh: '只有中文', note_en: null })
    expect(read({})).not.toHaveProperty('note')
    expect(problems({ ...base(), figures: [{ ...figure, note_en: '' }] })).toEqual([[1, 'note_en', 'empty']])
    const events = [{ date: '2016-05', label: { 'zh-CN': '启动', en: 'Launch' }, source, note: 'One note' }]
    expect(validateDataset({ ...base(), events }, 'x.json').dataset!.events![0]).toMatchObject({ note_zh: 'One note', note_en: 'One note' })
  })
  it('ignores keys starting with $ at every level, keeping every other key (even __proto__) as an ordinary key', () => {
    const raw = JSON.parse(`{ "$schema": "x", "id": "odd", "title": { "zh-CN": "怪", "en": "Odd", "$c": 1 }, "unit": "m2", "notes": null,
      "entities": { "__proto__": { "name": { "zh-CN": "原型", "en": "Proto" }, "$comment": "a town" } },
      "indicators": { "area": { "name": { "zh-CN": "面积", "en": "Area" }, "unit": "m2" } },
      "figures": [{ "entity": "__proto__", "indicator": "area", "year": 2016, "value": 1, "$why": "x", "source": { "tier": "article", "title": "The article", "quote": "q", "$page": 3 } }] }`)
    const { dataset, problems } = validateDataset(raw, 'x.json')
    expect(problems).toEqual([])
    expect(Object.hasOwn(dataset!.entities, '__proto__')).toBe(true)
    expect(dataset!.entities['__proto__']).toEqual({ name: { 'zh-CN': '原型', en: 'Proto' } })
    expect(dataset!.figures[0]!.source).toEqual({ tier: 'article', title: 'The article', url: null, year: null, quote: 'q', formula: null })
    expect(raw.entities['__proto__'].$comment).toBe('a town')
  })
})
