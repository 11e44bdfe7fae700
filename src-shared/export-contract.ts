/**
 * What the page may ask the exporter for. Exports are drawn in main from the
 * same option builders as the screen (ECharts server-side SVG, rasterised with
 * the bundled font), so the output never depends on the window.
 */
import type { Theme } from './settings'

export type ChartExportFormat = 'png' | 'svg' | 'jpeg'
export type SizePreset = 'slide' | '4k' | 'shown'

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

export interface DashboardExportRequest {
  dashboard: 'rectification' | 'industry' | 'cities'
  page: 'slide' | 'a4'
  format: 'png' | 'pdf'
  theme: Theme
}

export interface PackExportRequest {
  formats: ('png' | 'svg' | 'pdf')[]
  scale: number
  theme: Theme
}

export interface ExportDone {
  /** Where the file went, or `clipboard`. */
  path: string
  width: number
  height: number
  bytes: number
}

export interface PackDone {
  folder: string
  files: string[]
  /** Charts that had no data and so were not exported. */
  skipped: { chart: string; reason: string }[]
}

export interface ExportProgress {
  done: number
  total: number
  file: string
}

export const SIZE_PRESET_PX: Record<Exclude<SizePreset, 'shown'>, { width: number; height: number }> = {
  slide: { width: 1920, height: 1080 },
  '4k': { width: 3840, height: 2160 },
}
