/**
 * Timeline events on a year axis: a dashed line per year with a short,
 * horizontal label above the plot ("1.0", "Plan", "14th FYP"), staggered onto
 * as many lines as the narrowest panel needs, and the full wording, date and
 * source in the tooltip.
 */
import { figureNote, type ColumnarDataset, type DatasetEvent } from '../dataset'
import { sourceCitation, sourceTierText } from '../format'
import type { Lang } from '../settings'
import { t } from '../i18n'
import { escapeHtml, labelText, tokens } from './common'
import { labelled, paren, T, tr } from './labels'
import { NARROWEST, textWidth } from './layout'
import type { ChartContext, SourceMark } from './types'

const SHORT: { test: RegExp; text: (m: RegExpExecArray, lang: Lang) => string }[] = [
  { test: /\b(\d\.0)\b/, text: (m) => m[1]! },
  { test: /\b(\d+)(?:st|nd|rd|th) Five-Year Plan/i, text: (m, lang) => t(lang, 'charts.words.fyp', { n: lang === 'en' ? m[1]! : toChineseOrdinal(Number(m[1])) }) },
  { test: /\bplan\b/i, text: (_, lang) => t(lang, 'charts.words.plan') },
]

function toChineseOrdinal(n: number): string {
  const d = '〇一二三四五六七八九'
  return n < 10 ? d[n]! : n < 20 ? `十${n % 10 ? d[n % 10] : ''}` : String(n)
}

/** The event's label without "(per …)" / "（据…）", which names the source rather than the event. */
function core(label: string): string {
  return label.replace(/\s*[(（](per|据)[^)）]*[)）]\s*$/i, '').trim()
}

/** A short label for an event: "1.0", "14th FYP", "Plan", or its first words. */
export function shortEventLabel(e: DatasetEvent, lang: Lang): string {
  for (const s of SHORT) {
    const m = s.test.exec(e.label.en)
    if (m) return s.text(m, lang)
  }
  const text = core(e.label[lang])
  const limit = lang === 'en' ? 12 : 6
  return [...text].length <= limit ? text : `${[...text].slice(0, limit - 1).join('')}…`
}

interface YearEvents {
  year: string
  events: DatasetEvent[]
}

/** Events drawn on this axis, one entry per year, each year's events in date order. */
export function eventsByYear(d: ColumnarDataset, years: number[]): YearEvents[] {
  const events = (d.meta.events ?? []).filter((e) => years.includes(Number(e.date.slice(0, 4))))
  const byYear = new Map<string, DatasetEvent[]>()
  for (const e of [...events].sort((a, b) => a.date.localeCompare(b.date))) byYear.set(e.date.slice(0, 4), [...(byYear.get(e.date.slice(0, 4)) ?? []), e])
  return [...byYear].sort(([a], [b]) => a.localeCompare(b)).map(([year, list]) => ({ year, events: list }))
}

/** Events the sources date differently: the same event (label without its "per …") at more than one date. */
function disputed(d: ColumnarDataset): Set<DatasetEvent> {
  const all = d.meta.events ?? []
  return new Set(all.filter((e) => all.some((o) => o !== e && o.date !== e.date && core(o.label.en) === core(e.label.en))))
}

/** Marks that events add: secondary-sourced events, and events the sources date differently. */
export function eventMarks(d: ColumnarDataset, years: number[]): SourceMark[] {
  const shown = eventsByYear(d, years).flatMap((y) => y.events)
  const contested = disputed(d)
  return [...(shown.some((e) => e.source.tier === 'secondary') ? ['secondary' as const] : []), ...(shown.some((e) => contested.has(e)) ? ['conflict' as const] : [])]
}

/** Each label's line above the plot (0 nearest the plot), so that no two labels on a line touch at the narrowest panel. */
export function staggerRows(centres: number[], widths: number[], gap = 8): number[] {
  const ends: number[] = []
  return centres.map((c, i) => {
    const left = c - widths[i]! / 2
    let row = ends.findIndex((end) => left >= end + gap)
    if (row === -1) row = ends.length
    ends[row] = c + widths[i]! / 2
    return row
  })
}

/** Height of one line of event labels. */
export function eventLineHeight(ctx: ChartContext): number {
  return tokens(ctx).small + 6
}

/**
 * The markLine for the events and the height its labels take above the plot.
 * `boundaryGap`: whether years sit in the middle of their band (bar charts).
 */
export function eventLines(d: ColumnarDataset, ctx: ChartContext, years: number[], boundaryGap: boolean): { markLine: object; height: number } | null {
  const t = tokens(ctx)
  const groups = eventsByYear(d, years)
  if (groups.length === 0) return null
  const contested = disputed(d)
  const labels = groups.map(({ events }) =>
    events.map((e) => `${shortEventLabel(e, ctx.lang)}${e.source.tier === 'secondary' ? '*' : ''}${contested.has(e) ? '‡' : ''}`).join(' · '),
  )
  // The plot at the narrowest panel (or the slide's chart width): less the value axis labels on either side.
  const plot = (ctx.profile?.width ?? NARROWEST) - 100
  const step = plot / (boundaryGap ? years.length : Math.max(1, years.length - 1))
  const widths = labels.map((l) => textWidth(l, t.small))
  // On a slide, a label that would stick out past the plot's end is drawn ending at its line (or starting at it), not centred.
  const aligns = groups.map(({ year }, i) => {
    if (!ctx.profile) return undefined
    const c = (years.indexOf(Number(year)) + (boundaryGap ? 0.5 : 0)) * step
    return c + widths[i]! / 2 > plot + 40 ? 'right' : c - widths[i]! / 2 < -40 ? 'left' : undefined
  })
  const centres = groups.map(({ year }, i) => {
    const c = (years.indexOf(Number(year)) + (boundaryGap ? 0.5 : 0)) * step
    return aligns[i] === 'right' ? c - widths[i]! / 2 : aligns[i] === 'left' ? c + widths[i]! / 2 : c
  })
  const rows = staggerRows(centres, widths)
  const line = eventLineHeight(ctx)
  return {
    height: (Math.max(...rows) + 1) * line + 4,
    markLine: {
      symbol: 'none',
      silent: false,
      // Under the period labels, so the dashes never strike through them.
      z: 1,
      lineStyle: { type: 'dashed', color: t.muted, width: Math.max(1, t.lineWidth - 1) },
      label: { position: 'end', ...labelText(ctx) },
      emphasis: { disabled: true },
      data: groups.map(({ year, events }, i) => {
        const tip = events.flatMap((e) => {
          const l = [`<b>${escapeHtml(e.label[ctx.lang])}</b>${e.source.tier === 'secondary' ? ' *' : ''}${contested.has(e) ? ' ‡' : ''}`, `${escapeHtml(e.date)} · ${labelled(tr(T.source, ctx.lang), `${escapeHtml(sourceCitation(e.source, ctx.lang))}${paren(sourceTierText(e.source, ctx.lang), ctx.lang)}`, ctx.lang)}`]
          const note = figureNote(e, ctx.lang)
          if (note) l.push(labelled(tr(T.note, ctx.lang), escapeHtml(note), ctx.lang))
          return l
        })
        return { xAxis: year, name: labels[i], label: { formatter: labels[i], distance: 4 + rows[i]! * line, ...(aligns[i] ? { align: aligns[i] } : {}) }, tip: tip.join('<br/>') }
      }),
    },
  }
}
