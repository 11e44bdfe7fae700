/**
 * Helpers every chart shares: marks for secondary, derived and conflicting
 * figures, tooltips, the source line, empty states and the base option.
 */
import type { ColumnarDataset, DatasetEvent, Figure, Source, Tier } from '../dataset'
import { TIERS, figureNote, sourceKey, sourceTitle } from '../dataset'
import { decimalsOf, formatFixed, formatPrintedWithUnit, qualifierWord, sourceCitation, sourceTierText } from '../format'
import type { Lang } from '../settings'
import { t, type MessageKey } from '../i18n'
import { fill, labelled, paren, T, tr, type Text } from './labels'
import { AXIS_NAME_SHARE, nameTruncation, plotTop } from './layout'
import { eventRow, figureRow, type TableRow } from './table'
import { tokensFor, FONT_FAMILY, type ThemeTokens } from './themes'
import type { ChartContext, ChartResult, ChartSpec, DashboardId, SourceMark } from './types'

/** The order source marks are listed in, everywhere. */
export const MARK_ORDER: SourceMark[] = ['secondary', 'derived', 'conflict']
/** The symbol of each source mark: * secondary, † derived, ‡ conflict. */
export const MARK_SYMBOL: Record<SourceMark, string> = { secondary: '*', derived: '†', conflict: '‡' }

/** The marks one figure carries. */
export function marksOf(f: Figure): SourceMark[] {
  const m: SourceMark[] = []
  // A derived figure computed from a secondary one keeps the secondary mark.
  if (f.source.tier === 'secondary' || (f.source.tier === 'derived' && f.source.inputTier === 'secondary')) m.push('secondary')
  if (f.source.tier === 'derived') m.push('derived')
  if (f.conflict) m.push('conflict')
  return m
}

/** The marks of a set of figures, in a fixed order. */
export function collectMarks(figs: (Figure | null)[], extra: SourceMark[] = []): SourceMark[] {
  const set = new Set<SourceMark>(extra)
  for (const f of figs) if (f) for (const m of marksOf(f)) set.add(m)
  return MARK_ORDER.filter((m) => set.has(m))
}

/** "*", "†", "‡" appended to labels of marked figures. */
export function suffix(f: Figure | null): string {
  return f ? marksOf(f).map((m) => MARK_SYMBOL[m]).join('') : ''
}

/** Distinct sources, in first-seen order; derived ones with different formulas stay apart. */
export function sourcesOf(figs: (Figure | null)[]): Source[] {
  const seen = new Map<string, Source>()
  for (const f of figs) if (f) seen.set(sourceKey(f.source), f.source)
  return [...seen.values()]
}

/** The source line's heading for each tier ("Article", "Official", "Secondary", "Derived from"; 原文、官方、二手资料、推算依据). */
const LINE_HEAD: Record<Tier, MessageKey> = {
  article: 'charts.sourceLine.article',
  official: 'charts.sourceLine.official',
  secondary: 'charts.sourceLine.secondary',
  derived: 'charts.sourceLine.derived',
}

/**
 * The source line under a chart, every word from the catalogue in `lang`:
 * "Sources — Article: … · Official: …; … · Secondary: … · Derived from: … (formula)",
 * "来源 — 原文：… · 官方：…；… · 二手资料：… · 推算依据：…（算式）". Titles as `sourceTitle` shows them in `lang`.
 */
export function sourceLine(sources: Source[], lang: Lang, extra: string[] = []): string {
  const parts: string[] = []
  const colon = t(lang, 'charts.sourceLine.colon')
  const sep = t(lang, 'charts.words.listSep')
  for (const tier of TIERS as readonly Tier[]) {
    // One entry per title; a derived title lists every formula computed from it ("X (1 ÷ 16 = 6.25%, 1 ÷ 15 = 6.67%)").
    const byTitle = new Map<string, string[]>()
    for (const s of sources.filter((x) => x.tier === tier)) {
      const title = sourceTitle(s, lang)
      const formulas = byTitle.get(title) ?? []
      if (tier === 'derived' && s.formula && !formulas.includes(s.formula)) formulas.push(s.formula)
      byTitle.set(title, formulas)
    }
    const titles = [...byTitle].map(([title, formulas]) => (formulas.length ? `${title}${paren(formulas.join(t(lang, 'charts.words.enumSep')), lang)}` : title))
    if (titles.length) parts.push(`${t(lang, LINE_HEAD[tier])}${colon}${titles.join(sep)}`)
  }
  parts.push(...extra)
  return `${t(lang, 'charts.sourceLine.lead')} — ${parts.join(' · ')}`
}

/** Escapes text for the HTML of ECharts tooltips (dataset text is never trusted as markup). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** The time a figure refers to: its period if it has one, else its year. */
export function when(f: Figure): string {
  return f.period ?? (f.year === null ? '' : String(f.year))
}

/** Tooltip HTML for one figure: name, year/period, value with unit and marks, source and tier, formula, note. */
export function tipFor(f: Figure, name: string, lang: Lang, extraLines: string[] = []): string {
  const lines = [`<b>${escapeHtml(name)}</b>`]
  const w = when(f)
  lines.push(`${w ? labelled(escapeHtml(w), '', lang) : ''}${escapeHtml(formatPrintedWithUnit(f, lang))}${suffix(f) ? ` ${suffix(f)}` : ''}`)
  lines.push(labelled(tr(T.source, lang), `${escapeHtml(sourceCitation(f.source, lang))}${paren(sourceTierText(f.source, lang), lang)}`, lang))
  if (f.source.formula) lines.push(labelled(tr(T.formula, lang), escapeHtml(f.source.formula), lang))
  if (f.conflict) lines.push(`‡ ${tr(T.conflict, lang)}`)
  const note = figureNote(f, lang)
  if (note) lines.push(labelled(tr(T.note, lang), escapeHtml(note), lang))
  for (const l of extraLines) lines.push(escapeHtml(l))
  return lines.join('<br/>')
}

interface TipParams {
  data?: unknown
}

/** Tooltip formatter reading the `tip` each data item carries; works for item and axis triggers. */
export function tooltipFormatter(params: TipParams | TipParams[]): string {
  const list = Array.isArray(params) ? params : [params]
  return list
    .map((p) => (p.data && typeof p.data === 'object' && 'tip' in p.data ? String((p.data as { tip: unknown }).tip) : ''))
    .filter(Boolean)
    .join('<br/><br/>')
}

/** The theme's chart tokens, with the sizes of `ctx.profile` when the chart is drawn for a known screen. */
export function tokens(ctx: ChartContext): ThemeTokens {
  return tokensFor(ctx)
}

/** Text style for labels set inside an option (they do not all inherit the theme's sizes). */
export function labelText(ctx: ChartContext, color?: string): { fontSize: number; fontFamily: string; color: string } {
  const t = tokens(ctx)
  return { fontSize: t.small, fontFamily: FONT_FAMILY, color: color ?? t.text }
}

/** A footnote explaining the mark symbols used, drawn at the bottom-left of the chart. */
export function markFootnote(marks: SourceMark[], ctx: ChartContext): object[] {
  if (marks.length === 0) return []
  const key: Record<SourceMark, Text> = { secondary: T.markSecondary, derived: T.markDerived, conflict: T.markConflict }
  const text = marks.map((m) => tr(key[m], ctx.lang)).join('   ')
  return [{ type: 'text', left: 4, bottom: 2 + slideSlack(ctx), silent: true, style: { text, ...labelText(ctx, tokens(ctx).muted), fill: tokens(ctx).muted } }]
}

/** Options every chart shares: font, tooltip, aria and decals, grid that keeps labels inside. */
export function baseOption(ctx: ChartContext, marks: SourceMark[], ariaLabel: string): Record<string, unknown> {
  const t = tokens(ctx)
  return {
    textStyle: { fontFamily: FONT_FAMILY, fontSize: t.base },
    aria: { enabled: true, label: { description: ariaLabel }, decal: { show: ctx.decals } },
    // Confined to the chart and wrapped: a long note or URL never makes the box wider than a small window.
    tooltip: { trigger: 'item', confine: true, formatter: tooltipFormatter, textStyle: { fontSize: t.small + 1, fontFamily: FONT_FAMILY }, extraCssText: 'max-width: min(420px, 90vw); white-space: normal; overflow-wrap: anywhere;' },
    grid: { left: 8, right: gridRight(ctx), top: plotTop(ctx, 0, true), bottom: gridBottom(ctx, marks), containLabel: true },
    graphic: markFootnote(marks, ctx),
  }
}

/** Room below the plot for the mark footnote and, if `axisName`, an x-axis name drawn under the labels. */
export function gridBottom(ctx: ChartContext, marks: SourceMark[], axisName = false): number {
  const t = tokens(ctx)
  return (marks.length ? t.small + 16 : 4) + (axisName ? t.small + 18 : 0) + slideSlack(ctx)
}

/**
 * Extra room at the plot's bottom edge on a slide (`ctx.profile`): large text's
 * glyph boxes reach below where ECharts places them, so the last line of
 * labels keeps clear of the chart's edge. Nothing on dashboards.
 */
export function slideSlack(ctx: ChartContext): number {
  return ctx.profile ? Math.ceil(ctx.profile.small * 0.4) : 0
}

/** Room right of the plot: the last x-axis label is centred on the edge, so half of it sticks out (wider with slide text). */
export function gridRight(ctx: ChartContext): number {
  return ctx.profile ? Math.ceil(ctx.profile.small * 1.3) : 16
}

/** The name of an x axis, centred under its labels. */
export function xName(ctx: ChartContext, name: string): Record<string, unknown> {
  return { name, nameLocation: 'middle', nameGap: tokens(ctx).small + 14 }
}


/**
 * Symbol shapes cycled per series, so series stay apart once colours repeat or for readers who
 * cannot tell them apart. Five shapes against six or seven colours: no two of the first 30 series share both.
 */
export const SHAPES = ['circle', 'rect', 'triangle', 'diamond', 'pin']

/**
 * Nine marker shapes, one per city, so nine lines stay apart without colour (the
 * projector palette has six colours, light and dark seven): ECharts' built-in shapes
 * plus a cross, a star and a downward triangle drawn as SVG paths. Cities whose
 * colour repeats (the 7th and 8th after the 1st and 2nd; the 7th–9th after the
 * 1st–3rd on the projector) get unlike outlines: circle/arrow, square/star,
 * triangle/pin — never a square and a rounded square.
 */
export const NINE_SHAPES = [
  'circle',
  'rect',
  'triangle',
  'diamond',
  'path://M0,0 L10,0 L5,10 Z',
  'path://M3,0 H7 V3 H10 V7 H7 V10 H3 V7 H0 V3 H3 Z',
  'arrow',
  'path://M5,0 L6.2,3.6 L10,3.6 L7,5.9 L8.1,9.5 L5,7.3 L1.9,9.5 L3,5.9 L0,3.6 L3.8,3.6 Z',
  'pin',
]

/**
 * A short label for a figure drawn in an axis unit `div` times its own (亿元 on a
 * billion-yuan axis: 10): its qualifier word, every printed digit, and its marks —
 * "est. 175*", "估 1,750*", "over 2,300".
 */
export function valueLabel(f: Figure, lang: Lang, div = 1): string {
  if (f.value === null) return ''
  const q = qualifierWord(f.qualifier, lang)
  const num = (x: number): string => {
    const v = x / div
    const dec = f.decimals !== undefined ? f.decimals + Math.round(Math.log10(div)) : decimalsOf(v)
    return formatFixed(v, lang, Math.max(0, dec))
  }
  const range = f.valueHigh !== null && f.valueHigh !== f.value ? `–${num(f.valueHigh)}` : ''
  return `${q ? `${q} ` : ''}${num(f.value)}${range}${f.unit === 'percent' ? '%' : ''}${suffix(f)}`
}

/** The empty state of a chart, with the message the panel shows. */
export function empty(message: string): ChartResult {
  return { kind: 'empty', message }
}

/** The empty state for a dataset that is not loaded. */
export function missingDataset(id: string, lang: Lang): ChartResult {
  return empty(fill(tr(T.missingDataset, lang), { id }))
}

/** The empty state for a dataset that lacks the figures a chart needs. */
export function missingFigures(id: string, what: string[], lang: Lang): ChartResult {
  return empty(fill(tr(T.missingFigures, lang), { id, what: what.join(t(lang, 'charts.words.enumSep')) }))
}

/** What a chart draws besides its figures: computed rows and dated events, for its table and source line. */
export interface ChartExtras {
  /** The dataset the figures come from, for entity and indicator names in the table. */
  d?: ColumnarDataset
  /** Rows for values the chart computes and draws (growth rates), after the figures' rows. */
  rows?: TableRow[]
  /** Events drawn on the chart: their sources join the source line, their rows the table. */
  events?: DatasetEvent[]
  /** The figures the chart draws, when not all of `figs` are drawn (a computed chart's inputs are sources, not marks). */
  drawn?: Figure[]
}

/** Wraps an option with its sources, marks and table (one row per figure, computed value and event drawn). */
export function chartResult(
  option: Record<string, unknown>,
  figs: (Figure | null)[],
  ctx: ChartContext,
  unitLabel: string,
  extraSources: string[] = [],
  extraMarks: SourceMark[] = [],
  extras: ChartExtras = {},
): ChartResult {
  const present = figs.filter((f): f is Figure => f !== null)
  const years = present.map((f) => f.year).filter((y): y is number => y !== null)
  const events = extras.events ?? []
  const sources = sourcesOf([...present, ...events.map((e) => ({ source: e.source }) as Figure)])
  const seen = new Set<Figure>()
  const unique = (extras.drawn ?? present).filter((f) => !seen.has(f) && seen.add(f))
  return {
    kind: 'chart',
    option: limitNames(option, ctx),
    sources,
    sourceLine: sourceLine(sources, ctx.lang, extraSources),
    marks: collectMarks(present, extraMarks),
    asOf: years.length ? String(Math.max(...years)) : null,
    unitLabel,
    table: [...unique.map((f) => figureRow(f, extras.d, ctx.lang)), ...(extras.rows ?? []), ...events.map((e) => eventRow(e, ctx.lang))],
  }
}

type Axis = { type?: string; axisLabel?: Record<string, unknown> }

/**
 * Cuts long names on category axes at `AXIS_NAME_SHARE` of the width with "…" (two lines where the axis wraps
 * its names), so a long entity name never crushes the plot; tooltips and the table keep the full name.
 */
export function limitNames(option: Record<string, unknown>, ctx: ChartContext): Record<string, unknown> {
  const cut = nameTruncation(ctx, AXIS_NAME_SHARE)
  const limit = (a: Axis): Axis => {
    if (a.type !== 'category') return a
    const l = a.axisLabel ?? {}
    const wraps = l.overflow === 'break'
    const lineHeight = typeof l.lineHeight === 'number' ? l.lineHeight : tokens(ctx).small + 4
    return { ...a, axisLabel: { ...cut, ...(wraps ? { height: 2 * lineHeight, lineOverflow: 'truncate' } : {}), ...l } }
  }
  const axes = (v: unknown) => (Array.isArray(v) ? v.map(limit) : v && typeof v === 'object' ? limit(v as Axis) : v)
  return { ...option, ...(option.xAxis ? { xAxis: axes(option.xAxis) } : {}), ...(option.yAxis ? { yAxis: axes(option.yAxis) } : {}) }
}

/** Style of a data point by tier: official and article solid, secondary hollow, derived hollow diamond. */
export function pointStyle(f: Figure, color: string, ctx: ChartContext, shape = 'circle'): Record<string, unknown> {
  const t = tokens(ctx)
  const tier = f.source.tier
  if (tier === 'secondary' || tier === 'derived' || f.conflict) {
    return {
      symbol: tier === 'derived' && shape === 'circle' ? 'diamond' : shape,
      symbolSize: t.symbolSize + 3,
      itemStyle: { color: t.background, borderColor: color, borderWidth: Math.max(2, t.lineWidth), borderType: tier === 'secondary' ? 'dashed' : 'solid' },
    }
  }
  return { symbol: shape, symbolSize: t.symbolSize, itemStyle: { color } }
}

/** Bar style by tier: marked figures get a lighter fill and a dashed outline, so they read as different without colour. */
export function barStyle(f: Figure, color: string, ctx: ChartContext): Record<string, unknown> {
  const t = tokens(ctx)
  if (marksOf(f).length === 0) return { itemStyle: { color } }
  // A translucent fill, not `opacity`, which would also fade the bar's label.
  return { itemStyle: { color: translucent(color, 0.35), borderColor: color, borderWidth: t.lineWidth >= 4 ? 2 : 1.5, borderType: 'dashed' } }
}

function translucent(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
  return m ? `rgba(${parseInt(m[1]!, 16)},${parseInt(m[2]!, 16)},${parseInt(m[3]!, 16)},${alpha})` : hex
}

/** A chart spec factory for one dashboard: id, bilingual title, builder. */
export function chartOf(dashboard: DashboardId) {
  return (id: string, title: Text, build: ChartSpec['build']): ChartSpec => ({
    id,
    dashboard,
    title: (ctx) => tr(title, ctx.lang),
    build,
  })
}
