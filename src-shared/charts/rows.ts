/**
 * A table-like bar chart: one horizontal bar per row, rows grouped under a
 * name shown once, each bar labelled at its end. Used where a category has a
 * varying number of values (computed and reported growth; a share as the
 * article gives it and as fractions over the years), so that no bar or label
 * is drawn over another and no empty slots are reserved.
 */
import { baseOption, gridBottom, labelText, tokens } from './common'
import { NARROWEST, plotTop, textWidth, topLegend } from './layout'
import type { ChartContext, SourceMark } from './types'

/** One bar of a grouped-rows chart. */
export interface Row {
  /** Index into the chart's series (before / after / reported …). */
  series: number
  value: number
  /** The text at the bar's end. */
  label: string
  tip: string
  /** Per-bar style (tier marks); the series colour otherwise. */
  style?: Record<string, unknown>
}

/** A named group of bars, its name shown once. */
export interface RowGroup {
  name: string
  rows: Row[]
}

/** A series of a grouped-rows chart: its legend name and colour. */
export interface RowSeries {
  name: string
  color: string
}

/** The category axis, series and grid margins of a grouped-rows chart. */
export function rowBars(ctx: ChartContext, groups: RowGroup[], kinds: RowSeries[]): { yAxis: object; series: object[]; right: number; rowCount: number } {
  const t = tokens(ctx)
  const flat = groups.flatMap((g, gi) => g.rows.map((r, ri) => ({ ...r, group: gi, first: ri === 0 })))
  const names = flat.map((r) => (r.first ? groups[r.group]!.name : ''))
  const firstOfGroup = new Set(flat.flatMap((r, i) => (r.first && i > 0 ? [i] : [])))
  // Long group names break onto two lines rather than take the plot's width.
  const nameWidth = Math.round(NARROWEST * 0.28)
  const right = Math.max(24, ...flat.map((r) => textWidth(r.label, t.small) + 10))
  return {
    rowCount: flat.length,
    right,
    yAxis: {
      type: 'category',
      inverse: true,
      data: flat.map((_, i) => String(i)),
      axisTick: { show: false },
      axisLabel: { interval: 0, width: nameWidth, overflow: 'break', lineHeight: t.small + 4, formatter: (v: string) => names[Number(v)] ?? '' },
      // A rule between groups, so each group's rows read as one.
      splitLine: { show: true, interval: (i: number) => firstOfGroup.has(i), lineStyle: { color: t.split } },
    },
    series: kinds.map((k, si) => ({
      type: 'bar',
      name: k.name,
      // One stack: every row holds a single bar, centred, with no slots kept for the other series.
      stack: 'rows',
      barMaxWidth: 16,
      itemStyle: { color: k.color },
      label: { show: true, position: 'right', ...labelText(ctx) },
      data: flat.map((r) => (r.series === si ? { value: r.value, tip: r.tip, label: { formatter: r.label, position: r.value < 0 ? 'left' : 'right' }, ...(r.style ?? {}) } : null)),
    })),
  }
}

/** The option of a rows chart: a legend of the kinds, percentage values across, the rows down. */
export function rowsOption(ctx: ChartContext, marks: SourceMark[], aria: string, kinds: RowSeries[], table: ReturnType<typeof rowBars>): Record<string, unknown> {
  const legend = topLegend(ctx, kinds.map((k) => k.name), (h) => plotTop(ctx, h, false))
  return {
    ...baseOption(ctx, marks, aria),
    legend: legend.legend,
    media: legend.media,
    grid: { left: 8, right: table.right, top: legend.top, bottom: gridBottom(ctx, marks), containLabel: true },
    xAxis: { type: 'value', splitNumber: 3, axisLabel: { formatter: '{value}%', hideOverlap: true } },
    yAxis: table.yAxis,
    series: table.series,
  }
}
