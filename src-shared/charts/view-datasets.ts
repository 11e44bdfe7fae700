/**
 * Which loaded datasets a view draws from, for File ▸ Save Dataset as Excel…:
 * the view's KPIs, charts (and, on the overview, the article's facts) are
 * built over an index that notes every dataset id they look up.
 */
import type { ViewId } from '../ipc-contract'
import { articleFacts } from './facts'
import { DASHBOARDS, OVERVIEW_KPIS } from './index'
import type { ChartContext, DataIndex } from './types'

/** The ids of the loaded datasets `view` uses, in the order first looked up; ids it asks for but that are not loaded are left out. */
export function viewDatasetIds(view: ViewId, data: DataIndex, ctx: ChartContext): string[] {
  const used: string[] = []
  const index: DataIndex = {
    get(id) {
      if (!used.includes(id)) used.push(id)
      return data.get(id)
    },
  }
  if (view === 'overview') {
    for (const k of OVERVIEW_KPIS) k.build(index, ctx)
    articleFacts(index, ctx.lang)
  } else {
    const d = DASHBOARDS[view]
    for (const k of d.kpis) k.build(index, ctx)
    for (const c of d.charts) c.build(index, ctx)
  }
  return used.filter((id) => data.get(id) !== undefined)
}
