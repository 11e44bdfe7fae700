import { describe, expect, it } from 'vitest'
import { DASHBOARDS } from '../../../src-shared/charts'
import { growthBothPeriods, periodGrowth } from '../../../src-shared/charts/growth'
import type { ChartContext } from '../../../src-shared/charts/types'
import { ALL, economy } from './fixtures'
import { chartOf, renderSvg, svgText } from './render'

const ctx: ChartContext = { lang: 'en', theme: 'light', breakYear: 2016, decals: false }
const spec = (id: string) => DASHBOARDS.industry.charts.find((c) => c.id === id)!

type Series = { type: string; name: string; connectNulls?: boolean; data: unknown[]; markArea?: { data: [{ xAxis: string; name: string }, { xAxis: string }][] }; markLine?: { data: { xAxis: string; name: string }[] } }
const seriesOf = (o: Record<string, unknown>) => o.series as Series[]

describe('GDP on a year axis', () => {
  const r = chartOf(spec('industry-gdp').build(ALL(), ctx))
  const o = r.option as Record<string, unknown>
  const line = seriesOf(o)[0]!
  it('puts every year from 2011 on the axis, with nulls (not connected) for missing years', () => {
    const years = (o.xAxis as { data: string[] }).data
    expect(years[0]).toBe('2011')
    expect(years).toContain('2022')
    expect(line.connectNulls).toBe(false)
    const at = (y: number) => line.data[years.indexOf(String(y))]
    expect(at(2017)).not.toBeNull()
    expect(at(2018)).toBeNull()
    expect(at(2019)).toBeNull()
    expect(at(2020)).not.toBeNull()
    expect(at(2011)).toBeNull()
  })
  it('shows the conflicting 2020 figure as a separate marked point', () => {
    const other = seriesOf(o).find((s) => s.type === 'scatter')!
    expect(other.name).toContain('‡')
    expect(other.data).toEqual([expect.objectContaining({ value: ['2020', 162] })])
    expect(r.marks).toEqual(['secondary', 'conflict'])
  })
  it('shades the two periods from the break year', () => {
    const areas = line.markArea!.data
    expect(areas.map(([a, b]) => [a.xAxis, b.xAxis])).toEqual([
      ['2011', '2015'],
      ['2016', '2020'],
    ])
    const r2018 = chartOf(spec('industry-gdp').build(ALL(), { ...ctx, breakYear: 2018 }))
    expect(seriesOf(r2018.option as Record<string, unknown>)[0]!.markArea!.data.map(([a, b]) => [a.xAxis, b.xAxis])).toEqual([
      ['2011', '2017'],
      ['2018', '2020'],
    ])
  })
  it('annotates the 1.0 → 2.0 → 3.0 timeline from meta.events', () => {
    expect(line.markLine!.data.map((e) => [e.xAxis, e.name])).toEqual([
      ['2016', '1.0*'],
      ['2017', '2.0'],
      ['2018', '3.0'],
    ])
    const t = svgText(renderSvg(r.option, 'light'))
    expect(t).toContain('2.0')
    expect(t).toContain('Before 2011–2015')
  })
})

describe('before/after growth, computed from the data', () => {
  it('bases growth over a period on the year before it, and prefers official endpoints', () => {
    const { before, after } = growthBothPeriods(economy(), 'songjiang', 'gdp', 2016)
    // No 2010 figure: the first year inside 2011–2015 with a value.
    expect([before!.first.year, before!.last.year]).toEqual([2013, 2015])
    expect(before!.rate).toBeCloseTo((995.36 / 917.49) ** (1 / 2) - 1, 10)
    expect(before!.rate * 100).toBeCloseTo(4.157, 2)
    // Growth over 2016–2020 runs from the official 2015 figure, not the secondary 2016 one whose year was inferred.
    expect([after!.first.year, after!.last.year]).toEqual([2015, 2020])
    expect(after!.first.source.tier).toBe('official')
    expect(after!.rate).toBeCloseTo((1637.11 / 995.36) ** (1 / 5) - 1, 10)
    // Agrees with the official "+10.5%".
    expect(after!.rate * 100).toBeCloseTo(10.46, 2)
  })
  it('follows the break year', () => {
    const { before, after } = growthBothPeriods(economy(), 'songjiang', 'gdp', 2015)
    expect([before!.first.year, before!.last.year]).toEqual([2013, 2014])
    expect([after!.first.year, after!.last.year]).toEqual([2014, 2020])
  })
  it('gives nothing for a period with fewer than two values', () => {
    expect(periodGrowth(economy(), 'songjiang', 'total-fiscal-income', [2016, 2020])).toBeNull()
    expect(periodGrowth(economy(), 'songjiang', 'gdp', [2018, 2019])).toBeNull()
  })
  it('draws the computed rates with their endpoints and the formula in the tooltip', () => {
    const r = chartOf(spec('industry-growth').build(ALL(), ctx))
    const t = svgText(renderSvg(r.option, 'light'))
    // Each bar names the span it covers and its length; one decimal always printed.
    expect(t).toContain('4.2%† (2013→2015, 2 years)')
    expect(svgText(renderSvg(chartOf(spec('industry-growth').build(ALL(), { ...ctx, lang: 'zh-CN' })).option, 'light'))).toContain('4.2%†（2013→2015，2 年）')
    expect(t).toContain('10.5%†‡ (2015→2020, 5 years)') // ‡: the 2020 endpoint's sources disagree
    expect(t).toContain('12.2%* (2016–2019)') // the reported 2016–2019 average, a secondary figure
    const tip = (seriesOf(r.option as Record<string, unknown>)[1]!.data.find((x) => x !== null) as { tip: string }).tip
    expect(tip).toContain('(1,637.11 ÷ 995.36)^(1/5) − 1 = 10.46%')
    // The computed rates are rows of the chart's table, printed as the bars print them, with their formula.
    expect(r.table.filter((row) => row.tier.startsWith('Derived')).map((row) => [row.when, row.value])).toEqual([
      ['2013→2015', '4.2'],
      ['2015→2020', '10.5'],
    ])
    expect(tip).toContain('Shanghai Daily')
    expect(r.marks).toContain('derived')
  })
  it('is empty when no period has two endpoints', () => {
    const r = spec('industry-growth').build(ALL(), { ...ctx, breakYear: 2022 })
    // 2011–2021 still has GDP endpoints; drop them to check the empty state.
    expect(r.kind).toBe('chart')
    const only = ALL()
    const eco = economy()
    const noGdp = { get: (id: string) => (id === 'songjiang-economy' ? { ...eco, length: 0 } : only.get(id)) }
    const e = spec('industry-growth').build(noGdp, ctx)
    expect(e.kind).toBe('empty')
  })
})

describe('innovation and shares', () => {
  it('marks the derived 2015 high-tech count and the secondary R&D intensity', () => {
    const r = chartOf(spec('industry-innovation').build(ALL(), ctx))
    const t = svgText(renderSvg(r.option, 'light'))
    expect(t).toContain('about 470†')
    expect(t).toContain('over 2,300')
    expect(t).toContain('4.59%*')
    expect(r.marks).toEqual(['secondary', 'derived'])
  })
})
