/**
 * The marking on screen: off by default, set in the export dialog (per
 * language), shown as a thin band above the header in the language in use,
 * kept in settings, and printed on the exports made afterwards.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PALETTES } from '../../src-main/export/palette'
import { pngPixels } from '../main/export/helpers'
import { perTest } from './per-test'
import { snapshot } from './screenshot'

const { openApp } = perTest()

describe('the marking', () => {
  it('is set per language in the export dialog, shown as a band in the language in use, kept, and printed on exports', async () => {
    const app = await openApp({ lang: 'en', theme: 'dark' })
    const { page } = app
    const banner = page.locator('[data-role="marking-banner"]')
    expect(await banner.count()).toBe(0)

    await page.locator('[data-action="export-pack"]').click()
    const dialog = page.locator('[data-role="export-dialog"]')
    const fields = dialog.locator('[data-role="marking-fields"]')
    await fields.locator('[data-field="marking-zh-CN"]').fill('内部资料')
    await fields.locator('[data-field="marking-en"]').fill('For internal briefing only')
    await fields.locator('[data-field="marking-en"]').press('Tab')
    // Text alone does not turn it on.
    expect(await banner.count()).toBe(0)
    await fields.locator('[data-field="marking-on"]').check()
    await expect.poll(() => banner.textContent()).toBe('For internal briefing only')
    await snapshot(page, 'marking-dialog-dark')
    await dialog.getByRole('button', { name: 'Close' }).click()
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(false)

    // A thin band above the header, full width, in the page's text colour.
    const box = (await banner.boundingBox())!
    const header = (await page.locator('header.bar').boundingBox())!
    expect(box.y).toBe(0)
    expect(box.width).toBeGreaterThan(1900)
    expect(box.height).toBeLessThan(30)
    expect(header.y).toBeGreaterThanOrEqual(box.y + box.height - 1)

    await page.locator('[data-control="lang"]').selectOption('zh-CN')
    await expect.poll(() => banner.textContent()).toBe('内部资料')
    await snapshot(page, 'marking-banner-zh-dark-1920')

    // Every slide of the show carries it too.
    await page.locator('[data-action="present"]').click()
    const slideBand = page.locator('[data-role="slide-show"] [data-current="true"] [data-role="slide-marking"]')
    await expect.poll(() => slideBand.textContent()).toBe('内部资料')
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => page.locator('[data-role="slide-show"]').getAttribute('data-index')).toBe('1')
    expect(await slideBand.textContent()).toBe('内部资料')
    // Visible: a filled band whose text colour differs from its fill.
    const colours = await slideBand.evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el.firstElementChild!).color])
    expect(colours[0]).not.toBe('rgba(0, 0, 0, 0)')
    expect(colours[0]).not.toBe(colours[1])
    await snapshot(page, 'marking-slide-dark-1920')
    await page.keyboard.press('Escape')
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('[data-role="slide-show"]').count()).toBe(0)

    const saved = JSON.parse(await readFile(join(app.userDataDir, 'settings.json'), 'utf8'))
    expect(saved.marking).toEqual({ on: true, text: { 'zh-CN': '内部资料', en: 'For internal briefing only' } })

    // A chart exported now carries the band.
    await page.locator('[data-view="industry"]').click()
    await page.locator('[data-chart="industry-gdp"] [data-action="export-chart"]').click()
    await dialog.locator('[data-field="theme"]').selectOption('light')
    await dialog.locator('[data-action="save"]').click()
    await expect.poll(async () => (await readdir(app.exportDir)).filter((f) => f.endsWith('.png')).length, { timeout: 30_000 }).toBe(1)
    const [png] = (await readdir(app.exportDir)).filter((f) => f.endsWith('.png'))
    const pixels = pngPixels(await readFile(join(app.exportDir, png!)))
    expect(pixels.at(4, 4).slice(0, 3)).toEqual([1, 3, 5].map((i) => parseInt(PALETTES.light.text.slice(i, i + 2), 16)))
  })

  it.each(['light', 'dark', 'projector'] as const)('fits the window at 1024×768 in the %s theme', async (theme) => {
    const settingsFile = JSON.stringify({ theme, lang: 'zh-CN', marking: { on: true, text: { 'zh-CN': '内部资料 · 仅供内部简报使用', en: '' } } })
    const app = await openApp({ viewport: { width: 1024, height: 768 }, settingsFile })
    const banner = app.page.locator('[data-role="marking-banner"]')
    await expect.poll(() => banner.textContent()).toBe('内部资料 · 仅供内部简报使用')
    const box = (await banner.boundingBox())!
    expect(box.width).toBe(1024)
    expect(box.height).toBeLessThan(30)
    // One line, not clipped.
    expect(await banner.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
    await snapshot(app.page, `marking-banner-${theme}-1024`)
  })
})
