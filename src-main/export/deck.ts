/**
 * The slides a PowerPoint export is made of, taken from presentation mode's
 * deck (`src-shared/deck.ts`: the user's order, left-out slides, notes): its
 * included slides in order, each with its note. Without a saved deck (the
 * CLI, or before the user arranged one) the default deck is used: title,
 * headline figures, then per dashboard a section slide and a slide per chart.
 */
import type { DashboardId } from '../../src-shared/charts/types'
import { defaultDeck as defaultPresentationDeck, parseSlideId, shownSlides, type Deck } from '../../src-shared/deck'
import { catalogueSlideIds } from '../../src-shared/deck-catalogue'

/** One slide of an exported deck, in the order it is shown; `note` goes first in its speaker notes. */
export type DeckSlide =
  | { kind: 'title'; note?: string }
  /** The overview's headline figures. */
  | { kind: 'kpis'; note?: string }
  /** A dashboard's title and takeaway, opening its charts. */
  | { kind: 'section'; dashboard: DashboardId; note?: string }
  | {
      kind: 'chart'
      chartId: string
      /** The line under the title; when absent, a one-sentence summary of the chart. */
      takeaway?: string
      note?: string
    }

/** The included slides of a presentation deck, in its order, with their notes; ids that name no slide are skipped. */
export function slidesFromDeck(deck: Deck): DeckSlide[] {
  return shownSlides(deck).flatMap((s): DeckSlide[] => {
    const ref = parseSlideId(s.id)
    const note = s.note.trim() ? s.note : undefined
    if (!ref) return []
    if (ref.kind === 'chart') return [{ kind: 'chart', chartId: ref.chartId, note }]
    if (ref.kind === 'section') return [{ kind: 'section', dashboard: ref.dashboard, note }]
    return [{ kind: ref.kind, note }]
  })
}

/** The default deck: every slide that exists, in presentation mode's default order. */
export function defaultDeck(): DeckSlide[] {
  return slidesFromDeck(defaultPresentationDeck(catalogueSlideIds()))
}
