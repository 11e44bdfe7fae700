import { describe, expect, it } from 'vitest'
import { displayWidth, figureTable } from '../../../src-main/cli/figure-table'
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
