/**
 * Year-axis charts: every year on the axis so gaps show as gaps (`null` data,
 * `connectNulls: false`), points styled by tier, optional shaded periods,
 * event annotations and conflicting figures as separate marked points.
 */
import type { ColumnarDataset, Figure } from '../dataset'
import { chartUnit } from '../format'
import { alternates, yearSeries } from '../query'
import { baseOption, chartResult, collectMarks, gridBottom, gridRight, labelText, missingDataset, missingFigures, pointStyle, barStyle, suffix, tipFor, tokens, valueLabel } from './common'
import { chosenLabelPosition, conflictGoesLeft, conflictSeries, labelBacking } from './conflicts'
import { eventLines, eventMarks, eventsByYear } from './timeline'
import { entityName, indicatorName, shortName, T, tr, paren } from './labels'
import { plotTop, topLegend } from './layout'
import type { ChartContext, ChartResult, DataIndex } from './types'

/** A year-axis chart of one entity: lines, bars, a second axis, periods, events and conflicts. */
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

/** Every year from `a` to `b` inclusive; empty when `b < a`. */
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
    // Above the event lines (z 1) and below the data (z 2): the labels' backing hides the dashes behind them.
    z: 1.5,
    label: { position: 'insideBottom', distance: 4, backgroundColor: t.background, padding: [1, 4], borderRadius: 2, ...labelText(ctx, t.muted) },
    data: [...area(p.before, tr(T.before, ctx.lang), t.periods[0]), ...area(p.after, tr(T.after, ctx.lang), t.periods[1])],
  }
}

/** A year-axis chart with every year on the axis, so a missing year is a gap and never interpolated. */
// eslint-disable-next-line max-lines-per-function -- one ECharts option assembled from series, periods, events and conflicts that share the year axis
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
    const figs = present.filter((g) => g.axis === axis).flatMap((g) => g.figs).filter((x): x is Figure => x !== null)
    return figs.length ? chartUnit(figs, ctx.lang) : null
  }
  const units = [unitOf(0), unitOf(1)]
  const entity = entityName(d, s.entity, ctx.lang)
  const boundaryGap = present.some((g) => g.kind === 'bar')
  const events = s.events ? eventLines(d, ctx, years, boundaryGap) : null
  const all: Figure[] = []
  // A halo in the background colour keeps marks and values readable where an event line passes behind them.
  const halo = { textBorderColor: t.background, textBorderWidth: 3 }
  // Other sources' figures, per indicator: drawn beside the chosen point of their year, both values labelled.
  const othersOf = new Map(present.map((g) => [g.ind, s.conflicts ? alternates(d, s.entity, g.ind, years) : []]))
  const series: { name: string }[] = present.map((g, k) => {
    const color = t.palette[k % t.palette.length]!
    const full = indicatorName(d, g.ind, ctx.lang)
    const div = units[g.axis]?.div ?? 1
    const othersIn = (year: number | null) => othersOf.get(g.ind)!.filter((o) => o.year === year).map((o) => o.value! / div)
    // Labels at the ends of the axis lean inwards, clear of the value axes' labels.
    const align = (i: number) => (i === 0 ? { align: 'left', offset: [-6, 0] } : i === years.length - 1 ? { align: 'right', offset: [6, 0] } : {})
    const item = (f: Figure | null, i: number) => {
      if (!f || f.value === null) return null
      all.push(f)
      // Where sources disagree, the chosen value is labelled too, on the side away from the other's.
      const others = othersIn(f.year)
      const text = s.valueLabels || others.length ? valueLabel(f, ctx.lang, div) : suffix(f)
      const style = g.kind === 'bar' ? barStyle(f, color, ctx) : pointStyle(f, color, ctx)
      const position = others.length && g.kind === 'line' ? { position: chosenLabelPosition(f.value / div, others), ...labelBacking(ctx) } : {}
      return { value: f.value / div, tip: tipFor(f, `${entity} · ${full}`, ctx.lang), label: { show: text !== '', formatter: text, ...position, ...align(i) }, ...style }
    }
    return {
      type: g.kind,
      name: shortName(d, g.ind, ctx.lang),
      yAxisIndex: g.axis,
      connectNulls: false,
      barMaxWidth: 28,
      itemStyle: { color },
      lineStyle: { width: t.lineWidth, color },
      label: { show: false, position: 'top', ...labelText(ctx), ...halo },
      labelLayout: { moveOverlap: 'shiftY' },
      data: g.figs.map((f, i) => item(f, i)),
      ...(k === 0 && s.periods ? { markArea: periodArea(ctx, years) } : {}),
      ...(k === 0 && events ? { markLine: events.markLine } : {}),
    }
  })
  for (const g of present) {
    const others = othersOf.get(g.ind)!
    if (others.length === 0) continue
    const name = `${shortName(d, g.ind, ctx.lang)}${paren(tr(T.otherSource, ctx.lang), ctx.lang)} ‡`
    const full = `${indicatorName(d, g.ind, ctx.lang)}${paren(tr(T.otherSource, ctx.lang), ctx.lang)} ‡`
    const div = units[g.axis]?.div ?? 1
    all.push(...others)
    const items = others.map((f) => {
      const i = years.indexOf(f.year!)
      const chosen = g.figs[i]
      const points = g.figs.map((x) => (x?.value == null ? null : x))
      return { x: String(f.year), y: f.value! / div, chosen: chosen?.value != null ? chosen.value / div : null, tip: tipFor(f, `${entity} · ${full}`, ctx.lang), label: valueLabel(f, ctx.lang, div), left: conflictGoesLeft(points, i) }
    })
    series.push(conflictSeries(ctx, name, items, { yAxisIndex: g.axis }) as { name: string })
  }
  const extraMarks = s.events ? eventMarks(d, years) : []
  const marks = collectMarks(all, extraMarks)
  // Value labels above points and bars need headroom inside the plot.
  const headroom = s.valueLabels || s.conflicts ? [0, '12%'] : [0, 0]
  const yAxis = units
    .map((u, i) =>
      u
        ? { type: 'value', name: u.label, position: i === 0 ? 'left' : 'right', nameGap: 10 + (events?.height ?? 0), nameTextStyle: { align: i === 0 ? 'left' : 'right', verticalAlign: 'bottom' }, boundaryGap: headroom, splitLine: { show: i === 0 } }
        : null,
    )
    .filter((x) => x !== null)
  const legend = topLegend(ctx, series.map((x) => x.name), (h) => plotTop(ctx, h, true, events?.height ?? 0))
  const option = {
    ...baseOption(ctx, marks, s.aria),
    legend: legend.legend,
    media: legend.media,
    grid: { left: 8, right: gridRight(ctx), top: legend.top, bottom: gridBottom(ctx, marks), containLabel: true },
    xAxis: { type: 'category', data: years.map(String), boundaryGap, axisLabel: { hideOverlap: true } },
    yAxis,
    series,
  }
  return chartResult(option, all, ctx, units[0]?.label ?? '', [], extraMarks, { d, events: s.events ? eventsByYear(d, years).flatMap((y) => y.events) : [] })
}

/** The last year with any figure for these indicators (to extend the axis past 2022 if needed). */
export function lastYearOf(d: ColumnarDataset | undefined, entity: string, indicators: string[], floor: number): number {
  let max = floor
  if (!d) return max
  for (const ind of indicators) for (const f of yearSeries(d, entity, ind, yearsBetween(floor + 1, floor + 10))) if (f?.year && f.year > max) max = f.year
  return max
}
