/** The urban rectification dashboard: the article's totals, the district's yearly figures 2015–2017, Jiuting. */
import { categoryBars, yearBars } from './bars'
import { chartOf } from './common'
import { headlineKpi } from './kpi'
import { both, t } from '../i18n'
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
    label: both('charts.kpis.demolished-area'),
    comparison: (_f, ctx) => t(ctx.lang, 'charts.kpis.demolished-area-context'),
  }),
  headlineKpi({
    id: 'enterprises-phased-out',
    dashboard: 'rectification',
    dataset: DS,
    entity: 'songjiang',
    indicator: 'enterprises-phased-out',
    label: both('charts.kpis.enterprises-phased-out'),
  }),
  headlineKpi({
    id: 'jiuting-population',
    dashboard: 'rectification',
    dataset: DS,
    entity: 'jiuting',
    indicator: 'population',
    label: both('charts.kpis.jiuting-population'),
  }),
]

const chart = chartOf('rectification')

/** The rectification dashboard's charts, in display order. */
export const RECTIFICATION_CHARTS: ChartSpec[] = [
  chart('rect-firms', both('charts.titles.rect-firms'), (data, ctx) =>
    yearBars(data, ctx, { dataset: DS, entity: 'songjiang', indicators: ['obsolete-firms-phased-out', 'inferior-enterprises-adjusted'], years: YEARS, aria: 'firms' }),
  ),
  chart('rect-land', both('charts.titles.rect-land'), (data, ctx) =>
    yearBars(data, ctx, { dataset: DS, entity: 'songjiang', indicators: ['construction-land-reduced', 'construction-land-reduced-approved', 'construction-land-reduced-inspected', 'green-area-added'], years: YEARS, aria: 'land' }),
  ),
  chart('rect-energy', both('charts.titles.rect-energy'), (data, ctx) =>
    yearBars(data, ctx, { dataset: DS, entity: 'songjiang', indicators: ['energy-saved'], years: YEARS, aria: 'energy' }),
  ),
  chart('rect-jiuting-residents', both('charts.titles.rect-jiuting-residents'), (data, ctx) =>
    categoryBars(data, ctx, { dataset: DS, entity: 'jiuting', indicators: ['registered-residents', 'migrant-residents', 'overseas-residents'], year: 2013, aria: 'residents' }),
  ),
  chart('rect-jiuting-economy', both('charts.titles.rect-jiuting-economy'), (data, ctx) =>
    categoryBars(data, ctx, { dataset: DS, entity: 'jiuting', indicators: ['tax-revenue', 'industrial-output', 'fixed-asset-investment'], year: 2013, aria: 'economy' }),
  ),
]

/** The urban rectification dashboard: demolition, firms phased out, Jiuting. */
export const RECTIFICATION: DashboardSpec = {
  id: 'rectification',
  title: (ctx) => t(ctx.lang, 'charts.dashboards.rectification'),
  takeaway: (ctx) => t(ctx.lang, 'charts.dashboards.rectificationTakeaway'),
  kpis: RECTIFICATION_KPIS,
  charts: RECTIFICATION_CHARTS,
}
