import { describe, expect, it } from 'vitest'
import { defaultDeck, slidesFromDeck } from '../../../src-main/export/deck'
import { defaultDeck as defaultPresentationDeck, moveSlide, updateSlide } from '../../../src-shared/deck'
import { catalogueSlideIds } from '../../../src-shared/deck-catalogue'

describe('the exported deck follows presentation mode\'s deck', () => {
  it('by default: title, headline figures, then per dashboard its section and its charts', () => {
    const slides = defaultDeck()
    expect(slides.slice(0, 3)).toEqual([{ kind: 'title' }, { kind: 'kpis' }, { kind: 'section', dashboard: 'rectification' }])
    expect(slides.filter((s) => s.kind === 'section').map((s) => s.kind === 'section' && s.dashboard)).toEqual(['rectification', 'industry', 'cities'])
    expect(slides.filter((s) => s.kind === 'chart').length).toBe(catalogueSlideIds().filter((id) => id.startsWith('chart:')).length)
  })

  it("keeps the user's order and notes, and leaves out the slides left out of the show", () => {
    let deck = defaultPresentationDeck(catalogueSlideIds())
    deck = updateSlide(deck, 'kpis', { included: false })
    deck = updateSlide(deck, 'chart:industry:industry-gdp', { note: 'Say where the 2016 break comes from.' })
    deck = moveSlide(deck, deck.slides.findIndex((s) => s.id === 'section:cities'), -1)
    const slides = slidesFromDeck(deck)
    expect(slides.some((s) => s.kind === 'kpis')).toBe(false)
    expect(slides.find((s) => s.kind === 'chart' && s.chartId === 'industry-gdp')).toEqual({ kind: 'chart', chartId: 'industry-gdp', note: 'Say where the 2016 break comes from.' })
    const order = slides.map((s) => (s.kind === 'chart' ? s.chartId : s.kind === 'section' ? `section:${s.dashboard}` : s.kind))
    expect(order.indexOf('section:cities')).toBeLessThan(order.indexOf('industry-innovation'))
    expect(slides.length).toBe(deck.slides.length - 1)
  })
})
