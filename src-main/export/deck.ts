/**
 * The slides a PowerPoint export is made of. Until presentation mode's own
 * deck (a user-arranged list of slides) exists, the deck is the default one:
 * a title slide, then per dashboard a section slide and one slide per chart.
 * `defaultDeck` is a pure function so a saved deck can replace it later.
 */
import { DASHBOARDS } from '../../src-shared/charts/index'
import type { DashboardId } from '../../src-shared/charts/types'

/** One slide of a deck, in the order it is shown. */
export type DeckSlide =
  | { kind: 'title' }
  /** A dashboard's title and takeaway, opening its charts. */
  | { kind: 'section'; dashboard: DashboardId }
  | {
      kind: 'chart'
      chartId: string
      /** The line under the title; when absent, a one-sentence summary of the chart. */
      takeaway?: string
      /** The presenter's note, put first in the speaker notes. */
      note?: string
    }

/** The order dashboards appear in a deck and a briefing pack. */
export const DECK_DASHBOARDS: readonly DashboardId[] = ['rectification', 'industry', 'cities']

/** Title slide, then per dashboard (in `DECK_DASHBOARDS` order) a section slide and a slide per chart. */
export function defaultDeck(): DeckSlide[] {
  const slides: DeckSlide[] = [{ kind: 'title' }]
  for (const id of DECK_DASHBOARDS) {
    slides.push({ kind: 'section', dashboard: id })
    for (const spec of DASHBOARDS[id].charts) slides.push({ kind: 'chart', chartId: spec.id })
  }
  return slides
}
