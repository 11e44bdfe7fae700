import { describe, expect, it } from 'vitest'
import { advanceAfter, defaultDeck, defaultSlideIds, moveSlide, parseSlideId, shownSlides, updateSlide, validateDeck } from '../../src-shared/deck'
import { catalogueSlideIds } from '../../src-shared/deck-catalogue'
import { DASHBOARDS } from '../../src-shared/charts'

const IDS = defaultSlideIds({ rectification: ['a', 'b'], industry: ['c'], cities: [] })

describe('deck model', () => {
  it('orders the default deck: title, KPIs, then per dashboard a section and its charts', () => {
    expect(IDS).toEqual(['title', 'kpis', 'section:rectification', 'chart:rectification:a', 'chart:rectification:b', 'section:industry', 'chart:industry:c', 'section:cities'])
    const all = catalogueSlideIds()
    const charts = Object.values(DASHBOARDS).flatMap((d) => d.charts)
    expect(all).toHaveLength(2 + 3 + charts.length)
    expect(all.every((id) => parseSlideId(id) !== null)).toBe(true)
  })

  it('parses slide ids and refuses others', () => {
    expect(parseSlideId('chart:industry:gdp')).toEqual({ kind: 'chart', dashboard: 'industry', chartId: 'gdp' })
    expect(parseSlideId('section:cities')).toEqual({ kind: 'section', dashboard: 'cities' })
    for (const bad of ['chart:nowhere:x', 'section:cities:x', 'chart:industry:', 'slide']) expect(parseSlideId(bad)).toBeNull()
  })

  it('moves, leaves out and annotates slides', () => {
    let deck = defaultDeck(IDS)
    deck = moveSlide(deck, 3, 1)
    expect(deck.slides.slice(2, 5).map((s) => s.id)).toEqual(['section:rectification', 'chart:rectification:b', 'chart:rectification:a'])
    expect(moveSlide(deck, 0, -1)).toBe(deck)
    deck = updateSlide(deck, 'kpis', { included: false, note: 'skip today', advanceSeconds: 20 })
    expect(shownSlides(deck).map((s) => s.id)).not.toContain('kpis')
    expect(deck.slides[1]).toEqual({ id: 'kpis', included: false, note: 'skip today', advanceSeconds: 20 })
    expect(advanceAfter(deck, deck.slides[1]!)).toBe(20)
    expect(advanceAfter(deck, deck.slides[0]!)).toBeNull()
    expect(advanceAfter({ ...deck, options: { ...deck.options, intervalSeconds: 30 } }, deck.slides[0]!)).toBe(30)
  })

  it('keeps a valid saved deck as it is', () => {
    const deck = updateSlide(moveSlide(defaultDeck(IDS), 0, 1), 'title', { note: '你好' })
    expect(validateDeck(JSON.parse(JSON.stringify(deck)), IDS)).toEqual({ deck, problems: [] })
  })

  it('repairs a damaged deck field by field and says what it fixed', () => {
    const raw = {
      version: 1,
      slides: [
        { id: 'kpis', included: 'yes', note: 'n', advanceSeconds: 1 },
        { id: 'chart:rectification:gone', included: true, note: '', advanceSeconds: null },
        { id: 'title', included: false, note: 'first', advanceSeconds: 10 },
        { id: 'title', included: true, note: '', advanceSeconds: null },
        42,
      ],
      options: { theme: 'neon', overscanPercent: 5, fontScalePercent: 300, animation: false, intervalSeconds: 15 },
    }
    const { deck, problems } = validateDeck(raw, IDS)
    expect(problems.map((p) => p.where)).toEqual([
      'slides[0].included',
      'slides[0].advanceSeconds',
      'slides[1]',
      'slides[3]',
      'slides[4]',
      'options.theme',
      'options.fontScalePercent',
    ])
    expect(deck.slides[0]).toEqual({ id: 'kpis', included: true, note: 'n', advanceSeconds: null })
    expect(deck.slides.find((s) => s.id === 'title')).toEqual({ id: 'title', included: false, note: 'first', advanceSeconds: 10 })
    // Missing slides come back after their default predecessor; the saved order of the rest holds.
    expect(deck.slides.map((s) => s.id)).toEqual(['kpis', ...IDS.slice(2), 'title'])
    expect(deck.options).toEqual({ theme: 'projector', overscanPercent: 5, fontScalePercent: 100, animation: false, intervalSeconds: 15 })
  })

  it('falls back to the default deck for something that is not a deck', () => {
    for (const raw of [null, [], { version: 2, slides: [] }, { version: 1 }]) {
      const r = validateDeck(raw, IDS)
      expect(r.deck).toEqual(defaultDeck(IDS))
      expect(r.problems).toHaveLength(1)
    }
  })
})
