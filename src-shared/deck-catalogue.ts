/**
 * The slides that exist, from the dashboards' chart lists: what a default
 * deck holds and what a saved deck is validated against.
 */
import { DASHBOARDS } from './charts'
import type { DashboardId } from './charts/types'
import { defaultSlideIds } from './deck'

/** Every slide id in default order: title, KPIs, then per dashboard its section and its charts. */
export function catalogueSlideIds(): string[] {
  const charts = Object.fromEntries(Object.entries(DASHBOARDS).map(([id, d]) => [id, d.charts.map((c) => c.id)])) as Record<DashboardId, string[]>
  return defaultSlideIds(charts)
}
