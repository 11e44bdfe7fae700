/** Industry before and after the break year (2016 by default): Songjiang's series, periods, the 1.0 → 3.0 timeline. */
import type { Figure } from '../dataset'
import { formatNumber, tierLabel } from '../format'
import { yearSeries } from '../query'
import { chartOf, barStyle, chartResult, collectMarks, escapeHtml, missingDataset, missingFigures, suffix, tipFor, tokens } from './common'
import { growthBothPeriods, growthEndpoints, growthFormula, reportedAverages, type PeriodGrowth } from './growth'
import { headlineKpi, kpiFromFigure } from './kpi'
import { indicatorName, shortName, T, tr } from './labels'
import { rowBars, rowsOption, type Row, type RowGroup } from './rows'
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
  const computed = (g: PeriodGrowth | null, series: number): Row[] => {
    if (!g) return []
    const name = `${indicatorName(d, g.indicator, lang)} ${g.first.year}→${g.last.year}`
    const lines = [`<b>${escapeHtml(name)}</b>`, `${tr(T.formula, lang)}: ${escapeHtml(growthFormula(g, lang))} †`, escapeHtml(growthEndpoints(g, lang))]
    for (const f of [g.first, g.last]) lines.push(`${tr(T.source, lang)}: ${escapeHtml(f.source.title)} (${escapeHtml(tierLabel(f.source.tier, lang))})`)
    return [{ series, value: Number((g.rate * 100).toFixed(2)), tip: lines.join('<br/>'), label: `${formatNumber(g.rate * 100, lang, 1)}%† (${g.first.year}→${g.last.year})` }]
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
          label: `${formatNumber(f.value!, lang)}%${suffix(f)} (${f.period})`,
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
  return chartResult(option, [...endpoints, ...reported], ctx, '%', [tr({ 'zh-CN': '增速由上述数据计算（推算）', en: 'Growth computed from the figures above (derived)' }, lang)], ['derived'])
}

/** The industry dashboard's charts, in display order. */
export const INDUSTRY_CHARTS: ChartSpec[] = [
  chart('industry-gdp', { 'zh-CN': '松江区地区生产总值（亿元）', en: 'Songjiang GDP' }, (data, ctx) =>
    series(data, ctx, { lines: ['gdp'], events: true, conflicts: true, aria: 'gdp' }),
  ),
  chart('industry-growth', { 'zh-CN': '前后对比：年均复合增速（由数据计算）', en: 'Before and after: average yearly growth (computed)' }, growthChart),
  chart('industry-fiscal', { 'zh-CN': '财政收入与税收（亿元）', en: 'Fiscal revenue and taxes' }, (data, ctx) =>
    series(data, ctx, { lines: ['total-fiscal-income', 'local-fiscal-revenue', 'tax-revenue', 'fiscal-revenue'], aria: 'fiscal' }),
  ),
  chart('industry-shares', { 'zh-CN': '结构：房地产税收、第二产业与新兴产业占比（%）', en: 'Structure: real-estate taxes, industry, emerging industries (%)' }, (data, ctx) =>
    series(data, ctx, { lines: ['real-estate-tax-share', 'secondary-industry-share', 'strategic-emerging-share'], valueLabels: true, aria: 'shares' }),
  ),
  chart('industry-innovation', { 'zh-CN': '高新技术企业与研发投入强度', en: 'High-tech enterprises and R&D intensity' }, (data, ctx) =>
    series(data, ctx, { lines: [], bars: ['high-tech-enterprises'], right: ['rd-intensity'], valueLabels: true, aria: 'innovation' }),
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
    const value = `${formatNumber(after.rate * 100, lang, 1)}%`
    const cmp = before
      ? lang === 'en'
        ? `${before.first.year}→${before.last.year}: ${formatNumber(before.rate * 100, lang, 1)}% a year; ${growthFormula(after, lang)}`
        : `${before.first.year}→${before.last.year}：年均 ${formatNumber(before.rate * 100, lang, 1)}%；${growthFormula(after, lang)}`
      : growthFormula(after, lang)
    const base = kpiFromFigure('gdp-growth-after', 'industry', lang === 'en' ? `GDP growth a year, ${after.first.year}→${after.last.year} (computed)` : `GDP 年均增速 ${after.first.year}→${after.last.year}（计算）`, after.last, ctx, cmp)
    const marks = collectMarks([after.first, after.last], ['derived'])
    return { ...base, value, unit: '', marks, sourceLine: base.sourceLine + ' · ' + after.first.source.title }
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
