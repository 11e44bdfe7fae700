/** The urban rectification dashboard: the article's totals, the district's yearly figures 2015–2017, Jiuting. */
import { categoryBars, yearBars } from './bars'
import { chartOf } from './common'
import { headlineKpi } from './kpi'
import { tr } from './labels'
import type { ChartSpec, DashboardSpec, KpiSpec } from './types'

const DS = 'rectification'
const YEARS = [2015, 2016, 2017]
/** The rectification dashboard's KPI cards. */
export const RECTIFICATION_KPIS: KpiSpec[] = [
  headlineKpi({
    id: 'demolished-area',
    dashboard: 'rectification',
    dataset: DS,
    entity: 'songjiang',
    indicator: 'demolished-area',
    label: { 'zh-CN': '拆除违法违规建筑（建筑面积）', en: 'Illicit or irregular buildings demolished (floor area)' },
    comparison: (_f, ctx) => (ctx.lang === 'en' ? 'District total as the article gives it; no year' : '文章所给的全区总数，未注明年份'),
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

/** The rectification dashboard's charts, in display order. */
export const RECTIFICATION_CHARTS: ChartSpec[] = [
  chart('rect-firms', { 'zh-CN': '松江区企业淘汰与调整（2015–2017）', en: 'Songjiang: firms phased out and adjusted, 2015–2017' }, (data, ctx) =>
    yearBars(data, ctx, { dataset: DS, entity: 'songjiang', indicators: ['obsolete-firms-phased-out', 'inferior-enterprises-adjusted'], years: YEARS, aria: 'firms' }),
  ),
  chart('rect-land', { 'zh-CN': '减量建设用地与新增绿地（公顷）', en: 'Construction land reduced and green area added (ha)' }, (data, ctx) =>
    yearBars(data, ctx, { dataset: DS, entity: 'songjiang', indicators: ['construction-land-reduced', 'construction-land-reduced-approved', 'construction-land-reduced-inspected', 'green-area-added'], years: YEARS, aria: 'land' }),
  ),
  chart('rect-energy', { 'zh-CN': '节能量（吨标准煤）', en: 'Energy use cut (t of standard coal)' }, (data, ctx) =>
    yearBars(data, ctx, { dataset: DS, entity: 'songjiang', indicators: ['energy-saved'], years: YEARS, aria: 'energy' }),
  ),
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
