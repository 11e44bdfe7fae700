import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { AppHandle } from './harness'
import { perTest } from './per-test'
import { snapshot } from './screenshot'
import { currentSlide } from './slides'

const { openApp, tempDir } = perTest()

const order = (a: AppHandle) => a.core.deck.current.slides.map((s) => s.id)
const row = (a: AppHandle, id: string) => a.page.locator(`[data-slide-row="${id}"]`)

describe('the deck panel', () => {
  it('leaves slides out, reorders them with buttons and Alt+↑/↓, keeps notes, times and the slide theme', async () => {
    const app = await openApp({ lang: 'en', theme: 'light', viewport: { width: 1024, height: 768 } })
    await app.page.locator('[data-action="open-deck"]').click()
    await app.page.waitForSelector('[data-role="deck-panel"][open]')
    await snapshot(app.page, 'deck-panel-en-1024x768')

    await row(app, 'kpis').locator('[data-control="include"]').uncheck()
    await expect.poll(() => app.core.deck.current.slides.find((s) => s.id === 'kpis')?.included).toBe(false)

    await row(app, 'title').locator('[data-control="down"]').click()
    await expect.poll(() => order(app).slice(0, 2)).toEqual(['kpis', 'title'])
    // Alt+↓ from the note field moves the slide again, and focus stays with it.
    await row(app, 'title').locator('[data-control="note"]').focus()
    await app.page.keyboard.press('Alt+ArrowDown')
    await expect.poll(() => order(app).slice(0, 3)).toEqual(['kpis', 'section:rectification', 'title'])
    await expect(app.page.evaluate(() => document.activeElement?.closest('[data-slide-row]')?.getAttribute('data-slide-row'))).resolves.toBe('title')
    await app.page.keyboard.press('Alt+ArrowUp')
    await expect.poll(() => order(app).slice(0, 3)).toEqual(['kpis', 'title', 'section:rectification'])

    await row(app, 'title').locator('[data-control="note"]').fill('Welcome; 20 minutes.')
    await row(app, 'title').locator('[data-control="advance"]').fill('30')
    await row(app, 'title').locator('[data-control="advance"]').blur()
    await expect.poll(() => app.core.deck.current.slides.find((s) => s.id === 'title')).toEqual({ id: 'title', included: true, note: 'Welcome; 20 minutes.', advanceSeconds: 30 })
    await app.page.locator('[data-control="deck-theme"]').selectOption('dark')
    await expect.poll(() => app.core.deck.current.options.theme).toBe('dark')
    // Saved in the user data folder, atomically (no temporary files left).
    expect(JSON.parse(await readFile(join(app.userDataDir, 'deck.json'), 'utf8')).slides[1]).toMatchObject({ id: 'title', note: 'Welcome; 20 minutes.' })

    // The show follows the deck: title first (kpis is left out, so slide 2 is the rectification section), dark slides.
    await app.page.locator('[data-action="deck-present"]').click()
    expect(await currentSlide(app.page, 1)).toBe('title')
    await expect(app.page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark')
    await app.page.keyboard.press('ArrowRight')
    expect(await currentSlide(app.page, 2)).toBe('section:rectification')
  })

  it('falls back to the default deck with a notice when the deck file is damaged', async () => {
    const userDataDir = await tempDir('g60-deck-ui-')
    await writeFile(join(userDataDir, 'deck.json'), '{"version": 1, "slides": [')
    const app = await openApp({ lang: 'zh-CN', userDataDir })
    await expect(app.page.locator('[data-notice="deck-recovered"]').textContent()).resolves.toContain('演示文稿文件无法读取')
    expect(order(app).slice(0, 3)).toEqual(['title', 'kpis', 'section:rectification'])
    await app.page.locator('[data-action="open-deck"]').click()
    await app.page.waitForSelector('[data-role="deck-panel"][open]')
    await snapshot(app.page, 'deck-panel-zh-CN-1920x1080')
    await app.page.locator('[data-action="deck-close"]').click()
    await app.page.keyboard.press('F5')
    expect(await currentSlide(app.page, 1)).toBe('title')
  })
})
