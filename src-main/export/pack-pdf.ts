/**
 * The briefing pack's PDF pages: the index of figures and sources, and one
 * page per chart with its caption as real text (drawn with the bundled CJK
 * font, so it can be searched and copied).
 */
import type { DashboardId } from '../../src-shared/charts/types'
import { TIERS, sourceTitle, type Source } from '../../src-shared/dataset'
import type { Lang, Theme } from '../../src-shared/settings'
import { metaLine } from './caption'
import type { ChartData } from './compose'
import { labelled, paren, tag } from '../../src-shared/charts/labels'
import { WORDS } from './labels'
import { markingPdf } from './marking'
import { columnHeader, type TableColumn, type TableRow } from '../../src-shared/charts/table'
import { noAddress, sourceTierText } from '../../src-shared/format'
import { PALETTES } from './palette'
import { PDF_FONT, PDF_FONT_BOLD } from './pdf'
import { PX_PER_INCH } from './pptx-layout'

/** One chart of a pack as the PDF index lists it: its number, dashboard, title, file names and built result (or why it was skipped). */
export interface PackEntry {
  /** 1-based position in the pack: the NN of its file names. */
  n: number
  dashboard: DashboardId
  dashboardTitle: string
  chartId: string
  title: string
  result: ChartData | null
  /** Why the chart was not exported (no data). */
  reason: string | null
  files: string[]
}

const nn = (n: number): string => String(n).padStart(2, '0')

/** Share of a page's height, inside its margins, that a chart's picture may take; the table starts under it. */
const PDF_PICTURE_SHARE = 0.5
/** Pixel ratio of a chart's PNG on a pack PDF page: a 458 pt picture of 611 px at 3× is about 290 dots per inch. */
export const PDF_PIXEL_RATIO = 3
/** PDF points per inch (the PDF user unit). */
const PT_PER_INCH = 72

/**
 * The CSS size (px) a chart is laid out at for a pack PDF page of `page` points with
 * `margin` points around, keeping the `aspect` (width, height) of the chosen chart size:
 * the size of its picture box at 96 px per inch. A chart laid out at 1920 px and shrunk
 * into a 458 pt box printed its 12 px labels at about 3 pt; laid out at the box's own
 * size they print at 9 pt, as on the screen. The PNG is drawn at a pixel ratio on top.
 */
export function pdfChartSize(page: readonly [number, number], margin: number, aspect: { width: number; height: number }): { width: number; height: number } {
  const innerW = page[0] - 2 * margin
  const boxH = (page[1] - 2 * margin) * PDF_PICTURE_SHARE
  const wPt = Math.min(innerW, (boxH * aspect.width) / aspect.height)
  const width = Math.round((wPt * PX_PER_INCH) / PT_PER_INCH)
  return { width, height: Math.round((width * aspect.height) / aspect.width) }
}

/** Paints the page's background (themes other than light) and the marking band, if any. */
function paintBackground(doc: PDFKit.PDFDocument, theme: Theme, marking?: string | null): void {
  if (theme !== 'light') doc.save().rect(0, 0, doc.page.width, doc.page.height).fill(PALETTES[theme].background).restore()
  if (marking?.trim()) markingPdf(doc, marking.trim(), PALETTES[theme], { bold: PDF_FONT_BOLD })
}

/** Every distinct source of the drawn charts, official first, then by title as shown in `lang`. */
export function packSources(entries: PackEntry[], lang: Lang): Source[] {
  const seen = new Map<string, Source>()
  for (const e of entries) for (const s of e.result?.sources ?? []) seen.set(JSON.stringify([s.tier, s.title, s.title_zh ?? null, s.title_en ?? null, s.url]), s)
  return [...seen.values()].sort((a, b) => TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier) || sourceTitle(a, lang).localeCompare(sourceTitle(b, lang), lang))
}

/**
 * Draws the index on the current page (and more if it runs long) and
 * returns how many pages it took.
 */
export function addIndexPages(doc: PDFKit.PDFDocument, entries: PackEntry[], opts: { lang: Lang; theme: Theme; marking?: string | null }, pageOf: (e: PackEntry) => number | undefined): number {
  const w = WORDS[opts.lang]
  const p = PALETTES[opts.theme]
  let pages = 1
  const onPage = (): void => {
    pages++
    paintBackground(doc, opts.theme, opts.marking)
  }
  doc.on('pageAdded', onPage)
  paintBackground(doc, opts.theme, opts.marking)
  const x = doc.page.margins.left
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right
  doc.x = x
  doc.font(PDF_FONT_BOLD).fontSize(18).fillColor(p.text).text(w.packTitle, { width })
  doc.font(PDF_FONT).fontSize(9).fillColor(p.muted).text(w.packSubtitle(new Date().toISOString().slice(0, 10)), { width })
  doc.moveDown(0.8)
  doc.font(PDF_FONT_BOLD).fontSize(12).fillColor(p.text).text(w.figures, { width })
  doc.moveDown(0.2)
  for (const e of entries) {
    const page = pageOf(e)
    const tail = e.result ? (page ? ` ${paren(w.page(page), opts.lang)}` : '') : ` ${paren(labelled(w.notExported, e.reason ?? '', opts.lang), opts.lang)}`
    doc.font(PDF_FONT).fontSize(8.5).fillColor(e.result ? p.text : p.muted).text(`${nn(e.n)}  ${e.dashboardTitle} · ${e.title}${tail}`, { width })
  }
  doc.moveDown(0.8)
  doc.font(PDF_FONT_BOLD).fontSize(12).fillColor(p.text).text(w.sources, { width })
  doc.moveDown(0.2)
  for (const s of packSources(entries, opts.lang)) {
    const year = s.year ? paren(String(s.year), opts.lang) : ''
    // One labelling rule (src-shared/format.ts): only the seed article is "Source article"; a source with no URL says so.
    const head = `${tag(sourceTierText(s, opts.lang), opts.lang)} ${sourceTitle(s, opts.lang)}${year}`
    if (s.url) {
      doc.font(PDF_FONT).fontSize(8).fillColor(p.text).text(head, { width, continued: true })
      doc.fillColor(p.accent).text(`  ${s.url}`, { width, link: s.url })
    } else if (s.tier === 'article') {
      doc.font(PDF_FONT).fontSize(8).fillColor(p.text).text(head, { width })
    } else {
      doc.font(PDF_FONT).fontSize(8).fillColor(p.text).text(head, { width, continued: true })
      doc.fillColor(p.muted).text(`  ${noAddress(opts.lang)}`, { width })
    }
  }
  doc.removeListener('pageAdded', onPage)
  return pages
}

/**
 * One chart on its own page: header, title, picture, its caption as text, then the
 * chart's table (every figure it draws, with tier and source), running onto further
 * pages when long. Returns the number of pages it took. `png` may be `null` to lay the
 * page out without its picture (to count pages before the real pass).
 */
export function addChartPage(doc: PDFKit.PDFDocument, e: PackEntry, png: Uint8Array | null, opts: { lang: Lang; theme: Theme; width: number; height: number; marking?: string | null }, pageNo: number): number {
  const r = e.result!
  const w = WORDS[opts.lang]
  const p = PALETTES[opts.theme]
  doc.addPage()
  paintBackground(doc, opts.theme, opts.marking)
  const m = doc.page.margins
  const x = m.left
  const width = doc.page.width - m.left - m.right
  doc.font(PDF_FONT).fontSize(8.5).fillColor(p.muted).text(`${nn(e.n)} · ${e.dashboardTitle}`, x, m.top, { width, lineBreak: false })
  doc.text(w.page(pageNo), x, m.top, { width, align: 'right', lineBreak: false })
  doc.font(PDF_FONT_BOLD).fontSize(15).fillColor(p.text).text(e.title, x, m.top + 16, { width })
  const top = doc.y + 6
  const caption = [r.sourceLine, metaLine({ title: e.title, sourceLine: r.sourceLine, asOf: r.asOf, unitLabel: r.unitLabel, marks: r.marks }, opts.lang)].filter(Boolean)
  doc.font(PDF_FONT).fontSize(9)
  const captionHeight = caption.reduce((h, t) => h + doc.heightOfString(t, { width }) + 3, 0)
  const bottom = doc.page.height - m.bottom
  // The picture takes at most half the page, so the table starts under it.
  const boxH = Math.min(bottom - top - captionHeight - 8, (doc.page.height - m.top - m.bottom) * PDF_PICTURE_SHARE)
  const imgW = Math.min(width, (boxH * opts.width) / opts.height)
  const imgH = (imgW * opts.height) / opts.width
  // `null`: a layout pass that only measures pages; the picture's place is kept, nothing is decoded.
  if (png) doc.image(Buffer.from(png), x + (width - imgW) / 2, top, { width: imgW, height: imgH })
  let y = top + imgH + 8
  for (const t of caption) {
    doc.font(PDF_FONT).fontSize(9).fillColor(p.muted).text(t, x, y, { width })
    y = doc.y + 3
  }
  return 1 + addTable(doc, r.table, { ...opts, x, y: y + 6, width })
}

/**
 * Draws a chart's table from (x, y): a header naming the columns, then per row the
 * entity, indicator, year, value as printed with unit and qualifier, and tier on one
 * line, and the source title, URL and note on a second, muted line. Text flows onto
 * new pages (painted in the theme) when long. Returns how many pages it added.
 */
function addTable(doc: PDFKit.PDFDocument, rows: TableRow[], opts: { lang: Lang; theme: Theme; marking?: string | null; x: number; y: number; width: number }): number {
  if (rows.length === 0) return 0
  const p = PALETTES[opts.theme]
  let added = 0
  const onPage = (): void => {
    added++
    paintBackground(doc, opts.theme, opts.marking)
  }
  doc.on('pageAdded', onPage)
  const sep = ' · '
  const head = (cols: TableColumn[]) => cols.map((c) => columnHeader(c, opts.lang)).join(sep)
  doc.font(PDF_FONT_BOLD).fontSize(7.5).fillColor(p.text).text(`${head(['entity', 'indicator', 'when', 'value', 'unit', 'qualifier', 'tier'])}`, opts.x, opts.y, { width: opts.width })
  doc.font(PDF_FONT).fontSize(7).fillColor(p.muted).text(head(['source', 'url', 'note']), { width: opts.width })
  doc.moveTo(opts.x, doc.y + 1).lineTo(opts.x + opts.width, doc.y + 1).lineWidth(0.5).strokeColor(p.border).stroke()
  doc.y += 3
  for (const r of rows) {
    // "6.7%", not "6.7 %": a percent sign follows its number, other units take a space.
    const value = [r.qualifier, r.unit === '%' ? `${r.value}%` : r.value, r.unit === '%' ? '' : r.unit].filter(Boolean).join(' ')
    doc.font(PDF_FONT).fontSize(7.5).fillColor(p.text).text([r.entity, r.indicator, r.when, value, r.tier].filter(Boolean).join(sep), opts.x, doc.y, { width: opts.width })
    doc.font(PDF_FONT).fontSize(7).fillColor(p.muted).text([r.url ? `${r.source} — ${r.url}` : r.source, r.note].filter(Boolean).join(sep), opts.x, doc.y, { width: opts.width })
    doc.y += 2
  }
  doc.removeListener('pageAdded', onPage)
  return added
}
