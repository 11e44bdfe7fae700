/**
 * Layout arithmetic for the chart options. The builders do not know the size
 * they will be drawn at, so they plan for the narrowest panel (a third of a
 * 1920 px window) and let wider panels, and exports, have room to spare:
 * legends wrap instead of paging, and the grid starts below however many
 * legend lines that takes. Wider charts get the room back through ECharts
 * media queries (`media`), which apply on every resize.
 */
import type { ChartContext } from './types'
import { tokensFor as tokens } from './themes'

/** Width of the chart area in the narrowest panel the app draws (a 610 px panel less its padding is 580 px), less a little slack. */
export const NARROWEST = 570

/** Advance widths of the printable ASCII characters (space to "~") in Noto Sans SC, in hundredths of an em. */
const ASCII = [
  22, 32, 47, 56, 56, 92, 68, 28, 34, 34, 47, 56, 28, 35, 28, 39, 56, 56, 56, 56, 56, 56, 56, 56, 56, 56, 28, 28, 56, 56, 56, 47, 95, 61, 66, 64, 69, 59, 55, 69, 73, 29, 54, 65, 54, 81,
  72, 74, 63, 74, 64, 60, 60, 72, 58, 88, 57, 53, 60, 34, 39, 34, 56, 56, 61, 56, 62, 51, 62, 55, 33, 56, 61, 28, 28, 55, 28, 93, 61, 61, 62, 62, 39, 47, 38, 61, 52, 80, 50, 52, 48,
  34, 27, 34, 56,
]

/** The width of `text` at `size` px in Noto Sans SC, the font the app and exports use: ASCII from its metrics, "–" and "²" narrow, anything else a full em. */
export function textWidth(text: string, size: number): number {
  let em = 0
  for (const ch of text) {
    const c = ch.charCodeAt(0)
    em += c >= 32 && c < 127 ? ASCII[c - 32]! / 100 : ch === '–' ? 0.54 : ch === '²' ? 0.41 : 1
  }
  return Math.ceil(em * size)
}

const LEGEND = { itemWidth: 22, itemHeight: 12, itemGap: 10, textGap: 5, padding: 5 }

/**
 * The widest a name (of an entity, a series, a category) is drawn in a chart, px: 45% of the
 * narrowest panel (or of a slide's chart area), so a long name from a user's dataset never
 * crushes the plot. Longer names are cut with "…" by measured width; tooltips and the table keep them whole.
 */
export function nameLimit(ctx: ChartContext, share = 0.45): number {
  return Math.round(share * (ctx.profile?.width ?? NARROWEST))
}

/** The share of the chart's width a category axis gives its names (they sit beside the plot and take its width). */
export const AXIS_NAME_SHARE = 0.18

/** Text style that cuts a name at `nameLimit` px (or `share` of the width) with an ellipsis (ECharts measures the drawn text). */
export function nameTruncation(ctx: ChartContext, share?: number): { width: number; overflow: 'truncate'; ellipsis: string } {
  return { width: nameLimit(ctx, share), overflow: 'truncate', ellipsis: '…' }
}

/** Lines a plain horizontal legend of these names takes at `width` px, each name at most `maxName` px wide. */
export function legendLines(names: string[], size: number, width = NARROWEST, maxName = Infinity): number {
  const room = width - 2 * LEGEND.padding
  let lines = names.length ? 1 : 0
  let x = 0
  for (const n of names) {
    const w = LEGEND.itemWidth + LEGEND.textGap + Math.min(textWidth(n, size), maxName)
    if (x > 0 && x + w > room) {
      lines++
      x = 0
    }
    x += w + LEGEND.itemGap
  }
  return lines
}

/** Height of `lines` legend lines with the legend's padding. */
export function legendHeight(ctx: ChartContext, lines: number): number {
  return lines === 0 ? 0 : 2 * LEGEND.padding + lines * (tokens(ctx).small + 4) + (lines - 1) * LEGEND.itemGap
}

/** Room beside a plot for the widest of these value labels (drawn at bar ends). */
export function labelRoom(ctx: ChartContext, labels: string[]): number {
  return Math.max(16, ...labels.map((l) => textWidth(l, tokens(ctx).small) + 10))
}

/**
 * A plain legend at the top that wraps onto as many lines as it needs; the
 * plot's top edge for it at the narrowest panel (`top` maps a legend height to
 * that edge); and media queries giving wider charts the room back.
 */
export function topLegend(ctx: ChartContext, names: string[], top: (legendHeight: number) => number): { legend: Record<string, unknown>; top: number; media: object[] } {
  const size = tokens(ctx).small
  // On a slide, large glyph boxes reach above where ECharts places them: start the legend a little lower.
  const lift = ctx.profile ? Math.ceil(ctx.profile.small * 0.4) : 0
  return {
    legend: {
      type: 'plain',
      show: names.length > 0,
      top: lift,
      left: 0,
      right: 0,
      padding: LEGEND.padding,
      itemWidth: LEGEND.itemWidth,
      itemHeight: LEGEND.itemHeight,
      itemGap: LEGEND.itemGap,
      // Long names cut with "…"; the full name shows on hovering the legend item.
      textStyle: nameTruncation(ctx),
      tooltip: { show: true, formatter: (p: { name?: string }) => (p.name ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`) },
    },
    top: lift + top(legendHeight(ctx, legendLines(names, size, ctx.profile?.width, nameLimit(ctx)))),
    media: legendMedia(ctx, names, top),
  }
}

/** Room for an axis name drawn above the plot. */
export function axisNameBand(ctx: ChartContext): number {
  return tokens(ctx).small + 14
}

/**
 * The plot's top edge: below the legend lines, then a band for the value axis
 * name (if any), then `extra` px (event labels).
 */
export function plotTop(ctx: ChartContext, legendHeight: number, axisName: boolean, extra = 0): number {
  return Math.max(8, legendHeight) + (axisName ? axisNameBand(ctx) : 6) + extra
}

/** Chart widths from which a legend may take fewer lines: two panels a row, one wide panel, an export. */
const BREAKPOINTS = [700, 900, 1200]

/**
 * ECharts media queries that move the plot up on wider charts, where the
 * legend takes fewer lines than at the narrowest panel. `top` gives the plot's
 * top edge for a legend of the given height.
 */
export function legendMedia(ctx: ChartContext, names: string[], top: (legendHeight: number) => number): { query: { minWidth: number }; option: { grid: { top: number } } }[] {
  const size = tokens(ctx).small
  const narrow = legendLines(names, size, ctx.profile?.width, nameLimit(ctx))
  return BREAKPOINTS.flatMap((w) => {
    const lines = legendLines(names, size, w - 20, nameLimit(ctx))
    return lines < narrow ? [{ query: { minWidth: w }, option: { grid: { top: top(legendHeight(ctx, lines)) } } }] : []
  })
}
