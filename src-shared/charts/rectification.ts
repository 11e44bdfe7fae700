/** The urban rectification dashboard: the article's totals, the district's yearly figures 2015–2017, Jiuting. */
import type { Figure } from '../dataset'
import { formatNumber, formatValue } from '../format'
import { figures, headline, preferred } from '../query'
import { UNITS } from '../units'
import { categoryBars, yearBars } from './bars'
import { chartOf, gridBottom, xName, barStyle, baseOption, chartResult, collectMarks, labelText, missingDataset, missingFigures, suffix, tipFor, tokens } from './common'
import { headlineKpi } from './kpi'
import { entityName, indicatorName, shortName, tr } from './labels'
import { labelRoom, plotTop } from './layout'
import type { ChartContext, ChartResult, ChartSpec, DashboardSpec, DataIndex, KpiSpec } from './types'

const DS = 'rectification'
const YEARS = [2015, 2016, 2017]
/** A standard football pitch, 105 m × 68 m (FIFA's recommended size). */
export const PITCH_M2 = 105 * 68

function pitchComparison(f: Figure, ctx: ChartContext): string | undefined {
  if (f.value === null || UNITS[f.unit]?.base !== 'm2') return undefined
  const m2 = f.value * UNITS[f.unit]!.factor
  const n = m2 / PITCH_M2
  const v = formatNumber(m2, ctx.lang, 0)
  const nf = formatNumber(n, ctx.lang, 0)
  return ctx.lang === 'en'
    ? `≈ ${nf} standard football pitches (105 m × 68 m = 7,140 m² each; ${v} ÷ 7,140 = ${formatNumber(n, ctx.lang, 1)})`
    : `≈ ${nf} 个标准足球场（每个 105 米 × 68 米 = 7,140 平方米；${v} ÷ 7,140 = ${formatNumber(n, ctx.lang, 1)}）`
}

/** The rectification dashboard's KPI cards. */
export const RECTIFICATION_KPIS: KpiSpec[] = [
  headlineKpi({
    id: 'demolished-area',
    dashboard: 'rectification',
    dataset: DS,
    entity: 'songjiang',
    indicator: 'demolished-area',
    label: { 'zh-CN': '拆除违法违规建筑', en: 'Illicit or irregular buildings demolished' },
    comparison: pitchComparison,
  }),
  headlineKpi({
    id: 'enterprises-phased-out',
    dashboard: 'rectification',
    dataset: DS,
    entity: 'songjiang',
    indicator: 'enterprises-phased-out',
    label: { 'zh-CN': '淘汰低效企业', en: 'Low-efficiency enterprises phased out' },
  }),
  headlineKpi({
    id: 'jiuting-population',
    dashboard: 'rectification',
    dataset: DS,
    entity: 'jiuting',
    indicator: 'population',
    label: { 'zh-CN': '九亭镇人口', en: "Jiuting's population" },
  }),
]

const chart = chartOf('rectification')

/** Areas in km², for the "space vacated" story. */
interface AreaRow {
  name: string
  /** The full name, for the tooltip. */
  full: string
  km2: number
  fig: Figure
  formula: string
}

function toKm2(f: Figure): number | null {
  const def = UNITS[f.unit]
  if (f.value === null || !def) return null
  if (def.base === 'm2') return (f.value * def.factor) / 1e6
  if (def.base === 'ha') return (f.value * def.factor) / 100
  if (def.base === 'km2') return f.value * def.factor
  return null
}

function spaceChart(data: DataIndex, ctx: ChartContext): ChartResult {
  const d = data.get(DS)
  if (!d) return missingDataset(DS, ctx.lang)
  const lang = ctx.lang
  const rows: AreaRow[] = []
  const add = (f: Figure | null, name: string, full = name) => {
    const km2 = f ? toKm2(f) : null
    if (f && km2 !== null) rows.push({ name, full, km2, fig: f, formula: `${formatValue(f.value!, f.unit, lang)} = ${formatNumber(km2, lang, 2)} ${KM2[lang]}` })
  }
  add(headline(d, 'songjiang', 'demolished-area'), shortName(d, 'demolished-area', lang), indicatorName(d, 'demolished-area', lang))
  for (const ind of ['construction-land-reduced', 'green-area-added']) {
    for (const y of YEARS) add(preferred(figures(d, { entity: 'songjiang', indicator: ind, year: y })), `${shortName(d, ind, lang)} ${y}`, `${indicatorName(d, ind, lang)} ${y}`)
  }
  add(headline(d, 'jiuting', 'area'), `${entityName(d, 'jiuting', lang)} · ${indicatorName(d, 'area', lang)}`)
  if (rows.length === 0) return missingFigures(DS, [indicatorName(d, 'demolished-area', lang), indicatorName(d, 'area', lang)], lang)
  const town = rows.find((r) => r.fig.indicator === 'area')
  const t = tokens(ctx)
  const share = (r: AreaRow): string | null => {
    if (!town || r === town) return null
    const pct = formatNumber((100 * r.km2) / town.km2, lang, 1)
    const calc = `${formatNumber(r.km2, lang, 2)} ÷ ${formatNumber(town.km2, lang, 2)}`
    return lang === 'en' ? `${calc} = ${pct}% of ${town.name}` : `${calc} = ${town.name}的 ${pct}%`
  }
  const figs = rows.map((r) => r.fig)
  const marks = collectMarks(figs)
  const option = {
    ...baseOption(ctx, marks, tr(SPACE_TITLE, lang)),
    grid: { left: 8, right: labelRoom(ctx, rows.map((r) => `${formatNumber(r.km2, lang, 2)}${suffix(r.fig)}`)), top: plotTop(ctx, 0, false), bottom: gridBottom(ctx, marks, true), containLabel: true },
    xAxis: { type: 'value', ...xName(ctx, KM2[lang]) },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name), axisLabel: { width: 170, overflow: 'break', lineHeight: t.small + 4 } },
    series: [
      {
        type: 'bar',
        name: `${tr({ 'zh-CN': '面积', en: 'Area' }, lang)} (${KM2[lang]})`,
        barMaxWidth: 24,
        label: { show: true, position: 'right', ...labelText(ctx) },
        data: rows.map((r, k) => {
          const color = r === town ? t.palette[2]! : t.palette[k === 0 ? 1 : 0]!
          const extra = [r.formula, share(r)].filter((x): x is string => x !== null)
          return { value: Number(r.km2.toFixed(4)), tip: tipFor(r.fig, r.full, lang, extra), label: { formatter: `${formatNumber(r.km2, lang, 2)}${suffix(r.fig)}` }, ...barStyle(r.fig, color, ctx) }
        }),
      },
    ],
  }
  return chartResult(option, figs, ctx, KM2[lang])
}

const KM2 = { 'zh-CN': '平方公里', en: 'km²' }
const SPACE_TITLE = { 'zh-CN': '为科创腾出的空间（平方公里）', en: 'Space vacated for science and technology (km²)' }

/** The rectification dashboard's charts, in display order. */
export const RECTIFICATION_CHARTS: ChartSpec[] = [
  chart('rect-firms', { 'zh-CN': '松江区企业淘汰与调整（2015–2017）', en: 'Songjiang: firms phased out and adjusted, 2015–2017' }, (data, ctx) =>
    yearBars(data, ctx, { dataset: DS, entity: 'songjiang', indicators: ['obsolete-firms-phased-out', 'inferior-enterprises-adjusted'], years: YEARS, aria: 'firms' }),
  ),
  chart('rect-land', { 'zh-CN': '减量建设用地与新增绿地（公顷）', en: 'Construction land reduced and green area added (ha)' }, (data, ctx) =>
    yearBars(data, ctx, { dataset: DS, entity: 'songjiang', indicators: ['construction-land-reduced', 'construction-land-reduced-inspected', 'green-area-added'], years: YEARS, aria: 'land' }),
  ),
  chart('rect-energy', { 'zh-CN': '节能量（吨标准煤）', en: 'Energy use cut (t of standard coal)' }, (data, ctx) =>
    yearBars(data, ctx, { dataset: DS, entity: 'songjiang', indicators: ['energy-saved'], years: YEARS, aria: 'energy' }),
  ),
  chart('rect-space', SPACE_TITLE, spaceChart),
  chart('rect-jiuting-residents', { 'zh-CN': '九亭镇 2013 年人口构成', en: 'Jiuting in 2013: residents' }, (data, ctx) =>
    categoryBars(data, ctx, { dataset: DS, entity: 'jiuting', indicators: ['registered-residents', 'migrant-residents', 'overseas-residents'], year: 2013, aria: 'residents' }),
  ),
  chart('rect-jiuting-economy', { 'zh-CN': '九亭镇 2013 年经济', en: "Jiuting's economy in 2013" }, (data, ctx) =>
    categoryBars(data, ctx, { dataset: DS, entity: 'jiuting', indicators: ['tax-revenue', 'industrial-output', 'fixed-asset-investment'], year: 2013, aria: 'economy' }),
  ),
]

/** The urban rectification dashboard: demolition, firms phased out, Jiuting. */
export const RECTIFICATION: DashboardSpec = {
  id: 'rectification',
  title: (ctx) => tr({ 'zh-CN': '城市整治：为科创腾出空间', en: 'Urban rectification: making room for innovation' }, ctx.lang),
  takeaway: (ctx) =>
    tr(
      {
        'zh-CN': '松江拆除违法违规建筑、淘汰低效企业，把土地腾给科技创新和绿地。',
        en: 'Songjiang cleared irregular buildings and phased out low-efficiency firms, freeing land for technology and green space.',
      },
      ctx.lang,
    ),
  kpis: RECTIFICATION_KPIS,
  charts: RECTIFICATION_CHARTS,
}
