import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { rectificationCsv } from './files'
import { openApp, type AppHandle } from './harness'
import { perTest } from './per-test'
import { snapshot } from './screenshot'

type View = 'overview' | 'rectification' | 'industry' | 'cities'

async function show(page: Page, view: View): Promise<void> {
  await page.locator(`[data-view="${view}"]`).click()
  await page.waitForSelector(`main[data-active-view="${view}"]`)
  await page.waitForFunction(() => Array.from(document.querySelectorAll('[data-chart]')).every((p) => p.getAttribute('data-rendered') === 'true'))
}

/** The grid's width not covered by panels in its last row, in px (0 when the row is full). */
async function lastRowGap(page: Page, grid: string): Promise<{ gap: number; panels: number }> {
  return page.evaluate((sel) => {
    const g = document.querySelector(sel)!
    const box = g.getBoundingClientRect()
    const panels = Array.from(g.children).map((c) => c.getBoundingClientRect())
    const lastTop = Math.max(...panels.map((p) => p.top))
    const row = panels.filter((p) => Math.abs(p.top - lastTop) < 2)
    return { gap: box.right - Math.max(...row.map((p) => p.right)), panels: panels.length }
  }, grid)
}

describe('views use the window', () => {
  let app: AppHandle
  beforeAll(async () => {
    app = await openApp({ lang: 'en', theme: 'light', viewport: { width: 1920, height: 1080 } })
  })
  afterAll(() => app.close())

  it('the overview shows each dashboard\'s headline chart, drawn, with a link to the dashboard', async () => {
    await show(app.page, 'overview')
    for (const [card, chart] of [['rectification', 'rect-firms'], ['industry', 'industry-gdp'], ['cities', 'cities-map']]) {
      const panel = app.page.locator(`[data-card="${card}"] [data-chart="${chart}"]`)
      expect(await panel.getAttribute('data-state'), chart).toBe('chart')
      expect(await panel.locator('svg').count(), chart).toBeGreaterThan(0)
      const box = (await panel.boundingBox())!
      expect(box.height, chart).toBeGreaterThan(300)
    }
    // Headline charts and KPI cards fill their last rows at both sizes: no slot is left empty.
    for (const size of [{ width: 1920, height: 1080 }, { width: 1024, height: 768 }]) {
      await app.page.setViewportSize(size)
      await show(app.page, 'overview')
      expect((await lastRowGap(app.page, '.cards')).gap, `cards at ${size.width}`).toBeLessThanOrEqual(1)
      expect((await lastRowGap(app.page, '.kpis')).gap, `KPIs at ${size.width}`).toBeLessThanOrEqual(1)
    }
    await app.page.setViewportSize({ width: 1920, height: 1080 })
  })

  it.each(['rectification', 'industry', 'cities'] as const)('%s leaves no empty slot in its chart grid at 1920×1080 and 1024×768', async (view) => {
    for (const size of [{ width: 1920, height: 1080 }, { width: 1024, height: 768 }]) {
      await app.page.setViewportSize(size)
      await show(app.page, view)
      const { gap, panels } = await lastRowGap(app.page, '[data-role="chart-grid"]')
      expect(panels).toBeGreaterThanOrEqual(3)
      expect(gap, `${view} at ${size.width}`).toBeLessThanOrEqual(1)
      expect((await lastRowGap(app.page, '.kpis')).gap, `${view} KPIs at ${size.width}`).toBeLessThanOrEqual(1)
    }
    await app.page.setViewportSize({ width: 1920, height: 1080 })
  })

  it('the map shades the cities by the chosen figure, its year in the legend, and offers only figures the data has', async () => {
    await show(app.page, 'cities')
    const select = app.page.locator('[data-control="map-indicator"]')
    expect(await select.locator('option').allTextContents()).toEqual(['GDP', 'Resident population', 'General public budget revenue'])
    const map = app.page.locator('[data-chart="cities-map"] svg').first()
    await expect.poll(() => map.textContent()).toContain('billion yuan, 2020')
    await select.selectOption('population')
    await expect.poll(() => map.textContent()).toContain('million people, 2022')
    expect(await map.textContent()).toContain('no data')
    await select.selectOption('gdp')
  })

  it('the map answers on cities with their figure and source, and on other regions with their name', async () => {
    await show(app.page, 'cities')
    const box = (await app.page.locator('[data-chart="cities-map"] svg').first().boundingBox())!
    const tips = new Set<string>()
    for (let y = box.y + 20; y < box.y + box.height - 30; y += 25)
      for (let x = box.x + 130; x < box.x + box.width; x += 30) {
        await app.page.mouse.move(x, y)
        await app.page.waitForTimeout(30)
        const t = await app.page.evaluate(() =>
          Array.from(document.querySelectorAll<HTMLElement>('[data-chart="cities-map"] div[style*="z-index"]'))
            .filter((d) => getComputedStyle(d).display !== 'none' && getComputedStyle(d).visibility !== 'hidden')
            .map((d) => d.textContent ?? '')
            .join(''),
        )
        if (t) tips.add(t)
      }
    const all = [...tips]
    expect(all.find((t) => t.startsWith('Hefei (Anhui Province) · GDP'))).toMatch(/2020: .*Source: .*Secondary source/)
    expect(all.some((t) => t.startsWith('宁波市 (Zhejiang Province)') && t.includes('not one of the nine G60 cities'))).toBe(true)
    expect(all.some((t) => t.startsWith('合肥市') && t.includes('not one of the nine'))).toBe(false)
  })
})

describe('the problems panel', () => {
  const own = perTest()
  it('can be hidden and shown again from the data bar, keeps words whole, and reopens on a new problem', async () => {
    const dir = await own.tempDir('g60-problems-')
    await writeFile(join(dir, 'rectification.csv'), rectificationCsv('three million square metres'))
    const app = await own.openApp({ lang: 'en', dataDir: dir, viewport: { width: 1024, height: 768 } })
    const panel = app.page.locator('[data-role="problems"]')
    await expect.poll(() => panel.count()).toBe(1)
    const style = await panel.locator('td').first().evaluate((td) => ({ wordBreak: getComputedStyle(td).wordBreak, overflowWrap: getComputedStyle(td).overflowWrap }))
    expect(style).toEqual({ wordBreak: 'normal', overflowWrap: 'break-word' })
    await snapshot(app.page, 'problems-panel-1024')
    await app.page.locator('[data-action="hide-problems"]').click()
    await expect.poll(() => panel.count()).toBe(0)
    const count = app.page.locator('[data-action="toggle-problems"]')
    expect(await count.textContent()).toContain('1 problem')
    await count.click()
    await expect.poll(() => panel.count()).toBe(1)
    await app.page.locator('[data-action="hide-problems"]').click()
    await expect.poll(() => panel.count()).toBe(0)
    // A new problem in the file shows the panel again.
    await writeFile(join(dir, 'rectification.csv'), rectificationCsv('about four million'))
    await expect.poll(() => panel.textContent(), { timeout: 20_000 }).toContain('about four million')
  })
})
