/**
 * One chart as PNG, SVG or JPEG: the chart layer's option drawn by ECharts
 * server-side rendering, the caption strip composed under it, rasterised by
 * resvg with the bundled CJK font. Pure Node, no window: the app and the CLI
 * share it.
 */
import type { ChartContext, ChartSpec, DataIndex } from '../../src-shared/charts/types'
import { MAX_TOTAL_PIXELS } from '../../src-shared/export-contract'
import { CITY_SCALES, DEFAULT_SETTINGS, LANGS, MAX_INDICATOR_ID_LENGTH, THEMES, type CityScale, type Lang, type Theme } from '../../src-shared/settings'
import { ID_PATTERN } from '../../src-shared/dataset-rules'
import { chartFragment, layoutZoom, svgDocument, type ChartData } from './compose'
import { markingHeight, markingSvg } from './marking'
import { PALETTES } from './palette'
import { encodeJpeg, rasterize } from './raster'
import { escapeXml } from './text'

/** The file formats a single chart exports to. */
export type ChartFormat = 'png' | 'svg' | 'jpeg'

/**
 * What the user chose to see on screen, drawn the same in every export: the city GDP
 * chart's scale and the map's figure (the settings `cityScale` and `mapIndicator`). Absent
 * fields draw the defaults (absolute values, GDP); a map figure the data does not offer draws GDP.
 */
export interface ViewChoices {
  cityScale?: CityScale
  mapIndicator?: string | null
}

/** The reason `view` is not a valid set of view choices (it may come from a caller that is not trusted), or `null`. */
export function checkViewChoices(view: ViewChoices): string | null {
  if (view.cityScale !== undefined && !CITY_SCALES.includes(view.cityScale)) return `city scale must be one of ${CITY_SCALES.join(', ')}, got ${String(view.cityScale)}`
  const m = view.mapIndicator
  if (m !== undefined && m !== null && !(typeof m === 'string' && m.length <= MAX_INDICATOR_ID_LENGTH && ID_PATTERN.test(m))) return `map figure must be an indicator id (kebab-case, at most ${MAX_INDICATOR_ID_LENGTH} characters)`
  return null
}

/** How one chart is exported: format, pixel ratio, size in layout px, theme, language, background, caption and the screen's view choices. */
export interface ChartExportOptions extends ViewChoices {
  format: ChartFormat
  /** Pixel ratio, 1–4: a PNG is `width * scale` × `height * scale` px. */
  scale: number
  width: number
  height: number
  /** The export's own theme, independent of the screen's. */
  theme: Theme
  lang: Lang
  /** `transparent` draws no background (PNG and SVG; JPEG is always solid). */
  background: 'solid' | 'transparent'
  /** The caption strip (title, sources with tier, as-of date, unit); on by default in the UI. */
  caption: boolean
  breakYear?: number
  decals?: boolean
  /** A marking drawn as a thin band across the top (e.g. "内部资料"); none when absent or null. */
  marking?: string | null
}

/** Fixed sizes; "as shown" is the chart's on-screen size, passed by the caller. */
export const SIZE_PRESETS = {
  slide: { width: 1920, height: 1080 },
  '4k': { width: 3840, height: 2160 },
} as const

/** Smallest pixel ratio of an export (1×). */
export const MIN_SCALE = 1
/** Largest pixel ratio of an export (4×), as screenshot tools offer. */
export const MAX_SCALE = 4
/** Largest side, in output pixels, an export may have (4K at 4× is 15360). */
const MAX_PIXELS = 16384

/** The reason `opts` cannot be exported, or `null` when they can. */
export function checkChartOptions(opts: Pick<ChartExportOptions, 'scale' | 'width' | 'height' | 'theme' | 'lang'> & ViewChoices & { format?: string }): string | null {
  if (!(opts.scale >= MIN_SCALE && opts.scale <= MAX_SCALE)) return `scale must be from ${MIN_SCALE} to ${MAX_SCALE}, got ${opts.scale}`
  for (const k of ['width', 'height'] as const) {
    const v = opts[k]
    if (!Number.isInteger(v) || v < 100 || v * opts.scale > MAX_PIXELS) return `${k} must be a whole number of pixels from 100 to ${Math.floor(MAX_PIXELS / opts.scale)} at scale ${opts.scale}, got ${v}`
  }
  const total = opts.width * opts.height * opts.scale * opts.scale
  if (total > MAX_TOTAL_PIXELS && opts.format !== 'svg') {
    const mpx = (n: number) => (n / 1e6).toFixed(1)
    return `${opts.width * opts.scale}×${opts.height * opts.scale} is ${mpx(total)} million pixels; an image may have at most ${mpx(MAX_TOTAL_PIXELS)} million (7680×4320). Choose a smaller size or scale.`
  }
  if (!THEMES.includes(opts.theme)) return `theme must be one of ${THEMES.join(', ')}, got ${opts.theme}`
  if (!LANGS.includes(opts.lang)) return `language must be one of ${LANGS.join(', ')}, got ${opts.lang}`
  if (opts.format !== undefined && !['png', 'svg', 'jpeg'].includes(opts.format)) return `format must be png, svg or jpeg, got ${opts.format}`
  return checkViewChoices(opts)
}

/** The option builders' context for an export: break year, pattern fills and view choices default to the settings' defaults. */
export function chartContext(opts: Pick<ChartExportOptions, 'theme' | 'lang' | 'breakYear' | 'decals'> & ViewChoices): ChartContext {
  return {
    lang: opts.lang,
    theme: opts.theme,
    breakYear: opts.breakYear ?? DEFAULT_SETTINGS.breakYear,
    decals: opts.decals ?? DEFAULT_SETTINGS.decals,
    cityScale: opts.cityScale ?? DEFAULT_SETTINGS.cityScale,
    ...(opts.mapIndicator ? { mapIndicator: opts.mapIndicator } : {}),
  }
}

/** Builds a spec's chart, turning a thrown builder error or an empty state into a reason. */
export function buildChart(spec: ChartSpec, data: DataIndex, ctx: ChartContext): { title: string; result: ChartData } | { title: string; error: string } {
  let title = spec.id
  try {
    title = spec.title(ctx)
    const result = spec.build(data, ctx)
    if (result.kind === 'empty') return { title, error: result.message }
    return { title, result }
  } catch (err) {
    return { title, error: `the chart could not be built: ${err instanceof Error ? err.message : String(err)}` }
  }
}

/** The composed SVG document of an already built chart. */
export function chartSvgFromResult(title: string, result: ChartData, opts: Omit<ChartExportOptions, 'format' | 'scale'> & { format?: ChartFormat }): string {
  const zoom = layoutZoom(opts.width, opts.height)
  const lw = opts.width / zoom
  const marking = opts.marking?.trim()
  const band = marking ? markingHeight(PALETTES[opts.theme]) : 0
  let body = chartFragment(title, result, lw, opts.height / zoom - band, { theme: opts.theme, lang: opts.lang, caption: opts.caption })
  if (marking) body = markingSvg(marking, lw, PALETTES[opts.theme]) + `<g transform="translate(0 ${band})">${body}</g>`
  const solid = opts.background === 'solid' || opts.format === 'jpeg'
  return svgDocument(body, opts.width, opts.height, zoom, solid ? PALETTES[opts.theme].background : null, escapeXml(title))
}

/**
 * The chart as a standalone SVG document, `width` × `height` px, caption
 * included when asked; `{ error }` when the chart has no data to draw.
 */
export function renderChartSvg(spec: ChartSpec, data: DataIndex, opts: ChartExportOptions): { svg: string; width: number; height: number } | { error: string } {
  const bad = checkChartOptions(opts)
  if (bad) return { error: bad }
  const built = buildChart(spec, data, chartContext(opts))
  if ('error' in built) return { error: `${built.title}: ${built.error}` }
  return { svg: chartSvgFromResult(built.title, built.result, opts), width: opts.width, height: opts.height }
}

/** An encoded export: the bytes, their MIME type and file extension, and the output size in px. */
export interface RenderedFile {
  bytes: Uint8Array
  mime: string
  /** Output size in pixels (SVG: its declared size). */
  width: number
  height: number
  fileExt: string
}

/** Encodes a composed SVG document in the asked format. */
export function encodeSvg(svg: string, opts: Pick<ChartExportOptions, 'format' | 'scale' | 'width' | 'height' | 'theme'>): RenderedFile {
  if (opts.format === 'svg') return { bytes: new TextEncoder().encode(svg), mime: 'image/svg+xml', width: opts.width, height: opts.height, fileExt: 'svg' }
  const r = rasterize(svg, opts.width * opts.scale)
  if (opts.format === 'jpeg') return { bytes: encodeJpeg(r, PALETTES[opts.theme].background), mime: 'image/jpeg', width: r.width, height: r.height, fileExt: 'jpg' }
  return { bytes: r.png(), mime: 'image/png', width: r.width, height: r.height, fileExt: 'png' }
}

/** The chart as file bytes; rejects with the reason when it cannot be drawn. */
export async function renderChart(spec: ChartSpec, data: DataIndex, opts: ChartExportOptions): Promise<RenderedFile> {
  const svg = renderChartSvg(spec, data, opts)
  if ('error' in svg) throw new Error(svg.error)
  return encodeSvg(svg.svg, opts)
}
