import { Resvg } from '@resvg/resvg-js'
import { describe, expect, it } from 'vitest'
import { DASHBOARDS, OVERVIEW_KPIS } from '../../../src-shared/charts'
import type { ChartContext } from '../../../src-shared/charts/types'
import { LANGS, THEMES } from '../../../src-shared/settings'
import { ALL } from './fixtures'
import { chartOf, renderSvg, svgText } from './render'

const charts = Object.values(DASHBOARDS).flatMap((d) => d.charts)
const RECTIFICATION_IDS = DASHBOARDS.rectification.charts.map((c) => c.id)

describe('every chart renders in every theme and language', () => {
  const data = ALL()
  for (const theme of THEMES)
    for (const lang of LANGS)
      it(`${theme} · ${lang}`, () => {
        const ctx: ChartContext = { lang, theme, breakYear: 2016, decals: false }
        for (const spec of charts) {
          const r = chartOf(spec.build(data, ctx))
          const svg = renderSvg(r.option, theme)
          expect(svg, spec.id).not.toMatch(/NaN|undefined|\[object Object\]/)
          // Well-formed enough for resvg (the exporter's rasteriser) to parse.
          expect(() => new Resvg(svg), spec.id).not.toThrow()
          expect(spec.title(ctx).length, spec.id).toBeGreaterThan(3)
          expect(r.sourceLine, spec.id).toMatch(lang === 'en' ? /^Sources — / : /^来源 — /)
          expect(r.sources.length, spec.id).toBeGreaterThan(0)
        }
      })
})

describe('dashboards', () => {
  it('have three to six charts, KPIs, titles and takeaways in both languages', () => {
    for (const d of Object.values(DASHBOARDS)) {
      expect(d.charts.length).toBeGreaterThanOrEqual(3)
      expect(d.charts.length).toBeLessThanOrEqual(6)
      expect(d.kpis.length).toBeGreaterThan(0)
      for (const c of d.charts) expect(c.dashboard).toBe(d.id)
      const en = d.title({ lang: 'en', theme: 'light', breakYear: 2016, decals: false })
      const zh = d.title({ lang: 'zh-CN', theme: 'light', breakYear: 2016, decals: false })
      expect(zh).not.toBe(en)
      expect(zh).toMatch(/[\u4e00-\u9fff]/)
      expect(d.takeaway({ lang: 'zh-CN', theme: 'light', breakYear: 2016, decals: false })).toMatch(/[\u4e00-\u9fff]/)
    }
  })
  it('chart ids are unique', () => {
    expect(new Set(charts.map((c) => c.id)).size).toBe(charts.length)
  })
})

const en: ChartContext = { lang: 'en', theme: 'light', breakYear: 2016, decals: false }
const zh: ChartContext = { ...en, lang: 'zh-CN' }
const build = (id: string, ctx: ChartContext) => chartOf(charts.find((c) => c.id === id)!.build(ALL(), ctx))
const text = (id: string, ctx: ChartContext) => svgText(renderSvg(build(id, ctx).option, ctx.theme))

describe('rectification charts show their values', () => {
  it('energy: labels and ticks on one scale in zh (no 3.92 万 label on a 40,000 axis)', () => {
    const t = text('rect-energy', zh)
    expect(t).toContain('万吨标准煤')
    expect(t).toMatch(/\b3\.92\b/)
    expect(t).toMatch(/\b4\.18\b/)
    expect(t).not.toMatch(/\d+(,\d{3})+/)
    expect(t).not.toMatch(/\d 万/)
  })
  it('firms phased out: 2015 derived with †, 2016 official, 2017 adjusted', () => {
    const t = text('rect-firms', en)
    expect(t).toContain('about 450†')
    expect(t).toContain('1,033')
    expect(t).toContain('368')
    expect(t).toContain('2016')
    expect(t).toContain('† derived')
    expect(build('rect-firms', en).marks).toEqual(['derived'])
  })
  it('axis names in Chinese', () => {
    const t = text('rect-land', zh)
    expect(t).toContain('公顷')
    expect(t).toContain('495.6')
    expect(t).toContain('年份')
  })
  it('no chart puts demolished floor area beside land areas (like with like)', () => {
    expect(RECTIFICATION_IDS).not.toContain('rect-space')
    const t = text('rect-land', en)
    // 2016's source says "construction land reduced", not "approved"; 2017's yearbook says approved.
    expect(t).toContain('Construction land reduced')
    expect(t).toContain('Low-efficiency land reduced (approved)')
  })
  it('Jiuting residents and economy in 2013', () => {
    expect(text('rect-jiuting-residents', en)).toContain('257,325')
    expect(text('rect-jiuting-economy', zh)).toContain('263.1')
    expect(text('rect-jiuting-economy', en)).toContain('billion yuan')
  })
})

describe('industry charts show their values', () => {
  it('real-estate share 46% → 32%', () => {
    const t = text('industry-shares', en)
    expect(t).toContain('46')
    expect(t).toContain('32')
    expect(t).toContain('2016')
  })
  it('GDP axis in 亿元 in Chinese and billion yuan in English', () => {
    expect(text('industry-gdp', zh)).toContain('亿元')
    expect(text('industry-gdp', en)).toContain('billion yuan')
  })
})

describe('nine cities charts show their values', () => {
  it('shares with fraction notes and the official fractions as derived marks', () => {
    const r = build('cities-shares', en)
    const t = svgText(renderSvg(r.option, 'light'))
    expect(t).toContain('6.7% ≈1/15')
    expect(t).toContain('8.3% ≈1/12')
    expect(t).toContain('about 12.5% =1/8')
    expect(t).toContain('6.25%†')
    expect(r.marks).toContain('derived')
  })
  it('cities grouped by province with names in both languages', () => {
    const t = text('cities-provinces', en)
    for (const s of ['Shanghai', 'Jiangsu', 'Zhejiang', 'Anhui', 'Suzhou', 'Hefei']) expect(t).toContain(s)
    const tz = text('cities-provinces', zh)
    for (const s of ['上海', '安徽', '合肥']) expect(tz).toContain(s)
  })
  it('city GDP: secondary cities dashed and hollow, official solid, gaps as nulls', () => {
    const r = build('cities-gdp', en)
    const series = r.option.series as { name: string; connectNulls: boolean; lineStyle: { type: string }; data: ({ itemStyle: { color: string } } | null)[] }[]
    const hefei = series.find((s) => s.name === 'Hefei*')!
    expect(hefei.lineStyle.type).toBe('dashed')
    expect(hefei.connectNulls).toBe(false)
    expect(hefei.data[2]).toBeNull() // 2017 is a gap
    expect(hefei.data[0]!.itemStyle.color).toBe('#ffffff') // hollow
    const huzhou = series.find((s) => s.name === 'Huzhou')!
    expect(huzhou.lineStyle.type).toBe('solid')
    expect(huzhou.data[0]!.itemStyle.color).not.toBe('#ffffff')
  })
  it('map: cities shaded by their GDP figures, marked secondary, outlines credited', () => {
    const r = build('cities-map', en)
    const s = (r.option.series as { type: string; data: { name: string; value: number; tip: string }[] }[])[0]!
    expect(s.type).toBe('map')
    expect(s.data.find((x) => x.name === '合肥市')!.value).toBeCloseTo(1004.572, 6)
    expect(s.data.find((x) => x.name === '合肥市')!.tip).toContain('Secondary source')
    expect(r.marks).toContain('secondary')
    expect(r.sourceLine).toContain('Apache-2.0')
    expect(text('cities-map', zh)).toContain('合肥*')
  })
})

describe('KPIs', () => {
  const data = ALL()
  const kpi = (id: string, ctx: ChartContext) => Object.values(DASHBOARDS).flatMap((d) => d.kpis).find((k) => k.id === id)!.build(data, ctx)!
  it('2.4 million m² with no number from nowhere (no football-pitch constant)', () => {
    const k = kpi('demolished-area', en)
    expect(k.value).toBe('2.4 million')
    expect(k.unit).toBe('m²')
    expect(k.comparison).not.toMatch(/pitch|7,140|\d/)
    const kz = kpi('demolished-area', zh)
    expect(kz.value + kz.unit).toBe('240万平方米')
  })
  it('qualifiers and ranges', () => {
    expect(kpi('enterprises-phased-out', zh).value).toBe('逾 4,000')
    expect(kpi('jiuting-population', en).value).toBe('300,000–400,000')
    expect(kpi('corridor-population', en).value).toBe('about 58 million')
    expect(kpi('gdp-share-national', en).comparison).toContain('≈1/15')
    expect(kpi('hightech-share-national', en).comparison).toContain('=1/8')
  })
  it('overview KPIs each name their dashboard', () => {
    const ks = OVERVIEW_KPIS.map((k) => k.build(data, en))
    expect(ks.every((k) => k !== null)).toBe(true)
    expect(new Set(ks.map((k) => k!.target))).toEqual(new Set(['rectification', 'industry', 'cities']))
  })
})
