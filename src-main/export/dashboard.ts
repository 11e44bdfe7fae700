/**
 * A whole dashboard as one PNG or one PDF page, laid out at a fixed page size
 * (16:9 slide or A4 landscape): title, takeaway, KPI boxes and the charts in
 * a grid, each with its caption. The layout depends only on the page, never
 * on a window.
 */
import { DASHBOARDS } from '../../src-shared/charts/index'
import type { DashboardId, DataIndex, Kpi } from '../../src-shared/charts/types'
import type { Lang, Theme } from '../../src-shared/settings'
import { chartFragment, svgDocument } from './compose'
import { CSS_FONT_STACK } from './fonts'
import { markingHeight, markingSvg } from './marking'
import { PALETTES, type ExportPalette } from './palette'
import { createPdf, PDF_PAGES } from './pdf'
import { rasterize } from './raster'
import { buildChart, chartContext, type ViewChoices } from './render'
import { escapeXml, textWidth, wrapText } from './text'

/** The fixed page sizes a dashboard exports to: a 16:9 slide or A4 landscape. */
export type DashboardPage = 'slide' | 'a4'

/** How a dashboard is exported: page, PNG or PDF, theme, language, pixel ratio and break year. */
export interface DashboardExportOptions extends ViewChoices {
  page: DashboardPage
  format: 'png' | 'pdf'
  theme: Theme
  lang: Lang
  /** PNG pixel ratio on top of the page size (default 1); PDFs embed the page at 2×. */
  scale?: number
  breakYear?: number
  decals?: boolean
  /** PDF only: leave content streams uncompressed. */
  compress?: boolean
  /** A marking drawn as a thin band across the top of the page; none when absent or null. */
  marking?: string | null
}

/** Output size in px at scale 1, and the layout size the page is composed at. */
export const DASHBOARD_PAGES: Record<DashboardPage, { width: number; height: number; layoutWidth: number }> = {
  slide: { width: 1920, height: 1080, layoutWidth: 1440 },
  a4: { width: 1754, height: 1240, layoutWidth: 1360 },
}

const M = 28
const GAP = 14

function text(x: number, y: number, size: number, color: string, s: string, bold = false): string {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-family="${CSS_FONT_STACK}" font-size="${size}"${bold ? ' font-weight="700"' : ''} fill="${color}">${escapeXml(s)}</text>`
}

function box(x: number, y: number, w: number, h: number, p: ExportPalette): string {
  return `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" rx="6" fill="${p.surface}" stroke="${p.border}" stroke-width="1"/>`
}

function kpiBox(k: Kpi, x: number, y: number, w: number, h: number, p: ExportPalette): string {
  const pad = 12
  const inner = w - 2 * pad
  const s = p.fontSize
  const out = [box(x, y, w, h, p)]
  const label = wrapText(k.label, inner, s, { maxLines: 1 })[0] ?? ''
  out.push(text(x + pad, y + pad + s, s, p.muted, label))
  // Shrink a long value to fit rather than cut it; cut only below 60%.
  const full = `${k.value} ${k.unit}`
  const valueBox = Math.round(s * 2)
  let valueSize = valueBox
  while (valueSize > s * 1.2 && textWidth(full, valueSize, true) > inner) valueSize -= 1
  const value = wrapText(full, inner, valueSize, { bold: true, maxLines: 1 })[0] ?? ''
  out.push(text(x + pad, y + pad + s * 1.5 + valueBox, valueSize, p.text, value, true))
  const small = s * 0.85
  const note = wrapText(k.comparison ?? k.sourceLine, inner, small, { maxLines: 2 })
  note.forEach((line, i) => out.push(text(x + pad, y + pad + s * 2.1 + valueBox + small * 1.3 * (i + 1), small, p.muted, line)))
  return out.join('')
}

/**
 * How many charts each row of a dashboard page holds: at most three a row, rows as
 * even as can be, and the fuller rows last, so no cell is left empty and the first
 * charts (each dashboard's headline line and growth charts) get the wider cells.
 * Five charts: [2, 3], not [3, 2] with an empty slot, which also drew the first
 * row's charts at 430 px, narrower than the 570 px the chart builders plan for.
 */
export function chartRows(n: number): number[] {
  if (n <= 0) return []
  const rows = Math.ceil(n / 3)
  const base = Math.floor(n / rows)
  const fuller = n % rows
  return Array.from({ length: rows }, (_, r) => (r >= rows - fuller ? base + 1 : base))
}

/** The dashboard page as an SVG document of the page's output size. */
export function dashboardSvg(id: DashboardId, data: DataIndex, opts: Omit<DashboardExportOptions, 'format'>): string {
  const page = DASHBOARD_PAGES[opts.page]
  const zoom = page.width / page.layoutWidth
  const W = page.layoutWidth
  const H = page.height / zoom
  const p = PALETTES[opts.theme]
  const ctx = chartContext(opts)
  const spec = DASHBOARDS[id]
  const parts: string[] = []
  const marking = opts.marking?.trim()

  let y = M
  if (marking) {
    parts.push(markingSvg(marking, W, p))
    y += markingHeight(p)
  }
  const titleSize = Math.round(p.fontSize * 2)
  parts.push(text(M, y + titleSize, titleSize, p.text, spec.title(ctx), true))
  y += titleSize * 1.35
  const takeSize = p.fontSize * 1.2
  for (const line of wrapText(spec.takeaway(ctx), W - 2 * M, takeSize, { maxLines: 2 })) {
    y += takeSize * 1.35
    parts.push(text(M, y, takeSize, p.muted, line))
  }
  y += 14

  const kpis = spec.kpis.map((k) => k.build(data, ctx)).filter((k): k is Kpi => k !== null)
  if (kpis.length) {
    // Label, value, two lines of note, padding: see kpiBox.
    const kh = Math.ceil(24 + p.fontSize * 2.1 + p.fontSize * 2 + p.fontSize * 0.85 * 1.3 * 2 + 4)
    const kw = (W - 2 * M - GAP * (kpis.length - 1)) / kpis.length
    kpis.forEach((k, i) => parts.push(kpiBox(k, M + i * (kw + GAP), y, kw, kh, p)))
    y += kh + GAP
  }

  const footSize = p.fontSize * 0.85
  const gridBottom = H - M - footSize * 1.6
  const perRow = chartRows(spec.charts.length)
  const ch = (gridBottom - y - GAP * (perRow.length - 1)) / perRow.length
  const cells = perRow.flatMap((count, r) => {
    const cw = (W - 2 * M - GAP * (count - 1)) / count
    return Array.from({ length: count }, (_, j) => ({ x: M + j * (cw + GAP), y: y + r * (ch + GAP), w: cw }))
  })
  spec.charts.forEach((c, i) => {
    const { x, y: cy, w: cw } = cells[i]!
    parts.push(box(x, cy, cw, ch, p))
    const built = buildChart(c, data, ctx)
    if ('error' in built) {
      parts.push(text(x + 16, cy + 28, p.fontSize * 1.2, p.text, built.title, true))
      wrapText(built.error, cw - 32, p.fontSize, { maxLines: 3 }).forEach((line, j) => parts.push(text(x + 16, cy + ch / 2 + j * p.fontSize * 1.4, p.fontSize, p.muted, line)))
      return
    }
    const inner = chartFragment(built.title, built.result, cw - 2, ch - 8, { theme: opts.theme, lang: opts.lang, caption: true, maxCaptionShare: 0.36 })
    parts.push(`<g transform="translate(${(x + 1).toFixed(1)} ${(cy + 4).toFixed(1)})">${inner}</g>`)
  })
  parts.push(text(M, H - M + footSize * 0.2, footSize, p.muted, `G60 Briefing · ${new Date().toISOString().slice(0, 10)}`))
  return svgDocument(parts.join(''), page.width, page.height, zoom, p.background, escapeXml(spec.title(ctx)))
}

/** The dashboard as PNG (`page` size × `scale`) or as a one-page PDF of the page's size. */
export async function renderDashboard(id: DashboardId, data: DataIndex, opts: DashboardExportOptions): Promise<Uint8Array> {
  const svg = dashboardSvg(id, data, opts)
  const page = DASHBOARD_PAGES[opts.page]
  if (opts.format === 'png') return rasterize(svg, page.width * (opts.scale ?? 1)).png()
  const ctx = chartContext(opts)
  const pdf = createPdf({ size: PDF_PAGES[opts.page], title: DASHBOARDS[id].title(ctx), lang: opts.lang, compress: opts.compress, margin: 0 })
  const [pw, ph] = PDF_PAGES[opts.page]
  pdf.doc.rect(0, 0, pw, ph).fill(PALETTES[opts.theme].background)
  pdf.doc.image(Buffer.from(rasterize(svg, page.width * (opts.scale ?? 2)).png()), 0, 0, { fit: [pw, ph], align: 'center', valign: 'center' })
  return pdf.finish()
}
