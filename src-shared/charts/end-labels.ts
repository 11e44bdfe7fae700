/**
 * Direct labels at the ends of lines (the city GDP chart's city names): each
 * right of its line's last point, spread so none overlap, each within reach of
 * its point — a label never travels to the far end of the plot.
 */
import { labelText, tokens } from './common'
import { AXIS_NAME_SHARE, nameLimit, nameTruncation, textWidth } from './layout'
import type { ChartContext } from './types'

/**
 * The narrowest a chart panel is drawn, px: the dashboard's grid never makes a column
 * narrower than 560 px (DashboardView.vue), and exports are larger. Used to tell whether a
 * line that ends early has its name reach the next year's names: if it might, the two
 * columns' names are spread together.
 */
export const MIN_PANEL_WIDTH = 560

/**
 * The column each end label is spread in: its line's last year, except that a name too wide
 * for the gap to the next year's names (at the narrowest panel, `plotW` px wide for
 * `categories` years) shares that column.
 */
function labelColumns(ctx: ChartContext, lasts: { name: string; year: number }[], plotW: number, categories: number): number[] {
  const t = tokens(ctx)
  const step = plotW / (categories - 1)
  const years = [...new Set(lasts.map((l) => l.year))].sort((a, b) => a - b)
  const column = new Map(years.map((y) => [y, y]))
  // From the right: a column whose widest name reaches the next column's names joins it.
  for (let k = years.length - 2; k >= 0; k--) {
    const y = years[k]!
    const next = years[k + 1]!
    const widest = Math.max(...lasts.filter((l) => l.year === y).map((l) => Math.min(textWidth(l.name, t.small), nameLimit(ctx, AXIS_NAME_SHARE))))
    if (widest > step * (next - y)) column.set(y, column.get(next)!)
  }
  return lasts.map((l) => column.get(l.year)!)
}

/**
 * Direct labels for lines: each name right of its line's last point (a series that ends
 * early is named where it ends, not at the plot's edge), spread so none overlap at the
 * panel's size (`plotH` × `plotW` px, estimated; `categories` years on the axis), each near
 * its point (see `spreadLabels`). An invisible scatter series carrying the labels.
 */
export function endLabelSeries(ctx: ChartContext, lasts: { name: string; v: number | null; year: number }[], axis: { min: number; max: number }, log: boolean, plotH: number, plotW: number, categories: number): Record<string, unknown> {
  const t = tokens(ctx)
  const frac = (v: number) => (log ? (Math.log10(v) - Math.log10(axis.min)) / (Math.log10(axis.max) - Math.log10(axis.min)) : (v - axis.min) / (axis.max - axis.min))
  const offsets = spreadLabels(lasts.map((l) => (l.v === null ? null : plotH * (1 - frac(l.v)))), t.small + 4, plotH, labelColumns(ctx, lasts, plotW, categories))
  return {
    type: 'scatter',
    name: '',
    silent: true,
    // An invisible 1 px mark: a scatter item with no symbol draws no label either.
    symbol: 'circle',
    symbolSize: 1,
    itemStyle: { color: 'rgba(0,0,0,0)' },
    tooltip: { show: false },
    data: lasts.flatMap((l, k) =>
      l.v === null ? [] : [{ value: [String(l.year), l.v], label: { show: true, position: 'right', distance: 8, offset: [0, offsets[k]!], formatter: l.name, ...labelText(ctx, t.text), ...nameTruncation(ctx, AXIS_NAME_SHARE), textBorderColor: t.background, textBorderWidth: 3 } }],
    ),
  }
}

/**
 * Vertical offsets (px) that keep labels at least `gap` apart while each stays as near its
 * point as the others allow: labels start level with their points (`ys`, px from the plot's
 * top; `null` for none); labels in different `columns` (a line's last year: its name sits right
 * of that point) never meet, so only a column's labels are spread. Within a column, labels that
 * would overlap form a stack centred on their points' mean, kept inside the plot (the lowest label's centre half a gap above `height`, so it never sits on the x axis) — so a
 * label moves at most about half its stack's height, never to the far end of the plot.
 */
export function spreadLabels(ys: (number | null)[], gap: number, height: number, columns: readonly (string | number)[] = ys.map(() => 0)): number[] {
  const out = ys.map(() => 0)
  for (const column of new Set(columns)) {
    const order = ys
      .map((y, i) => ({ y, i }))
      .filter((x): x is { y: number; i: number } => x.y !== null && columns[x.i] === column)
      .sort((a, b) => a.y - b.y)
    // Stacks of labels, top to bottom: first label's position, and the points they stand for.
    const stacks: { top: number; ys: number[]; items: number[] }[] = []
    const place = (s: { top: number; ys: number[] }) => {
      const n = s.ys.length
      const mean = s.ys.reduce((a, b) => a + b, 0) / n
      s.top = Math.max(0, Math.min(mean - ((n - 1) * gap) / 2, Math.max(0, height - gap / 2 - (n - 1) * gap)))
    }
    for (const o of order) {
      stacks.push({ top: o.y, ys: [o.y], items: [o.i] })
      place(stacks[stacks.length - 1]!)
      // Merge with the stack above while they overlap, then re-centre.
      while (stacks.length > 1) {
        const cur = stacks[stacks.length - 1]!
        const prev = stacks[stacks.length - 2]!
        if (prev.top + prev.ys.length * gap <= cur.top + 1e-9) break
        stacks.pop()
        prev.ys.push(...cur.ys)
        prev.items.push(...cur.items)
        place(prev)
      }
    }
    for (const s of stacks) s.items.forEach((i, k) => (out[i] = s.top + k * gap - ys[i]!))
  }
  return out
}

