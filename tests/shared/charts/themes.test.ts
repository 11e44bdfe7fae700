import { describe, expect, it } from 'vitest'
import { DASHBOARDS } from '../../../src-shared/charts'
import { ECHARTS_THEMES, echartsThemeName, FONT_FAMILY, TOKENS } from '../../../src-shared/charts/themes'
import type { ChartContext } from '../../../src-shared/charts/types'
import { THEMES, LANGS } from '../../../src-shared/settings'
import { ALL } from './fixtures'
import { seriesChart } from '../../../src-shared/charts/timeseries'
import { chartOf, fontSizes, renderSvg } from './render'

/** Every `fontSize` in a nested object. */
function fontSizesIn(o: unknown, out: number[] = []): number[] {
  if (Array.isArray(o)) o.forEach((x) => fontSizesIn(x, out))
  else if (o && typeof o === 'object')
    for (const [k, v] of Object.entries(o)) {
      if (k === 'fontSize') out.push(v as number)
      else fontSizesIn(v, out)
    }
  return out
}

function luminance(hex: string): number {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
  return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!
}
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p)
  return (x! + 0.05) / (y! + 0.05)
}

/** A translucent `rgba(…)` fill over an opaque `#rrggbb` background, as one opaque `#rrggbb` (alpha compositing). */
function over(fill: string, background: string): string {
  const [r, g, b, a] = /rgba\(([^)]*)\)/.exec(fill)![1]!.split(',').map(Number) as [number, number, number, number]
  const bg = [1, 3, 5].map((i) => parseInt(background.slice(i, i + 2), 16))
  return `#${[r, g, b].map((v, i) => Math.round(v * a + bg[i]! * (1 - a)).toString(16).padStart(2, '0')).join('')}`
}

type Marked = { type?: string; lineStyle?: { type?: string; color?: string }; itemStyle?: { borderColor?: string }; markArea?: unknown; data?: ({ itemStyle?: { borderType?: string; borderColor?: string } } | null)[] }
/** The outline colours of marked (dashed or hollow) bars, points and dashed lines in series drawn over period shading. */
function markedStrokes(series: Marked[]): string[] {
  if (!series.some((s) => s.markArea)) return []
  return series.flatMap((s) => [
    ...(s.lineStyle?.type === 'dashed' && s.lineStyle.color ? [s.lineStyle.color] : []),
    ...(s.type === 'scatter' && s.itemStyle?.borderColor ? [s.itemStyle.borderColor] : []),
    ...(s.data ?? []).flatMap((x) => (x && typeof x === 'object' && x.itemStyle?.borderColor ? [x.itemStyle.borderColor] : [])),
  ])
}

describe('themes', () => {
  it('are registered under g60-light, g60-dark, g60-projector', () => {
    expect(THEMES.map(echartsThemeName)).toEqual(['g60-light', 'g60-dark', 'g60-projector'])
  })
  it('use Noto Sans SC everywhere', () => {
    for (const t of THEMES) expect(JSON.stringify(ECHARTS_THEMES[t])).toContain('Noto Sans SC')
    expect(FONT_FAMILY).toMatch(/^'Noto Sans SC', sans-serif$/)
  })
  it('text colours meet WCAG AA (4.5:1) on the theme background', () => {
    for (const t of THEMES) {
      const k = TOKENS[t]
      expect(contrast(k.text, k.background), t).toBeGreaterThanOrEqual(4.5)
      expect(contrast(k.muted, k.background), t).toBeGreaterThanOrEqual(4.5)
    }
    expect(contrast(TOKENS.projector.text, TOKENS.projector.background)).toBeGreaterThanOrEqual(20)
  })
  it('palette colours used for lines and bars have at least 3:1 contrast in the projector theme, and the first series in every theme', () => {
    for (const c of TOKENS.projector.palette.slice(0, 3)) expect(contrast(c, TOKENS.projector.background), c).toBeGreaterThanOrEqual(3)
    for (const t of THEMES) expect(contrast(TOKENS[t].palette[0]!, TOKENS[t].background), t).toBeGreaterThanOrEqual(3)
  })
  it('projector: every font size in the theme is at least 14, lines are thicker', () => {
    const sizes = fontSizesIn(ECHARTS_THEMES.projector)
    expect(sizes.length).toBeGreaterThan(10)
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(14)
    expect(TOKENS.projector.lineWidth).toBeGreaterThan(TOKENS.light.lineWidth)
  })
  it('projector: no text in any rendered chart is smaller than 14 px (1024×768 panel size)', () => {
    for (const lang of LANGS) {
      const ctx: ChartContext = { lang, theme: 'projector', breakYear: 2016, decals: false }
      for (const d of Object.values(DASHBOARDS))
        for (const c of d.charts) {
          const r = chartOf(c.build(ALL(), ctx))
          const svg = renderSvg(r.option, 'projector', 480, 300)
          const sizes = fontSizes(svg)
          expect(sizes.length, c.id).toBeGreaterThan(0)
          expect(Math.min(...sizes), `${c.id} ${lang}`).toBeGreaterThanOrEqual(14)
          expect(Math.min(...fontSizesIn(r.option)), c.id).toBeGreaterThanOrEqual(14)
        }
    }
  })
  it('light: small text is still readable (12 px), so the projector check above can fail', () => {
    const r = chartOf(DASHBOARDS.industry.charts[0]!.build(ALL(), { lang: 'en', theme: 'light', breakYear: 2016, decals: false }))
    expect(Math.min(...fontSizes(renderSvg(r.option, 'light')))).toBe(12)
  })
  it('decals follow ctx.decals through the aria option', () => {
    const on = chartOf(DASHBOARDS.rectification.charts[0]!.build(ALL(), { lang: 'en', theme: 'light', breakYear: 2016, decals: true }))
    expect(on.option.aria).toMatchObject({ enabled: true, decal: { show: true } })
    const off = chartOf(DASHBOARDS.rectification.charts[0]!.build(ALL(), { lang: 'en', theme: 'light', breakYear: 2016, decals: false }))
    expect(off.option.aria).toMatchObject({ enabled: true, decal: { show: false } })
    expect(renderSvg(on.option, 'light')).toMatch(/<pattern/)
  })
  it('charts keep labels inside the grid and carry no title of their own', () => {
    for (const d of Object.values(DASHBOARDS))
      for (const c of d.charts) {
        const o = chartOf(c.build(ALL(), { lang: 'en', theme: 'light', breakYear: 2016, decals: false })).option as Record<string, unknown>
        expect(o.title, c.id).toBeUndefined()
        for (const g of [o.grid ?? []].flat()) expect((g as { containLabel: boolean }).containLabel, c.id).toBe(true)
      }
  })
})

describe('marked bars and lines over the period shading', () => {
  it.each(THEMES)('keep at least 3:1 (WCAG non-text) against both period fills, %s', (theme) => {
    const t = TOKENS[theme]
    const ctx: ChartContext = { lang: 'en', theme, breakYear: 2016, decals: false }
    // Every dashboard chart with periods, and a bar chart over the periods with secondary, derived and conflicting figures.
    const options = Object.values(DASHBOARDS).flatMap((d) => d.charts.map((c) => c.build(ALL(), ctx))).filter((r) => r.kind === 'chart').map((r) => chartOf(r).option)
    const bars = chartOf(seriesChart(ALL(), ctx, { dataset: 'songjiang-economy', entity: 'songjiang', lines: [], bars: ['gdp', 'high-tech-enterprises'], firstYear: 2011, lastYear: 2022, periods: true, conflicts: true, aria: 'bars' })).option
    const strokes = [...new Set([...options, bars].flatMap((o) => markedStrokes(o.series as Marked[])))]
    // The bar chart draws dashed bars (secondary 2016, estimate 2021), a derived one (2015) and a conflict marker.
    expect(strokes).toEqual(expect.arrayContaining([t.palette[0], t.palette[1]]))
    for (const period of t.periods) {
      const shade = over(period, t.background)
      for (const c of strokes) expect(contrast(c, shade), `${c} on ${period}`).toBeGreaterThanOrEqual(3)
    }
  })
  it('the check can fail: a light palette colour on the light shading is under 3:1', () => {
    expect(contrast(TOKENS.light.palette[4]!, over(TOKENS.light.periods[1], TOKENS.light.background))).toBeLessThan(3)
  })
})
