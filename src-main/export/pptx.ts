/**
 * The briefing as a PowerPoint deck (.pptx), written with pptxgenjs in Node.
 * Each chart is a PNG drawn at twice the slide's size (not SVG: a deck
 * written outside PowerPoint embeds SVG with a generated fallback that WPS
 * and LibreOffice show broken) with alt text; titles, takeaways, source
 * lines and dates are real text boxes in the bundled font's family, so they
 * stay editable; the speaker notes list every source of the slide in full.
 */
import PptxGenJS from 'pptxgenjs'
import { DASHBOARDS, OVERVIEW_KPIS } from '../../src-shared/charts/index'
import type { ChartSpec, DataIndex, Kpi } from '../../src-shared/charts/types'
import { t } from '../../src-shared/i18n'
import type { Lang, Theme } from '../../src-shared/settings'
import { metaLine } from './caption'
import type { ChartData } from './compose'
import { defaultDeck, type DeckSlide } from './deck'
import { FONT_FAMILY } from './fonts'
import { WORDS } from './labels'
import { PALETTES, type ExportPalette } from './palette'
import { CHART_PIXEL_RATIO, chartSlideLayout, deckType, kpiCardLayout, kpiSlideLayout, SLIDE_SIZES, slideNotes, textSlideLayout, type Box, type DeckAspect } from './pptx-layout'
import { buildChart, chartContext, chartSvgFromResult, encodeSvg, type ViewChoices } from './render'
import { chartSummary } from './summary'
import { writeExport } from './write'

/** How a deck is written: slide shape, export theme, language, the title slide's version and time, the marking, the slides, progress and cancel. */
export interface DeckOptions extends ViewChoices {
  aspect: DeckAspect
  theme: Theme
  lang: Lang
  /** The app's version, printed on the title slide. */
  appVersion: string
  /** The marking printed on every slide, or `null` for none. */
  marking?: string | null
  breakYear?: number
  decals?: boolean
  /** The slides; the default deck of every chart when absent. */
  slides?: DeckSlide[]
  /** The export time printed on the title slide (default now). */
  now?: Date
  /** Called after each slide is drawn. */
  onSlide?: (done: number, total: number) => void
  signal?: AbortSignal
}

/** A built deck: the .pptx bytes, how many slides it has, and the chart slides left out for lack of data. */
export interface DeckResult {
  bytes: Uint8Array
  slides: number
  /** Chart slides left out because the chart had no data. */
  skipped: { chart: string; reason: string }[]
}

const CHARTS = new Map<string, ChartSpec>(Object.values(DASHBOARDS).flatMap((d) => d.charts.map((c) => [c.id, c] as const)))

/** pptxgenjs takes colours as six hex digits without "#". */
const hex = (c: string): string => c.replace(/^#/, '').toUpperCase()

/** Lets a pending abort be delivered between slides. */
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** `2026-11-30 19:05` in local time. */
function stamp(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}

type Slide = ReturnType<PptxGenJS['addSlide']>

/** A text box; `shrink` asks the viewer to shrink the text should it still overflow the box (a substitute font wider than measured; PowerPoint and LibreOffice honour it). */
function text(slide: Slide, s: string, box: Box, opts: { size: number; color: string; bold?: boolean; name: string; align?: 'left' | 'center'; valign?: 'top' | 'middle' | 'bottom'; shrink?: boolean }): void {
  slide.addText(s, {
    ...box,
    fontFace: FONT_FAMILY,
    fontSize: opts.size,
    bold: opts.bold ?? false,
    color: hex(opts.color),
    align: opts.align ?? 'left',
    valign: opts.valign ?? 'top',
    margin: 0,
    objectName: opts.name,
    ...(opts.shrink ? { fit: 'shrink' as const } : {}),
  })
}

function markingBand(slide: Slide, marking: string | null, box: Box | null, p: ExportPalette, size: number): void {
  if (!marking || !box) return
  // Inverted colours: a thin band that reads on every theme.
  slide.addText(marking, { ...box, fill: { color: hex(p.text) }, color: hex(p.background), fontFace: FONT_FAMILY, fontSize: size, bold: true, align: 'center', valign: 'middle', margin: 0, objectName: 'Marking' })
}

/** The headline figures as text boxes, three to a row, each with its source line; the notes list their sources. */
function kpiSlide(slide: Slide, data: DataIndex, opts: DeckOptions & { marking: string | null }, note: string | undefined): void {
  const ctx = chartContext(opts)
  const p = PALETTES[opts.theme]
  const type = deckType(opts.theme)
  const marking = opts.marking
  const words = WORDS[opts.lang]
  const kpis = OVERVIEW_KPIS.map((k) => k.build(data, ctx)).filter((k): k is Kpi => k !== null)
  const L = kpiSlideLayout(opts.aspect, opts.theme, marking, kpis.length)
  markingBand(slide, marking, L.marking, p, type.marking)
  text(slide, t(opts.lang, 'present.kpisTitle'), L.title, { size: type.title, color: p.text, bold: true, name: 'Title', valign: 'bottom' })
  kpis.forEach((k, i) => {
    const b = L.boxes[i]!
    const value = `${k.value} ${k.unit}`.trim()
    const c = kpiCardLayout(b, k.label, value, type)
    slide.addShape('rect', { ...b, fill: { color: hex(p.surface) }, line: { color: hex(p.border), width: 1 }, objectName: `KPI ${i + 1}` })
    text(slide, k.label, c.label, { size: c.label.fontSize, color: p.muted, name: `KPI ${i + 1} label`, shrink: true })
    text(slide, value, c.value, { size: c.value.fontSize, color: p.text, bold: true, name: `KPI ${i + 1} value`, shrink: true })
    const small = [...k.marks.map((m) => words.marks[m]), k.comparison, k.sourceLine].filter(Boolean).join(words.sep)
    text(slide, small, c.source, { size: c.source.fontSize, color: p.muted, name: `KPI ${i + 1} source`, shrink: true })
  })
  slide.addNotes(slideNotes(note, kpis.flatMap((k) => (k.figure ? [k.figure.source] : [])), opts.lang))
}

/**
 * Builds the deck in memory. Chart slides whose chart has no data are left
 * out (and listed in `skipped`) rather than shown blank. Rejects with an
 * `AbortError` when `signal` aborts between slides.
 */
export async function buildDeck(data: DataIndex, opts: DeckOptions): Promise<DeckResult> {
  opts.signal?.throwIfAborted()
  const slides = opts.slides ?? defaultDeck()
  const ctx = chartContext(opts)
  const p = PALETTES[opts.theme]
  const type = deckType(opts.theme)
  const marking = opts.marking?.trim() || null
  const size = SLIDE_SIZES[opts.aspect]
  const w = (key: Parameters<typeof t>[1], vars?: Record<string, string | number>): string => t(opts.lang, key, vars)

  // Build every chart first: the title slide names the latest as-of date, and empty charts are skipped.
  const built = new Map<string, { title: string; result: ChartData }>()
  const skipped: DeckResult['skipped'] = []
  for (const s of slides) {
    if (s.kind !== 'chart' || built.has(s.chartId)) continue
    const spec = CHARTS.get(s.chartId)
    if (!spec) throw new RangeError(`unknown chart "${s.chartId}" in the deck`)
    const b = buildChart(spec, data, ctx)
    if ('error' in b) skipped.push({ chart: s.chartId, reason: b.error })
    else built.set(s.chartId, b)
  }
  const shown = slides.filter((s) => s.kind !== 'chart' || built.has(s.chartId))
  const asOf = [...built.values()].map((b) => b.result.asOf).filter((a): a is string => a !== null).sort().pop() ?? null

  const pptx = new PptxGenJS()
  pptx.layout = size.layout
  pptx.title = w('app.title')
  pptx.author = w('app.title')
  pptx.company = w('app.title')
  pptx.subject = w('app.subtitle')
  pptx.theme = { headFontFace: FONT_FAMILY, bodyFontFace: FONT_FAMILY }

  let done = 0
  for (const s of shown) {
    await tick()
    opts.signal?.throwIfAborted()
    const slide = pptx.addSlide()
    slide.background = { color: hex(p.background) }

    if (s.kind === 'chart') {
      const b = built.get(s.chartId)!
      const r = b.result
      const summary = chartSummary(r, opts.lang)
      const L = chartSlideLayout(opts.aspect, opts.theme, marking, r.sourceLine)
      markingBand(slide, marking, L.marking, p, type.marking)
      text(slide, b.title, L.title, { size: type.title, color: p.text, bold: true, name: 'Title', valign: 'bottom' })
      text(slide, s.takeaway?.trim() || summary, L.takeaway, { size: type.takeaway, color: p.muted, name: 'Takeaway' })
      // The caption is on the slide as text, so the picture has none.
      const svg = chartSvgFromResult(b.title, r, { width: L.chart.pxWidth, height: L.chart.pxHeight, theme: opts.theme, lang: opts.lang, background: 'solid', caption: false })
      const png = encodeSvg(svg, { format: 'png', scale: CHART_PIXEL_RATIO, width: L.chart.pxWidth, height: L.chart.pxHeight, theme: opts.theme })
      slide.addImage({ data: `image/png;base64,${Buffer.from(png.bytes).toString('base64')}`, x: L.chart.x, y: L.chart.y, w: L.chart.w, h: L.chart.h, altText: `${b.title}. ${summary}`, objectName: 'Chart' })
      text(slide, L.source.text, L.source, { size: L.source.fontSize, color: p.muted, name: 'Sources' })
      text(slide, metaLine({ title: b.title, sourceLine: r.sourceLine, asOf: r.asOf, unitLabel: r.unitLabel, marks: r.marks }, opts.lang), L.meta, { size: type.meta, color: p.muted, name: 'As of' })
      slide.addNotes(slideNotes(s.note, r.sources, opts.lang))
    } else if (s.kind === 'section') {
      const dash = DASHBOARDS[s.dashboard]
      const L = textSlideLayout(opts.aspect, marking)
      markingBand(slide, marking, L.marking, p, type.marking)
      text(slide, dash.title(ctx), L.heading, { size: type.title + 8, color: p.text, bold: true, name: 'Title', valign: 'bottom' })
      text(slide, dash.takeaway(ctx), L.subheading, { size: type.takeaway + 3, color: p.muted, name: 'Takeaway' })
      const titles = dash.charts.filter((c) => built.has(c.id)).map((c) => built.get(c.id)!.title)
      if (titles.length) {
        slide.addText(
          [{ text: w('exportText.inSection'), options: { bold: true, breakLine: true } }, ...titles.map((title) => ({ text: title, options: { bullet: true, breakLine: true } }))],
          { ...L.body, fontFace: FONT_FAMILY, fontSize: type.takeaway - 1, color: hex(p.text), valign: 'top', margin: 0, objectName: 'Contents' },
        )
      }
      slide.addNotes(s.note?.trim() || dash.takeaway(ctx))
    } else if (s.kind === 'kpis') {
      kpiSlide(slide, data, { ...opts, marking }, s.note)
    } else {
      const L = textSlideLayout(opts.aspect, marking)
      markingBand(slide, marking, L.marking, p, type.marking)
      text(slide, w('app.title'), L.heading, { size: type.title + 14, color: p.text, bold: true, name: 'Title', valign: 'bottom' })
      text(slide, w('app.subtitle'), L.subheading, { size: type.takeaway + 5, color: p.muted, name: 'Subtitle' })
      const lines = [asOf ? w('exportText.asOf', { date: asOf }) : null, w('exportText.exported', { time: stamp(opts.now ?? new Date()) }), w('exportText.version', { version: opts.appVersion })].filter((l): l is string => l !== null)
      text(slide, lines.join('\n'), L.body, { size: type.takeaway, color: p.muted, name: 'Dates' })
      slide.addNotes([s.note?.trim(), w('exportText.deckNotesIntro')].filter(Boolean).join('\n\n'))
    }
    opts.onSlide?.(++done, shown.length)
  }

  await tick()
  opts.signal?.throwIfAborted()
  const out = (await pptx.write({ outputType: 'nodebuffer', compression: true })) as Buffer
  return { bytes: new Uint8Array(out.buffer, out.byteOffset, out.byteLength), slides: shown.length, skipped }
}

/**
 * Builds the deck and writes it to `path` atomically: an existing file is
 * replaced whole or not at all, and nothing is written when cancelled.
 */
export async function exportDeck(path: string, data: DataIndex, opts: DeckOptions): Promise<Omit<DeckResult, 'bytes'> & { path: string; bytes: number }> {
  const deck = await buildDeck(data, opts)
  opts.signal?.throwIfAborted()
  await writeExport(path, deck.bytes)
  return { path, bytes: deck.bytes.length, slides: deck.slides, skipped: deck.skipped }
}
