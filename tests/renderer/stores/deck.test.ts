import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { useDeckStore } from '../../../src-renderer/src/stores/deck'
import { defaultDeck, defaultSlideIds, updateSlide, type Deck } from '../../../src-shared/deck'
import type { G60Api } from '../../../src-shared/preload-api'

const IDS = defaultSlideIds({ rectification: ['a'], industry: [], cities: [] })

/** A fake API whose deck saves answer only when the test releases them, in order. */
function installDeckApi() {
  let onChanged: (d: Deck) => void = () => undefined
  const answers: (() => void)[] = []
  const api = {
    getDeck: vi.fn(async () => ({ ok: true as const, value: defaultDeck(IDS) })),
    updateDeck: vi.fn(
      (deck: Deck) =>
        new Promise((resolve) => {
          answers.push(() => {
            onChanged(deck)
            resolve({ ok: true as const, value: deck })
          })
        }),
    ),
    onDeckChanged: vi.fn((l: (d: Deck) => void) => {
      onChanged = l
      return () => undefined
    }),
  }
  ;(window as unknown as { g60: unknown }).g60 = api as unknown as G60Api
  return { api, answerNext: () => answers.shift()?.() }
}

beforeEach(() => setActivePinia(createPinia()))

describe('the deck store', () => {
  it('shows an edit at once and does not let the echo of an older save undo a newer one', async () => {
    const { answerNext } = installDeckApi()
    const store = useDeckStore()
    await store.init()
    const first = store.edit('title', { note: 'a' })
    const second = store.edit('title', { note: 'ab' })
    expect(store.deck?.slides[0]?.note).toBe('ab')
    answerNext()
    await first
    // The first save's answer and its deck:changed echo arrive while the second is on its way.
    expect(store.deck?.slides[0]?.note).toBe('ab')
    answerNext()
    await second
    expect(store.deck).toEqual(updateSlide(defaultDeck(IDS), 'title', { note: 'ab' }))
  })

  it('finds where a show starts from a slide, skipping slides left out', async () => {
    installDeckApi()
    const store = useDeckStore()
    await store.init()
    store.deck = updateSlide(defaultDeck(IDS), 'section:rectification', { included: false })
    expect(store.shownIndexOf('section:rectification')).toBe(2)
    expect(store.shown[2]?.id).toBe('chart:rectification:a')
    expect(store.shownIndexOf('no-such-slide')).toBe(0)
  })
})
