/**
 * Conflicting figures on a year axis: a hollow triangle per other source's
 * figure, set beside the chosen figure's point of the same year — never on it —
 * with its own label on the side away from the point, so a conflict marker
 * never hides a point or a value label and both values stay readable.
 */
import { labelText, tokens } from './common'
import type { ChartContext } from './types'

/** One conflicting figure to draw. */
export interface ConflictItem {
  /** The category (year) on the x axis. */
  x: string
  /** Its value in axis units. */
  y: number
  /** The chosen figure's value that year, in axis units; `null` when that year has none drawn. */
  chosen: number | null
  /** Tooltip HTML. */
  tip: string
  /** The marker's label: its value and marks ("1,620*‡"); empty for none (where labels would crowd; the legend names the triangle). */
  label: string
  /** The marker goes left of the point (at the axis's last category, or where no line leaves the point leftwards), else right. */
  left: boolean
}

/**
 * How far (px) a conflict marker's centre sits from the chosen point's centre: half of
 * each symbol (the chosen point of a conflict is drawn 3 px larger, the triangle 5 px:
 * see `pointStyle`), half of each outline (both `max(2, lineWidth)` wide) and a 3 px gap,
 * so the two never touch.
 */
export function conflictOffset(ctx: ChartContext): number {
  const t = tokens(ctx)
  return Math.ceil((t.symbolSize + 3) / 2 + (t.symbolSize + 5) / 2 + Math.max(2, t.lineWidth) + 3)
}

/** A label's backing in the background colour: an event line or a period's edge passing behind a value never crosses its digits. */
export function labelBacking(ctx: ChartContext): Record<string, unknown> {
  return { backgroundColor: tokens(ctx).background, padding: [1, 2], borderRadius: 2 }
}

/**
 * Where the chosen point's own label goes when a conflicting figure shares its year:
 * above the point, unless the other figure is higher (its label then takes the top).
 */
export function chosenLabelPosition(chosen: number, others: number[]): 'top' | 'bottom' {
  return others.some((v) => v > chosen) ? 'bottom' : 'top'
}

/**
 * Which side of the chosen point (index `i` of `points`, one per category, `null` for a gap) a
 * conflict marker goes: left at the last category, or where the line has no point on the left
 * but one on the right (the marker then sits clear of the line); else right.
 */
export function conflictGoesLeft(points: readonly unknown[], i: number): boolean {
  if (i >= points.length - 1) return true
  return (i === 0 || points[i - 1] == null) && points[i + 1] != null
}

/**
 * The scatter series of conflicting figures: outlined in the text colour (≥ 3:1 over the period
 * shading in every theme), moved sideways off the chosen point, labelled (when it has a label)
 * above or below, on the side away from the chosen value.
 */
export function conflictSeries(ctx: ChartContext, name: string, items: ConflictItem[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  const t = tokens(ctx)
  const dx = conflictOffset(ctx)
  const halo = { textBorderColor: t.background, textBorderWidth: 3 }
  return {
    type: 'scatter',
    name,
    symbol: 'triangle',
    symbolSize: t.symbolSize + 5,
    itemStyle: { color: t.background, borderColor: t.text, borderWidth: Math.max(2, t.lineWidth), opacity: 1 },
    data: items.map((it) => ({
      value: [it.x, it.y],
      tip: it.tip,
      symbolOffset: [(it.left ? -1 : 1) * dx, 0],
      label: { show: it.label !== '', position: it.chosen !== null && it.y > it.chosen ? 'top' : 'bottom', formatter: it.label, ...labelText(ctx), ...halo, ...labelBacking(ctx) },
    })),
    ...extra,
  }
}
