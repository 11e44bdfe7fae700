import { describe, expect, it } from 'vitest'
import type { Lang } from '../../src-shared/settings'
import { runAxe } from './a11y'
import { openApp } from './harness'
import { snapshot } from './screenshot'
import { currentSlide, measureSlide } from './slides'

/** The common projector sizes (16:10, 16:9) and a 4:3 screen. */
const SCREENS = [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
  { width: 1400, height: 1050 },
]

/**
 * Walks the default deck on one screen and checks every slide as drawn:
 * nothing past the viewport or cut off, and no chart text (measured on the
 * rendered SVG) under 2.4% of the viewport height.
 */
async function walkDeck(
  screen: { width: number; height: number },
  lang: Lang,
  options: { screenshots?: boolean; axe?: boolean; overscanPercent?: number; fontScalePercent?: number } = {},
) {
  const app = await openApp({ viewport: screen, lang, theme: 'light' })
  const problems: string[] = []
  if (options.overscanPercent !== undefined || options.fontScalePercent !== undefined) {
    const deck = app.core.deck.current
    const set = { ...deck.options, overscanPercent: options.overscanPercent ?? 0, fontScalePercent: options.fontScalePercent ?? 100 }
    await app.core.handlers['deck:update']({ ...deck, options: set })
  }
  let slides = 0
  let charts = 0
  try {
    await app.page.keyboard.press('F5')
    const total = app.core.deck.current.slides.filter((s) => s.included).length
    for (let i = 1; i <= total; i++) {
      const id = await currentSlide(app.page, i)
      const limit = screen.height * 0.024
      const m = await measureSlide(app.page, limit)
      for (const o of m.outside) problems.push(`${id}: past the viewport: ${o}`)
      for (const c of m.clipped) problems.push(`${id}: cut off: ${c}`)
      for (const s of m.smallTexts) problems.push(`${id}: chart text under ${limit.toFixed(1)} px: ${s}`)
      if (id.startsWith('chart:') && m.chartShare < 0.36) problems.push(`${id}: the chart takes only ${(m.chartShare * 100).toFixed(0)}% of the slide's height`)
      if (Number.isFinite(m.minChartText)) charts++
      if (options.axe) {
        for (const v of await runAxe(app.page)) problems.push(`${id}: axe ${v.id}: ${v.nodes.map((x) => x.target.join(' ')).join(', ')}`)
      }
      const variant = options.fontScalePercent ? `-o${options.overscanPercent ?? 0}-f${options.fontScalePercent}` : ''
      if (options.screenshots) await snapshot(app.page, `slide-${lang}-${screen.width}x${screen.height}${variant}-${String(i).padStart(2, '0')}`)
      slides++
      if (i < total) await app.page.keyboard.press('ArrowRight')
    }
    for (const e of app.pageErrors) problems.push(`page error: ${e}`)
  } finally {
    await app.close()
  }
  return { problems, slides, charts }
}

describe('slides fit the screen they are on', () => {
  for (const screen of SCREENS) {
    it(`at ${screen.width}×${screen.height}: every slide inside the viewport, chart text at least 2.4% of its height`, async () => {
      const r = await walkDeck(screen, 'en', { screenshots: screen.width === 1024 })
      expect(r.slides).toBeGreaterThanOrEqual(15)
      expect(r.charts).toBeGreaterThanOrEqual(10)
      expect(r.problems).toEqual([])
    }, 240_000)
  }

  it('with a 10% overscan margin and 150% text, at 1024×768 and 1400×1050, still inside and never cut off', async () => {
    for (const screen of [SCREENS[0]!, SCREENS[3]!]) {
      const r = await walkDeck(screen, 'en', { overscanPercent: 10, fontScalePercent: 150, screenshots: screen.width === 1024 })
      expect(r.problems).toEqual([])
    }
  }, 300_000)

  it('in Chinese at 1024×768 too, and every slide passes axe-core contrast in the projector theme', async () => {
    const r = await walkDeck(SCREENS[0]!, 'zh-CN', { screenshots: true, axe: true })
    expect(r.problems).toEqual([])
  }, 300_000)
})

describe('the headline figures slide', () => {
  for (const [screen, lang] of [[SCREENS[0]!, 'en'], [SCREENS[0]!, 'zh-CN'], [SCREENS[2]!, 'en']] as const) {
    it(`at ${screen.width}×${screen.height} (${lang}): every card's context line as on the overview cards, value and unit on one line inside the card`, async () => {
      const app = await openApp({ viewport: screen, lang, theme: 'light' })
      try {
        await app.page.locator('.kpi [data-role="value"]').first().waitFor()
        const overview = await app.page.evaluate(() =>
          Object.fromEntries([...document.querySelectorAll('[data-kpi]')].map((el) => [el.getAttribute('data-kpi'), el.querySelector('.comparison')?.textContent?.trim() ?? null])),
        )
        await app.page.keyboard.press('F5')
        await currentSlide(app.page, 1)
        await app.page.keyboard.press('ArrowRight')
        expect(await currentSlide(app.page, 2)).toBe('kpis')
        const cards = await app.page.evaluate(() =>
          [...document.querySelectorAll('[data-role="slide-show"] [data-current="true"] [data-kpi]')].map((card) => {
            const value = card.querySelector<HTMLElement>('[data-role="kpi-value"]')!
            const range = document.createRange()
            range.selectNodeContents(value)
            // A new line starts where a box begins below every box before it (the smaller unit sits inside the value's line).
            let lines = 0
            let bottom = -Infinity
            for (const r of [...range.getClientRects()].sort((a, b) => a.top - b.top)) {
              if (r.width === 0) continue
              if (r.top >= bottom - 1) lines++
              bottom = Math.max(bottom, r.bottom)
            }
            const c = card.getBoundingClientRect()
            const v = range.getBoundingClientRect()
            return {
              id: card.getAttribute('data-kpi')!,
              context: card.querySelector('[data-role="kpi-context"]')?.textContent?.trim() ?? null,
              text: value.textContent,
              lines,
              inside: v.left >= c.left - 0.5 && v.right <= c.right + 0.5,
              clipped: card.scrollHeight > card.clientHeight + 1,
            }
          }),
        )
        expect(cards.length).toBe(6)
        for (const k of cards) {
          expect(k.id in overview, k.id).toBe(true)
          expect(k.context, k.id).toBe(overview[k.id])
          expect(k.lines, `${k.id}: "${k.text}" on one line`).toBe(1)
          expect(k.inside, `${k.id}: "${k.text}" inside its card`).toBe(true)
          expect(k.clipped, `${k.id}: the card cuts off its text`).toBe(false)
        }
        // The cards: the context lines the dashboard shows are on the slide.
        expect(cards.find((k) => k.id === 'real-estate-tax-share')?.context).toContain('2016')
        expect(cards.find((k) => k.id === 'gdp-share-national')?.context).toContain('1/15')
        await snapshot(app.page, `slide-kpis-${lang}-${screen.width}x${screen.height}`)
        expect(app.pageErrors).toEqual([])
      } finally {
        await app.close()
      }
    }, 120_000)
  }
})
