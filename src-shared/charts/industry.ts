/** Industry before and after the break year (2016 by default): Songjiang's series, periods, the 1.0 → 3.0 timeline. */
import { figureNote, noteIn, sourceTitle, type ColumnarDataset, type Figure } from '../dataset'
import type { Lang } from '../settings'
import { both, t } from '../i18n'
import { figureRow, type TableRow } from './table'
import { figureParts, sourceCitation, sourceTierText } from '../format'
import { yearSeries } from '../query'
import { chartOf, barStyle, chartResult, collectMarks, escapeHtml, missingDataset, missingFigures, sourceLine, suffix, tipFor, tokens } from './common'
import { formatRate, growthBothPeriods, growthEndpoints, growthFormula, reportedAverages, type PeriodGrowth } from './growth'
import { headlineKpi, kpiFromFigure } from './kpi'
import { indicatorName, labelled, paren, shortName, T, tr } from './labels'
import { rowBars, rowsOption, type Row, type RowGroup } from './rows'
import { dotTable, smallMultiples } from './multiples'
import { lastYearOf, periodsFor, seriesChart, type SeriesSpec } from './timeseries'
import type { ChartContext, ChartResult, ChartSpec, DashboardSpec, DataIndex, KpiSpec } from './types'

const DS = 'songjiang-economy'
const E = 'songjiang'

const chart = chartOf('industry')

function series(data: DataIndex, ctx: ChartContext, s: Omit<SeriesSpec, 'dataset' | 'entity' | 'firstYear' | 'lastYear' | 'periods'>): ChartResult {
  const inds = [...s.lines, ...(s.bars ?? []), ...(s.right ?? [])]
  return seriesChart(data, ctx, { dataset: DS, entity: E, firstYear: 2011, lastYear: lastYearOf(data.get(DS), E, inds, 2022), periods: true, ...s })
}

const GROWTH_INDICATORS = ['gdp', 'total-fiscal-income', 'local-fiscal-revenue', 'tax-revenue']
const REPORTED: Record<string, string> = { 'gdp-avg-growth': 'gdp', 'local-fiscal-revenue-avg-growth': 'local-fiscal-revenue', 'industrial-fai-avg-growth': 'industrial-fai-avg-growth' }

/** "2015→2020, 5 years": the span a computed rate actually covers, so spans of different length read as such. */
export function spanText(g: PeriodGrowth, lang: Lang): string {
  const n = g.last.year! - g.first.year!
  return t(lang, n === 1 ? 'charts.words.spanOne' : 'charts.words.spanMany', { from: g.first.year!, to: g.last.year!, n })
}

/** A computed rate as a derived figure: its formula, its endpoints' sources, the secondary mark if an endpoint is secondary. */
export function growthFigure(g: PeriodGrowth, lang: Lang): Figure {
  const ends = [g.first, g.last]
  const titles = [...new Set(ends.map((f) => sourceTitle(f.source, lang)))]
  const urls = [...new Set(ends.map((f) => f.source.url).filter((u): u is string => !!u))]
  const secondary = ends.some((f) => f.source.tier === 'secondary' || (f.source.tier === 'derived' && f.source.inputTier === 'secondary'))
  return {
    entity: g.first.entity,
    indicator: g.indicator,
    year: null,
    period: `${g.first.year}→${g.last.year}`,
    // The rate as the chart prints it (one decimal, as sources print rates); the formula keeps two.
    value: Number((g.rate * 100).toFixed(1)),
    decimals: 1,
    valueHigh: null,
    unit: 'percent',
    qualifier: 'exact',
    source: { tier: 'derived', title: titles.join('; '), url: urls.join(' ; ') || null, year: null, quote: null, formula: growthFormula(g, lang), ...(secondary ? { inputTier: 'secondary' as const } : {}) },
    ...noteIn(lang, growthEndpoints(g, lang)),
    conflict: ends.some((f) => f.conflict),
  }
}

function growthRow(g: PeriodGrowth, d: ColumnarDataset, lang: Lang): TableRow {
  const word = t(lang, 'charts.words.growthRow')
  return figureRow(growthFigure(g, lang), d, lang, { indicator: `${indicatorName(d, g.indicator, lang)} — ${word}` })
}

function growthChart(data: DataIndex, ctx: ChartContext): ChartResult {
  const d = data.get(DS)
  if (!d) return missingDataset(DS, ctx.lang)
  const lang = ctx.lang
  const tk = tokens(ctx)
  const rows = GROWTH_INDICATORS.map((ind) => ({ ind, ...growthBothPeriods(d, E, ind, ctx.breakYear) })).filter((r) => r.before || r.after)
  if (rows.length === 0) {
    const p = periodsFor(ctx.breakYear)
    const why = t(lang, 'charts.words.growthNeeds', { before: `${p.before[0]}–${p.before[1]}`, after: `${p.after[0]}–${p.after[1]}` })
    return missingFigures(DS, [why], lang)
  }
  const reported = Object.keys(REPORTED).flatMap((ind) => reportedAverages(d, E, ind))
  const uniq = [...new Set([...rows.map((r) => r.ind), ...reported.map((f) => REPORTED[f.indicator]!)])]
  const p = periodsFor(ctx.breakYear)
  const tableRows: TableRow[] = []
  const computed = (g: PeriodGrowth | null, series: number): Row[] => {
    if (!g) return []
    const span = spanText(g, lang)
    const name = `${indicatorName(d, g.indicator, lang)} ${span}`
    const lines = [`<b>${escapeHtml(name)}</b>`, labelled(tr(T.formula, lang), `${escapeHtml(growthFormula(g, lang))} †`, lang), escapeHtml(growthEndpoints(g, lang))]
    for (const f of [g.first, g.last]) lines.push(labelled(tr(T.source, lang), `${escapeHtml(sourceCitation(f.source, lang))}${paren(escapeHtml(sourceTierText(f.source, lang)), lang)}`, lang))
    for (const f of [g.first, g.last]) if (f.conflict && figureNote(f, lang)) lines.push(`‡ ${escapeHtml(figureNote(f, lang)!)}`)
    tableRows.push(growthRow(g, d, lang))
    const marks = suffix(growthFigure(g, lang))
    return [{ series, value: Number((g.rate * 100).toFixed(2)), tip: lines.join('<br/>'), label: `${formatRate(g.rate, lang)}${marks}${paren(span, lang)}` }]
  }
  const colors = [tk.palette[1]!, tk.palette[0]!, tk.palette[2]!]
  const groups: RowGroup[] = uniq.map((c) => {
    const r = rows.find((x) => x.ind === c)
    const own = reported.filter((f) => REPORTED[f.indicator] === c).sort((a, b) => (a.period ?? '').localeCompare(b.period ?? ''))
    return {
      name: shortName(d, c, lang),
      rows: [
        ...computed(r?.before ?? null, 0),
        ...computed(r?.after ?? null, 1),
        ...own.map((f) => ({
          series: 2,
          value: f.value!,
          tip: tipFor(f, indicatorName(d, f.indicator, lang), lang),
          label: `${figureParts(f, lang).text}${suffix(f)}${paren(f.period ?? '', lang)}`,
          style: barStyle(f, colors[2]!, ctx),
        })),
      ],
    }
  })
  const kinds = [
    { name: `${tr(T.before, lang)} ${p.before[0]}–${p.before[1]}†`, color: colors[0]! },
    { name: `${tr(T.after, lang)} ${p.after[0]}–${p.after[1]}†`, color: colors[1]! },
    ...(reported.length ? [{ name: t(lang, 'charts.words.asReported'), color: colors[2]! }] : []),
  ]
  const table = rowBars(ctx, groups, kinds)
  const endpoints = rows.flatMap((r) => [r.before?.first, r.before?.last, r.after?.first, r.after?.last]).filter((f): f is Figure => !!f)
  const marks = collectMarks([...endpoints, ...reported], ['derived'])
  const option = rowsOption(ctx, marks, 'growth', kinds, table)
  return chartResult(option, [...endpoints, ...reported], ctx, '%', [t(lang, 'charts.words.growthComputed')], ['derived'], { d, rows: tableRows, drawn: reported })
}

/** The industry dashboard's charts, in display order. */
export const INDUSTRY_CHARTS: ChartSpec[] = [
  chart('industry-gdp', both('charts.titles.industry-gdp'), (data, ctx) =>
    series(data, ctx, { lines: ['gdp'], events: true, conflicts: true, aria: 'gdp' }),
  ),
  chart('industry-growth', both('charts.titles.industry-growth'), growthChart),
  // Sparse series (a few years each): one small panel per indicator, only the years each has.
  chart('industry-fiscal', both('charts.titles.industry-fiscal'), (data, ctx) =>
    dotTable(data, ctx, { dataset: DS, entity: E, indicators: ['total-fiscal-income', 'local-fiscal-revenue', 'tax-revenue', 'fiscal-revenue'], aria: 'fiscal' }),
  ),
  // Three shares of three different bases: a row each, no shared axis.
  chart('industry-shares', both('charts.titles.industry-shares'), (data, ctx) =>
    dotTable(data, ctx, { dataset: DS, entity: E, indicators: ['real-estate-tax-share', 'secondary-industry-share', 'strategic-emerging-share'], aria: 'shares' }),
  ),
  // A count and a percentage: two panels, no second value axis.
  chart('industry-innovation', both('charts.titles.industry-innovation'), (data, ctx) =>
    smallMultiples(data, ctx, { dataset: DS, entity: E, indicators: ['high-tech-enterprises', 'rd-intensity'], aria: 'innovation' }),
  ),
]

const gdpGrowthKpi: KpiSpec = {
  id: 'gdp-growth-after',
  dashboard: 'industry',
  build(data, ctx) {
    const d = data.get(DS)
    const { before, after } = growthBothPeriods(d, E, 'gdp', ctx.breakYear)
    if (!after) return null
    const lang = ctx.lang
    const span = spanText(after, lang)
    // One line of context; the formula and endpoints go to the card's tooltip.
    const cmp = before ? t(lang, 'charts.kpis.gdp-growth-before', { span: spanText(before, lang), rate: formatRate(before.rate, lang) }) : undefined
    const derived = growthFigure(after, lang)
    const base = kpiFromFigure('gdp-growth-after', 'industry', t(lang, 'charts.kpis.gdp-growth-after'), derived, ctx, cmp, span)
    const detail = [growthFormula(after, lang), growthEndpoints(after, lang), ...(before ? [growthFormula(before, lang)] : [])].join('\n')
    return { ...base, value: formatRate(after.rate, lang), unit: '', detail, sourceLine: sourceLine([after.first.source, after.last.source], lang) }
  },
}

function latestIn(data: DataIndex, ind: string): Figure | null {
  const s = yearSeries(data.get(DS), E, ind, Array.from({ length: 20 }, (_, i) => 2030 - i))
  return s.find((f) => f !== null) ?? null
}

/** The industry dashboard's KPI cards. */
export const INDUSTRY_KPIS: KpiSpec[] = [
  headlineKpi({ id: 'gdp-2020', dashboard: 'industry', dataset: DS, entity: E, indicator: 'gdp', label: both('charts.kpis.gdp-2020'), pick: (data) => yearSeries(data.get(DS), E, 'gdp', [2020])[0] ?? null }),
  gdpGrowthKpi,
  headlineKpi({
    id: 'real-estate-tax-share',
    dashboard: 'industry',
    dataset: DS,
    entity: E,
    indicator: 'real-estate-tax-share',
    label: both('charts.kpis.real-estate-tax-share'),
    pick: (data) => latestIn(data, 'real-estate-tax-share'),
    comparison: (f, ctx, data) => {
      const prev = yearSeries(data.get(DS), E, 'real-estate-tax-share', [f.year! - 1])[0]
      if (!prev?.value) return undefined
      return t(ctx.lang, 'charts.kpis.real-estate-tax-share-context', { prev: prev.value, prevYear: prev.year! })
    },
  }),
  headlineKpi({ id: 'high-tech-enterprises', dashboard: 'industry', dataset: DS, entity: E, indicator: 'high-tech-enterprises', label: both('charts.kpis.high-tech-enterprises'), pick: (data) => latestIn(data, 'high-tech-enterprises') }),
]

/** The industry dashboard: Songjiang before and after the break year. */
export const INDUSTRY: DashboardSpec = {
  id: 'industry',
  title: (ctx) => t(ctx.lang, 'charts.dashboards.industry', { year: ctx.breakYear }),
  takeaway: (ctx) => t(ctx.lang, 'charts.dashboards.industryTakeaway'),
  kpis: INDUSTRY_KPIS,
  charts: INDUSTRY_CHARTS,
}
