import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Lang, Theme } from '../../src-shared/settings'
import { runAxe, textSmallerThan } from './a11y'
import { openApp, type AppHandle } from './harness'
import { snapshot } from './screenshot'

const VIEWS = ['overview', 'rectification', 'industry', 'cities'] as const

async function show(page: Page, view: (typeof VIEWS)[number]): Promise<void> {
  await page.locator(`[data-view="${view}"]`).click()
  await page.waitForSelector(`main[data-active-view="${view}"]`)
  // Every chart has finished drawing, animation included (or shows its empty state).
  await page.waitForFunction(() => Array.from(document.querySelectorAll('[data-chart]')).every((p) => p.getAttribute('data-rendered') === 'true'))
}

describe('dashboards with the bundled data', () => {
  let app: AppHandle
  beforeAll(async () => {
    app = await openApp({ lang: 'en', theme: 'light' })
  })
  afterAll(() => app.close())

  it('loads the bundled datasets without problems', async () => {
    await expect(app.page.locator('[data-role="problems"]').count()).resolves.toBe(0)
  })

  it('shows the rectification figures of the article', async () => {
    await show(app.page, 'rectification')
    const text = await app.page.locator('[data-dashboard="rectification"]').textContent()
    expect(text).toContain('2.4 million')
    expect(text).toContain('over 4,000')
    expect(text).toContain('300,000–400,000')
    // No number from nowhere: the football-pitch comparison (a constant not in the data) is gone.
    expect(text).not.toContain('football')
  })

  it('shows the industry series with the real-estate share falling from 46% to 32%', async () => {
    await show(app.page, 'industry')
    const panels = await app.page.locator('[data-chart]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-chart'), e.getAttribute('data-state')]))
    expect(panels.length).toBeGreaterThanOrEqual(3)
    expect(panels.every(([, state]) => state === 'chart')).toBe(true)
    const all = await app.page.locator('[data-dashboard="industry"]').textContent()
    expect(all).toContain('46')
    expect(all).toContain('32')
    expect(all).toContain('2016')
  })

  it('shows the nine cities national shares', async () => {
    await show(app.page, 'cities')
    const text = await app.page.locator('[data-dashboard="cities"]').textContent()
    for (const share of ['6.7%', '8.3%', '12.5%', '76,200']) expect(text).toContain(share)
    for (const city of ['Songjiang', 'Hefei', 'Wuhu', 'Xuancheng', 'Huzhou']) expect(text).toContain(city)
  })

  it('every chart names its source under it', async () => {
    for (const view of VIEWS.slice(1)) {
      await show(app.page, view)
      const lines = await app.page.locator('[data-chart][data-state="chart"] [data-role="source-line"]').allTextContents()
      expect(lines.length).toBeGreaterThan(0)
      for (const line of lines) expect(line).toMatch(/Source/)
    }
  })

  it('shows a tooltip with value, source and tier when hovering a bar', async () => {
    await show(app.page, 'rectification')
    const panel = app.page.locator('[data-chart][data-state="chart"]').first()
    const box = (await panel.locator('svg').first().boundingBox())!
    // Sweep across the plot until the tooltip appears over a data item.
    let tip = ''
    for (let x = box.x + box.width * 0.15; x < box.x + box.width * 0.95 && !tip; x += 12) {
      for (const fy of [0.55, 0.7, 0.8]) {
        await app.page.mouse.move(x, box.y + box.height * fy)
        await app.page.waitForTimeout(30)
        const visible = app.page.locator('[data-chart] div[style*="z-index"]:visible')
        if ((await visible.count()) > 0) {
          tip = (await visible.first().textContent()) ?? ''
          if (tip) break
        }
      }
    }
    expect(tip).toMatch(/Official|Source article|Derived|Secondary/)
  })

  it('moves the before/after split when the break year changes, and keeps it in settings', async () => {
    await show(app.page, 'industry')
    await app.page.locator('[data-control="break-year"]').selectOption('2018')
    await show(app.page, 'industry')
    const svg = app.page.locator('[data-chart="industry-gdp"] svg').first()
    await expect.poll(() => svg.textContent()).toContain('2011–2017')
    expect(await svg.textContent()).toContain('2018–2020')
    expect(app.core.settings.current.breakYear).toBe(2018)
    await app.page.locator('[data-control="break-year"]').selectOption('2016')
  })

  it('adds pattern fills for colour-blind readers when asked', async () => {
    await show(app.page, 'rectification')
    const patterns = () => app.page.locator('[data-chart="rect-firms"] svg pattern').count()
    expect(await patterns()).toBe(0)
    await app.page.locator('[data-control="decals"]').check()
    await expect.poll(patterns).toBeGreaterThan(0)
    await app.page.locator('[data-control="decals"]').uncheck()
  })

  it('opens a chart context menu that takes focus, moves with the arrow keys and closes on Esc', async () => {
    await show(app.page, 'rectification')
    await app.page.locator('[data-chart="rect-firms"] .body').click({ button: 'right' })
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('context-table')
    await app.page.keyboard.press('ArrowDown')
    expect(await app.page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('context-copy')
    await app.page.keyboard.press('Escape')
    await expect.poll(() => app.page.locator('[role="menu"]').count()).toBe(0)
    // Focus goes back to the chart.
    expect(await app.page.evaluate(() => document.activeElement?.closest('[data-chart]')?.getAttribute('data-chart'))).toBe('rect-firms')
  })

  it('opens the context menu inside the window, even from the bottom-right corner', async () => {
    await show(app.page, 'rectification')
    const vp = app.page.viewportSize()!
    await app.page.evaluate(
      ([x, y]) => document.querySelector('[data-chart="rect-firms"] [data-role="chart-body"]')!.dispatchEvent(new MouseEvent('contextmenu', { clientX: x, clientY: y, bubbles: true, cancelable: true })),
      [vp.width - 2, vp.height - 2],
    )
    const box = (await app.page.locator('[role="menu"]').boundingBox())!
    expect(box.x + box.width).toBeLessThanOrEqual(vp.width)
    expect(box.y + box.height).toBeLessThanOrEqual(vp.height)
    await app.page.keyboard.press('Escape')
  })

  it('reaches every chart with Tab as an image with a label; Enter shows its table, Shift+F10 its menu', async () => {
    await show(app.page, 'industry')
    const bodies = app.page.locator('[data-chart][data-state="chart"] [data-role="chart-body"]')
    const n = await bodies.count()
    expect(n).toBeGreaterThanOrEqual(4)
    for (let i = 0; i < n; i++) {
      const b = bodies.nth(i)
      expect(await b.getAttribute('role')).toBe('img')
      expect(await b.getAttribute('tabindex')).toBe('0')
      expect(await b.getAttribute('aria-label')).toMatch(/Enter/)
    }
    const panel = app.page.locator('[data-chart="industry-gdp"]')
    await panel.locator('[data-role="chart-body"]').focus()
    await app.page.keyboard.press('Shift+F10')
    await expect.poll(() => app.page.locator('[role="menu"]').count()).toBe(1)
    await app.page.keyboard.press('Escape')
    await app.page.keyboard.press('Enter')
    const table = panel.locator('[data-role="chart-table"]')
    await expect.poll(() => table.count()).toBe(1)
    // Exactly the figures and events the chart draws: seven GDP points, the other source's 2020 value, six events.
    const rows = await table.locator('[data-role="table-row"]').count()
    expect(rows).toBe(8 + 6)
    const values = await table.locator('td[data-col="value"]').allTextContents()
    expect(values).toContain('1,637.11')
    expect(values).toContain('1,620')
    await table.locator('[data-sort="value"]').click()
    expect(await table.locator('th[aria-sort="ascending"]').count()).toBe(1)
    await app.page.keyboard.press('Escape')
    await expect.poll(() => table.count()).toBe(0)
    expect(await app.page.evaluate(() => document.activeElement?.getAttribute('data-role'))).toBe('chart-body')
  })

  it('keeps every tooltip inside a 1024×768 window, wrapped', async () => {
    await app.page.setViewportSize({ width: 1024, height: 768 })
    await show(app.page, 'cities')
    // The shares chart's tooltips carry the longest notes (the nine-city sum, the other source's share).
    const svg = app.page.locator('[data-chart="cities-nine-shares"] svg').first()
    await svg.scrollIntoViewIfNeeded()
    const box = (await svg.boundingBox())!
    let found = false
    for (let y = box.y + box.height * 0.15; y < box.y + box.height * 0.9 && !found; y += 8) {
      await app.page.mouse.move(box.x + box.width * 0.3, y)
      await app.page.waitForTimeout(30)
      const tip = app.page.locator('[data-chart="cities-nine-shares"] div[style*="z-index"]:visible')
      if ((await tip.count()) > 0 && (await tip.first().textContent())) {
        const t = (await tip.first().boundingBox())!
        expect(t.x).toBeGreaterThanOrEqual(0)
        expect(t.x + t.width).toBeLessThanOrEqual(1024)
        // max-width 420 px of text, plus the box's padding and border.
        expect(t.width).toBeLessThanOrEqual(460)
        found = true
      }
    }
    expect(found).toBe(true)
    await app.page.setViewportSize({ width: 1920, height: 1080 })
  })

  it('makes no request outside the app and logs no errors', () => {
    expect(app.externalRequests).toEqual([])
    expect(app.pageErrors).toEqual([])
  })
})

const THEMES: Theme[] = ['light', 'dark', 'projector']
const LANGS: Lang[] = ['en', 'zh-CN']
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1024, height: 768 },
]

describe.each(THEMES)('theme %s', (theme) => {
  it.each(LANGS)('renders every view in %s at 1920×1080 and 1024×768 without overflow', async (lang) => {
    for (const viewport of SIZES) {
      const app = await openApp({ theme, lang, viewport })
      try {
        for (const view of VIEWS) {
          await show(app.page, view)
          const overflow = await app.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
          expect(overflow, `${view} overflows horizontally`).toBeLessThanOrEqual(0)
          await snapshot(app.page, `${view}-${theme}-${lang}-${viewport.width}`)
        }
        expect(app.pageErrors).toEqual([])
      } finally {
        await app.close()
      }
    }
  })
})

describe('projector theme at 1024×768', () => {
  it.each(LANGS)('has no text under 14 px and meets WCAG AA contrast (%s)', async (lang) => {
    const app = await openApp({ theme: 'projector', lang, viewport: { width: 1024, height: 768 } })
    try {
      for (const view of VIEWS) {
        await show(app.page, view)
        const small = await textSmallerThan(app.page, 14)
        expect(small, `${view}: text under 14 px`).toEqual([])
        const violations = await runAxe(app.page)
        expect(violations, `${view}: contrast`).toEqual([])
      }
    } finally {
      await app.close()
    }
  })
})
