/**
 * Where text sits on a PDF's pages, as poppler's `pdftotext -bbox-layout`
 * reports it (XHTML: `<page width height>` holding `<block xMin yMin xMax
 * yMax>` of `<line>`s of `<word>`s, in PDF points from the top left), and the
 * two layout faults a person would see on a slide: text blocks drawn over each
 * other, and text running off the page. Used by `npm run check:pptx` on the
 * deck as LibreOffice lays it out. The XHTML is read with saxes.
 */
import { SaxesParser } from 'saxes'

/** A rectangle in PDF points, origin at the page's top left. */
export interface Box {
  xMin: number
  yMin: number
  xMax: number
  yMax: number
}

/** A block of text on a page: its box and its words joined by spaces. */
export interface TextBlock extends Box {
  text: string
}

/** One page: its size in points and its text blocks. */
export interface PageText {
  /** 1-based page number. */
  page: number
  width: number
  height: number
  blocks: TextBlock[]
}

/** A layout fault found on a page. */
export interface LayoutFault {
  page: number
  kind: 'overlap' | 'off-page'
  /** The texts involved (one for off-page, two for an overlap), shortened to 60 characters. */
  texts: string[]
}

const num = (v: string | undefined): number => (v === undefined ? NaN : Number(v))

/**
 * Reads `pdftotext -bbox-layout` output into pages of text blocks.
 * @throws Error from saxes when the XHTML is malformed.
 */
export function readBboxLayout(xhtml: string): PageText[] {
  const pages: PageText[] = []
  let block: TextBlock | null = null
  let words: string[] = []
  let inWord = false
  let word = ''
  const parser = new SaxesParser({ xmlns: false })
  parser.on('opentag', (tag) => {
    const a = tag.attributes as Record<string, string>
    if (tag.name === 'page') pages.push({ page: pages.length + 1, width: num(a.width), height: num(a.height), blocks: [] })
    else if (tag.name === 'block') {
      block = { xMin: num(a.xMin), yMin: num(a.yMin), xMax: num(a.xMax), yMax: num(a.yMax), text: '' }
      words = []
    } else if (tag.name === 'word') {
      inWord = true
      word = ''
    }
  })
  parser.on('text', (t) => {
    if (inWord) word += t
  })
  parser.on('closetag', (tag) => {
    if (tag.name === 'word') {
      inWord = false
      words.push(word.trim())
    } else if (tag.name === 'block' && block) {
      block.text = words.join(' ')
      pages.at(-1)?.blocks.push(block)
      block = null
    }
  })
  parser.write(xhtml).close()
  return pages
}

/** How much two boxes share, in points along each axis (≤ 0 when they do not meet). */
function shared(a: Box, b: Box): { x: number; y: number } {
  return { x: Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin), y: Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin) }
}

const short = (s: string): string => (s.length > 60 ? `${s.slice(0, 59)}…` : s)

/**
 * The layout faults on `pages`: two blocks that share more than `tolerance`
 * points across and more than a quarter of the shorter one's height down
 * (poppler's boxes run from the font's ascent to its descent, so stacked
 * lines set tightly share a few points without any ink touching), and blocks
 * reaching past the page's edge.
 */
export function layoutFaults(pages: PageText[], tolerance = 1): LayoutFault[] {
  const faults: LayoutFault[] = []
  for (const p of pages) {
    p.blocks.forEach((b, i) => {
      if (b.xMin < -tolerance || b.yMin < -tolerance || b.xMax > p.width + tolerance || b.yMax > p.height + tolerance) {
        faults.push({ page: p.page, kind: 'off-page', texts: [short(b.text)] })
      }
      for (const other of p.blocks.slice(i + 1)) {
        const s = shared(b, other)
        const lineShare = Math.max(tolerance, 0.25 * Math.min(b.yMax - b.yMin, other.yMax - other.yMin))
        if (s.x > tolerance && s.y > lineShare) faults.push({ page: p.page, kind: 'overlap', texts: [short(b.text), short(other.text)] })
      }
    })
  }
  return faults
}
