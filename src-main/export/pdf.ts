/**
 * pdfkit documents with the bundled Noto Sans SC registered, so every word
 * in an exported PDF, Chinese included, is real text drawn with that font.
 */
import PDFDocument from 'pdfkit'
import { fontPaths } from './fonts'

/** The name the bundled regular Noto Sans SC is registered under in every PDF. */
export const PDF_FONT = 'g60-regular'
/** The name the bundled bold Noto Sans SC is registered under in every PDF. */
export const PDF_FONT_BOLD = 'g60-bold'

/** Page sizes in PDF points. */
export const PDF_PAGES = {
  a4: [841.89, 595.28] as [number, number],
  slide: [960, 540] as [number, number],
}

/** A PDF being written: the pdfkit document and a `finish` that ends it and gives its bytes. */
export interface PdfBuild {
  doc: PDFKit.PDFDocument
  /** Ends the document and resolves with its bytes. */
  finish(): Promise<Uint8Array>
}

/** The page margin in points (about 14 mm) of every PDF the app writes, unless a caller gives another. */
export const PDF_MARGIN = 40

/**
 * A new document with one page of `size` already open. `compress: false`
 * keeps content streams readable (tests look for text in them).
 */
export function createPdf(opts: { size: [number, number]; title: string; lang: string; compress?: boolean; margin?: number }): PdfBuild {
  const doc = new PDFDocument({
    size: opts.size,
    margin: opts.margin ?? PDF_MARGIN,
    compress: opts.compress ?? true,
    lang: opts.lang,
    displayTitle: true,
    info: { Title: opts.title, Creator: 'G60 Briefing', Producer: 'G60 Briefing (pdfkit)' },
  })
  const f = fontPaths()
  doc.registerFont(PDF_FONT, f.regular)
  doc.registerFont(PDF_FONT_BOLD, f.bold)
  doc.font(PDF_FONT)
  const chunks: Buffer[] = []
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
    doc.on('error', reject)
  })
  return {
    doc,
    finish: () => {
      doc.end()
      return done
    },
  }
}
