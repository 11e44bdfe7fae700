import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { IDLE_PRESENTATION, type PresentationState, type PresentMode, type PresentUpdate } from '../../../src-shared/presentation'
import { unwrap, useApi } from '../api'
import { useDeckStore } from './deck'

/** Is this page the presenter window (opened by main on the laptop's display)? */
export const isPresenterWindow = (): boolean => window.location.hash === '#presenter'

/**
 * The running show, mirrored from main (which holds the one state both windows
 * share). Moves go to main and come back as `present:changed`.
 */
export const usePresentStore = defineStore('present', () => {
  const state = ref<PresentationState>({ ...IDLE_PRESENTATION })
  const error = ref<string | null>(null)
  const deck = useDeckStore()

  const count = computed(() => deck.shown.length)
  const current = computed(() => deck.shown[Math.min(state.value.index, Math.max(0, count.value - 1))] ?? null)
  const next = computed(() => deck.shown[state.value.index + 1] ?? null)

  async function call(pending: Promise<import('../../../src-shared/ipc-contract').Result<PresentationState>>): Promise<void> {
    try {
      state.value = await unwrap(pending)
      error.value = null
    } catch (err) {
      error.value = (err as Error).message
    }
  }

  async function init(): Promise<void> {
    const api = useApi()
    api.onPresentationChanged((s) => (state.value = s))
    state.value = await unwrap(api.getPresentation())
  }

  const clampIndex = (i: number) => Math.max(0, Math.min(count.value - 1, i))

  const start = (index: number, mode: PresentMode = 'show') => call(useApi().startPresentation({ index: clampIndex(index), mode }))
  const update = (patch: PresentUpdate) => call(useApi().updatePresentation(patch))
  /** Moves to slide `i` (0-based, clamped); lifts a blackout. */
  const go = (i: number) => update({ index: clampIndex(i), blank: null })
  const forward = () => (state.value.index < count.value - 1 ? go(state.value.index + 1) : Promise.resolve())
  const back = () => (state.value.index > 0 ? go(state.value.index - 1) : Promise.resolve())
  const end = () => call(useApi().endPresentation())
  const applyData = () => call(useApi().applyWaitingData())
  const swap = () => call(useApi().swapDisplays())

  /** Starts at the slide `id` (or the next shown slide after it, if it is left out). */
  const startFrom = (id: string, mode: PresentMode = 'show') => start(deck.shownIndexOf(id), mode)

  return { state, error, count, current, next, init, start, startFrom, update, go, forward, back, end, applyData, swap }
})
