import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { TEST_ORIGIN } from './harness'
import { perTest } from './per-test'
import { snapshot } from './screenshot'

const { openApp } = perTest()

describe('app shell in Chromium', () => {
  it('shows the title, the four views and no request outside its own origin', async () => {
    const app = await openApp({ lang: 'en' })
    const { page } = app
    await expect(page.locator('h1').textContent()).resolves.toBe('G60 Briefing')
    await expect(page.getByRole('tab').allTextContents()).resolves.toEqual([
      'Overview',
      'Urban rectification',
      'Industry before and after 2016',
      'The nine cities',
    ])
    await page.getByRole('tab', { name: 'The nine cities' }).click()
    await expect(page.locator('main').getAttribute('data-active-view')).resolves.toBe('cities')
    await page.keyboard.press('Control+1')
    await expect(page.locator('main').getAttribute('data-active-view')).resolves.toBe('overview')
    await snapshot(page, 'shell-light-1920')
    expect(app.externalRequests).toEqual([])
    expect(app.pageErrors).toEqual([])
  })

  it('exposes only named functions to the page, no generic invoke', async () => {
    const app = await openApp()
    const keys = await app.page.evaluate(() => Object.keys(window.g60).sort())
    expect(keys).toContain('getSettings')
    expect(keys).not.toContain('invoke')
    expect(keys).not.toContain('send')
    expect(keys).not.toContain('on')
    const types = await app.page.evaluate(() => Object.values(window.g60).map((v) => typeof v))
    expect(new Set(types)).toEqual(new Set(['function']))
  })

  it('switches theme and language live and keeps them in settings.json', async () => {
    const app = await openApp({ lang: 'en', viewport: { width: 1024, height: 768 } })
    const { page } = app
    await page.locator('[data-control="theme"]').selectOption('projector')
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('projector')
    await page.locator('[data-control="lang"]').selectOption('zh-CN')
    await expect.poll(() => page.locator('h1').textContent()).toBe('G60 简报')
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN')
    await snapshot(page, 'shell-projector-1024-zh')
    const saved = JSON.parse(await readFile(join(app.userDataDir, 'settings.json'), 'utf8'))
    expect(saved).toMatchObject({ theme: 'projector', lang: 'zh-CN' })
  })

  it('draws Chinese with the bundled Noto Sans SC, loaded from the app itself', async () => {
    const app = await openApp({ lang: 'zh-CN' })
    await expect
      .poll(() =>
        app.page.evaluate(async () => {
          await document.fonts.ready
          return [...document.fonts].filter((f) => f.family.replace(/["']/g, '') === 'Noto Sans SC' && f.status === 'loaded').length
        }),
      )
      .toBeGreaterThan(0)
    expect(app.externalRequests).toEqual([])
    expect(app.pageErrors).toEqual([])
  })

  it('follows the system locale when no language is set', async () => {
    const app = await openApp({ systemLocale: 'zh-CN' })
    await expect(app.page.locator('h1').textContent()).resolves.toBe('G60 简报')
  })

  it('shows the settings notice in the user\'s language', async () => {
    const app = await openApp({ settingsFile: 'not json', systemLocale: 'zh-CN' })
    await expect(app.page.locator('[data-notice="settings-recovered"] .message').textContent()).resolves.toBe('设置文件无法读取，受影响的设置已恢复为默认值。')
  })

  it('recovers from a corrupt settings file with a visible notice and a backup', async () => {
    const app = await openApp({ settingsFile: '{"theme": "dark", "lang": 42' })
    const notice = app.page.locator('[data-notice="settings-recovered"]')
    await expect(notice.textContent()).resolves.toContain('could not be read')
    const files = await readdir(app.userDataDir)
    const backup = files.find((f) => f.startsWith('settings.corrupt-'))
    expect(backup).toBeDefined()
    await expect(readFile(join(app.userDataDir, backup!), 'utf8')).resolves.toBe('{"theme": "dark", "lang": 42')
    await snapshot(app.page, 'shell-corrupt-settings')
    await notice.getByRole('button').click()
    await expect.poll(() => notice.count()).toBe(0)
  })

  it('refuses IPC from a page that is not served from our origin', async () => {
    const app = await openApp()
    const fromApp = await app.page.evaluate(() => window.g60.getSettings())
    expect(fromApp.ok).toBe(true)
    const stranger = await app.context.newPage()
    await stranger.goto('about:blank')
    const fromStranger = await stranger.evaluate(() => window.g60.getSettings())
    expect(fromStranger).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  it('serves the page with a strict content security policy', async () => {
    const app = await openApp()
    const response = await app.page.goto(`${TEST_ORIGIN}/index.html`)
    const csp = response!.headers()['content-security-policy']
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-eval')
    // An injected inline script must not run: only scripts from our origin do.
    const inlineRan = await app.page.evaluate(async () => {
      const s = document.createElement('script')
      s.textContent = 'window.__inlineRan = true'
      document.head.append(s)
      await new Promise((r) => setTimeout(r, 50))
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true
    })
    expect(inlineRan).toBe(false)
  })
})
