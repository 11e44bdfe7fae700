/** Industry before and after the break year (2016 by default): Songjiang's series, periods, the 1.0 → 3.0 timeline. */
import { figureNote, noteIn, type ColumnarDataset, type Figure } from '../dataset'
import type { Lang } from '../settings'
import { figureRow, type TableRow } from './table'
import { figureParts, sourceCitation, sourceTierText } from '../format'
import { yearSeries } from '../query'
import { chartOf, barStyle, chartResult, collectMarks, escapeHtml, missingDataset, missingFigures, sourceLine, suffix, tipFor, tokens } from './common'
import { formatRate, growthBothPeriods, growthEndpoints, growthFormula, reportedAverages, type PeriodGrowth } from './growth'
import { headlineKpi, kpiFromFigure } from './kpi'
import { indicatorName, shortName, T, tr } from './labels'
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
  return lang === 'en' ? `${g.first.year}→${g.last.year}, ${n} year${n === 1 ? '' : 's'}` : `${g.first.year}→${g.last.year}，${n} 年`
}

/** A computed rate as a derived figure: its formula, its endpoints' sources, the secondary mark if an endpoint is secondary. */
export function growthFigure(g: PeriodGrowth, lang: Lang): Figure {
  const ends = [g.first, g.last]
  const titles = [...new Set(ends.map((f) => f.source.title))]
  const urls = [...new Set(ends.map((f) => f.source.url).filter((u): u is string => !!u))]
  const secondary = ends.some((f) => f.source.tier === 'secondary' || (f.source.tier === 'derived' && f.source.inputTier === 'secondary'))
  return {
    entity: g.first.entity,
    indicator: g.indicator,
    year: null,
    period: `${g.first.year}→${g.last.year}`,
    value: Number((g.rate * 100).toFixed(2)),
    decimals: 2,
    valueHigh: null,
    unit: 'percent',
    qualifier: 'exact',
    source: { tier: 'derived', title: titles.join('; '), url: urls.join(' ; ') || null, year: null, quote: null, formula: growthFormula(g, lang), ...(secondary ? { inputTier: 'secondary' as const } : {}) },
    ...noteIn(lang, growthEndpoints(g, lang)),
    conflict: ends.some((f) => f.conflict),
  }
}

function growthRow(g: PeriodGrowth, d: ColumnarDataset, lang: Lang): TableRow {
  const word = lang === 'en' ? 'average yearly growth (computed)' : '年均增速（计算）'
  return figureRow(growthFigure(g, lang), d, lang, { indicator: `${indicatorName(d, g.indicator, lang)} — ${word}` })
}

function growthChart(data: DataIndex, ctx: ChartContext): ChartResult {
  const d = data.get(DS)
  if (!d) return missingDataset(DS, ctx.lang)
  const lang = ctx.lang
  const t = tokens(ctx)
  const rows = GROWTH_INDICATORS.map((ind) => ({ ind, ...growthBothPeriods(d, E, ind, ctx.breakYear) })).filter((r) => r.before || r.after)
  if (rows.length === 0) {
    const p = periodsFor(ctx.breakYear)
    const why = lang === 'en' ? `two years with values in ${p.before[0]}–${p.before[1]} or ${p.after[0]}–${p.after[1]}` : `${p.before[0]}–${p.before[1]} 或 ${p.after[0]}–${p.after[1]} 期间两个年份的数值`
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
    const lines = [`<b>${escapeHtml(name)}</b>`, `${tr(T.formula, lang)}: ${escapeHtml(growthFormula(g, lang))} †`, escapeHtml(growthEndpoints(g, lang))]
    for (const f of [g.first, g.last]) lines.push(`${tr(T.source, lang)}: ${escapeHtml(sourceCitation(f.source, lang))} (${escapeHtml(sourceTierText(f.source, lang))})`)
    for (const f of [g.first, g.last]) if (f.conflict && figureNote(f, lang)) lines.push(`‡ ${escapeHtml(figureNote(f, lang)!)}`)
    tableRows.push(growthRow(g, d, lang))
    const marks = suffix(growthFigure(g, lang))
    return [{ series, value: Number((g.rate * 100).toFixed(2)), tip: lines.join('<br/>'), label: `${formatRate(g.rate, lang)}${marks} (${span})` }]
  }
  const colors = [t.palette[1]!, t.palette[0]!, t.palette[2]!]
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
          label: `${figureParts(f, lang).text}${suffix(f)} (${f.period})`,
          style: barStyle(f, colors[2]!, ctx),
        })),
      ],
    }
  })
  const kinds = [
    { name: `${tr(T.before, lang)} ${p.before[0]}–${p.before[1]}†`, color: colors[0]! },
    { name: `${tr(T.after, lang)} ${p.after[0]}–${p.after[1]}†`, color: colors[1]! },
    ...(reported.length ? [{ name: tr({ 'zh-CN': '来源所报年均增速', en: 'As reported' }, lang), color: colors[2]! }] : []),
  ]
  const table = rowBars(ctx, groups, kinds)
  const endpoints = rows.flatMap((r) => [r.before?.first, r.before?.last, r.after?.first, r.after?.last]).filter((f): f is Figure => !!f)
  const marks = collectMarks([...endpoints, ...reported], ['derived'])
  const option = rowsOption(ctx, marks, 'growth', kinds, table)
  return chartResult(option, [...endpoints, ...reported], ctx, '%', [tr({ 'zh-CN': '增速由上述数据计算（推算）', en: 'Growth computed from the figures above (derived)' }, lang)], ['derived'], { d, rows: tableRows, drawn: reported })
}

/** The industry dashboard's charts, in display order. */
export const INDUSTRY_CHARTS: ChartSpec[] = [
  chart('industry-gdp', { 'zh-CN': '松江区地区生产总值（亿元）', en: 'Songjiang GDP' }, (data, ctx) =>
    series(data, ctx, { lines: ['gdp'], events: true, conflicts: true, aria: 'gdp' }),
  ),
  chart('industry-growth', { 'zh-CN': '前后对比：年均复合增速（由数据计算）', en: 'Before and after: average yearly growth (computed)' }, growthChart),
  // Sparse series (a few years each): one small panel per indicator, only the years each has.
  chart('industry-fiscal', { 'zh-CN': '财政收入与税收（仅列有数据的年份）', en: 'Fiscal revenue and taxes (years with figures only)' }, (data, ctx) =>
    dotTable(data, ctx, { dataset: DS, entity: E, indicators: ['total-fiscal-income', 'local-fiscal-revenue', 'tax-revenue', 'fiscal-revenue'], aria: 'fiscal' }),
  ),
  // Three shares of three different bases: a row each, no shared axis.
  chart('industry-shares', { 'zh-CN': '结构：三种不同基数的占比', en: 'Structure: three shares of three different bases' }, (data, ctx) =>
    dotTable(data, ctx, { dataset: DS, entity: E, indicators: ['real-estate-tax-share', 'secondary-industry-share', 'strategic-emerging-share'], aria: 'shares' }),
  ),
  // A count and a percentage: two panels, no second value axis.
  chart('industry-innovation', { 'zh-CN': '高新技术企业与研发投入强度', en: 'High-tech enterprises and R&D intensity' }, (data, ctx) =>
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
    const cmp = before ? (lang === 'en' ? `${spanText(before, lang)}: ${formatRate(before.rate, lang)} a year` : `${spanText(before, lang)}：年均 ${formatRate(before.rate, lang)}`) : undefined
    const derived = growthFigure(after, lang)
    const base = kpiFromFigure('gdp-growth-after', 'industry', lang === 'en' ? `GDP growth a year, ${span} (computed)` : `GDP 年均增速 ${span}（计算）`, derived, ctx, cmp)
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
  headlineKpi({ id: 'gdp-2020', dashboard: 'industry', dataset: DS, entity: E, indicator: 'gdp', label: { 'zh-CN': '松江 GDP', en: 'Songjiang GDP' }, pick: (data) => yearSeries(data.get(DS), E, 'gdp', [2020])[0] ?? null }),
  gdpGrowthKpi,
  headlineKpi({
    id: 'real-estate-tax-share',
    dashboard: 'industry',
    dataset: DS,
    entity: E,
    indicator: 'real-estate-tax-share',
    label: { 'zh-CN': '房地产税收占比', en: 'Real-estate share of district taxes' },
    pick: (data) => latestIn(data, 'real-estate-tax-share'),
    comparison: (f, ctx, data) => {
      const prev = yearSeries(data.get(DS), E, 'real-estate-tax-share', [f.year! - 1])[0]
      if (!prev?.value) return undefined
      return ctx.lang === 'en' ? `${f.year}; ${prev.value}% in ${prev.year}` : `${f.year} 年；${prev.year} 年为 ${prev.value}%`
    },
  }),
  headlineKpi({ id: 'high-tech-enterprises', dashboard: 'industry', dataset: DS, entity: E, indicator: 'high-tech-enterprises', label: { 'zh-CN': '高新技术企业', en: 'High-tech enterprises' }, pick: (data) => latestIn(data, 'high-tech-enterprises') }),
]

/** The industry dashboard: Songjiang before and after the break year. */
export const INDUSTRY: DashboardSpec = {
  id: 'industry',
  title: (ctx) => tr({ 'zh-CN': `产业：${ctx.breakYear} 年前后`, en: `Industry before and after ${ctx.breakYear}` }, ctx.lang),
  takeaway: (ctx) =>
    tr(
      {
        'zh-CN': '从依赖房地产到科创驱动：G60 科创走廊从 1.0 升级到 3.0。',
        en: 'From reliance on real estate to innovation: the G60 valley grew from 1.0 to 3.0.',
      },
      ctx.lang,
    ),
  kpis: INDUSTRY_KPIS,
  charts: INDUSTRY_CHARTS,
}
