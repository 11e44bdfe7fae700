import { onBeforeUnmount, watch } from 'vue'
import { advanceAfter } from '../../../src-shared/deck'
import { useDeckStore } from '../stores/deck'
import { usePresentStore } from '../stores/present'

/**
 * Auto-advance: after the slide's time (or the deck interval) the show moves
 * on, unless paused with K, blanked, or on the last slide. Runs in the main
 * window only, so two windows never advance twice.
 */
export function useAutoAdvance(): void {
  const present = usePresentStore()
  const deck = useDeckStore()
  let timer: ReturnType<typeof setTimeout> | undefined

  watch(
    () => [present.state.active, present.state.index, present.state.paused, present.state.blank, present.current, deck.deck] as const,
    ([active, index, paused, blank, slide]) => {
      clearTimeout(timer)
      if (!active || paused || blank || !slide || !deck.deck || index >= present.count - 1) return
      const seconds = advanceAfter(deck.deck, slide)
      if (seconds !== null) timer = setTimeout(() => void present.forward(), seconds * 1000)
    },
    { immediate: true },
  )
  onBeforeUnmount(() => clearTimeout(timer))
}
