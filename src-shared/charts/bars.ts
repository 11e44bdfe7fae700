/**
 * Two bar-chart shapes used on more than one dashboard: indicators by year
 * (grouped bars, one series per indicator) and indicators side by side for
 * one entity and year (horizontal bars).
 */
import type { Figure } from '../dataset'
import { chartUnit } from '../format'
import { figures, preferred } from '../query'
import { gridBottom, xName, baseOption, barStyle, chartResult, collectMarks, missingDataset, missingFigures, tipFor, tokens, labelText, valueLabel } from './common'
import { entityName, indicatorName, shortName, T, tr } from './labels'
import { labelRoom, plotTop, topLegend } from './layout'
import type { ChartContext, ChartResult, DataIndex } from './types'

/** A bar chart of some indicators of one entity over given years. */
export interface YearBarsSpec {
  dataset: string
  entity: string
  indicators: string[]
  years: number[]
  aria: string
}

/** Grouped bars per year, one series per indicator; a missing value is an empty slot, never a zero. */
export function yearBars(data: DataIndex, ctx: ChartContext, s: YearBarsSpec): ChartResult {
  const d = data.get(s.dataset)
  if (!d) return missingDataset(s.dataset, ctx.lang)
  const t = tokens(ctx)
  const rows = s.indicators.map((ind) => s.years.map((y) => preferred(figures(d, { entity: s.entity, indicator: ind, year: y }))))
  const all = rows.flat()
  const first = all.find((f): f is Figure => f !== null)
  if (!first) return missingFigures(s.dataset, s.indicators.map((i) => indicatorName(d, i, ctx.lang)), ctx.lang)
  // One unit for axis, labels and axis name: never a 3.92 万 label on a 40,000 axis.
  const unit = chartUnit(all, ctx.lang)
  const marks = collectMarks(all)
  const series = s.indicators
    .map((ind, k) => {
      const color = t.palette[k % t.palette.length]!
      const name = indicatorName(d, ind, ctx.lang)
      return {
        type: 'bar',
        name: shortName(d, ind, ctx.lang),
        barMaxWidth: 48,
        itemStyle: { color },
        label: { show: true, position: 'top', ...labelText(ctx) },
        data: rows[k]!.map((f) =>
          f && f.value !== null
            ? { value: f.value / unit.div, tip: tipFor(f, `${entityName(d, s.entity, ctx.lang)} · ${name}`, ctx.lang), label: { formatter: valueLabel(f, ctx.lang, unit.div) }, ...barStyle(f, color, ctx) }
            : null,
        ),
        hasData: rows[k]!.some((f) => f !== null),
      }
    })
    .filter((x) => x.hasData)
    .map(({ hasData: _, ...x }) => x)
  const legend = topLegend(ctx, series.length > 1 ? series.map((x) => x.name) : [], (h) => plotTop(ctx, h, true))
  const option = {
    ...baseOption(ctx, marks, s.aria),
    grid: { left: 8, right: 16, top: legend.top, bottom: gridBottom(ctx, marks, true), containLabel: true },
    legend: legend.legend,
    media: legend.media,
    xAxis: { type: 'category', ...xName(ctx, tr(T.year, ctx.lang)), data: s.years.map(String) },
    // Headroom above the tallest bar for its label.
    yAxis: { type: 'value', name: unit.label, nameLocation: 'end', nameGap: 10, nameTextStyle: { align: 'left', verticalAlign: 'bottom' }, boundaryGap: [0, '12%'] },
    series,
  }
  return chartResult(option, all, ctx, unit.label, [], [], { d })
}

/** A bar chart comparing indicators of one entity in one year (or undated). */
export interface CategoryBarsSpec {
  dataset: string
  entity: string
  indicators: string[]
  year: number | null
  aria: string
}

/** Horizontal bars comparing indicators of one entity in one year (units must match). */
export function categoryBars(data: DataIndex, ctx: ChartContext, s: CategoryBarsSpec): ChartResult {
  const d = data.get(s.dataset)
  if (!d) return missingDataset(s.dataset, ctx.lang)
  const t = tokens(ctx)
  const figs = s.indicators.map((ind) => preferred(figures(d, { entity: s.entity, indicator: ind, year: s.year })))
  const present = figs.filter((f): f is Figure => f !== null)
  if (present.length === 0) return missingFigures(s.dataset, s.indicators.map((i) => indicatorName(d, i, ctx.lang)), ctx.lang)
  const unit = chartUnit(present, ctx.lang)
  const marks = collectMarks(present)
  const kept = s.indicators.map((ind, k) => ({ ind, f: figs[k]! })).filter((x) => x.f !== null)
  const entity = entityName(d, s.entity, ctx.lang)
  const labels = kept.map((x) => valueLabel(x.f, ctx.lang, unit.div))
  const option = {
    ...baseOption(ctx, marks, s.aria),
    grid: { left: 8, right: labelRoom(ctx, labels), top: plotTop(ctx, 0, false), bottom: gridBottom(ctx, marks, true), containLabel: true },
    xAxis: { type: 'value', ...xName(ctx, unit.label) },
    yAxis: { type: 'category', inverse: true, data: kept.map((x) => indicatorName(d, x.ind, ctx.lang)), axisLabel: { width: 150, overflow: 'break', lineHeight: t.small + 4 } },
    series: [
      {
        type: 'bar',
        name: s.year === null ? entity : `${entity} ${s.year}`,
        barMaxWidth: 28,
        label: { show: true, position: 'right', ...labelText(ctx) },
        data: kept.map((x, k) => {
          const color = t.palette[k % t.palette.length]!
          return { value: x.f.value! / unit.div, tip: tipFor(x.f, `${entity} · ${indicatorName(d, x.ind, ctx.lang)}`, ctx.lang), label: { formatter: labels[k] }, ...barStyle(x.f, color, ctx) }
        }),
      },
    ],
  }
  return chartResult(option, present, ctx, unit.label, [], [], { d })
}
