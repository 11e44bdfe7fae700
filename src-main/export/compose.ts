/**
 * Composes a chart with its caption into one SVG: the ECharts SSR picture on
 * top, the caption strip under it, on the theme's background (or none).
 */
import type { ChartResult } from '../../src-shared/charts/types'
import type { Lang, Theme } from '../../src-shared/settings'
import { captionSvg, layoutCaption } from './caption'
import { renderOptionSvg } from './echarts-ssr'
import { PALETTES } from './palette'

/** A built chart that has something to draw (not the empty state). */
export type ChartData = Extract<ChartResult, { kind: 'chart' }>

/** How a chart and its caption are composed: theme, language, whether to draw the caption, and its largest share of the height. */
export interface ComposeOptions {
  theme: Theme
  lang: Lang
  caption: boolean
  /** Longest the caption may be, as a share of the height. */
  maxCaptionShare?: number
}

/**
 * The chart and caption as SVG elements laid out in a `width` × `height` box
 * at the origin (layout px), without a background.
 */
export function chartFragment(title: string, result: ChartData, width: number, height: number, opts: ComposeOptions): string {
  const palette = PALETTES[opts.theme]
  let captionHeight = 0
  let caption = ''
  if (opts.caption) {
    const layout = layoutCaption({ title, sourceLine: result.sourceLine, asOf: result.asOf, unitLabel: result.unitLabel, marks: result.marks }, opts.lang, width, palette, {
      maxHeight: height * (opts.maxCaptionShare ?? 0.4),
    })
    captionHeight = layout.height
    caption = captionSvg(layout, 0, height - captionHeight, width, palette)
  }
  const chartHeight = Math.max(40, Math.round(height - captionHeight))
  const chart = renderOptionSvg(result.option, opts.theme, Math.round(width), chartHeight)
    .replace(/^<\?xml[^>]*>\s*/, '')
    .replace(/^<svg\b/, '<svg x="0" y="0"')
  return chart + caption
}

/**
 * A standalone SVG document of `width` × `height` px whose content is laid
 * out at `width / zoom` × `height / zoom`, so large exports keep readable type.
 */
export function svgDocument(body: string, width: number, height: number, zoom: number, background: string | null, title?: string): string {
  const lw = width / zoom
  const lh = height / zoom
  const fmt = (n: number): string => String(Math.round(n * 1000) / 1000)
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="${width}" height="${height}" viewBox="0 0 ${fmt(lw)} ${fmt(lh)}">` +
    (title ? `<title>${title}</title>` : '') +
    (background ? `<rect x="0" y="0" width="${fmt(lw)}" height="${fmt(lh)}" fill="${background}"/>` : '') +
    body +
    `</svg>`
  )
}

/**
 * How much larger than layout px an export of this size is drawn: charts
 * are laid out at about 1280×720 at most and scaled up, so a slide or a 4K
 * export shows the same picture with type big enough to read.
 */
export function layoutZoom(width: number, height: number): number {
  return Math.max(1, Math.min(width / 1280, height / 720))
}
