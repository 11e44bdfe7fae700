/**
 * Small multiples: one small bar chart per indicator, side by side, each with
 * its own value axis, unit and base, so no chart puts two units on one axis
 * (high-tech firms against R&D %) or three different bases on one (% of tax,
 * % of GDP, % of output), and a sparse series shows only the years it has,
 * each bar labelled with its value as printed and its year on the axis.
 * A lower bound ("over 2,300") is drawn as an open, dashed bar ending in "▲":
 * a bound, not a solid bar of that height.
 */
import type { ColumnarDataset, Figure } from '../dataset'
import { chartUnit } from '../format'
import { figures, preferred } from '../query'
import { barStyle, pointStyle, baseOption, chartResult, collectMarks, gridBottom, labelText, missingDataset, missingFigures, tipFor, tokens, valueLabel } from './common'
import { entityName, indicatorName, shortName, paren } from './labels'
import { NARROWEST, plotTop, textWidth } from './layout'
import type { ChartContext, ChartResult, DataIndex } from './types'

/** What a small-multiples chart or dot table draws: one entity's indicators, one panel or row each. */
export interface MultiplesSpec {
  dataset: string
  entity: string
  indicators: string[]
  aria: string
}

/** Bar style for a lower bound: no fill, a dashed outline, so it reads as "at least this much". */
function boundStyle(color: string, ctx: ChartContext): Record<string, unknown> {
  return { itemStyle: { color: tokens(ctx).background, borderColor: color, borderWidth: Math.max(2, tokens(ctx).lineWidth - 1), borderType: 'dashed' } }
}

/**
 * The spec's indicators that have figures for its entity, in the spec's order, each with one
 * figure a year (the preferred one where sources conflict), by year; the empty state when the
 * dataset is not loaded or no indicator has a figure.
 */
function indicatorSeries(data: DataIndex, ctx: ChartContext, s: MultiplesSpec): { d: ColumnarDataset; series: { ind: string; figs: Figure[] }[] } | ChartResult {
  const d = data.get(s.dataset)
  if (!d) return missingDataset(s.dataset, ctx.lang)
  const series = s.indicators
    .map((ind) => {
      const all = figures(d, { entity: s.entity, indicator: ind }).filter((f) => f.year !== null && f.value !== null)
      const years = [...new Set(all.map((f) => f.year!))].sort((a, b) => a - b)
      return { ind, figs: years.map((y) => preferred(all.filter((f) => f.year === y))!) }
    })
    .filter((p) => p.figs.length > 0)
  if (series.length === 0) return missingFigures(s.dataset, s.indicators.map((i) => indicatorName(d, i, ctx.lang)), ctx.lang)
  return { d, series }
}

/** One panel per indicator with data; panels in one row up to three, else two per row. */
export function smallMultiples(data: DataIndex, ctx: ChartContext, s: MultiplesSpec): ChartResult {
  const got = indicatorSeries(data, ctx, s)
  if ('kind' in got) return got
  const { d, series: panels } = got
  const t = tokens(ctx)
  const lang = ctx.lang
  const all: Figure[] = panels.flatMap((p) => p.figs)
  const marks = collectMarks(all)
  const perRow = panels.length <= 3 ? panels.length : 2
  const rowsN = Math.ceil(panels.length / perRow)
  // Panel titles (the value axes' names) wrap within their panel at the narrowest width.
  const nameWidth = Math.floor(NARROWEST / perRow) - 24
  const names = panels.map((p) => {
    const unit = chartUnit(p.figs, lang)
    const short = shortName(d, p.ind, lang)
    return short.includes('%') && unit.label === '%' ? short : `${short}${paren(unit.label, lang)}`
  })
  // At most two lines of panel name: a longer name is cut (the tooltip and the table keep it whole).
  const nameLines = Math.min(2, Math.max(...names.map((n) => Math.ceil(textWidth(n, t.small) / nameWidth))))
  const top = plotTop(ctx, 0, true) + (nameLines - 1) * (t.small + 4)
  const bottom = gridBottom(ctx, marks)
  const entity = entityName(d, s.entity, lang)
  // Percent-based boxes: each panel's share of the width, less a gutter; two rows split the height.
  const grids = panels.map((_, i) => {
    const col = i % perRow
    const row = Math.floor(i / perRow)
    const w = 100 / perRow
    const vertical = rowsN === 1 ? { top, bottom } : row === 0 ? { top, height: '27%' } : { top: '60%', bottom }
    return { left: `${col * w + 1}%`, width: `${w - 3}%`, ...vertical, containLabel: true }
  })
  const option = {
    ...baseOption(ctx, marks, s.aria),
    grid: grids,
    xAxis: panels.map((p, i) => ({ type: 'category', gridIndex: i, data: p.figs.map((f) => String(f.year)), axisLabel: { interval: 0 } })),
    yAxis: panels.map((_, i) => ({
      type: 'value',
      gridIndex: i,
      // The panel's own title: indicator and unit, above its axis.
      name: names[i],
      nameLocation: 'end',
      nameGap: 10,
      nameTextStyle: { align: 'left', verticalAlign: 'bottom', fontWeight: 700, width: nameWidth, overflow: 'break', lineHeight: t.small + 4, height: 2 * (t.small + 4), lineOverflow: 'truncate' },
      boundaryGap: [0, '18%'],
    })),
    series: panels.map((p, i) => {
      const color = t.palette[i % t.palette.length]!
      const unit = chartUnit(p.figs, lang)
      const full = indicatorName(d, p.ind, lang)
      return {
        type: 'bar',
        name: shortName(d, p.ind, lang),
        xAxisIndex: i,
        yAxisIndex: i,
        barMaxWidth: 36,
        itemStyle: { color },
        label: { show: true, position: 'top', ...labelText(ctx) },
        data: p.figs.map((f) => ({
          value: f.value! / unit.div,
          tip: tipFor(f, `${entity} · ${full}`, lang),
          label: { formatter: `${valueLabel(f, lang, unit.div)}${f.qualifier === 'over' ? ' ▲' : ''}` },
          ...(f.qualifier === 'over' ? boundStyle(color, ctx) : barStyle(f, color, ctx)),
        })),
      }
    }),
  }
  return chartResult(option, all, ctx, '', [], [], { d })
}

/**
 * A dot table for sparse series: one row per indicator (named with its base, "% of
 * GDP"), one column per year that has any figure, a labelled dot where a figure
 * exists and nothing where it does not. There is no value axis, so series of
 * different bases or a few scattered years are never read against one scale.
 */
export function dotTable(data: DataIndex, ctx: ChartContext, s: MultiplesSpec): ChartResult {
  const got = indicatorSeries(data, ctx, s)
  if ('kind' in got) return got
  const { d, series: rows } = got
  const t = tokens(ctx)
  const lang = ctx.lang
  const years = [...new Set(rows.flatMap((r) => r.figs.map((f) => f.year!)))].sort((a, b) => a - b).map(String)
  const all = rows.flatMap((r) => r.figs)
  const marks = collectMarks(all)
  const entity = entityName(d, s.entity, lang)
  const names = rows.map((r) => {
    const unit = chartUnit(r.figs, lang)
    const short = shortName(d, r.ind, lang)
    return short.includes('%') || unit.label === '%' ? short : `${short}${paren(unit.label, lang)}`
  })
  const option = {
    ...baseOption(ctx, marks, s.aria),
    grid: { left: 8, right: 24, top: plotTop(ctx, 0, false), bottom: gridBottom(ctx, marks), containLabel: true },
    xAxis: { type: 'category', data: years, position: 'top', axisTick: { show: false }, splitLine: { show: true, lineStyle: { color: t.split } } },
    yAxis: { type: 'category', inverse: true, data: names, axisTick: { show: false }, axisLabel: { width: Math.round(NARROWEST * 0.3), overflow: 'break', lineHeight: t.small + 4 }, splitLine: { show: true, lineStyle: { color: t.split } } },
    series: rows.map((r, k) => {
      const color = t.palette[k % t.palette.length]!
      const unit = chartUnit(r.figs, lang)
      const full = indicatorName(d, r.ind, lang)
      return {
        type: 'scatter',
        name: names[k],
        symbolSize: t.symbolSize + 4,
        itemStyle: { color, opacity: 1 },
        label: { show: true, position: 'bottom', distance: 4, ...labelText(ctx) },
        data: r.figs.map((f) => ({ value: [String(f.year), names[k]], tip: tipFor(f, `${entity} · ${full}`, lang), label: { formatter: valueLabel(f, lang, unit.div) }, ...pointStyle(f, color, ctx) })),
      }
    }),
  }
  return chartResult(option, all, ctx, '', [], [], { d })
}
