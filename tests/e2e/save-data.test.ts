/**
 * Saving data from the app (issue 11 §5, issue 12 §4), through the real
 * handlers: a bundled dataset saved from the data bar and from File ▸ Save
 * Dataset as Excel… reads back as the identical dataset; a chart's table
 * saved as CSV holds exactly the rows on screen. Screenshots of the data bar
 * and the chart table with the new buttons go to tests/.artifacts.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { inferSchema, initParser } from 'udsv'
import { describe, expect, it } from 'vitest'
import { loadDatasetFile } from '../../src-main/datasets/load-file'
import { ROOT } from './build'
import { runAxe } from './a11y'
import { written } from './files'
import { perTest } from './per-test'
import { snapshot } from './screenshot'

const bundled = join(ROOT, 'resources/datasets')

const { openApp } = perTest()

describe('Save dataset as Excel…', () => {
  it('saves a bundled dataset from the data bar’s dataset list; the file reads back as the identical dataset', async () => {
    const app = await openApp({ lang: 'en' })
    const list = app.page.locator('[data-role="dataset-list"]')
    await list.locator('summary').first().click()
    const item = list.locator('[data-dataset="nine-cities"]')
    await item.locator('[data-action="save-dataset"]').click()
    await expect.poll(() => written(app.exportDir), { timeout: 30_000 }).toEqual(['nine-cities.xlsx'])
    const original = await loadDatasetFile('nine-cities.json', { root: bundled })
    const back = await loadDatasetFile('nine-cities.xlsx', { root: app.exportDir })
    expect(back.problems).toEqual([])
    expect(back.dataset).toEqual(original.dataset)
    const notice = app.page.locator('[data-notice="save-done"]')
    await expect.poll(() => notice.textContent()).toContain(`Saved ${join(app.exportDir, 'nine-cities.xlsx')} (${original.dataset!.figures.length} figures).`)
  }, 90_000)

  it('File ▸ Save Dataset as Excel… offers the current view’s datasets first; a name ending in .csv saves CSV', async () => {
    let exportDir = ''
    const app = await openApp({ lang: 'zh-CN', dialogs: { save: () => join(exportDir, '数据.csv') } })
    exportDir = app.exportDir
    await app.page.locator('[data-view="industry"]').click()
    await app.emit('menu:command', { kind: 'save-dataset' })
    const dialog = app.page.locator('[data-role="dataset-save-dialog"]')
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true)
    await expect(dialog.locator('[data-group="in-view"] [data-dataset]').evaluateAll((els) => els.map((e) => e.getAttribute('data-dataset')))).resolves.toEqual(['songjiang-economy'])
    await expect(dialog.locator('[data-group="others"] [data-dataset]').count()).resolves.toBe(3)
    expect(await runAxe(app.page, ['color-contrast', 'nested-interactive', 'button-name', 'aria-dialog-name'])).toEqual([])
    await snapshot(app.page, 'save-dataset-dialog-light-zh-CN-1920')
    await dialog.locator('[data-group="in-view"] [data-action="save-dataset"]').click()
    await expect.poll(() => written(exportDir), { timeout: 30_000 }).toEqual(['数据.csv'])
    const back = await loadDatasetFile('数据.csv', { root: exportDir })
    expect(back.problems).toEqual([])
    const original = await loadDatasetFile('songjiang-economy.json', { root: bundled })
    expect(back.dataset).toEqual(original.dataset)
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(false)
    await expect.poll(() => app.page.locator('[data-notice="save-done"]').textContent()).toContain('已保存')
  }, 90_000)
})

describe('Save as CSV from a chart’s table', () => {
  it('writes exactly the rows on screen, in the UI language, with the chart title above them', async () => {
    const app = await openApp({ lang: 'zh-CN' })
    await app.page.locator('[data-view="industry"]').click()
    const panel = app.page.locator('[data-chart="industry-gdp"]')
    await panel.locator('[data-action="show-table"]').click()
    const table = panel.locator('[data-role="chart-table"]')
    const shown = await table.locator('[data-role="table-row"]').evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('td'), (td) => td.textContent ?? '')))
    expect(shown.length).toBeGreaterThan(3)
    const title = await panel.locator('h3').textContent()
    await table.locator('[data-action="table-save-csv"]').click()
    await expect.poll(() => written(app.exportDir), { timeout: 30_000 }).toEqual(['industry-gdp-table-zh-cn.csv'])
    const text = (await readFile(join(app.exportDir, 'industry-gdp-table-zh-cn.csv'), 'utf8')).replace(/^\ufeff/, '')
    expect(text.split('\r\n')[0]).toBe(title)
    const part = text.slice(text.indexOf('\r\n\r\n') + 4)
    const schema = inferSchema(part)
    expect(schema.cols.map((c) => c.name)).toEqual(['对象', '指标', '年份或时期', '数值（按来源所印）', '单位', '限定词', '来源等级', '来源', '网址', '注'])
    expect(initParser(schema).stringArrs(part)).toEqual(shown)
    await expect.poll(() => app.page.locator('[data-notice="save-done"]').textContent()).toContain(`（${shown.length} 行）`)
  }, 90_000)
})

describe('how the new buttons look', () => {
  for (const [theme, lang, width, height] of [
    ['light', 'en', 1920, 1080],
    ['dark', 'zh-CN', 1920, 1080],
    ['light', 'zh-CN', 1024, 768],
    ['dark', 'en', 1024, 768],
  ] as const) {
    it(`data bar and chart table fit (${theme}, ${lang}, ${width}×${height})`, async () => {
      const app = await openApp({ lang, theme, viewport: { width, height } })
      const list = app.page.locator('[data-role="dataset-list"]')
      await list.locator('summary').first().click()
      await list.locator('[data-dataset="songjiang-economy"] summary').click()
      const overflow = () => app.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(await overflow()).toBeLessThanOrEqual(0)
      // Each save button sits beside its dataset's line, inside the window.
      for (const box of await list.locator('[data-action="save-dataset"]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))) {
        expect(box.right).toBeLessThanOrEqual(width)
        expect(box.height).toBeLessThan(40)
      }
      await snapshot(app.page, `save-databar-${theme}-${lang}-${width}`)
      await list.locator('summary').first().click()
      await app.page.locator('[data-view="industry"]').click()
      const panel = app.page.locator('[data-chart="industry-gdp"]')
      await panel.locator('[data-action="show-table"]').click()
      const bar = await panel.locator('[data-role="chart-table"] .bar button').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))
      const panelBox = (await panel.boundingBox())!
      for (const b of bar) expect(b.right).toBeLessThanOrEqual(panelBox.x + panelBox.width)
      expect(await overflow()).toBeLessThanOrEqual(0)
      await panel.screenshot({ path: join(ROOT, `tests/.artifacts/save-chart-table-${theme}-${lang}-${width}.png`) })
    }, 90_000)
  }
})
