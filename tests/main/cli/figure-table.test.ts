import { describe, expect, it } from 'vitest'
import { displayWidth, figureAsRead, figureTable } from '../../../src-main/cli/figure-table'
import type { DatasetFile } from '../../../src-shared/dataset'

describe('figureTable', () => {
  it('lines up Chinese names (two columns wide), ranges, periods and gaps', () => {
    expect([displayWidth('嘉兴'), displayWidth('ab'), displayWidth('１')]).toEqual([4, 2, 2])
    const src = { tier: 'official' as const, title: 'S', url: 'https://e.org', year: null, quote: 'q', formula: null }
    const fig = { indicator: 'gdp', unit: 'yuan-100m', qualifier: 'exact' as const, source: src, note_zh: null, note_en: null, conflict: false, valueHigh: null }
    const d = { figures: [{ ...fig, entity: '嘉兴', year: 2016, period: null, value: 3862 }, { ...fig, entity: 'jx', year: null, period: '2016–2020', value: 30, valueHigh: 40 }, { ...fig, entity: 'jx', year: 2017, period: null, value: null }] } as unknown as DatasetFile
    expect(figureTable(d)).toEqual([
      'entity  indicator  year       value  unit       qualifier  tier',
      '嘉兴    gdp        2016        3862  yuan-100m  exact      official',
      'jx      gdp        2016–2020  30–40  yuan-100m  exact      official',
      'jx      gdp        2017           —  yuan-100m  exact      official',
    ])
  })
})

describe('figureAsRead', () => {
  it('gives the source\'s own title, its translations when given, and its address, as read', () => {
    const fig = { entity: 'sj', indicator: 'gdp', year: 2016, period: null, value: 1, valueHigh: null, unit: 'yuan-100m', qualifier: 'exact' as const, note_zh: null, note_en: null, conflict: false }
    const chinese = { tier: 'official' as const, title: '松江年鉴2018 第197页', title_en: 'Songjiang Yearbook 2018, page 197', url: 'https://e.org/y', year: null, quote: 'q', formula: null }
    const described = { tier: 'secondary' as const, title: null, title_zh: '一篇期刊论文（未具名）', title_en: 'A journal paper (not named)', url: null, year: null, quote: 'q', formula: null }
    expect(figureAsRead({ ...fig, source: chinese }).source).toEqual({ title: '松江年鉴2018 第197页', title_en: 'Songjiang Yearbook 2018, page 197', url: 'https://e.org/y' })
    expect(figureAsRead({ ...fig, source: described }).source).toEqual({ title: null, title_zh: '一篇期刊论文（未具名）', title_en: 'A journal paper (not named)', url: null })
  })
})
