/**
 * What the page may ask the exporter for. Exports are drawn in main from the
 * same option builders as the screen (ECharts server-side SVG, rasterised with
 * the bundled font), so the output never depends on the window.
 */
import type { Theme } from './settings'

/** The formats a chart exports to from the page. */
export type ChartExportFormat = 'png' | 'svg' | 'jpeg'
/** Export size presets: a 1920×1080 slide, 4K, or the chart's on-screen size. */
export type SizePreset = 'slide' | '4k' | 'shown'

/** What the page asks for when exporting one chart; main validates every field. */
export interface ChartExportRequest {
  chartId: string
  format: ChartExportFormat
  /** Pixel ratio 1–4 (PNG and JPEG). */
  scale: number
  preset: SizePreset
  /** The chart's on-screen size in CSS px, for the "as shown" preset. */
  shown: { width: number; height: number }
  theme: Theme
  background: 'solid' | 'transparent'
  caption: boolean
  /** Save to a file (a save dialog asks where) or copy to the clipboard (PNG). */
  destination: 'file' | 'clipboard'
}

/** What the page asks for when exporting a whole dashboard as one page. */
export interface DashboardExportRequest {
  dashboard: 'rectification' | 'industry' | 'cities'
  page: 'slide' | 'a4'
  format: 'png' | 'pdf'
  theme: Theme
}

/** What the page asks for when exporting a briefing pack; main asks for the folder. */
export interface PackExportRequest {
  formats: ('png' | 'svg' | 'pdf' | 'pptx')[]
  scale: number
  theme: Theme
  /** The deck's slide shape when `pptx` is among the formats (default 16:9). */
  aspect?: DeckAspect
}

/** A PowerPoint deck's slide shape: widescreen or standard. */
export type DeckAspect = '16:9' | '4:3'

/** The briefing as a PowerPoint deck; a save dialog asks where. */
export interface DeckExportRequest {
  aspect: DeckAspect
  theme: Theme
}

/** Where a deck went, its slide count and size in bytes, and the charts left out. */
export interface DeckDone {
  path: string
  slides: number
  bytes: number
  /** Charts left out because they had no data. */
  skipped: { chart: string; reason: string }[]
}

/** A finished export: where it went, its size in px and in bytes. */
export interface ExportDone {
  /** Where the file went, or `clipboard`. */
  path: string
  width: number
  height: number
  bytes: number
}

/** A finished briefing pack: the folder, the files written and the charts skipped. */
export interface PackDone {
  folder: string
  files: string[]
  /** Charts that had no data and so were not exported. */
  skipped: { chart: string; reason: string }[]
}

/** Progress of a running pack: files done, total, and the file just written. */
export interface ExportProgress {
  done: number
  total: number
  file: string
  /** What is counted: files of a pack (the default) or slides of a deck. */
  unit?: 'file' | 'slide'
}

/** The pixel size of each fixed preset at 1× (slide 1920×1080, 4K 3840×2160). */
export const SIZE_PRESET_PX: Record<Exclude<SizePreset, 'shown'>, { width: number; height: number }> = {
  slide: { width: 1920, height: 1080 },
  '4k': { width: 3840, height: 2160 },
}

/**
 * The most pixels one exported image may have: 7680 × 4320 (33,177,600), the
 * 8K UHDTV size of ITU-R BT.2020. That is a 4K chart at 2× or a slide at 4×;
 * bigger images take gigabytes of memory and minutes to encode.
 */
export const MAX_TOTAL_PIXELS = 7680 * 4320

