import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { moveSlide, shownSlides, updateSlide, type Deck, type DeckOptions, type DeckSlide } from '../../../src-shared/deck'
import { unwrap, useApi } from '../api'

/**
 * The presentation deck as main holds it. Every edit is sent to main, which
 * validates and saves it and tells the other window (the presenter view).
 */
export const useDeckStore = defineStore('deck', () => {
  const deck = shallowRef<Deck | null>(null)
  const error = ref<string | null>(null)
  /** Whether the deck panel is open. */
  const panelOpen = ref(false)

  const shown = computed<DeckSlide[]>(() => (deck.value ? shownSlides(deck.value) : []))

  /** Saves sent and not yet answered: while there are any, echoes of older saves are not shown (they would undo newer edits). */
  let pending = 0

  async function init(): Promise<void> {
    const api = useApi()
    api.onDeckChanged((next) => {
      if (pending === 0) deck.value = next
    })
    deck.value = await unwrap(api.getDeck())
  }

  async function save(next: Deck): Promise<void> {
    const before = deck.value
    deck.value = next
    pending++
    try {
      const saved = await unwrap(useApi().updateDeck(next))
      if (pending === 1) deck.value = saved
      error.value = null
    } catch (err) {
      if (pending === 1) deck.value = before
      error.value = (err as Error).message
    } finally {
      pending--
    }
  }

  const move = (index: number, step: number) => deck.value && save(moveSlide(deck.value, index, step))
  const edit = (id: string, patch: Partial<Omit<DeckSlide, 'id'>>) => deck.value && save(updateSlide(deck.value, id, patch))
  const setOptions = (patch: Partial<DeckOptions>) => deck.value && save({ ...deck.value, options: { ...deck.value.options, ...patch } })

  async function reset(): Promise<void> {
    try {
      deck.value = await unwrap(useApi().resetDeck())
      error.value = null
    } catch (err) {
      error.value = (err as Error).message
    }
  }

  /** Index among the shown slides of the first shown slide at or after `id` in the deck; 0 if none. */
  function shownIndexOf(id: string): number {
    const all = deck.value?.slides ?? []
    const from = all.findIndex((s) => s.id === id)
    if (from < 0) return 0
    const next = all.slice(from).find((s) => s.included)
    const i = next ? shown.value.findIndex((s) => s.id === next.id) : -1
    return i < 0 ? 0 : i
  }

  return { deck, shown, error, panelOpen, init, save, move, edit, setOptions, reset, shownIndexOf }
})
