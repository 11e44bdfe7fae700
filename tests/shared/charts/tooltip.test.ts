import { describe, expect, it } from 'vitest'
import { DASHBOARDS } from '../../../src-shared/charts'
import { tooltipFormatter, tipFor } from '../../../src-shared/charts/common'
import type { ChartContext } from '../../../src-shared/charts/types'
import { ALL, fig, src } from './fixtures'
import { chartOf } from './render'

type Formatter = (p: unknown) => string
const formatterOf = (o: Record<string, unknown>) => (o.tooltip as { formatter: Formatter }).formatter

describe('tooltips', () => {
  it('give value, unit, year, source title and tier; formula for derived figures', () => {
    const f = fig('songjiang', 'x', 2015, 450, 'enterprises', src('derived', 'Yearbook growth rate', '1,033 ÷ 2.296'), { qualifier: 'about' })
    const tip = tipFor(f, 'Songjiang · firms', 'en')
    expect(tip).toContain('2015: about 450 enterprises †')
    expect(tip).toContain('Source: Yearbook growth rate — https://example.org/Yearbook%20growth%20rate (Derived)')
    const bare = tipFor({ ...f, source: { ...f.source, url: null } }, 'x', 'zh-CN')
    expect(bare).toContain('Yearbook growth rate — 未记录网址')
    expect(tip).toContain('Formula: 1,033 ÷ 2.296')
    const zh = tipFor(f, '松江', 'zh-CN')
    expect(zh).toContain('约 450 家')
    // The tier in Chinese brackets: "…（推算）".
    expect(zh).toContain('（推算）')
    // Chinese punctuation in Chinese tooltips: "来源：…", "算式：…", "注：…", not an ASCII colon.
    const noted = tipFor({ ...f, note_zh: '由 2016 年数字推算', note_en: 'From the 2016 figure' }, '松江', 'zh-CN')
    expect(noted).toContain('2015：约 450 家')
    expect(noted).toContain('来源：Yearbook growth rate')
    expect(noted).toContain('算式：1,033 ÷ 2.296')
    expect(noted).toContain('注：由 2016 年数字推算')
    expect(noted).not.toMatch(/[\u4e00-\u9fff]: /)
  })
  it('show the value as its source prints it, with its own unit, as the table does', () => {
    const energy = fig('songjiang', 'energy-saved', 2016, 39200, 't-sce', src('official', 'Yearbook'))
    expect(tipFor(energy, '松江', 'zh-CN')).toContain('2016：39,200 吨标准煤')
    expect(tipFor({ ...energy, value: 55, decimals: 1, unit: 'percent' }, 'x', 'en')).toContain('2016: 55.0%')
    const gdp = fig('songjiang', 'gdp', 2020, 1637.11, 'yuan-100m', src('official', 'Daily'))
    expect(tipFor(gdp, 'x', 'zh-CN')).toContain('2020：1,637.11 亿元')
    expect(tipFor(gdp, 'x', 'en')).toContain('2020: 1,637.11 × 100 million yuan (163.711 billion yuan)')
    expect(tipFor({ ...gdp, value: 300000, valueHigh: 400000, unit: 'people', qualifier: 'about' }, 'x', 'en')).toContain('about 300,000–400,000 people')
  })
  it('note conflicts and escape HTML from dataset text', () => {
    const f = fig('s', 'gdp', 2020, 1637.11, 'yuan-100m', src('official', '<b>Daily</b>'), { conflict: true, note_en: 'other site: 1620' })
    const tip = tipFor(f, 'GDP', 'en')
    expect(tip).toContain('&#60;b&#62;Daily')
    expect(tip).toContain('‡ Sources disagree')
    expect(tip).toContain('Note: other site: 1620')
  })
  it('every chart’s formatter returns the tip of the hovered item, with source and tier', () => {
    const ctx: ChartContext = { lang: 'en', theme: 'dark', breakYear: 2016, decals: false }
    for (const d of Object.values(DASHBOARDS))
      for (const c of d.charts) {
        const r = chartOf(c.build(ALL(), ctx))
        const series = r.option.series as { data: unknown[] }[]
        const item = series.flatMap((s) => s.data).find((x) => x !== null && typeof x === 'object')
        const out = formatterOf(r.option as Record<string, unknown>)({ data: item })
        expect(out, c.id).toMatch(/Source: .+\((Official|Source article|Secondary source|Derived|Derived \(from a secondary source\))\)/)
        expect(out, c.id).not.toContain('undefined')
      }
  })
  it('join several items for axis triggers and ignore items without tips', () => {
    expect(tooltipFormatter([{ data: { tip: 'a' } }, { data: null }, { data: { tip: 'b' } }])).toBe('a<br/><br/>b')
  })
})
