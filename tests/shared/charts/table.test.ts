import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DASHBOARDS } from '../../../src-shared/charts'
import { figureRow, sortRows, tableTsv } from '../../../src-shared/charts/table'
import type { ChartContext } from '../../../src-shared/charts/types'
import { toColumnar, type DatasetFile } from '../../../src-shared/dataset'
import { LANGS } from '../../../src-shared/settings'
import { ALL, fig, index, src } from './fixtures'
import { chartOf } from './render'

const dir = resolve(import.meta.dirname, '../../../resources/datasets')
const load = (id: string) => toColumnar(JSON.parse(readFileSync(resolve(dir, `${id}.json`), 'utf8')) as DatasetFile)
const BUNDLED = index(load('rectification'), load('songjiang-economy'), load('nine-cities'))
const charts = Object.values(DASHBOARDS).flatMap((d) => d.charts)

type Item = { tip?: string; figures?: number } | null | number
/** Every drawn mark that carries a tooltip (a map region counts the figures its tooltip shows): series items and event lines. */
function drawnItems(option: Record<string, unknown>): number {
  const series = (option.series as { data?: Item[]; markLine?: { data: Item[] } }[]) ?? []
  const count = (x: Item) => (x !== null && typeof x === 'object' && 'tip' in x ? (x.figures ?? 1) : 0)
  return series.reduce((n, s) => n + (s.data ?? []).reduce((m: number, x) => m + count(x), 0) + (s.markLine?.data ?? []).length, 0)
}

describe('the table behind every chart', () => {
  for (const lang of LANGS)
    it(`has exactly one row per figure, computed value or event the chart draws (${lang})`, () => {
      const ctx: ChartContext = { lang, theme: 'light', breakYear: 2016, decals: false }
      for (const c of charts) {
        const r = chartOf(c.build(BUNDLED, ctx))
        expect(r.table.length, c.id).toBeGreaterThan(0)
        // Event lines stand for one or more events (several in one year share a line).
        const events = r.table.filter((row) => row.entity === (lang === 'en' ? 'Event' : '事件')).length
        const lines = ((r.option.series as { markLine?: { data: unknown[] } }[]) ?? []).reduce((n, s) => n + (s.markLine?.data.length ?? 0), 0)
        expect(r.table.length - events + lines, c.id).toBe(drawnItems(r.option as Record<string, unknown>))
      }
    })

  it('lists the timeline events drawn on the GDP chart with their sources, in the source line too', () => {
    const r = chartOf(charts.find((c) => c.id === 'industry-gdp')!.build(BUNDLED, { lang: 'en', theme: 'light', breakYear: 2016, decals: false }))
    const events = r.table.filter((row) => row.entity === 'Event')
    expect(events.map((e) => e.when)).toEqual(['2016-05-24', '2017', '2018', '2020-11', '2021-03', '2021-04'])
    for (const e of events) expect(e.source).not.toBe('')
    expect(r.sourceLine).toContain('Beijing News')
    expect(r.sourceLine).toContain('songjiang.51job.com')
    expect(r.sourceLine).toContain('A journal paper')
  })

  it('shows values as printed, with unit, qualifier, tier and URL', () => {
    const f = fig('songjiang', 'high-tech-enterprises', 2021, 2300, 'enterprises', src('official', 'Shanghai Daily'), { qualifier: 'over' })
    expect(figureRow(f, undefined, 'zh-CN')).toMatchObject({ value: '2,300', unit: '家', qualifier: '逾', tier: '官方', url: 'https://example.org/Shanghai%20Daily' })
    expect(figureRow(fig('s', 'x', 2015, 55, 'percent', src('official', 'Y'), { decimals: 1 }), undefined, 'en').value).toBe('55.0')
    expect(figureRow(fig('j', 'migrant-residents', 2013, 257325, 'people', src('official', 'Y')), undefined, 'zh-CN').value).toBe('257,325')
  })

  it('copies as TSV and sorts numbers by value', () => {
    const rows = [1637.11, 995.36, 55].map((v, i) => figureRow(fig('s', 'gdp', 2013 + i, v, 'yuan-100m', src('official', 'Y')), undefined, 'en'))
    expect(sortRows(rows, 'value', 'asc', 'en').map((r) => r.sort)).toEqual([55, 995.36, 1637.11])
    const tsv = tableTsv(rows, 'en').split('\n')
    expect(tsv[0]).toBe('Entity\tIndicator\tYear or period\tValue (as printed)\tUnit\tQualifier\tTier\tSource\tURL\tNote')
    expect(tsv).toHaveLength(4)
  })
})

describe('charts that do not mislead', () => {
  const ctx: ChartContext = { lang: 'en', theme: 'light', breakYear: 2016, decals: false }
  const build = (id: string, data = BUNDLED) => chartOf(charts.find((c) => c.id === id)!.build(data, ctx))

  it('have at most one value axis per grid', () => {
    for (const c of charts) {
      const o = chartOf(c.build(BUNDLED, ctx)).option as Record<string, unknown>
      const y = [o.yAxis ?? []].flat() as { type?: string; gridIndex?: number }[]
      const x = [o.xAxis ?? []].flat() as { type?: string; gridIndex?: number }[]
      const perGrid = new Map<number, number>()
      for (const a of [...x, ...y]) if (a.type === 'value' || a.type === 'log') perGrid.set(a.gridIndex ?? 0, (perGrid.get(a.gridIndex ?? 0) ?? 0) + 1)
      for (const [g, n] of perGrid) expect(n, `${c.id} grid ${g}`).toBe(1)
    }
  })

  it('draw the conflicting 2020 figure for Songjiang on the city GDP and province charts', () => {
    for (const id of ['cities-gdp', 'cities-provinces']) {
      const r = build(id)
      expect(r.table.some((row) => row.value === '1,620'), id).toBe(true)
      expect(r.table.some((row) => row.value === '1,637.11'), id).toBe(true)
      expect(r.marks, id).toContain('conflict')
    }
  })

  it('compare cities in one year, and derive each city’s share of the nine cities’ GDP with the formula', () => {
    const p = build('cities-provinces')
    expect(new Set(p.table.map((r) => r.when))).toEqual(new Set(['2020']))
    expect(p.table.filter((r) => r.tier !== 'Secondary source' || r.value !== '1,620').length).toBeGreaterThanOrEqual(9)
    const s = build('cities-nine-shares')
    expect(s.table).toHaveLength(9)
    const total = s.table.reduce((n, r) => n + (r.sort ?? 0), 0)
    expect(total).toBeCloseTo(100, 1)
    for (const r of s.table) expect(r.note).toContain('Formula:')
    expect(s.table.find((r) => r.indicator.includes('Songjiang'))!.note).toContain('1,620')
    expect(s.marks).toEqual(expect.arrayContaining(['secondary', 'derived', 'conflict']))
  })

  it('label an estimate and a lower bound as such, never as a plain number', () => {
    const gdp = build('cities-gdp')
    expect(gdp.table.find((r) => r.entity.startsWith('Songjiang') && r.when === '2021')!.qualifier).toBe('est.')
    const inno = build('industry-innovation')
    const data = (inno.option.series as { data: { label: { formatter: string }; itemStyle: { borderType?: string } }[] }[])[0]!.data
    const bound = data.find((d) => d.label.formatter.startsWith('over'))!
    expect(bound.label.formatter).toBe('over 2,300 ▲')
    expect(bound.itemStyle.borderType).toBe('dashed')
  })

  it('tell the nine cities apart: a distinct marker and a direct label each, and absolute, indexed or log scales', () => {
    const r = build('cities-gdp')
    const series = r.option.series as { type: string; symbol?: string; data: ({ label?: { formatter: string } } | null)[] }[]
    const lines = series.filter((s) => s.type === 'line')
    expect(new Set(lines.map((s) => s.symbol)).size).toBe(lines.length)
    const labels = series.flatMap((s) => s.data).flatMap((x) => (x && typeof x === 'object' && x.label ? [x.label.formatter] : []))
    for (const name of ['Songjiang District', 'Suzhou', 'Hefei', 'Xuancheng']) expect(labels.some((l) => l.startsWith(name.split(' ')[0]!))).toBe(true)
    const log = chartOf(charts.find((c) => c.id === 'cities-gdp')!.build(BUNDLED, { ...ctx, cityScale: 'log' })).option as { yAxis: { type: string } }
    expect(log.yAxis.type).toBe('log')
    const idx = chartOf(charts.find((c) => c.id === 'cities-gdp')!.build(BUNDLED, { ...ctx, cityScale: 'indexed' }))
    expect(idx.marks).toContain('derived')
    expect(String((idx.option.yAxis as { name: string }).name)).toContain('2020 = 100')
  })

  it('keep derived shares from a secondary page marked secondary too', () => {
    const r = build('cities-shares', ALL())
    expect(r.marks).toContain('derived')
    const b = build('cities-shares')
    expect(b.marks).toEqual(expect.arrayContaining(['secondary', 'derived']))
  })
})
