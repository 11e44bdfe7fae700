import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { rectificationCsv } from './files'
import type { AppHandle } from './harness'
import { perTest } from './per-test'
import { snapshot } from './screenshot'
import { currentSlide } from './slides'

const { openApp, tempDir } = perTest()

async function presenterPage(a: AppHandle): Promise<Page> {
  await expect.poll(() => a.presenterPage() !== null).toBe(true)
  const page = a.presenterPage()!
  await page.waitForSelector('[data-role="presenter-view"]')
  return page
}
const counter = (p: Page) => p.locator('[data-role="counter"]').textContent()

/**
 * Opens the app on two displays with a user folder whose rectification CSV
 * reads 3,100,000 m² demolished, starts the show and goes to slide 2 (the
 * KPIs); returns the app, the folder and the presenter page.
 */
async function showOnUserData(): Promise<{ app: AppHandle; dir: string; presenter: Page }> {
  const dir = await tempDir('g60-present-')
  await writeFile(join(dir, 'rectification.csv'), rectificationCsv('3,100,000'))
  const app = await openApp({ lang: 'en', dataDir: dir, displays: 2 })
  await app.page.keyboard.press('F5')
  // The show must be up before the next key, or the key goes to the dashboard.
  await currentSlide(app.page, 1)
  await app.page.keyboard.press('ArrowRight')
  await currentSlide(app.page, 2)
  return { app, dir, presenter: await presenterPage(app) }
}

describe('the presenter view', () => {
  it('on two displays: opens beside the show with the next slide, follows it, and keeps typed notes across a restart', async () => {
    const userDataDir = await tempDir('g60-present-')
    let app = await openApp({ lang: 'en', theme: 'light', viewport: { width: 1280, height: 800 }, displays: 2, userDataDir })
    await app.page.keyboard.press('F5')
    await currentSlide(app.page, 1)
    const presenter = await presenterPage(app)
    await expect.poll(() => counter(presenter)).toMatch(/^1 \/ \d+$/)
    await expect(presenter.locator('[data-role="next-slide"] [data-slide]').getAttribute('data-slide')).resolves.toBe('kpis')
    await expect(presenter.locator('[data-role="elapsed"]').textContent()).resolves.toMatch(/^00:00:0\d$/)
    await expect(presenter.locator('[data-role="clock"]').textContent()).resolves.toMatch(/\d\d:\d\d/)
    await expect(presenter.locator('[data-action="swap"]').count()).resolves.toBe(1)

    // A key in the presenter window moves the audience's slide too: one state, held in main.
    await presenter.keyboard.press('ArrowRight')
    await currentSlide(app.page, 2)
    await expect.poll(() => counter(presenter)).toMatch(/^2 \//)
    await expect(presenter.locator('[data-role="next-slide"] [data-slide]').getAttribute('data-slide')).resolves.toBe('section:rectification')

    await presenter.locator('[data-role="notes"]').fill('Pause here: 2.4 million m² is the article figure.')
    await presenter.locator('[data-role="notes"]').blur()
    await expect.poll(() => app.core.deck.current.slides.find((s) => s.id === 'kpis')?.note).toBe('Pause here: 2.4 million m² is the article figure.')
    await presenter.waitForFunction(() => document.querySelector('[data-role="presenter-view"] [data-slide][data-rendered="true"]') !== null)
    await snapshot(presenter, 'presenter-view-en-1280x800')

    // Blackout shows in the presenter view; End closes both.
    await app.page.keyboard.press('b')
    await presenter.waitForSelector('[data-role="blank-state"]')
    await presenter.locator('[data-action="end"]').click()
    await app.page.waitForSelector('[data-role="slide-show"]', { state: 'detached' })
    await expect.poll(() => app.presenterPage()).toBeNull()
    await app.close()

    // Restart with the same user data folder: the note is still there.
    app = await openApp({ lang: 'en', userDataDir, displays: 2, viewport: { width: 1280, height: 800 } })
    await app.page.keyboard.press('F5')
    await currentSlide(app.page, 1)
    const again = await presenterPage(app)
    await again.keyboard.press('ArrowRight')
    await expect.poll(() => again.locator('[data-role="notes"]').inputValue()).toBe('Pause here: 2.4 million m² is the article figure.')
  })

  for (const presenterSize of [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }])
    it(`at ${presenterSize.width}×${presenterSize.height}, the previews are the audience's slides scaled down whole: a 4:3 chart slide keeps its proportions`, async () => {
      const app = await openApp({ lang: 'en', theme: 'light', viewport: { width: 1024, height: 768 }, displays: 2 })
      await app.page.keyboard.press('F5')
      await currentSlide(app.page, 1)
      const presenter = await presenterPage(app)
      await presenter.setViewportSize(presenterSize)
      // Slide 4 is the first chart, and slide 5 a chart too.
      await app.page.keyboard.type('4')
      await app.page.keyboard.press('Enter')
      expect(await currentSlide(app.page, 4)).toMatch(/^chart:/)
      await presenter.waitForFunction(() => Array.from(document.querySelectorAll('[data-role="presenter-view"] [data-slide]')).every((s) => s.getAttribute('data-rendered') === 'true'))
      const box = (p: Page, sel: string) =>
        p.locator(sel).evaluate((el) => {
          const r = el.getBoundingClientRect()
          return { width: r.width, height: r.height }
        })
      const aspect = (b: { width: number; height: number }) => b.width / b.height
      const audience = await box(app.page, '[data-role="slide-show"] [data-current="true"]')
      const audienceChart = await box(app.page, '[data-role="slide-show"] [data-current="true"] .chart svg')
      const next = await box(presenter, '[data-role="next-slide"] [data-slide]')
      const nextChart = await box(presenter, '[data-role="next-slide"] [data-slide] .chart svg')
      const current = await box(presenter, '.current [data-slide]')
      const currentChart = await box(presenter, '.current [data-slide] .chart svg')
      expect(Math.abs(aspect(next) / aspect(audience) - 1)).toBeLessThan(0.03)
      expect(Math.abs(aspect(current) / aspect(audience) - 1)).toBeLessThan(0.03)
      // The chart inside is the audience's chart made smaller, not one laid out again in a thin strip.
      expect(Math.abs(aspect(currentChart) / aspect(audienceChart) - 1)).toBeLessThan(0.03)
      const nextOnAudience = await (async () => {
        await app.page.keyboard.press('ArrowRight')
        await currentSlide(app.page, 5)
        return box(app.page, '[data-role="slide-show"] [data-current="true"] .chart svg')
      })()
      expect(Math.abs(aspect(nextChart) / aspect(nextOnAudience) - 1)).toBeLessThan(0.03)
      // Still readable: the next slide is at least a quarter of the presenter window wide.
      expect(next.width).toBeGreaterThan(presenterSize.width * 0.25)
      await presenter.keyboard.press('ArrowLeft')
      await currentSlide(app.page, 4)
      await presenter.waitForFunction(() => Array.from(document.querySelectorAll('[data-role="presenter-view"] [data-slide]')).every((s) => s.getAttribute('data-rendered') === 'true'))
      await snapshot(presenter, `presenter-view-next-chart-${presenterSize.width}x${presenterSize.height}`)
      await app.close()
    })

  it('Rehearse opens the presenter view in the one window; the next slide and notes are there', async () => {
    const app = await openApp({ lang: 'zh-CN', theme: 'light', viewport: { width: 1024, height: 768 } })
    await app.page.locator('[data-action="open-deck"]').click()
    await app.page.locator('[data-action="deck-rehearse"]').click()
    await app.page.waitForSelector('[data-role="presenter-view"]')
    expect(app.presenterPage()).toBeNull()
    expect(app.fullScreenCalls).toEqual([])
    await app.page.waitForFunction(() => Array.from(document.querySelectorAll('[data-role="presenter-view"] [data-slide]')).every((s) => s.getAttribute('data-rendered') === 'true'))
    await snapshot(app.page, 'presenter-view-zh-CN-1024x768')
    await app.page.keyboard.press('End')
    await expect.poll(() => counter(app.page)).toMatch(/^(\d+) \/ \1$/)
    await expect(app.page.locator('[data-role="next-slide"]').textContent()).resolves.toContain('已是最后一张')
  })

  it('holds new data during the show, says so, and applies it when the show ends', async () => {
    const { app, dir, presenter } = await showOnUserData()
    const kpi = app.page.locator('[data-current="true"] [data-kpi="demolished-area"] .value')
    await expect(kpi.textContent()).resolves.toContain('3.1 million')

    await writeFile(join(dir, 'rectification.csv'), rectificationCsv('3,200,000'))
    await presenter.waitForSelector('[data-role="data-waiting"]', { timeout: 20_000 })
    await expect(kpi.textContent()).resolves.toContain('3.1 million')

    await app.page.keyboard.press('Escape')
    await app.page.keyboard.press('Escape')
    await app.page.locator('[data-view="rectification"]').click()
    await expect.poll(() => app.page.locator('[data-kpi="demolished-area"] [data-role="value"]').first().textContent(), { timeout: 15_000 }).toBe('3.2 million')
  })

  it('Apply now brings waiting data in without ending the show', async () => {
    const { app, dir, presenter } = await showOnUserData()
    await writeFile(join(dir, 'rectification.csv'), rectificationCsv('3,200,000'))
    await presenter.locator('[data-action="apply-data"]').click({ timeout: 20_000 })
    const kpi = app.page.locator('[data-current="true"] [data-kpi="demolished-area"] .value')
    await expect.poll(() => kpi.textContent(), { timeout: 15_000 }).toContain('3.2 million')
    expect(app.core.presentation.state).toMatchObject({ active: true, dataWaiting: false })
  })
})
