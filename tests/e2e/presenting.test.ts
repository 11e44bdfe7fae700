import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type AppHandle } from './harness'
import { currentSlide } from './slides'

const slideNumber = (app: AppHandle) => app.page.locator('[data-role="slide-show"] [data-current="true"] [data-role="slide-number"]').textContent()
const n = async (app: AppHandle) => Number((await slideNumber(app))!.split('/')[0])
const showing = (app: AppHandle) => app.page.locator('[data-role="slide-show"]').count()

describe('the slide show, driven by keys', () => {
  let app: AppHandle
  beforeAll(async () => {
    app = await openApp({ lang: 'en', theme: 'light', viewport: { width: 1024, height: 768 } })
  })
  afterAll(() => app.close())
  afterEach(async () => {
    if (app.core.presentation.state.active) app.core.presentation.end()
    await app.page.waitForSelector('[data-role="slide-show"]', { state: 'detached' })
  })

  it('F5 starts at the first slide, full screen, in the projector theme', async () => {
    await app.page.locator('[data-view="industry"]').click()
    await app.page.keyboard.press('F5')
    expect(await currentSlide(app.page, 1)).toBe('title')
    expect(app.fullScreenCalls.at(-1)).toBe(true)
    await expect(app.page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('projector')
    await expect(app.page.locator('[data-current="true"]').textContent()).resolves.toContain('G60 Briefing')
  })

  it('moves forward with → ↓ Page Down Space Enter N and back with ← ↑ Page Up Backspace P', async () => {
    await app.page.keyboard.press('F5')
    await currentSlide(app.page, 1)
    let expected = 1
    for (const key of ['ArrowRight', 'ArrowDown', 'PageDown', 'Space', 'Enter', 'n']) {
      await app.page.keyboard.press(key)
      await currentSlide(app.page, ++expected)
    }
    for (const key of ['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace', 'p']) {
      await app.page.keyboard.press(key)
      await currentSlide(app.page, --expected)
    }
    expect(await n(app)).toBe(2)
  })

  it('Home and End go to the ends; a number then Enter jumps', async () => {
    await app.page.keyboard.press('F5')
    await currentSlide(app.page, 1)
    const total = Number((await slideNumber(app))!.split('/')[1])
    await app.page.keyboard.press('End')
    await currentSlide(app.page, total)
    await app.page.keyboard.press('Home')
    await currentSlide(app.page, 1)
    await app.page.keyboard.type('12')
    await expect(app.page.locator('[data-role="jump"]').textContent()).resolves.toContain('12')
    await app.page.keyboard.press('Enter')
    expect(await currentSlide(app.page, 12)).toMatch(/^chart:/)
  })

  it('B and . black the screen, W and , white it, and any key brings the slide back without moving', async () => {
    await app.page.keyboard.press('F5')
    await currentSlide(app.page, 1)
    for (const [key, colour] of [['b', 'black'], ['.', 'black'], ['w', 'white'], [',', 'white']] as const) {
      await app.page.keyboard.press(key)
      await app.page.waitForSelector(`[data-blank="${colour}"]`)
      const shade = await app.page.locator('[data-blank]').evaluate((el) => getComputedStyle(el).backgroundColor)
      expect(shade).toBe(colour === 'black' ? 'rgb(0, 0, 0)' : 'rgb(255, 255, 255)')
      await app.page.keyboard.press('ArrowRight')
      await app.page.waitForSelector('[data-blank]', { state: 'detached' })
      expect(await n(app)).toBe(1)
    }
  })

  it('Esc on a black or white screen brings the slide back first (as PowerPoint does): no end warning on the blank screen, the show goes on', async () => {
    await app.page.keyboard.press('F5')
    await currentSlide(app.page, 1)
    await app.page.keyboard.press('ArrowRight')
    await currentSlide(app.page, 2)
    for (const [key, colour] of [['b', 'black'], ['w', 'white']] as const) {
      await app.page.keyboard.press(key)
      await app.page.waitForSelector(`[data-blank="${colour}"]`)
      await app.page.keyboard.press('Escape')
      await app.page.waitForSelector('[data-blank]', { state: 'detached' })
      expect(await app.page.locator('[data-role="esc-hint"]').count()).toBe(0)
      expect(await showing(app)).toBe(1)
      expect(await n(app)).toBe(2)
    }
    // Back on the slide, Esc behaves as before: the first warns, and the show still needs a second to end.
    await app.page.keyboard.press('Escape')
    await app.page.waitForSelector('[data-role="esc-hint"]')
    expect(await showing(app)).toBe(1)
    // A warned Esc is forgotten by blanking: Esc on the black screen brings the slide back, it does not end the show.
    await app.page.keyboard.press('b')
    await app.page.waitForSelector('[data-blank="black"]')
    await app.page.keyboard.press('Escape')
    await app.page.waitForSelector('[data-blank]', { state: 'detached' })
    expect(await showing(app)).toBe(1)
    expect(await n(app)).toBe(2)
  })

  it('one Esc only warns; a second within 3 s ends the show; F5 while presenting changes nothing', async () => {
    await app.page.keyboard.press('F5')
    await currentSlide(app.page, 1)
    await app.page.keyboard.press('ArrowRight')
    await currentSlide(app.page, 2)
    await app.page.keyboard.press('F5')
    await app.page.keyboard.press('Shift+F5')
    expect(await n(app)).toBe(2)
    await app.page.keyboard.press('Escape')
    await expect(app.page.locator('[data-role="esc-hint"]').textContent()).resolves.toBe('Press Esc again to end the show')
    expect(await showing(app)).toBe(1)
    // The warning lapses after 3 s: the next Esc warns again instead of ending.
    await app.page.waitForSelector('[data-role="esc-hint"]', { state: 'detached', timeout: 5000 })
    await app.page.keyboard.press('Escape')
    await app.page.waitForSelector('[data-role="esc-hint"]')
    await app.page.keyboard.press('Escape')
    await app.page.waitForSelector('[data-role="slide-show"]', { state: 'detached' })
    expect(app.fullScreenCalls.at(-1)).toBe(false)
    await app.page.waitForSelector('main[data-active-view]')
  })

  it('? shows the keys; a click goes forward; the pointer hides after 2 s still', async () => {
    await app.page.keyboard.press('F5')
    await currentSlide(app.page, 1)
    await app.page.keyboard.press('?')
    await expect(app.page.locator('[data-role="show-help"]').textContent()).resolves.toContain('Esc twice')
    await app.page.keyboard.press('?')
    await app.page.waitForSelector('[data-role="show-help"]', { state: 'detached' })
    await app.page.mouse.click(500, 400)
    await currentSlide(app.page, 2)
    await app.page.mouse.move(510, 410)
    const cursor = () => app.page.locator('[data-role="slide-show"]').evaluate((el) => getComputedStyle(el).cursor)
    expect(await cursor()).not.toBe('none')
    await expect.poll(cursor, { timeout: 5000 }).toBe('none')
    await app.page.mouse.move(600, 300)
    expect(await cursor()).not.toBe('none')
  })

  it('Shift+F5 starts from the current view; the header button from the first slide', async () => {
    await app.page.locator('[data-view="cities"]').click()
    await app.page.keyboard.press('Shift+F5')
    expect(await currentSlide(app.page)).toBe('section:cities')
    app.core.presentation.end()
    await app.page.locator('[data-action="present"]').click()
    expect(await currentSlide(app.page)).toBe('title')
  })

  it('Present from here, in a chart toolbar and in its context menu, starts at that chart', async () => {
    await app.page.locator('[data-view="industry"]').click()
    await app.page.locator('[data-chart="industry-fiscal"] [data-action="present-from-here"]').click()
    expect(await currentSlide(app.page)).toBe('chart:industry:industry-fiscal')
    app.core.presentation.end()
    await app.page.waitForSelector('[data-chart="industry-gdp"] .body')
    await app.page.locator('[data-chart="industry-gdp"] .body').click({ button: 'right' })
    await app.page.locator('[data-action="context-present"]').click()
    expect(await currentSlide(app.page)).toBe('chart:industry:industry-gdp')
  })

  it('auto-advance moves on after the deck interval, K pauses and resumes it, and the audience sees no sign of it', async () => {
    const deck = app.core.deck.current
    await app.core.handlers['deck:update']({ ...deck, options: { ...deck.options, intervalSeconds: 2 } })
    try {
      await app.page.keyboard.press('F5')
      await currentSlide(app.page, 1)
      await currentSlide(app.page, 2)
      await app.page.keyboard.press('k')
      await expect.poll(() => app.core.presentation.state.paused).toBe(true)
      await new Promise((r) => setTimeout(r, 3000))
      expect(await n(app)).toBe(2)
      expect(await app.page.locator('[data-role="slide-show"]').textContent()).not.toMatch(/paus|auto/i)
      await app.page.keyboard.press('K')
      await currentSlide(app.page, 3)
    } finally {
      await app.core.handlers['deck:update'](deck)
    }
  })
})
