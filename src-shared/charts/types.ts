/**
 * The contract between the pure chart layer and the Vue components: chart and
 * KPI specs are plain functions of (datasets, context) returning ECharts
 * options or KPI cards, with their sources and marks alongside.
 */
import type { EChartsCoreOption } from 'echarts/core'
import type { ColumnarDataset, Figure, Source } from '../dataset'
import type { CityScale, Lang, Theme } from '../settings'
import type { TableRow } from './table'

/** A dashboard's id. */
export type DashboardId = 'rectification' | 'industry' | 'cities'

/** What every builder depends on besides the data. */
export interface ChartContext {
  lang: Lang
  theme: Theme
  /** First year of the "after" period on the industry dashboard (default 2016). */
  breakYear: number
  /** ECharts aria decal patterns on or off. */
  decals: boolean
  /** Sizes planned for one known screen (a presentation slide); absent on dashboards, which use the theme's sizes. */
  profile?: SizeProfile
  /** How the city GDP lines are scaled: absolute values (default), indexed to the first common year = 100, or a log axis. */
  cityScale?: CityScale
  /** The indicator the corridor map shades the cities by (default: GDP); see `mapIndicators`. */
  mapIndicator?: string
}

/**
 * A slide size profile: text sizes and strokes for a chart drawn at a known
 * size, so legends, labels and margins are planned for that screen (see
 * `slideProfile` in `src-shared/slide-layout.ts`).
 */
export interface SizeProfile {
  /** Smallest and usual chart text, px. */
  small: number
  base: number
  lineWidth: number
  symbolSize: number
  /** Width of the chart area, px: legends wrap at this width instead of the narrowest dashboard panel. */
  width: number
}

export { CITY_SCALES, type CityScale } from '../settings'

/** Looks up a loaded dataset by id; `undefined` when it is missing. */
export interface DataIndex {
  get(datasetId: string): ColumnarDataset | undefined
}

/** Visible marks a chart or KPI carries for figures that are not plain official or article figures. */
export type SourceMark = 'secondary' | 'derived' | 'conflict'

/** What a chart builder returns: an ECharts option with its sources, source line, marks, as-of date and unit, or an empty state. */
export type ChartResult =
  | {
      kind: 'chart'
      option: EChartsCoreOption
      sources: Source[]
      /** "Source: … · Official: … · Secondary: …", shown under the chart. */
      sourceLine: string
      marks: SourceMark[]
      /** Latest year the chart's figures refer to, as text, if any. */
      asOf: string | null
      /** The main unit's label in the context language. */
      unitLabel: string
      /** Exactly the figures, computed values and events the chart draws, as table rows. */
      table: TableRow[]
    }
  | { kind: 'empty'; message: string }

/** A chart: id, dashboard, title, and a builder from data and context to a result. */
export interface ChartSpec {
  id: string
  dashboard: DashboardId
  title(ctx: ChartContext): string
  build(data: DataIndex, ctx: ChartContext): ChartResult
}

/** A KPI card as shown: label, value, unit, figure, source line, marks and comparison. */
export interface Kpi {
  id: string
  label: string
  /** Formatted with its qualifier, e.g. "over 4,000" / "逾 4,000". */
  value: string
  unit: string
  figure: Figure | null
  sourceLine: string
  marks: SourceMark[]
  target: DashboardId
  /** One line of context under the value: when the figure is from (its year or span from the data, or "no year given"), then any comparison. Set by `kpiFromFigure`. */
  comparison?: string
  /** Formulas and arithmetic behind the value, for the card's tooltip (lines separated by "\n"). */
  detail?: string
}

/** A KPI card's spec: a builder from data and context, `null` when the figure is missing. */
export interface KpiSpec {
  id: string
  dashboard: DashboardId
  build(data: DataIndex, ctx: ChartContext): Kpi | null
}

/** A dashboard: title, takeaway, KPI cards and charts. */
export interface DashboardSpec {
  id: DashboardId
  title(ctx: ChartContext): string
  takeaway(ctx: ChartContext): string
  kpis: KpiSpec[]
  charts: ChartSpec[]
}
