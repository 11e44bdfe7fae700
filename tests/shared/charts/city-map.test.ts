import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { commonYear, mapChart, mapIndicators } from '../../../src-shared/charts/city-map'
import { echarts } from '../../../src-shared/charts/echarts'
import { corridorBounds, corridorGeoJson, CORRIDOR_FRAME, regionBounds } from '../../../src-shared/charts/map'
import { echartsThemeName } from '../../../src-shared/charts/themes'
import type { ChartContext } from '../../../src-shared/charts/types'
import { toColumnar, type DatasetFile } from '../../../src-shared/dataset'
import { formatPrintedWithUnit } from '../../../src-shared/format'
import { figures } from '../../../src-shared/query'
import { LANGS, THEMES } from '../../../src-shared/settings'
import { ALL, index } from './fixtures'
import { chartOf, fontWidth, overlaps, renderSvg, svgText, textBoxes, useFontMetrics } from './render'

const root = resolve(import.meta.dirname, '../../..')
const bundled = () => index(toColumnar(JSON.parse(readFileSync(resolve(root, 'resources/datasets/nine-cities.json'), 'utf8')) as DatasetFile))
const en: ChartContext = { lang: 'en', theme: 'light', breakYear: 2016, decals: false }
const zh: ChartContext = { ...en, lang: 'zh-CN' }

interface MapOption {
  geo: { regions: { name: string; label: { show: boolean; formatter: string } }[]; tooltip: { formatter: (p: { name: string }) => string } }
  visualMap: { min: number; max: number; text: string[] }
  series: { type: string; label?: { show?: boolean }; data: { name: string; value: number; tip: string }[] }[]
}
const option = (ctx: ChartContext, data = bundled()) => chartOf(mapChart(data, ctx)).option as unknown as MapOption
const item = (o: MapOption, region: string) => o.series[0]!.data.find((x) => x.name === region)!

describe('corridor map shows data', () => {
  it('offers the figures most cities report in one year, never percentages', () => {
    const d = bundled().get('nine-cities')
    expect(mapIndicators(d)).toEqual(['gdp', 'population', 'budget-revenue'])
    expect(commonYear(d!, 'gdp')).toEqual({ year: 2020, count: 9 })
    expect(commonYear(d!, 'population')).toEqual({ year: 2022, count: 5 })
  })

  it('shades each city by its GDP in the common year (2020), with the year and unit in the legend', () => {
    const o = option(en)
    expect(o.series[0]!.type).toBe('map')
    // Figures as the data gives them, in the axis unit (billion yuan = 亿元 ÷ 10).
    expect(item(o, '松江区').value).toBeCloseTo(163.711, 6)
    expect(item(o, '苏州市').value).toBeCloseTo(2017.05, 6)
    expect(item(o, '湖州市').value).toBeCloseTo(320.14, 6)
    expect(o.series[0]!.data).toHaveLength(9)
    expect(o.visualMap.min).toBe(0)
    expect(o.visualMap.max).toBeGreaterThanOrEqual(2017.05)
    const text = svgText(renderSvg(o, 'light', 600, 340))
    expect(text).toContain('GDP')
    expect(text).toContain('billion yuan, 2020')
    expect(text).toContain('no data')
    const tz = svgText(renderSvg(option(zh), 'light', 600, 340))
    expect(tz).toContain('亿元，2020 年')
    expect(tz).toContain('无数据')
  })

  it('draws a city without a figure as "no data", never as zero', () => {
    const o = option({ ...en, mapIndicator: 'population' })
    // Songjiang, Wuhu, Xuancheng and Huzhou report no population for 2022 in the bundled data.
    for (const r of ['松江区', '芜湖市', '宣城市', '湖州市']) {
      expect(item(o, r).value, r).toBeNaN()
      expect(item(o, r).tip, r).toContain('Resident population, 2022: no data')
    }
    expect(item(o, '苏州市').value).toBeCloseTo(12.911, 6)
    expect(svgText(renderSvg(o, 'light', 600, 340))).toContain('million people, 2022')
  })

  it('tooltips give value, unit, year, source and tier; a conflict shows the other source too', () => {
    const d = bundled().get('nine-cities')!
    const [chosen, other] = figures(d, { entity: 'songjiang', indicator: 'gdp', year: 2020 }).sort((a, b) => b.value! - a.value!)
    const tip = item(option(en), '松江区').tip
    // The value as its source prints it, with its unit and year as every tooltip prints it, the source with its tier.
    expect(tip).toContain(`2020: ${formatPrintedWithUnit(chosen!, 'en')}`)
    expect(tip).toContain('Shanghai Daily')
    expect(tip).toContain('(Official)')
    expect(tip).toContain(`2020: ${formatPrintedWithUnit(other!, 'en')}`)
    expect(tip).toContain('cooxue.com')
    expect(tip).toContain('(Secondary source)')
    expect(tip).toContain('other source ‡')
    const hefei = item(option(zh), '合肥市').tip
    // Chinese takes full-width brackets around Chinese words.
    expect(hefei).toContain('合肥市（安徽省）')
    expect(hefei).not.toMatch(/[(:]/)
    const songjiang = item(option(zh), '松江区').tip
    expect(songjiang).toContain('松江区（上海市） · 地区生产总值（另一来源 ‡）')
    expect(hefei).toContain('2020：')
  })

  it('answers on the other regions with their name and province', () => {
    const o = option(en)
    const tip = o.geo.tooltip.formatter({ name: '宁波市' })
    expect(tip).toContain('宁波市')
    expect(tip).toContain('Zhejiang')
    expect(tip).toContain('not one of the nine G60 cities')
    const ningbo = option(zh).geo.tooltip.formatter({ name: '宁波市' })
    expect(ningbo).toContain('不属于 G60 九城市')
    expect(ningbo).toContain('宁波市</b>（浙江省）')
    // Hovering a city's region (the geo component answers) gives the city's figures, not "not one of the nine".
    expect(o.geo.tooltip.formatter({ name: '合肥市' })).toBe(item(o, '合肥市').tip)
    expect(o.geo.tooltip.formatter({ name: '合肥市' })).not.toContain('not one of the nine')
  })

  it('names the provinces and the cities on their regions, and puts no label on any marker', () => {
    for (const [ctx, names] of [[en, ['Shanghai', 'Jiangsu', 'Zhejiang', 'Anhui', 'Suzhou*', 'Huzhou', 'Songjiang‡']], [zh, ['上海', '江苏', '浙江', '安徽', '苏州市*', '湖州市']]] as const) {
      const o = option(ctx)
      const text = svgText(renderSvg(o, 'light', 600, 340))
      for (const n of names) expect(text, n).toContain(n)
      // No marker series: the only series is the shaded map, and it carries no labels of its own.
      expect(o.series.map((s) => s.type)).toEqual(['map'])
      expect(o.series[0]!.label?.show ?? false).toBe(false)
    }
  })

  it('draws only whole regions: every outline lies inside the frame and the drawn bounds', () => {
    const features = corridorGeoJson().features
    expect(features.length).toBeGreaterThan(30)
    const [[w, n], [e, s]] = corridorBounds()
    for (const f of features) {
      const [[x0, y0], [x1, y1]] = regionBounds(f)
      expect(x0, f.properties.name).toBeGreaterThanOrEqual(Math.max(w, CORRIDOR_FRAME[0][0]))
      expect(x1, f.properties.name).toBeLessThanOrEqual(Math.min(e, CORRIDOR_FRAME[1][0]))
      expect(y0, f.properties.name).toBeGreaterThanOrEqual(Math.max(s, CORRIDOR_FRAME[0][1]))
      expect(y1, f.properties.name).toBeLessThanOrEqual(Math.min(n, CORRIDOR_FRAME[1][1]))
    }
  })

  it('fits the whole map inside the chart at every panel size, beside its legend, with no text overlapping', () => {
    useFontMetrics()
    // A third of 1920 px, half of 1920 px, the one-column panel at 1024 px, a 1920×1080 export.
    const sizes = [[570, 340], [900, 340], [940, 340], [1920, 1080]] as const
    for (const theme of THEMES)
      for (const lang of LANGS)
        for (const [width, height] of sizes) {
          const o = option({ ...en, theme, lang })
          const chart = echarts.init(null, echartsThemeName(theme), { renderer: 'svg', ssr: true, width, height })
          try {
            chart.setOption(o as never)
            const geo = (chart as unknown as { getModel(): { getComponent(t: string): { coordinateSystem: { getViewRect?(): { x: number; y: number; width: number; height: number }; getBoundingRect(): unknown } } } }).getModel().getComponent('geo').coordinateSystem
            const r = geo.getViewRect!()
            const where = `${theme} ${lang} ${width}×${height}`
            expect(r.x, where).toBeGreaterThanOrEqual(0)
            expect(r.y, where).toBeGreaterThanOrEqual(0)
            expect(r.x + r.width, where).toBeLessThanOrEqual(width)
            expect(r.y + r.height, where).toBeLessThanOrEqual(height)
            const boxes = textBoxes(chart.renderToSVGString(), fontWidth)
            expect(overlaps(boxes), where).toEqual([])
            for (const b of boxes) expect([b.x0 >= -1, b.y0 >= -1, b.x1 <= width + 1, b.y1 <= height + 1], `${where}: ${b.text}`).toEqual([true, true, true, true])
          } finally {
            chart.dispose()
          }
        }
  })

  it('works with a dataset of four cities: the others are not drawn as cities', () => {
    const o = option(en, ALL())
    expect(o.series[0]!.data.map((x) => x.name).sort()).toEqual(['合肥市', '湖州市', '苏州市', '松江区'].sort())
  })
})
