/**
 * Year-axis charts: every year on the axis so gaps show as gaps (`null` data,
 * `connectNulls: false`), points styled by tier, optional shaded periods,
 * event annotations and conflicting figures as separate marked points.
 */
import type { ColumnarDataset, Figure } from '../dataset'
import { axisUnit, figureParts, tierLabel } from '../format'
import { alternates, yearSeries } from '../query'
import { baseOption, chartResult, collectMarks, escapeHtml, labelText, missingDataset, missingFigures, pointStyle, barStyle, suffix, tipFor, tokens } from './common'
import { entityName, indicatorName, T, tr } from './labels'
import type { ChartContext, ChartResult, DataIndex, SourceMark } from './types'

export interface SeriesSpec {
  dataset: string
  entity: string
  /** Indicators drawn as lines on the left axis. */
  lines: string[]
  /** Indicators drawn as bars on the left axis. */
  bars?: string[]
  /** Indicators drawn as lines on a right axis (a second unit). */
  right?: string[]
  firstYear: number
  lastYear: number
  /** Show every point's value as a label (few points) instead of only the marks. */
  valueLabels?: boolean
  periods?: boolean
  events?: boolean
  /** Draw other sources' values for the same year as separate marked points. */
  conflicts?: boolean
  aria: string
}

/** The two shaded periods: [2011, break − 1] and [break, 2020]. */
export function periodsFor(breakYear: number): { before: [number, number]; after: [number, number] } {
  return { before: [2011, breakYear - 1], after: [breakYear, 2020] }
}

export function yearsBetween(a: number, b: number): number[] {
  return Array.from({ length: Math.max(0, b - a + 1) }, (_, i) => a + i)
}

function periodArea(ctx: ChartContext, years: number[]): object {
  const t = tokens(ctx)
  const p = periodsFor(ctx.breakYear)
  const inAxis = (y: number) => years.includes(y)
  const area = (span: [number, number], label: string, color: string) =>
    span[0] <= span[1] && inAxis(span[0]) && inAxis(span[1])
      ? [[{ xAxis: String(span[0]), name: `${label} ${span[0]}–${span[1]}`, itemStyle: { color } }, { xAxis: String(span[1]) }]]
      : []
  return {
    silent: true,
    label: { position: 'insideBottom', ...labelText(ctx, t.muted) },
    data: [...area(p.before, tr(T.before, ctx.lang), t.periods[0]), ...area(p.after, tr(T.after, ctx.lang), t.periods[1])],
  }
}

/** A short label for an event: its edition number ("1.0") if it has one, else its label (truncated by ECharts). */
function shortLabel(label: string): string {
  const m = /\b\d\.0\b/.exec(label)
  return m ? `G60 ${m[0]}` : label
}

function eventLines(d: ColumnarDataset, ctx: ChartContext, years: number[]): object | null {
  const t = tokens(ctx)
  const events = (d.meta.events ?? []).filter((e) => years.includes(Number(e.date.slice(0, 4))))
  if (events.length === 0) return null
  // One line per year: events in the same year share it, all of them listed in the tooltip.
  const byYear = new Map<string, typeof events>()
  for (const e of events) byYear.set(e.date.slice(0, 4), [...(byYear.get(e.date.slice(0, 4)) ?? []), e])
  return {
    symbol: 'none',
    lineStyle: { type: 'dashed', color: t.muted, width: Math.max(1, t.lineWidth - 1) },
    label: { position: 'insideEndTop', width: 110, overflow: 'truncate', ...labelText(ctx) },
    emphasis: { disabled: true },
    data: [...byYear].map(([year, list]) => {
      const label = list.map((e) => `${shortLabel(e.label[ctx.lang])}${e.source.tier === 'secondary' ? '*' : ''}`).join(' / ')
      const lines = list.flatMap((e) => {
        const l = [`<b>${escapeHtml(e.label[ctx.lang])}</b>`, `${escapeHtml(e.date)} · ${tr(T.source, ctx.lang)}: ${escapeHtml(e.source.title)} (${tierLabel(e.source.tier, ctx.lang)})`]
        if (e.note) l.push(`${tr(T.note, ctx.lang)}: ${escapeHtml(e.note)}`)
        return l
      })
      return { xAxis: year, name: label, label: { formatter: label }, tip: lines.join('<br/>') }
    }),
  }
}

/** Marks that events add (secondary-sourced events). */
function eventMarks(d: ColumnarDataset, years: number[]): SourceMark[] {
  return (d.meta.events ?? []).some((e) => years.includes(Number(e.date.slice(0, 4))) && e.source.tier === 'secondary') ? ['secondary'] : []
}

export function seriesChart(data: DataIndex, ctx: ChartContext, s: SeriesSpec): ChartResult {
  const d = data.get(s.dataset)
  if (!d) return missingDataset(s.dataset, ctx.lang)
  const t = tokens(ctx)
  const years = yearsBetween(s.firstYear, s.lastYear)
  const groups = [
    ...s.lines.map((ind) => ({ ind, kind: 'line' as const, axis: 0 })),
    ...(s.bars ?? []).map((ind) => ({ ind, kind: 'bar' as const, axis: 0 })),
    ...(s.right ?? []).map((ind) => ({ ind, kind: 'line' as const, axis: 1 })),
  ].map((g) => ({ ...g, figs: yearSeries(d, s.entity, g.ind, years) }))
  const present = groups.filter((g) => g.figs.some((f) => f !== null))
  if (present.length === 0) return missingFigures(s.dataset, groups.map((g) => indicatorName(d, g.ind, ctx.lang)), ctx.lang)
  const unitOf = (axis: number) => {
    const f = present.filter((g) => g.axis === axis).flatMap((g) => g.figs).find((x): x is Figure => x !== null)
    return f ? axisUnit(f.unit, ctx.lang) : null
  }
  const units = [unitOf(0), unitOf(1)]
  const entity = entityName(d, s.entity, ctx.lang)
  const all: Figure[] = []
  const series: object[] = present.map((g, k) => {
    const color = t.palette[k % t.palette.length]!
    const name = indicatorName(d, g.ind, ctx.lang)
    const div = units[g.axis]?.div ?? 1
    const item = (f: Figure | null) => {
      if (!f || f.value === null) return null
      all.push(f)
      const text = s.valueLabels ? `${figureParts(f, ctx.lang).text}${suffix(f)}` : suffix(f)
      const style = g.kind === 'bar' ? barStyle(f, color, ctx) : pointStyle(f, color, ctx)
      return { value: f.value / div, tip: tipFor(f, `${entity} · ${name}`, ctx.lang), label: { show: text !== '', formatter: text }, ...style }
    }
    return {
      type: g.kind,
      name,
      yAxisIndex: g.axis,
      connectNulls: false,
      barMaxWidth: 28,
      itemStyle: { color },
      lineStyle: { width: t.lineWidth, color },
      label: { show: false, position: 'top', ...labelText(ctx) },
      data: g.figs.map(item),
      ...(k === 0 && s.periods ? { markArea: periodArea(ctx, years) } : {}),
      ...(k === 0 && s.events && eventLines(d, ctx, years) ? { markLine: eventLines(d, ctx, years) } : {}),
    }
  })
  if (s.conflicts) {
    for (const [k, g] of present.entries()) {
      const others = alternates(d, s.entity, g.ind, years)
      if (others.length === 0) continue
      const color = t.palette[(present.length + k) % t.palette.length]!
      const name = `${indicatorName(d, g.ind, ctx.lang)} (${tr({ 'zh-CN': '另一来源', en: 'other source' }, ctx.lang)}) ‡`
      all.push(...others)
      series.push({
        type: 'scatter',
        name,
        yAxisIndex: g.axis,
        symbol: 'triangle',
        symbolSize: t.symbolSize + 5,
        itemStyle: { color: t.background, borderColor: color, borderWidth: Math.max(2, t.lineWidth) },
        label: { show: true, position: 'bottom', formatter: '‡', ...labelText(ctx) },
        data: others.map((f) => ({ value: [String(f.year), f.value! / (units[g.axis]?.div ?? 1)], tip: tipFor(f, `${entity} · ${name}`, ctx.lang) })),
      })
    }
  }
  const extraMarks = s.events ? eventMarks(d, years) : []
  const marks = collectMarks(all, extraMarks)
  const yAxis = units.map((u, i) =>
    u ? { type: 'value', name: u.label, position: i === 0 ? 'left' : 'right', nameTextStyle: { align: i === 0 ? 'left' : 'right' }, splitLine: { show: i === 0 } } : null,
  ).filter((x) => x !== null)
  const option = {
    ...baseOption(ctx, marks, s.aria),
    legend: { top: 0, left: 0, type: 'scroll' },
    xAxis: { type: 'category', data: years.map(String), boundaryGap: present.some((g) => g.kind === 'bar'), axisLabel: { hideOverlap: true } },
    yAxis,
    series,
  }
  return chartResult(option, all, ctx, units[0]?.label ?? '', [], extraMarks)
}

/** The last year with any figure for these indicators (to extend the axis past 2022 if needed). */
export function lastYearOf(d: ColumnarDataset | undefined, entity: string, indicators: string[], floor: number): number {
  let max = floor
  if (!d) return max
  for (const ind of indicators) for (const f of yearSeries(d, entity, ind, yearsBetween(floor + 1, floor + 10))) if (f?.year && f.year > max) max = f.year
  return max
}
