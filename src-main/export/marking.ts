/**
 * The user's marking (e.g. 内部资料 / "For internal briefing only") as a thin
 * band across the top of an exported picture or page: inverted theme colours
 * (the theme's text colour as the fill, its background as the type), so it
 * reads on every theme, the same look as in the app and on deck slides.
 */
import { CSS_FONT_STACK } from './fonts'
import type { ExportPalette } from './palette'
import { escapeXml, wrapText } from './text'

/** The band's height in layout px for a palette: its type size plus room above and below. */
export function markingHeight(palette: ExportPalette): number {
  return Math.round(palette.fontSize * 1.8)
}

/** The band as SVG elements across `width` layout px at the top; the text is cut with "…" if it cannot fit one line. */
export function markingSvg(text: string, width: number, palette: ExportPalette): string {
  const h = markingHeight(palette)
  const size = palette.fontSize
  const line = wrapText(text, width - 2 * size, size, { bold: true, maxLines: 1 })[0] ?? ''
  // Alphabetic baseline: Noto Sans SC's ascent is about 0.88em; centred in the band.
  const baseline = (h - size) / 2 + size * 0.88
  return (
    `<g class="g60-marking"><rect x="0" y="0" width="${width}" height="${h}" fill="${palette.text}"/>` +
    `<text x="${width / 2}" y="${baseline.toFixed(1)}" text-anchor="middle" font-family="${CSS_FONT_STACK}" font-size="${size}" font-weight="700" fill="${palette.background}">${escapeXml(line)}</text></g>`
  )
}

/**
 * Draws the band across the top of the current pdfkit page, `height` pt tall,
 * and restores the document's position, font and size: it is also drawn from
 * a `pageAdded` handler in the middle of flowing text, which must go on as it was.
 */
export function markingPdf(doc: PDFKit.PDFDocument, text: string, palette: ExportPalette, fonts: { bold: string }, height = 18): void {
  const w = doc.page.width
  const { x, y } = doc
  // pdfkit keeps the current font and size in fields save()/restore() do not cover.
  const state = doc as unknown as { _font: unknown; _fontSize: number }
  const font = state._font
  const fontSize = state._fontSize
  doc.save()
  doc.rect(0, 0, w, height).fill(palette.text)
  doc.font(fonts.bold).fontSize(height * 0.55).fillColor(palette.background)
  doc.text(text, 0, height * 0.2, { width: w, align: 'center', lineBreak: false, ellipsis: true, height: height })
  doc.restore()
  state._font = font
  state._fontSize = fontSize
  doc.x = x
  doc.y = y
}
