/**
 * A conflict marker never hides a point or a value label, on any chart: each
 * other-source triangle, as ECharts lays it out, is clear of every point and
 * every text but its own label, and its label is clear of every point and text;
 * where the chosen figure and the other source's share a year, both values read.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DASHBOARDS } from '../../../src-shared/charts'
import { conflictGoesLeft, chosenLabelPosition } from '../../../src-shared/charts/conflicts'
import type { ChartContext, DataIndex } from '../../../src-shared/charts/types'
import { toColumnar, type DatasetFile } from '../../../src-shared/dataset'
import { LANGS, type Theme } from '../../../src-shared/settings'
import { fig, index, MIRROR, src, YEARBOOK } from './fixtures'
import { chartOf, drawn, overlapPx, svgText, renderSvg, useFontMetrics } from './render'

useFontMetrics()
const root = resolve(import.meta.dirname, '../../..')
const read = (id: string) => toColumnar(JSON.parse(readFileSync(resolve(root, `resources/datasets/${id}.json`), 'utf8')) as DatasetFile)
const BUNDLED = index(read('songjiang-economy'), read('nine-cities'), read('rectification'))

/** Conflicts where they are hardest to place: the other figure higher than the chosen one, at the first and the last year, and equal to it. */
function hardConflicts(): DataIndex {
  const L = (zh: string, en: string) => ({ 'zh-CN': zh, en })
  const y = (year: number, v: number, s = YEARBOOK, conflict = false) => fig('songjiang', 'gdp', year, v, 'yuan-100m', s, { conflict })
  const other = src('secondary', 'Other site')
  return index(
    toColumnar({
      id: 'songjiang-economy',
      title: L('经济', 'Economy'),
      unit: 'yuan-100m',
      notes: null,
      entities: { songjiang: { name: L('松江区', 'Songjiang') } },
      indicators: { gdp: { name: L('地区生产总值', 'GDP'), unit: 'yuan-100m' } },
      figures: [y(2011, 800, YEARBOOK, true), y(2011, 815, other, true), y(2013, 917.49), y(2015, 995.36, YEARBOOK, true), y(2015, 1010, other, true), y(2016, 1040.45, MIRROR), y(2020, 1637.11, YEARBOOK, true), y(2020, 1637.11, other, true), y(2022, 1900, YEARBOOK, true), y(2022, 1890, other, true)],
    }),
  )
}

type Label = { show?: boolean; formatter?: string }
type Series = { type: string; symbol?: string; label?: Label; data: { value: [string, number]; symbolOffset?: [number, number]; label?: Label }[] }

/** Every conflict triangle of every chart, as drawn at `width` × `height`, with what it must stay clear of. */
function check(data: DataIndex, ctx: ChartContext, width: number, height: number): number {
  let seen = 0
  for (const spec of Object.values(DASHBOARDS).flatMap((d) => d.charts)) {
    const r = spec.build(data, ctx)
    if (r.kind !== 'chart') continue
    const option = r.option as { series: Series[] }
    const conflicts = option.series.map((s, i) => ({ s, i })).filter(({ s }) => s.type === 'scatter' && s.symbol === 'triangle')
    if (conflicts.length === 0) continue
    const view = drawn(option, ctx.theme, width, height)
    for (const { s, i } of conflicts)
      for (const item of s.data) {
        const [px, py] = view.pixel(i, item.value)
        const [dx, dy] = item.symbolOffset ?? [0, 0]
        const centre = (b: { x0: number; x1: number; y0: number; y1: number }) => Math.hypot((b.x0 + b.x1) / 2 - px - dx, (b.y0 + b.y1) / 2 - py - dy)
        const triangle = [...view.symbols].sort((a, b) => centre(a) - centre(b))[0]!
        const where = `${spec.id} ${ctx.lang} ${ctx.theme} ${width}×${height}: ${item.value.join(' ')}`
        expect(centre(triangle), `${where}: triangle drawn`).toBeLessThan(3)
        // Its own label, if it has one (a marker may carry its row's value label instead, as on the province bars).
        const own = { ...s.label, ...item.label }
        const label = own.show !== false && own.formatter ? view.texts.filter((t) => t.text === own.formatter).sort((a, b) => centre(a) - centre(b))[0] : undefined
        if (own.show !== false && own.formatter) expect(label, `${where}: its label "${own.formatter}"`).toBeDefined()
        for (const p of view.symbols.filter((b) => b !== triangle)) {
          expect(overlapPx(triangle, p), `${where}: triangle on a point`).toBeLessThanOrEqual(0.5)
          if (label) expect(overlapPx(label, p), `${where}: its label on a point`).toBeLessThanOrEqual(0.5)
        }
        for (const t of view.texts.filter((b) => b !== label)) {
          expect(overlapPx(triangle, t), `${where}: triangle on "${t.text}"`).toBeLessThanOrEqual(0.5)
          if (label) expect(overlapPx(label, t), `${where}: its label on "${t.text}"`).toBeLessThanOrEqual(0.5)
        }
        seen++
      }
  }
  return seen
}

const SIZES = [
  [800, 450],
  [560, 340],
] as const

describe('a conflict marker never hides a point or a value label', () => {
  it.each(LANGS)('on every chart of the bundled data (%s), light and projector, at panel and export sizes', (lang) => {
    let seen = 0
    for (const theme of ['light', 'projector'] as Theme[]) for (const [w, h] of SIZES) seen += check(BUNDLED, { lang, theme, breakYear: 2016, decals: false }, w, h)
    // Songjiang 2020 on the industry GDP chart and on the city GDP chart.
    expect(seen).toBeGreaterThanOrEqual(2 * 2 * SIZES.length)
  })

  it.each(LANGS)('where the other figure is higher, equal, and at the first and last year (%s)', (lang) => {
    const seen = check(hardConflicts(), { lang, theme: 'light', breakYear: 2016, decals: false }, 800, 450)
    expect(seen).toBe(4)
  })

  it('labels both values of the industry GDP chart\'s 2020: 1,637.11 official and 1,620 secondary', () => {
    const option = chartOf(DASHBOARDS.industry.charts.find((c) => c.id === 'industry-gdp')!.build(BUNDLED, { lang: 'zh-CN', theme: 'light', breakYear: 2016, decals: false })).option
    const text = svgText(renderSvg(option, 'light', 800, 450))
    expect(text).toContain('1,637.11‡')
    expect(text).toContain('1,620*‡')
    const en = chartOf(DASHBOARDS.industry.charts.find((c) => c.id === 'industry-gdp')!.build(BUNDLED, { lang: 'en', theme: 'light', breakYear: 2016, decals: false })).option
    const words = svgText(renderSvg(en, 'light', 800, 450))
    expect(words).toContain('163.711‡')
    expect(words).toContain('162*‡')
  })
})

describe('placing a conflict marker', () => {
  it('goes left at the last year, or where the line leaves the point only rightwards; else right', () => {
    expect(conflictGoesLeft([1, 2, 3], 2)).toBe(true)
    expect(conflictGoesLeft([1, null, 3, 4], 2)).toBe(true)
    expect(conflictGoesLeft([3, 4], 0)).toBe(true)
    expect(conflictGoesLeft([1, 2, 3], 1)).toBe(false)
    expect(conflictGoesLeft([1, 2, null], 1)).toBe(false)
  })

  it('puts the chosen value\'s label below its point when the other figure is higher', () => {
    expect(chosenLabelPosition(100, [90])).toBe('top')
    expect(chosenLabelPosition(100, [100])).toBe('top')
    expect(chosenLabelPosition(100, [110])).toBe('bottom')
  })
})
