/**
 * A one-sentence summary of a chart for its alt text (and a deck slide's
 * line under the title): what kind of chart, which series, which years and
 * unit. Read from the chart's own ECharts option, so it names only what the
 * chart draws and states no figure of its own.
 */
import type { Lang } from '../../src-shared/settings'
import { t } from '../../src-shared/i18n'
import type { ChartData } from './compose'

/** Series listed by name before the rest are counted ("… and 6 more"). */
const MAX_NAMED = 4

type Kind = 'line' | 'bar' | 'mixed' | 'scatter' | 'map'

interface SeriesLike {
  type?: unknown
  name?: unknown
}

function asArray<T>(v: T | T[] | undefined): T[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v]
}

/** The kind of chart: a map when drawn on a geo component, else by its series types. */
function kindOf(option: Record<string, unknown>, series: SeriesLike[]): Kind {
  if (option.geo) return 'map'
  const types = new Set(series.map((s) => s.type))
  if (types.has('bar') && types.has('line')) return 'mixed'
  if (types.has('bar')) return 'bar'
  if (types.has('line')) return 'line'
  return 'scatter'
}

/** The labels of every category axis. */
function categoryAxes(option: Record<string, unknown>): string[][] {
  const axes = [...asArray(option.xAxis as object[] | undefined), ...asArray(option.yAxis as object[] | undefined)]
  return axes
    .filter((a) => (a as { type?: unknown }).type === 'category' && Array.isArray((a as { data?: unknown }).data))
    .map((a) => ((a as { data: unknown[] }).data).map((d) => String(typeof d === 'object' && d !== null ? (d as { value?: unknown }).value : d)))
}

/** First and last year of a category axis whose labels are all years, else `null`. */
function yearSpan(axes: string[][]): [string, string] | null {
  const years = axes.find((labels) => labels.length >= 2 && labels.every((l) => /^\d{4}$/.test(l)))
  return years ? [years[0]!, years[years.length - 1]!] : null
}

/** Row names of a one-series chart along a category axis of words (not years, not row numbers). */
function rowNames(axes: string[][]): string[] {
  return axes.find((labels) => labels.length >= 2 && labels.every((l) => !/^\d+$/.test(l))) ?? []
}

/**
 * One sentence saying what the chart shows, e.g. "Line chart of GDP and
 * GDP (other source), 2011–2022, in billion yuan." Mark symbols (* † ‡) are
 * left out: the source line explains them.
 */
export function chartSummary(result: ChartData, lang: Lang): string {
  const option = result.option as Record<string, unknown>
  const series = asArray(option.series as SeriesLike[] | undefined)
  const axes = categoryAxes(option)
  const seriesNames = series.map((s) => (typeof s.name === 'string' ? s.name : ''))
  // One series drawn across named rows (e.g. residents by kind): the rows say what it shows.
  const rows = series.length === 1 ? rowNames(axes) : []
  const names = [...new Set((rows.length ? rows : seriesNames).map((n) => n.replace(/[*†‡]/g, '').trim()).filter(Boolean))]
  const sep = t(lang, 'exportText.listSep')
  let list: string
  if (names.length > MAX_NAMED) {
    list = t(lang, 'exportText.summary.more', { list: names.slice(0, MAX_NAMED - 1).join(sep), n: names.length - (MAX_NAMED - 1) })
  } else if (names.length > 1) {
    list = names.slice(0, -1).join(sep) + t(lang, 'exportText.summary.and') + names[names.length - 1]
  } else {
    list = names[0] ?? ''
  }
  const kind = t(lang, `exportText.summary.kinds.${kindOf(option, series)}`)
  let sentence = list ? t(lang, 'exportText.summary.of', { kind, series: list }) : kind
  const span = yearSpan(axes)
  if (span) sentence += t(lang, 'exportText.summary.span', { from: span[0], to: span[1] })
  if (result.unitLabel) sentence += t(lang, 'exportText.summary.unit', { unit: result.unitLabel })
  return sentence + t(lang, 'exportText.summary.end')
}
