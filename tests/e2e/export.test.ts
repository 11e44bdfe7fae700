import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { pngSize } from '../main/export/helpers'
import { readDeck } from '../main/export/pptx-reader'
import { written } from './files'
import type { AppHandle } from './harness'
import { perTest } from './per-test'
import { snapshot } from './screenshot'

const { openApp } = perTest()

async function openChartExport(a: AppHandle, chartId: string, view = 'industry') {
  const { page } = a
  await page.locator(`[data-view="${view}"]`).click()
  const panel = page.locator(`[data-chart="${chartId}"]`)
  await panel.locator('[data-action="export-chart"]').click()
  const dialog = page.locator('[data-role="export-dialog"]')
  await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true)
  return dialog
}

describe('exporting from the app', () => {
  it('saves one chart as a 4K PNG at 1× with its export theme, and tells where it went', async () => {
    const app = await openApp({ lang: 'en', theme: 'dark' })
    const dialog = await openChartExport(app, 'industry-gdp')
    await expect(dialog.locator('[data-field="theme"]').inputValue()).resolves.toBe('light')
    await dialog.locator('[data-field="preset"]').selectOption('4k')
    await dialog.locator('[data-field="scale"]').selectOption('1')
    await snapshot(app.page, 'export-dialog-dark')
    await dialog.locator('[data-action="save"]').click()
    await expect.poll(async () => (await written(app.exportDir)).length, { timeout: 20_000 }).toBe(1)
    const [name] = await written(app.exportDir)
    expect(name).toBe('industry-gdp-en.png')
    expect(pngSize(await readFile(join(app.exportDir, name!)))).toEqual({ width: 3840, height: 2160 })
    await expect.poll(() => app.page.locator('[data-notice="export-done"]').textContent()).toContain('3840×2160')
    await expect(dialog.evaluate((d) => (d as HTMLDialogElement).open)).resolves.toBe(false)
  })

  it('saves an SVG whose caption names the source', async () => {
    const app = await openApp({ lang: 'zh-CN' })
    const dialog = await openChartExport(app, 'industry-shares')
    await dialog.locator('input[value="svg"]').check()
    await dialog.locator('[data-action="save"]').click()
    await expect.poll(async () => (await written(app.exportDir)).length, { timeout: 20_000 }).toBe(1)
    const [name] = await written(app.exportDir)
    expect(name).toMatch(/^industry-shares-zh-cn\.svg$/)
    const svg = await readFile(join(app.exportDir, name!), 'utf8')
    expect(svg.startsWith('<svg') || svg.startsWith('<?xml')).toBe(true)
    expect(svg).toContain('来源')
    expect(svg).toContain('songjiang.gov.cn')
  })

  it('draws what the screen shows: the map\'s chosen figure and the city GDP chart\'s chosen scale', async () => {
    const app = await openApp({ lang: 'en' })
    await app.page.locator('[data-view="cities"]').click()
    await app.page.locator('[data-control="map-indicator"]').selectOption('population')
    await app.page.locator('[data-control="city-scale"]').selectOption('log')
    await expect.poll(() => app.page.locator('[data-chart="cities-map"] svg').first().textContent()).toContain('million people, 2022')
    for (const [chartId, shown] of [['cities-map', 'Resident population'], ['cities-gdp', 'billion yuan (log scale)']] as const) {
      const dialog = await openChartExport(app, chartId, 'cities')
      await dialog.locator('input[value="svg"]').check()
      await dialog.locator('[data-action="save"]').click()
      await expect.poll(async () => written(app.exportDir), { timeout: 20_000 }).toContain(`${chartId}-en.svg`)
      expect(await readFile(join(app.exportDir, `${chartId}-en.svg`), 'utf8')).toContain(shown)
    }
    // The choice is main's: a new window of the app (the presenter view, a restart) draws the same.
    expect(app.core.settingsState().settings).toMatchObject({ cityScale: 'log', mapIndicator: 'population' })
  })

  it('copies a chart to the clipboard from its context menu', async () => {
    const app = await openApp({ lang: 'en' })
    await app.page.locator('[data-view="industry"]').click()
    const chart = app.page.locator('[data-chart="industry-gdp"] .body')
    await chart.click({ button: 'right' })
    await app.page.locator('[data-action="context-copy"]').click()
    await expect.poll(() => app.clipboard.length, { timeout: 20_000 }).toBe(1)
    const box = (await chart.boundingBox())!
    expect(pngSize(app.clipboard[0]!)).toEqual({ width: Math.round(box.width) * 2, height: Math.round(box.height) * 2 })
  })

  it('exports a whole dashboard as a PDF of the same page whatever the window size', async () => {
    const pages: string[] = []
    for (const viewport of [{ width: 1920, height: 1080 }, { width: 1024, height: 768 }]) {
      const app = await openApp({ lang: 'en', viewport })
      await app.page.locator('[data-view="cities"]').click()
      await app.page.locator('[data-action="export-dashboard"]').click()
      await app.page.locator('[data-role="export-dialog"] [data-action="save"]').click()
      await expect.poll(async () => (await written(app.exportDir)).length, { timeout: 100_000 }).toBe(1)
      const [name] = await written(app.exportDir)
      expect(name).toBe('dashboard-cities-slide-en.pdf')
      const pdf = (await readFile(join(app.exportDir, name!))).toString('latin1')
      expect(pdf.startsWith('%PDF-')).toBe(true)
      expect(pdf.match(/\/Type\s*\/Page\b/g)).toHaveLength(1)
      pages.push(pdf.match(/\/MediaBox \[[^\]]+\]/)![0])
      await app.close()
    }
    expect(pages[0]).toBe(pages[1])
    // Two dashboard PDFs, each a full page rendered at 2×: minutes on a loaded two-core machine.
  }, 240_000)

  it('exports the briefing pack with progress, and the pack can be cancelled', async () => {
    const app = await openApp({ lang: 'en' })
    const { page } = app
    await page.locator('[data-action="export-pack"]').click()
    const dialog = page.locator('[data-role="export-dialog"]')
    await dialog.locator('[data-action="save"]').click()
    await expect.poll(() => dialog.locator('progress').count(), { timeout: 20_000 }).toBe(1)
    await snapshot(page, 'export-pack-progress')
    await dialog.locator('[data-action="cancel-pack"]').click()
    await expect.poll(() => dialog.locator('[role="alert"]').textContent(), { timeout: 30_000 }).toContain('cancelled')
    const afterCancel = await written(app.exportDir)
    expect(afterCancel.some((f) => f.endsWith('.pdf'))).toBe(false)

    await dialog.locator('[data-action="save"]').click()
    await expect.poll(() => page.locator('[data-notice="export-done"]').textContent(), { timeout: 280_000 }).toMatch(/\d+ files written/)
    const files = await written(app.exportDir)
    expect(files).toContain('00-briefing-en.pdf')
    for (const f of files) expect(f).toMatch(/^\d\d-[a-z0-9-]+\.(png|svg|pdf)$/)
    expect(files.filter((f) => f.endsWith('.png')).length).toBeGreaterThanOrEqual(12)
    // A whole pack at 2× renders fifteen charts twice over: minutes on a loaded two-core machine.
  }, 300_000)

  it('offers no scale whose image passes the pixel cap, and cancels a chart while it renders', async () => {
    const app = await openApp({ lang: 'en' })
    const dialog = await openChartExport(app, 'industry-gdp')
    await dialog.locator('[data-field="preset"]').selectOption('4k')
    const disabled = () => dialog.locator('[data-field="scale"] option').evaluateAll((os) => os.filter((o) => (o as HTMLOptionElement).disabled).map((o) => (o as HTMLOptionElement).value))
    await expect.poll(disabled).toEqual(['3', '4'])
    await dialog.locator('[data-field="preset"]').selectOption('slide')
    await expect.poll(disabled).toEqual([])

    await dialog.locator('[data-field="preset"]').selectOption('4k')
    await dialog.locator('[data-field="scale"]').selectOption('2')
    await dialog.locator('[data-action="save"]').click()
    const cancel = dialog.locator('[data-action="cancel-export"]')
    await expect.poll(() => cancel.count(), { timeout: 20_000 }).toBe(1)
    await cancel.click()
    await expect.poll(() => dialog.locator('[data-action="save"]').isDisabled(), { timeout: 20_000 }).toBe(false)
    await expect(dialog.textContent()).resolves.toContain('the export was cancelled')
    expect(await written(app.exportDir)).toEqual([])
  })

  it('exports the PowerPoint deck from the data bar in the chosen shape, with slide progress', async () => {
    const app = await openApp({ lang: 'zh-CN' })
    const { page } = app
    await page.locator('[data-action="export-deck"]').click()
    const dialog = page.locator('[data-role="export-dialog"]')
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true)
    expect(await dialog.locator('h2').textContent()).toBe('导出 PowerPoint 演示文稿')
    await dialog.locator('[data-field="aspect"]').selectOption('4:3')
    await dialog.locator('[data-field="theme"]').selectOption('projector')
    await dialog.locator('[data-action="save"]').click()
    await expect.poll(() => dialog.locator('[role="status"]').textContent(), { timeout: 30_000 }).toMatch(/第 \d+ \/ \d+ 页/)
    await snapshot(page, 'export-deck-progress')
    await expect.poll(() => page.locator('[data-notice="export-done"]').textContent(), { timeout: 120_000 }).toMatch(/已保存 .*briefing-deck-zh-cn-4x3\.pptx（\d+ 页）/)
    expect(await written(app.exportDir)).toEqual(['briefing-deck-zh-cn-4x3.pptx'])
    const deck = await readDeck(await readFile(join(app.exportDir, 'briefing-deck-zh-cn-4x3.pptx')))
    expect(deck.slides.length).toBeGreaterThan(10)
    expect(deck.slides[0]!.shape('Dates')!.text).toContain('G60 简报 test')
    expect(deck.slides[0]!.shape('Marking')).toBeUndefined()
  }, 180_000)

  it('offers the deck as one more format of the briefing pack', async () => {
    const app = await openApp({ lang: 'en' })
    const { page } = app
    await page.locator('[data-action="export-pack"]').click()
    const dialog = page.locator('[data-role="export-dialog"]')
    for (const f of ['png', 'svg', 'pdf']) await dialog.locator(`[data-format="${f}"]`).uncheck()
    await dialog.locator('[data-format="pptx"]').check()
    expect(await dialog.locator('[data-field="aspect"]').inputValue()).toBe('16:9')
    await dialog.locator('[data-action="save"]').click()
    await expect.poll(() => page.locator('[data-notice="export-done"]').textContent(), { timeout: 120_000 }).toMatch(/1 files written/)
    expect(await written(app.exportDir)).toEqual(['00-briefing-en.pptx'])
  }, 180_000)
})

