/**
 * Screenshots for a person to look at: the chosen views (and their chart
 * panels one by one) in every theme, both languages, at 1920×1080 and
 * 1024×768, through the e2e harness (the real renderer build in Debian's
 * Chromium against the real main-process handlers).
 *
 *   npx tsx scripts/screenshots.ts [outDir] [view,view…] [chart,chart…] [theme,theme…] [lang,lang…]
 *
 * Writes `<view>-<theme>-<lang>-<width>.png` (full page) and
 * `<chart>-<theme>-<lang>-<width>.png` (one panel) into `outDir`
 * (default `tests/.artifacts/shots`).
 */
import { mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { LANGS, THEMES, type Lang, type Theme } from '../src-shared/settings'
import { openApp } from '../tests/e2e/harness'

const out = resolve(process.argv[2] ?? 'tests/.artifacts/shots')
const views = (process.argv[3] ?? 'industry,cities').split(',')
const charts = (process.argv[4] ?? 'industry-gdp,cities-gdp,cities-map').split(',')
const themes = process.argv[5] ? (process.argv[5].split(',') as Theme[]) : THEMES
const langs = process.argv[6] ? (process.argv[6].split(',') as Lang[]) : LANGS
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1024, height: 768 },
]

await mkdir(out, { recursive: true })
for (const theme of themes) {
  for (const lang of langs) {
    for (const viewport of SIZES) {
      const app = await openApp({ theme, lang, viewport })
      try {
        for (const view of views) {
          await app.page.locator(`[data-view="${view}"]`).click()
          await app.page.waitForSelector(`main[data-active-view="${view}"]`)
          await app.page.waitForFunction(() => Array.from(document.querySelectorAll('[data-chart]')).every((p) => p.getAttribute('data-rendered') === 'true'))
          const tag = `${theme}-${lang}-${viewport.width}`
          await app.page.screenshot({ path: join(out, `${view}-${tag}.png`), fullPage: true })
          for (const chart of charts) {
            const panel = app.page.locator(`[data-chart="${chart}"]`)
            if ((await panel.count()) === 1) await panel.screenshot({ path: join(out, `${chart}-${tag}.png`) })
          }
        }
        if (app.pageErrors.length) console.error(`${theme} ${lang} ${viewport.width}: ${app.pageErrors.join('; ')}`)
      } finally {
        await app.close()
      }
    }
  }
}
console.log(`screenshots in ${out}`)
