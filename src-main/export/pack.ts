/**
 * The briefing pack: every chart of every dashboard as PNG and SVG files in
 * one folder, plus one PDF with an index page of figures and sources and one
 * chart per page with its caption, and (when asked) the PowerPoint deck.
 * Cancellable between charts; each file is
 * written atomically, and a chart's files are written together or not at all.
 */
import { join } from 'node:path'
import { DASHBOARDS } from '../../src-shared/charts/index'
import type { DashboardId, DataIndex } from '../../src-shared/charts/types'
import type { Lang, Theme } from '../../src-shared/settings'
import type { ChartData } from './compose'
import { packDeckName, packFileName, packPdfName } from './names'
import { addChartPage, addIndexPages, PDF_PIXEL_RATIO, pdfChartSize, type PackEntry } from './pack-pdf'
import { createPdf, PDF_MARGIN, PDF_PAGES, type PdfBuild } from './pdf'
import { buildDeck } from './pptx'
import type { DeckAspect } from './pptx-layout'
import type { DeckSlide } from './deck'
import { buildChart, chartContext, chartSvgFromResult, checkChartOptions, encodeSvg, type ViewChoices } from './render'
import { ensureExportDir, writeExport } from './write'

/** The formats a briefing pack writes: a PNG and/or SVG per chart, one PDF with the index, and the PowerPoint deck. */
export type PackFormat = 'png' | 'svg' | 'pdf' | 'pptx'

/** Every format a pack can hold. */
export const PACK_FORMATS: readonly PackFormat[] = ['png', 'svg', 'pdf', 'pptx']

/** How a briefing pack is written: formats, chart size and pixel ratio, theme, language, and an abort signal for Cancel. */
export interface PackOptions extends ViewChoices {
  formats: PackFormat[]
  scale: number
  width: number
  height: number
  theme: Theme
  lang: Lang
  breakYear?: number
  decals?: boolean
  onProgress?: (p: { done: number; total: number; file: string }) => void
  signal?: AbortSignal
  /** PDF content streams uncompressed (tests read the text). */
  compressPdf?: boolean
  /** The deck's slide shape (pptx only; default 16:9). */
  aspect?: DeckAspect
  /** The app's version, on the deck's title slide (pptx only). */
  appVersion?: string
  /** Printed on every page, picture and slide, or `null` for none. */
  marking?: string | null
  /** The deck's slides (pptx only; default: the default deck). */
  slides?: DeckSlide[]
}

/** What a finished pack wrote, and which charts it left out for lack of data. */
export interface PackResult {
  /** Full paths of the files written, in order. */
  files: string[]
  /** Charts with no data to draw, listed in the PDF index but not exported. */
  skipped: { chart: string; reason: string }[]
}

const DASHBOARD_ORDER: DashboardId[] = ['rectification', 'industry', 'cities']

/** Lets a pending abort (from a click or an IPC call) be delivered between charts. */
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** Writes every chart of every dashboard into `outDir` as `NN-dashboard-chart-lang.ext`, plus the PDF with its index of figures and sources and, when asked, the deck (`00-briefing-lang.pptx`). Throws `RangeError` for bad options, `ExportWriteError` when a file cannot be written, and the signal's reason when cancelled; files written before a failure are kept. */
export async function exportBriefingPack(outDir: string, data: DataIndex, opts: PackOptions): Promise<PackResult> {
  const formats = [...new Set(opts.formats)]
  if (formats.length === 0 || formats.some((f) => !PACK_FORMATS.includes(f))) throw new RangeError(`formats must be some of ${PACK_FORMATS.join(', ')}, got ${opts.formats.join(',') || 'none'}`)
  const bad = checkChartOptions(opts)
  if (bad) throw new RangeError(bad)
  opts.signal?.throwIfAborted()

  const ctx = chartContext(opts)
  const entries: PackEntry[] = []
  const skipped: PackResult['skipped'] = []
  let n = 0
  for (const id of DASHBOARD_ORDER) {
    const dash = DASHBOARDS[id]
    for (const spec of dash.charts) {
      n++
      const built = buildChart(spec, data, ctx)
      const entry: PackEntry = { n, dashboard: id, dashboardTitle: dash.title(ctx), chartId: spec.id, title: built.title, result: null, reason: null, files: [] }
      if ('error' in built) {
        entry.reason = built.error
        skipped.push({ chart: spec.id, reason: built.error })
      } else {
        entry.result = built.result
      }
      entries.push(entry)
    }
  }

  const drawn = entries.filter((e) => e.result)
  const imageFormats = formats.filter((f): f is 'png' | 'svg' => f === 'png' || f === 'svg')
  const total = drawn.length * imageFormats.length + (formats.includes('pdf') ? 1 : 0) + (formats.includes('pptx') ? 1 : 0)
  const files: string[] = []
  let done = 0
  await ensureExportDir(outDir)

  const wantPdf = formats.includes('pdf')
  const pdfImages: { entry: PackEntry; png: Uint8Array }[] = []

  // A deck-only pack draws its pictures in the deck, at the slide's size.
  for (const e of imageFormats.length || wantPdf ? drawn : []) {
    await tick()
    opts.signal?.throwIfAborted()
    const result = e.result as ChartData
    const svg = chartSvgFromResult(e.title, result, { ...opts, background: 'solid', caption: true })
    // Render every file of this chart before writing any, so a cancel leaves none of them.
    const outputs = imageFormats.map((format) => ({ name: packFileName(e.n, e.dashboard, e.chartId, opts.lang, format), bytes: encodeSvg(svg, { ...opts, format }).bytes }))
    if (wantPdf) {
      // The PDF page carries the caption as text, so its picture has none.
      // Laid out at its printed size, so its labels print at the screen's size, not shrunk.
      const size = pdfChartSize(PDF_PAGES.a4, PDF_MARGIN, opts)
      const plain = chartSvgFromResult(e.title, result, { ...opts, ...size, background: 'solid', caption: false, marking: null })
      pdfImages.push({ entry: e, png: encodeSvg(plain, { ...opts, ...size, format: 'png', scale: PDF_PIXEL_RATIO }).bytes })
    }
    opts.signal?.throwIfAborted()
    for (const o of outputs) {
      const path = join(outDir, o.name)
      await writeExport(path, o.bytes)
      files.push(path)
      e.files.push(o.name)
      opts.onProgress?.({ done: ++done, total, file: path })
    }
  }

  if (wantPdf) {
    await tick()
    opts.signal?.throwIfAborted()
    const bytes = await packPdf(entries, pdfImages, opts)
    opts.signal?.throwIfAborted()
    const path = join(outDir, packPdfName(opts.lang))
    await writeExport(path, bytes)
    files.push(path)
    opts.onProgress?.({ done: ++done, total, file: path })
  }

  if (formats.includes('pptx')) {
    const path = await writePackDeck(outDir, data, opts)
    files.push(path)
    opts.onProgress?.({ done: ++done, total, file: path })
  }
  return { files, skipped }
}

/** Builds the pack's deck and writes it as `00-briefing-lang.pptx`; nothing is written when cancelled. Returns its path. */
async function writePackDeck(outDir: string, data: DataIndex, opts: PackOptions): Promise<string> {
  const deck = await buildDeck(data, {
    aspect: opts.aspect ?? '16:9',
    theme: opts.theme,
    lang: opts.lang,
    appVersion: opts.appVersion ?? '',
    marking: opts.marking,
    breakYear: opts.breakYear,
    decals: opts.decals,
    cityScale: opts.cityScale,
    mapIndicator: opts.mapIndicator,
    signal: opts.signal,
    slides: opts.slides,
  })
  opts.signal?.throwIfAborted()
  const path = join(outDir, packDeckName(opts.lang))
  await writeExport(path, deck.bytes)
  return path
}

/**
 * The pack's PDF: the index, then a page per chart. The index names each
 * chart's page, which depends on how many pages the index takes, so it is
 * laid out again in the rare case it runs over one page.
 */
async function packPdf(entries: PackEntry[], images: { entry: PackEntry; png: Uint8Array }[], opts: PackOptions): Promise<Uint8Array> {
  // Each chart's page number depends on the index's length and on how many pages the
  // tables before it take: a first pass without pictures (cheap) counts them, the second draws.
  const draw = (starts: Map<number, number> | null, pictures: boolean): { pdf: PdfBuild; starts: Map<number, number> } => {
    const pdf = createPdf({ size: PDF_PAGES.a4, title: `G60 Briefing (${opts.lang})`, lang: opts.lang, compress: opts.compressPdf })
    const assumed = starts ?? new Map(images.map((img, i) => [img.entry.n, i + 2]))
    const used = addIndexPages(pdf.doc, entries, opts, (e) => assumed.get(e.n))
    const actual = new Map<number, number>()
    let page = used + 1
    for (const img of images) {
      actual.set(img.entry.n, page)
      page += addChartPage(pdf.doc, img.entry, pictures ? img.png : null, opts, page)
    }
    return { pdf, starts: actual }
  }
  const measured = draw(null, false)
  await measured.pdf.finish()
  // The index names the measured pages; its own length does not change with them (page numbers only).
  return draw(measured.starts, true).pdf.finish()
}
