import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DASHBOARDS } from '../../../src-shared/charts'
import { echarts } from '../../../src-shared/charts/echarts'
import { echartsThemeName, tokensFor } from '../../../src-shared/charts/themes'
import type { ChartContext, DataIndex } from '../../../src-shared/charts/types'
import { toColumnar, type DatasetFile } from '../../../src-shared/dataset'
import { THEMES } from '../../../src-shared/settings'
import { ALL, cities, fig, index, src } from './fixtures'
import { chartOf, drawn, fontWidth, overlapPx, textBoxes, useFontMetrics } from './render'

const root = resolve(import.meta.dirname, '../../..')
const bundled = () => index(toColumnar(JSON.parse(readFileSync(resolve(root, 'resources/datasets/nine-cities.json'), 'utf8')) as DatasetFile))
const en: ChartContext = { lang: 'en', theme: 'light', breakYear: 2016, decals: false }
const spec = (id: string) => DASHBOARDS.cities.charts.find((c) => c.id === id)!

type Series = { type: string; name: string; data: ({ value: unknown; label?: { formatter?: string; show?: boolean; distance?: number } } | null)[] }
const series = (id: string, data: DataIndex, ctx = en) => chartOf(spec(id).build(data, ctx)).option.series as Series[]

/** End labels by city name: the year and value each is drawn at. */
function endLabels(data: DataIndex): Record<string, unknown[]> {
  const s = series('cities-gdp', data).find((x) => x.type === 'scatter' && x.name === '')!
  return Object.fromEntries(s.data.map((x) => [x!.label!.formatter!, x!.value as unknown[]]))
}

describe('city GDP lines told apart without the legend', () => {
  // Shapes that read as one at marker size: a square and a rounded square, a circle and a pin's head are not.
  const LOOK_ALIKE = [new Set(['rect', 'roundRect'])]
  const alike = (a: string, b: string) => a === b || LOOK_ALIKE.some((g) => g.has(a) && g.has(b))
  it.each(THEMES)('in the %s theme, no two cities share both a colour and a look-alike marker', (theme) => {
    const lines = series('cities-gdp', bundled(), { ...en, theme }).filter((s) => s.type === 'line') as unknown as { name: string; symbol: string; itemStyle: { color: string } }[]
    expect(lines).toHaveLength(9)
    for (const [i, a] of lines.entries())
      for (const b of lines.slice(i + 1)) if (a.itemStyle.color === b.itemStyle.color) expect(alike(a.symbol, b.symbol), `${a.name} and ${b.name}`).toBe(false)
    // Nine different markers in all.
    expect(new Set(lines.map((l) => l.symbol)).size).toBe(9)
  })
})

describe('city GDP end labels', () => {
  it('name each city at its own last point, not at the last year of the axis', () => {
    const b = endLabels(bundled())
    // Songjiang's series ends in 2021 (est. 1,750); the others run to 2022.
    expect(b.Songjiang).toEqual(['2021', 175])
    expect(b.Suzhou![0]).toBe('2022')
    expect(b.Huzhou![0]).toBe('2022')
    const f = endLabels(ALL())
    expect(f.Songjiang![0]).toBe('2020')
    expect(f.Hefei![0]).toBe('2020')
    expect(f.Suzhou![0]).toBe('2022')
  })
  // The panel's size on a 1920×1080 screen (the city GDP panel spans two of three columns) and on a 1024×768 one (one column), 340 px high; and a chart export's layout size.
  const SIZES = [
    [1220, 340],
    [976, 340],
    [1280, 720],
  ] as const
  it.each(['absolute', 'indexed', 'log'] as const)('each sits within reach of its own last point, none over another (%s scale)', (cityScale) => {
    useFontMetrics()
    for (const lang of ['en', 'zh-CN'] as const)
      for (const theme of THEMES)
        for (const [w, h] of SIZES) {
          const ctx: ChartContext = { ...en, lang, theme, cityScale }
          const option = chartOf(spec('cities-gdp').build(bundled(), ctx)).option as { series: Series[] }
          const k = option.series.findIndex((x) => x.type === 'scatter' && x.name === '')
          const view = drawn(option, theme, w, h)
          // Within three lines of its point (six names end near the foot of the plot: a stack of six moves its ends about three lines); indexed, the nine lines end within a few points of each other, so their names stack nine high and the ends of the stack move four lines and a half.
          const reach = (cityScale === 'indexed' ? 4.5 : 3) * (tokensFor(ctx).small + 4)
          const boxes = option.series[k]!.data.map((item) => {
            const name = item!.label!.formatter!
            const [px, py] = view.pixel(k, item!.value as unknown[])
            // The name's box: the text starting just right of its point (the legend has the same words elsewhere).
            const box = view.texts.filter((t) => t.text === name && t.x0 > px && t.x0 < px + 30).sort((a, b) => Math.abs(a.y0 - py) - Math.abs(b.y0 - py))[0]!
            const where = `${name} ${lang} ${theme} ${cityScale} ${w}×${h}`
            expect(box, where).toBeDefined()
            expect(Math.abs((box.y0 + box.y1) / 2 - py), `${where}: label ${((box.y0 + box.y1) / 2).toFixed(0)} px, point ${py.toFixed(0)} px`).toBeLessThanOrEqual(reach)
            // Above the x axis (its line lies a tick's length above the year labels), never on it.
            const axisLine = Math.min(...view.texts.filter((t) => /^20\d\d$/.test(t.text ?? '')).map((t) => t.y0)) - 6
            expect(box.y1, `${where}: on the x axis`).toBeLessThanOrEqual(axisLine + 2)
            return { ...box, where }
          })
          for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlapPx(boxes[i]!, boxes[j]!), `${boxes[i]!.where} and ${boxes[j]!.text}`).toBeLessThanOrEqual(0.5)
        }
  })

  it('are left out on slides, where the legend names the cities', () => {
    const s = series('cities-gdp', bundled(), { ...en, profile: { small: 20, base: 24, lineWidth: 4, symbolSize: 12, width: 1800 } })
    expect(s.some((x) => x.type === 'scatter' && x.name === '')).toBe(false)
  })
})

/** The value label's box and the other-source marker's box on the province chart, in px. */
function labelAndMarker(data: DataIndex, ctx: ChartContext, label: string) {
  useFontMetrics()
  const option = chartOf(spec('cities-provinces').build(data, ctx)).option
  const chart = echarts.init(null, echartsThemeName(ctx.theme), { renderer: 'svg', ssr: true, width: 580, height: 340 })
  try {
    chart.setOption(option as never)
    const s = option.series as Series[]
    const k = s.findIndex((x) => x.type === 'scatter')
    const [cx, cy] = chart.convertToPixel({ seriesIndex: k }, s[k]!.data[0]!.value as number[]) as number[]
    const half = (tokensFor(ctx).symbolSize + 5) / 2
    const box = textBoxes(chart.renderToSVGString(), fontWidth).find((b) => b.text === label)!
    return { box, marker: { x0: cx! - half, x1: cx! + half, y0: cy! - half, y1: cy! + half } }
  } finally {
    chart.dispose()
  }
}

const apart = (a: { x0: number; x1: number; y0: number; y1: number }, b: typeof a) => a.x1 <= b.x0 || b.x1 <= a.x0 || a.y1 <= b.y0 || b.y1 <= a.y0

describe('province chart: the other-source marker never covers a value label', () => {
  it.each(THEMES)('marker within the bar (1,620 against 1,637.11), %s', (theme) => {
    const { box, marker } = labelAndMarker(bundled(), { ...en, theme }, '163.711‡')
    expect(box).toBeDefined()
    expect(apart(box, marker)).toBe(true)
    expect(box.x0).toBeGreaterThanOrEqual(marker.x1)
  })
  it.each(THEMES)('marker beyond the bar carries the label to its right, %s', (theme) => {
    // The official figure is the smaller one here, so the other source's marker lies past the bar's end.
    const d = cities()
    const swapped = toColumnar({
      id: 'nine-cities',
      title: { 'zh-CN': '九城', en: 'Nine' },
      unit: 'yuan-100m',
      notes: null,
      entities: d.meta.entities,
      groups: d.meta.groups,
      indicators: {},
      figures: [
        fig('songjiang', 'gdp', 2020, 1500, 'yuan-100m', src('official', 'Bulletin'), { conflict: true }),
        fig('songjiang', 'gdp', 2020, 1900, 'yuan-100m', src('secondary', 'Mirror'), { conflict: true }),
        fig('suzhou', 'gdp', 2020, 20170.5, 'yuan-100m', src('secondary', 'Mirror')),
      ],
    } as DatasetFile)
    const data = index(swapped)
    const bars = series('cities-provinces', data, { ...en, theme }).filter((x) => x.type === 'bar')
    const songjiangBar = bars.flatMap((b) => b.data).find((x) => x && x.value === 150)!
    expect(songjiangBar.label!.show).toBe(false)
    const { box, marker } = labelAndMarker(data, { ...en, theme }, '150‡')
    expect(apart(box, marker)).toBe(true)
    expect(box.x0).toBeGreaterThanOrEqual(marker.x1)
  })
})
