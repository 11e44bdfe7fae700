import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { rectificationCsv } from './files'
import type { AppHandle } from './harness'
import { perTest } from './per-test'
import { snapshot } from './screenshot'

const { openApp, tempDir } = perTest()

const demolishedKpi = (a: AppHandle) => a.page.locator('[data-kpi="demolished-area"] [data-role="value"]').first()

describe('user datasets in the app', () => {
  it('shows a user folder that replaces a bundled dataset, and reloads it when the file changes', async () => {
    const dir = await tempDir('g60-data-')
    await writeFile(join(dir, 'rectification.csv'), rectificationCsv('3,100,000'))
    const app = await openApp({ lang: 'en', dataDir: dir })
    await app.page.locator('[data-view="rectification"]').click()
    await expect.poll(() => demolishedKpi(app).textContent()).toBe('3.1 million')
    await expect(app.page.locator('[data-role="databar"]').textContent()).resolves.toContain(dir)

    await writeFile(join(dir, 'rectification.csv'), rectificationCsv('3,200,000'))
    await expect.poll(() => demolishedKpi(app).textContent(), { timeout: 5000 }).toBe('3.2 million')
  })

  it('keeps the last good data on screen and lists the problem with file, row and column', async () => {
    const dir = await tempDir('g60-data-')
    await writeFile(join(dir, 'rectification.csv'), rectificationCsv('3,100,000'))
    const app = await openApp({ lang: 'en', dataDir: dir })
    await app.page.locator('[data-view="rectification"]').click()
    await expect.poll(() => demolishedKpi(app).textContent()).toBe('3.1 million')

    await writeFile(join(dir, 'rectification.csv'), rectificationCsv('three million'))
    const problem = app.page.locator('[data-role="problem"]').first()
    await expect.poll(() => problem.textContent(), { timeout: 5000 }).toContain('rectification.csv')
    const cells = await problem.locator('td').allTextContents()
    expect(cells[0]).toBe('rectification.csv')
    expect(cells[1]).toBe('8')
    expect(cells[2]).toBe('value')
    expect(cells[3]).toContain('three million')
    await expect(demolishedKpi(app).textContent()).resolves.toBe('3.1 million')
    await snapshot(app.page, 'datasets-broken-file')
  })

  it('loads files dropped on the window', async () => {
    const dir = await tempDir('g60-data-')
    const file = join(dir, 'rectification.csv')
    await writeFile(file, rectificationCsv('3,100,000'))
    const app = await openApp({ lang: 'en' })
    await app.page.locator('[data-view="rectification"]').click()
    await expect.poll(() => demolishedKpi(app).textContent()).toBe('2.4 million')
    await app.dropFiles([file])
    await expect.poll(() => demolishedKpi(app).textContent()).toBe('3.1 million')
  })

  it('names a folder it cannot open and keeps showing the bundled data', async () => {
    const dir = await tempDir('g60-data-')
    const app = await openApp({ lang: 'en', dataDir: join(dir, 'missing') })
    await expect(app.page.locator('[data-notice="data-folder-missing"]').textContent()).resolves.toContain(join(dir, 'missing'))
    await app.page.locator('[data-view="rectification"]').click()
    await expect.poll(() => demolishedKpi(app).textContent()).toBe('2.4 million')
  })

  it('says in the data bar that the folder is missing, keeps its data, and watches it again when it is back', async () => {
    const dir = await tempDir('g60-data-')
    const folder = join(dir, 'briefing')
    await mkdir(folder)
    await writeFile(join(folder, 'rectification.csv'), rectificationCsv('3,100,000'))
    const app = await openApp({ lang: 'en', dataDir: folder })
    await app.page.locator('[data-view="rectification"]').click()
    await expect.poll(() => demolishedKpi(app).textContent()).toBe('3.1 million')

    await rm(folder, { recursive: true })
    const missing = app.page.locator('[data-role="databar"] [data-state="folder-missing"]')
    await expect.poll(() => missing.count(), { timeout: 15_000 }).toBe(1)
    await expect(missing.textContent()).resolves.toContain(`Data folder missing: ${folder}`)
    await expect(demolishedKpi(app).textContent()).resolves.toBe('3.1 million')
    await snapshot(app.page, 'datasets-folder-missing-1920-light')
    await app.page.setViewportSize({ width: 1024, height: 768 })
    await snapshot(app.page, 'datasets-folder-missing-1024-light')

    await mkdir(folder)
    await writeFile(join(folder, 'rectification.csv'), rectificationCsv('3,300,000'))
    await expect.poll(() => demolishedKpi(app).textContent(), { timeout: 15_000 }).toBe('3.3 million')
    await expect.poll(() => missing.count(), { timeout: 15_000 }).toBe(0)
  })
})

describe('the dataset list in the data bar', () => {
  for (const [theme, lang, width, height] of [
    ['light', 'en', 1920, 1080],
    ['dark', 'zh-CN', 1024, 768],
    ['projector', 'zh-CN', 1920, 1080],
  ] as const) {
    it(`shows each loaded dataset with a preview table of its figures (${theme}, ${lang}, ${width}×${height})`, async () => {
      const dir = await tempDir('g60-data-')
      await writeFile(join(dir, 'rectification.csv'), rectificationCsv('3,100,000'))
      const app = await openApp({ lang, theme, dataDir: dir, viewport: { width, height } })
      const list = app.page.locator('[data-role="dataset-list"]')
      await list.locator('summary').first().click()
      const item = list.locator('[data-dataset="rectification"]')
      await item.locator('summary').click()
      const cells = await item.locator('tbody tr').first().locator('td').allTextContents()
      // The names the dataset declares and the catalogue's words, in the UI language.
      expect(cells).toEqual(lang === 'en' ? ['Songjiang', 'Area demolished', '', '3100000', 'm²', 'exact', 'Official'] : ['松江区', '拆除面积', '', '3100000', '平方米', '确数', '官方'])
      expect(await list.locator('[data-dataset]').count()).toBeGreaterThanOrEqual(4)
      // Nothing in the open list runs past the window's width.
      const overflow = await app.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(overflow).toBeLessThanOrEqual(0)
      await snapshot(app.page, `dataset-list-${theme}-${lang}-${width}`)
    }, 60_000)
  }
})
