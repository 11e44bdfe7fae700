import { describe, expect, it } from 'vitest'
import { alternates, figures, headline, yearSeries } from '../../src-shared/query'
import { economy, rectification } from './charts/fixtures'

describe('figures', () => {
  it('filters by entity, indicator and year; null year means undated', () => {
    const d = rectification()
    expect(figures(d, { entity: 'songjiang', indicator: 'energy-saved' }).map((f) => f.value)).toEqual([39200, 41800])
    expect(figures(d, { indicator: 'energy-saved', year: 2017 }).map((f) => f.value)).toEqual([41800])
    expect(figures(d, { entity: 'songjiang', year: null }).map((f) => f.indicator)).toEqual(['demolished-area', 'enterprises-phased-out'])
    expect(figures(d, { entity: 'nowhere' })).toEqual([])
    expect(figures(undefined, { entity: 'songjiang' })).toEqual([])
  })
})

describe('yearSeries', () => {
  it('returns null for years without a figure, and prefers the official of two conflicting figures', () => {
    const s = yearSeries(economy(), 'songjiang', 'gdp', [2017, 2018, 2019, 2020])
    expect(s.map((f) => f?.value ?? null)).toEqual([1120.97, null, null, 1637.11])
    expect(s[3]!.source.tier).toBe('official')
  })
  it('keeps the other source of a conflict for separate drawing', () => {
    expect(alternates(economy(), 'songjiang', 'gdp', [2020]).map((f) => [f.value, f.source.tier])).toEqual([[1620, 'secondary']])
  })
  it('finds undated headline figures first', () => {
    expect(headline(rectification(), 'jiuting', 'population')?.valueHigh).toBe(400000)
  })
})
