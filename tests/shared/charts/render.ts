/** Server-side rendering of a chart option to SVG, as the tests and the exporter see it. */
import PDFDocument from 'pdfkit'
import { fontPaths } from '../../../src-main/export/fonts'
import { echarts, registerG60 } from '../../../src-shared/charts/echarts'
import { echartsThemeName } from '../../../src-shared/charts/themes'
import type { ChartResult } from '../../../src-shared/charts/types'
import type { Theme } from '../../../src-shared/settings'

registerG60(echarts)

export function renderSvg(option: object, theme: Theme, width = 800, height = 500): string {
  const chart = echarts.init(null, echartsThemeName(theme), { renderer: 'svg', ssr: true, width, height })
  try {
    chart.setOption(option as Parameters<typeof chart.setOption>[0])
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}

export function chartOf(r: ChartResult): Extract<ChartResult, { kind: 'chart' }> {
  if (r.kind !== 'chart') throw new Error(`expected a chart, got empty: ${r.message}`)
  return r
}

/** Every text's font size in px, as written in the SVG. */
export function fontSizes(svg: string): number[] {
  return [...svg.matchAll(/font-size:\s*(\d+(?:\.\d+)?)px/g)].map((m) => Number(m[1]))
}

/** The visible text of the SVG, entities decoded, joined by newlines. */
export function svgText(svg: string): string {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")).join('\n')
}

export interface TextBox {
  text: string
  x0: number
  y0: number
  x1: number
  y1: number
}

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")

/**
 * Rough boxes of every text in an SSR SVG: position from its transform, x/y and
 * anchor; width estimated with `measure`; height one line (ECharts centres text
 * on its y). Rotated text is boxed by its transformed corners.
 */
export function textBoxes(svg: string, measure: (text: string, size: number) => number): TextBox[] {
  return [...svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)].flatMap((m) => {
    const attrs = m[1]!
    const text = decode(m[2]!)
    if (text.trim() === '') return []
    const num = (name: string) => Number(new RegExp(`\\s${name}="(-?[\\d.]+)"`).exec(attrs)?.[1] ?? 0)
    const size = Number(/font-size:\s*([\d.]+)px/.exec(attrs)?.[1] ?? 12)
    const anchor = /text-anchor="(\w+)"/.exec(attrs)?.[1] ?? 'start'
    const w = measure(text, size)
    const h = size * 1.15
    const x = num('x') - (anchor === 'middle' ? w / 2 : anchor === 'end' ? w : 0)
    const y = num('y') - h / 2
    let mat = [1, 0, 0, 1, 0, 0]
    const tr = /transform="translate\(([-\d.]+)[ ,]([-\d.]+)\)"/.exec(attrs)
    const mx = /transform="matrix\(([^)]*)\)"/.exec(attrs)
    if (tr) mat = [1, 0, 0, 1, Number(tr[1]), Number(tr[2])]
    else if (mx) mat = mx[1]!.split(/[ ,]+/).map(Number)
    const [a, b, c, d, e, f] = mat as [number, number, number, number, number, number]
    const corners = [
      [x, y],
      [x + w, y],
      [x, y + h],
      [x + w, y + h],
    ].map(([px, py]) => [a * px! + c * py! + e, b * px! + d * py! + f] as const)
    const xs = corners.map((p) => p[0])
    const ys = corners.map((p) => p[1])
    return [{ text, x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) }]
  })
}

/** Pairs of boxes that overlap by more than `slack` px both ways. */
export function overlaps(boxes: TextBox[], slack = 2): [TextBox, TextBox][] {
  const out: [TextBox, TextBox][] = []
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const p = boxes[i]!
      const q = boxes[j]!
      if (Math.min(p.x1, q.x1) - Math.max(p.x0, q.x0) > slack && Math.min(p.y1, q.y1) - Math.max(p.y0, q.y0) > slack) out.push([p, q])
    }
  return out
}

let doc: PDFKit.PDFDocument | null = null

/** The width of `text` in the bundled Noto Sans SC, the font the app and the exports draw with. */
export function fontWidth(text: string, size: number): number {
  doc ??= new PDFDocument({ autoFirstPage: false }).font(fontPaths().regular)
  return doc.fontSize(size).widthOfString(text)
}

/** Makes ECharts lay text out with the real font's widths (it guesses from a fixed table without a canvas). */
export function useFontMetrics(): void {
  echarts.setPlatformAPI({
    measureText: (text: string, font?: string) => ({ width: fontWidth(text, Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? 12)) }) as TextMetrics,
  })
}

/** A drawn element's box in chart px: its text (for texts) or `null` (for a symbol). */
export interface DrawnBox {
  text: string | null
  x0: number
  y0: number
  x1: number
  y1: number
}

/**
 * What ECharts actually drew for `option` at `width` × `height` (SSR, so the real layout):
 * every text (labels, axis names, legends) and every symbol (a path whose box is a square of
 * at most `maxSymbol` px: points, markers) as boxes in chart px, and `pixel` to find where a
 * data value of a series lands.
 */
export function drawn(option: object, theme: Theme, width: number, height: number, maxSymbol = 40): { texts: DrawnBox[]; symbols: DrawnBox[]; pixel(seriesIndex: number, value: unknown[]): [number, number] } {
  const chart = echarts.init(null, echartsThemeName(theme), { renderer: 'svg', ssr: true, width, height })
  try {
    chart.setOption(option as Parameters<typeof chart.setOption>[0])
    type El = { type: string; style?: { text?: string }; getBoundingRect(): { clone(): { applyTransform(m: unknown): void; x: number; y: number; width: number; height: number } }; getComputedTransform(): unknown }
    const list = (chart.getZr() as unknown as { storage: { getDisplayList(update: boolean): El[] } }).storage.getDisplayList(true)
    const texts: DrawnBox[] = []
    const symbols: DrawnBox[] = []
    for (const el of list) {
      const r = el.getBoundingRect().clone()
      const m = el.getComputedTransform()
      if (m) r.applyTransform(m)
      const box = { x0: r.x, y0: r.y, x1: r.x + r.width, y1: r.y + r.height }
      if ((el.type === 'tspan' || el.type === 'text') && el.style?.text?.trim()) texts.push({ text: el.style.text, ...box })
      else if (el.type === 'path' && r.width > 2 && Math.abs(r.width - r.height) < 0.5 && r.width <= maxSymbol) symbols.push({ text: null, ...box })
    }
    // Where each [x, y] data value of every series lands.
    const pixels = new Map<string, [number, number]>()
    for (const [i, s] of ((option as { series?: { data?: unknown[] }[] }).series ?? []).entries())
      for (const d of s.data ?? []) {
        const v = d && typeof d === 'object' && !Array.isArray(d) ? (d as { value?: unknown }).value : d
        if (Array.isArray(v)) pixels.set(`${i}|${JSON.stringify(v)}`, chart.convertToPixel({ seriesIndex: i }, v as number[]) as unknown as [number, number])
      }
    return { texts, symbols, pixel: (seriesIndex, value) => pixels.get(`${seriesIndex}|${JSON.stringify(value)}`) ?? [NaN, NaN] }
  } finally {
    chart.dispose()
  }
}

/** How far two boxes overlap both ways (px; ≤ 0 when they do not). */
export function overlapPx(a: Omit<DrawnBox, 'text'>, b: Omit<DrawnBox, 'text'>): number {
  return Math.min(Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0), Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0))
}
