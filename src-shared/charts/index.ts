/** The three dashboards and the overview's headline figures. */
import { CITIES, CITIES_KPIS } from './cities'
import { INDUSTRY, INDUSTRY_KPIS } from './industry'
import { RECTIFICATION, RECTIFICATION_KPIS } from './rectification'
import type { DashboardId, DashboardSpec, KpiSpec } from './types'

/** Every dashboard's spec, by id. */
export const DASHBOARDS: Record<DashboardId, DashboardSpec> = {
  rectification: RECTIFICATION,
  industry: INDUSTRY,
  cities: CITIES,
}

const pick = (list: KpiSpec[], ids: string[]): KpiSpec[] => list.filter((k) => ids.includes(k.id))

/** Headline figures for the overview, each linking to its dashboard (`target`). */
export const OVERVIEW_KPIS: KpiSpec[] = [
  ...pick(RECTIFICATION_KPIS, ['demolished-area', 'enterprises-phased-out']),
  ...pick(INDUSTRY_KPIS, ['gdp-growth-after', 'real-estate-tax-share']),
  ...pick(CITIES_KPIS, ['gdp-share-national', 'corridor-population']),
]

/** Each dashboard's headline chart, drawn on the overview above the link to its dashboard. */
export const OVERVIEW_CHARTS: Record<DashboardId, string> = {
  rectification: 'rect-firms',
  industry: 'industry-gdp',
  cities: 'cities-map',
}

export type * from './types'
