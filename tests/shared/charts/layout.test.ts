import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DASHBOARDS } from '../../../src-shared/charts'
import { legendLines, NARROWEST, textWidth } from '../../../src-shared/charts/layout'
import { shortEventLabel, staggerRows } from '../../../src-shared/charts/timeline'
import type { ChartContext } from '../../../src-shared/charts/types'
import { toColumnar, type DatasetFile } from '../../../src-shared/dataset'
import { LANGS, THEMES } from '../../../src-shared/settings'
import { ALL, economy, index } from './fixtures'
import { echarts } from '../../../src-shared/charts/echarts'
import { echartsThemeName } from '../../../src-shared/charts/themes'
import { chartOf, fontWidth, overlaps, renderSvg, textBoxes, useFontMetrics } from './render'

useFontMetrics()

const charts = Object.values(DASHBOARDS).flatMap((d) => d.charts)
const dir = resolve(import.meta.dirname, '../../../resources/datasets')
const load = (id: string) => toColumnar(JSON.parse(readFileSync(resolve(dir, `${id}.json`), 'utf8')) as DatasetFile)
/** The test fixtures and the bundled datasets as shipped (more events, more cities, longer names). */
const DATA = { fixtures: ALL(), bundled: index(load('rectification'), load('songjiang-economy'), load('nine-cities')) }
const contexts: ChartContext[] = THEMES.flatMap((theme) => LANGS.map((lang) => ({ lang, theme, breakYear: 2016, decals: false })))
const name = (c: ChartContext) => `${c.theme} · ${c.lang}`
/** Chart areas the app draws: a third of 1920 px, one panel a row at 1024 px; and the export size. */
const SIZES: [number, number][] = [
  [580, 340],
  [610, 340],
  [975, 340],
  [1280, 720],
]

describe('legends', () => {
  it('are plain (they wrap), never paged', () => {
    for (const ctx of contexts)
      for (const spec of charts) {
        const o = chartOf(spec.build(ALL(), ctx)).option as { legend?: { type?: string } }
        if (o.legend) expect(o.legend.type, `${spec.id} ${name(ctx)}`).not.toBe('scroll')
      }
  })
  it('leave the plot room for every line they take at the narrowest panel', () => {
    for (const ctx of contexts)
      for (const spec of charts) {
        const o = chartOf(spec.build(ALL(), ctx)).option as { legend?: { show?: boolean }; grid: { top: number }; series: { name: string }[] }
        if (!o.legend || o.legend.show === false) continue
        const lines = legendLines(o.series.map((s) => s.name), ctx.theme === 'projector' ? 14 : 12)
        expect(o.grid.top, `${spec.id} ${name(ctx)}`).toBeGreaterThanOrEqual(lines * 16)
      }
  })
  it('give wider charts the room back through media queries', () => {
    const ctx: ChartContext = { lang: 'en', theme: 'light', breakYear: 2016, decals: false }
    const o = chartOf(DASHBOARDS.cities.charts.find((c) => c.id === 'cities-gdp')!.build(DATA.bundled, ctx)).option as { grid: { top: number }; media: { query: { minWidth: number }; option: { grid: { top: number } } }[] }
    const wide = o.media[o.media.length - 1]!
    expect(wide.option.grid.top).toBeLessThan(o.grid.top)
    // The nine cities' legend (and the other-source key): two lines in a third of 1920 px, one across a wide export.
    const svg = (w: number) => textBoxes(renderSvg(o, 'light', w, 340), fontWidth).filter((b) => /^(Songjiang|Xuancheng)\*$/.test(b.text) && b.y0 < 40)
    expect(new Set(svg(580).map((b) => Math.round(b.y0))).size).toBe(2)
    expect(new Set(svg(wide.query.minWidth).map((b) => Math.round(b.y0))).size).toBe(1)
  })
  it('are planned with the real font widths', () => {
    for (const t of ['Land reduced (approved)', 'Xuancheng*', 'Before 2011–2015 †', '房地产税收占比', 'R&D, % of GDP'])
      for (const size of [12, 14]) expect(Math.abs(textWidth(t, size) - fontWidth(t, size)), `${t} ${size}`).toBeLessThanOrEqual(2)
  })
  it('wrap long lists onto more lines', () => {
    expect(legendLines(['GDP'], 12)).toBe(1)
    expect(legendLines(Array.from({ length: 9 }, () => 'Xuancheng*'), 12, NARROWEST)).toBe(2)
    expect(legendLines(Array.from({ length: 9 }, () => 'Xuancheng*'), 14, 300)).toBeGreaterThan(2)
  })
})

describe('event labels', () => {
  const ctx: ChartContext = { lang: 'en', theme: 'light', breakYear: 2016, decals: false }
  it('are short and distinct, the full wording in the tooltip', () => {
    for (const c of [ctx, { ...ctx, lang: 'zh-CN' as const }]) {
      const o = chartOf(DASHBOARDS.industry.charts.find((s) => s.id === 'industry-gdp')!.build(DATA.bundled, c)).option as { series: { markLine?: { data: { name: string; tip: string }[] } }[] }
      const data = o.series[0]!.markLine!.data
      expect(new Set(data.map((e) => e.name)).size).toBe(data.length)
      for (const e of data) expect([...e.name].length).toBeLessThanOrEqual(c.lang === 'en' ? 18 : 12)
      expect(data[0]!.tip).toContain(c.lang === 'en' ? 'G60 1.0 launched in Songjiang' : 'G60科创走廊1.0版在松江启动')
      expect(data.length).toBeGreaterThanOrEqual(5)
    }
  })
  it('shorten editions, plans and the five-year plan', () => {
    const e = (en: string, zh: string) => ({ date: '2020', label: { en, 'zh-CN': zh }, source: economy().meta.events![0]!.source, note_zh: null, note_en: null })
    expect(shortEventLabel(e('G60 3.0: first joint meeting', '3.0版'), 'en')).toBe('3.0')
    expect(shortEventLabel(e('Named in the national 14th Five-Year Plan outline', '写入国家“十四五”规划纲要'), 'en')).toBe('14th FYP')
    expect(shortEventLabel(e('Named in the national 14th Five-Year Plan outline', '写入国家“十四五”规划纲要'), 'zh-CN')).toBe('十四五')
    expect(shortEventLabel(e('Construction plan issued by six ministries (per bjnews)', '六部门印发建设方案'), 'zh-CN')).toBe('方案')
    expect([...shortEventLabel(e('Something else entirely happened', '另一件完全不同的事情'), 'zh-CN')].length).toBeLessThanOrEqual(6)
  })
  it('go onto a second line only when they would touch', () => {
    expect(staggerRows([0, 100, 200], [40, 40, 40])).toEqual([0, 0, 0])
    expect(staggerRows([0, 30, 60, 200], [40, 40, 40, 40])).toEqual([0, 1, 0, 0])
  })
})

describe('rendered text stays inside the chart and apart', () => {
  for (const [set, data] of Object.entries(DATA))
    for (const ctx of contexts)
      it(`${set} · ${name(ctx)}`, () => {
        const problems: string[] = []
        for (const spec of charts) {
          const r = chartOf(spec.build(data, ctx))
          for (const [w, h] of SIZES) {
            const boxes = textBoxes(renderSvg(r.option, ctx.theme, w, h), fontWidth)
            for (const b of boxes) if (b.x0 < -1 || b.y0 < -1 || b.x1 > w + 1 || b.y1 > h + 1) problems.push(`${spec.id} ${w}: "${b.text}" outside (${b.x0.toFixed(0)},${b.y0.toFixed(0)})–(${b.x1.toFixed(0)},${b.y1.toFixed(0)})`)
            for (const [p, q] of overlaps(boxes)) problems.push(`${spec.id} ${w}: "${p.text}" overlaps "${q.text}"`)
          }
        }
        expect(problems).toEqual([])
      })
})

describe('a long entity name (80 characters) never crushes a plot', () => {
  const LONG = {
    en: 'The Songjiang District Urban Renewal and Science Park Development Zone, Phase II',
    'zh-CN': '松江区城市更新与科技园区开发建设示范区第二期工程综合管理委员会所辖全部街道镇及工业园区和经济开发区以及相关产业基地和科创走廊核心区范围内各村居委会合计统计口径范',
  }
  /** The fixtures with Songjiang (in the cities and in the rectification data) and Jiuting renamed to 80 characters. */
  function longNamed() {
    const rename = (d: ReturnType<typeof load>, ids: string[]) => {
      const c = structuredClone(d)
      for (const id of ids) c.meta.entities[id] = { ...c.meta.entities[id]!, name: { ...LONG } }
      return c
    }
    const all = ALL()
    return index(rename(all.get('rectification')!, ['jiuting', 'songjiang']), rename(all.get('songjiang-economy')!, ['songjiang']), rename(all.get('nine-cities')!, ['songjiang']))
  }
  /** A chart drawn at a size: its texts, their widths, and its first plot's rectangle. */
  function plot(option: object, width: number, height: number) {
    const chart = echarts.init(null, echartsThemeName('light'), { renderer: 'svg', ssr: true, width, height })
    try {
      chart.setOption(option as never)
      const boxes = textBoxes(chart.renderToSVGString(), fontWidth)
      const grid = (chart as unknown as { getModel(): { getComponent(t: string, i?: number): { coordinateSystem?: { getRect(): { width: number; height: number } } } | undefined } }).getModel().getComponent('grid', 0)
      return { texts: boxes.map((b) => b.text), widths: boxes.map((b) => b.x1 - b.x0), rect: grid?.coordinateSystem?.getRect() }
    } finally {
      chart.dispose()
    }
  }
  it('is 80 characters in both languages', () => {
    expect([...LONG.en]).toHaveLength(80)
    expect([...LONG['zh-CN']]).toHaveLength(80)
  })
  for (const lang of LANGS)
    it(`is cut with "…" in axes, legends and labels, the plot keeps its room, and the table keeps the full name (${lang})`, () => {
      const ctx: ChartContext = { lang, theme: 'light', breakYear: 2016, decals: false }
      const data = longNamed()
      let named = 0
      for (const spec of charts) {
        const r = chartOf(spec.build(data, ctx))
        const inTable = r.table.some((row) => row.entity === LONG[lang] || row.indicator.includes(LONG[lang]))
        if (!inTable) continue
        named++
        const [width, height] = [580, 340]
        const normal = plot(chartOf(spec.build(ALL(), ctx)).option, width, height)
        const long = plot(r.option, width, height)
        // Never drawn whole, and no drawn text wider than the chart.
        expect(long.texts.join('\n'), spec.id).not.toContain(LONG[lang])
        for (const w of long.widths) expect(w, spec.id).toBeLessThanOrEqual(width)
        // The plot keeps at least 80% of the room it has with the usual names.
        if (normal.rect && long.rect) {
          expect(long.rect.width, `${spec.id} plot width`).toBeGreaterThanOrEqual(normal.rect.width * 0.8)
          expect(long.rect.height, `${spec.id} plot height`).toBeGreaterThanOrEqual(normal.rect.height * 0.8)
        }
      }
      // The name reaches the rectification, industry and city charts.
      expect(named).toBeGreaterThanOrEqual(8)
    })
})
