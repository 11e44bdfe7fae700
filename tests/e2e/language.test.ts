/**
 * The screen in Chinese says nothing in English: every view of the real
 * renderer build in zh-CN (text of the page and of every chart's SVG) and every
 * chart's table, read back from the DOM, has no English sentence (three Latin
 * words in a row) apart from the own titles of English pages, URLs and quotes of
 * a source's own words, which stay in their own language as citations do. A
 * Chinese page's title is Chinese and a source we describe (no title of its own)
 * is named in Chinese: only English pages' titles are let through
 * (tests/fixtures/source-languages.ts says which pages are English).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatasetFile } from '../../src-shared/dataset'
import { MESSAGES, t } from '../../src-shared/i18n'
import { openApp, type AppHandle } from './harness'
import { englishPageTitles, sourcesOfFiles } from '../fixtures/source-languages'

const VIEWS = ['overview', 'rectification', 'industry', 'cities'] as const

const dir = resolve(import.meta.dirname, '../../resources/datasets')
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as DatasetFile)
/** The own titles of the bundled data's English pages, longest first (so a title is removed before a shorter one inside it): all the screen in Chinese may show in English, besides URLs and quotes. */
const citations = englishPageTitles(sourcesOfFiles(files))

/** The first English sentence in `text` once citations, URLs and quotes are taken out, or null. */
function englishSentence(text: string): string | null {
  const rest = citations
    .reduce((s, c) => s.split(c).join(' '), text)
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/“[^”]*”|"[^"]*"/g, ' ')
  const sentence = /[A-Za-z][\w'’&.-]*(?:[ ,;:()]+[A-Za-z][\w'’&.-]*){2,}/.exec(rest)?.[0]
  // The app's own English words never show in Chinese, not even as two words ("Derived from: …").
  return sentence ?? OWN_WORDS.find((w) => rest.includes(w)) ?? null
}

/** The app's own English words for tiers and source-line headings, and the old "Derived from". */
const OWN_WORDS = [...Object.values(MESSAGES.en.tiers), ...Object.values(MESSAGES.en.charts.sourceLine).filter((w) => /[A-Za-z]{4}/.test(w)), 'Derived from']

describe('the screen in Chinese', () => {
  let app: AppHandle
  beforeAll(async () => {
    app = await openApp({ lang: 'zh-CN', theme: 'light', viewport: { width: 1920, height: 1080 } })
  })
  afterAll(() => app.close())

  it('finds an English sentence when there is one (the check can fail)', () => {
    expect(englishSentence('来源 — 推算：Derived from: Shanghai Daily (shine.cn), district feature 2211072438')).toBe('Derived')
    expect(englishSentence('注：The page gives GDP growing')).toBe('The page gives GDP growing')
    expect(englishSentence('来源 — 官方：Songjiang District government, English site: Facts – Economy · 注：引用“1/15 of national GDP”')).toBeNull()
    // A Chinese page's title in English, or a description in English, is an English sentence.
    expect(englishSentence('来源 — 官方：Huzhou municipal government (huzhou.gov.cn), column 1229213988')).toBe('Huzhou municipal government (huzhou.gov.cn), column')
    expect(englishSentence("二手资料：Third-party data files compiled from each city's statistical bulletin")).toBe("Third-party data files compiled from each city's statistical bulletin")
  })

  it('shows no English sentence in any view, chart or table', async () => {
    const page = app.page
    const bad: string[] = []
    for (const view of VIEWS) {
      await page.locator(`[data-view="${view}"]`).click()
      await page.waitForSelector(`main[data-active-view="${view}"]`)
      await page.waitForFunction(() => Array.from(document.querySelectorAll('[data-chart]')).every((p) => p.getAttribute('data-rendered') === 'true'))
      const texts = await page.evaluate(() => [
        ...document.body.innerText.split('\n'),
        ...Array.from(document.querySelectorAll('[data-chart] svg text')).map((x) => x.textContent ?? ''),
      ])
      for (const s of texts) {
        const m = englishSentence(s)
        if (m) bad.push(`${view}: "${m}" in "${s.slice(0, 100)}"`)
      }
      // Each chart's table, as "Show as table" opens it.
      const buttons = page.getByRole('button', { name: t('zh-CN', 'table.show') })
      const n = await buttons.count()
      expect(n, view).toBeGreaterThan(0)
      for (let i = 0; i < n; i++) {
        await buttons.nth(i).click()
        const rows = await page.evaluate(() => Array.from(document.querySelectorAll('[data-chart] table td, [data-chart] table th')).map((c) => (c as HTMLElement).innerText))
        expect(rows.length, `${view}: table ${i + 1}`).toBeGreaterThan(10)
        for (const s of rows) {
          const m = englishSentence(s)
          if (m) bad.push(`${view} table: "${m}" in "${s.slice(0, 100)}"`)
        }
        await page.getByRole('button', { name: t('zh-CN', 'table.showChart') }).first().click()
      }
    }
    expect(bad).toEqual([])
    expect(app.pageErrors).toEqual([])
  })

  it('shows the problems of a broken file in Chinese, with file, row and column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'g60-zh-problems-'))
    writeFileSync(
      join(dir, 'broken.csv'),
      [
        '#id,broken-zh',
        '#unit,yuan-100m',
        'entity,indicator,year,value,qualifier,tier,source_title,source_url,quote',
        'a,b,20x1,1,exact,official,S,https://example.org/s,q',
        'a,b,2020,lots,roughly,official,S,,q',
        'a,b,2021,1,exact,derived,S,https://example.org/s,q',
      ].join('\n'),
    )
    const broken = await openApp({ lang: 'zh-CN', theme: 'light', dataDir: dir })
    try {
      const rows = broken.page.locator('[data-role="problem"]')
      await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(5)
      const cells = await Promise.all(Array.from({ length: 5 }, (_, i) => rows.nth(i).locator('td').allInnerTexts()))
      expect(cells.map((c) => c.slice(0, 3))).toEqual([
        ['broken.csv', '4', 'year'],
        ['broken.csv', '5', 'value'],
        ['broken.csv', '5', 'qualifier'],
        ['broken.csv', '5', 'source_url'],
        ['broken.csv', '6', 'formula'],
      ])
      expect(cells[0]![3]!.replace(/\s+/g, '')).toBe('不是年份实际：20x1应为：1900至2100之间的整数年份，或留空')
      const panel = await broken.page.locator('[data-role="problems"]').innerText()
      const bad = panel.split('\n').map((line) => englishSentence(line)).filter((m) => m !== null)
      expect(bad).toEqual([])
          } finally {
      await broken.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
