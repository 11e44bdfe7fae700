/**
 * Helpers for the presentation tests: wait for the current slide to be drawn,
 * and measure it as the audience sees it (what extends past the viewport,
 * the smallest rendered chart text).
 */
import type { Page } from 'playwright-core'

/** Waits until the visible slide is `n` (1-based, if given) and its chart has drawn. */
export async function currentSlide(page: Page, n?: number): Promise<string> {
  await page.waitForFunction(
    (want) => {
      const el = document.querySelector('[data-role="slide-show"] [data-current="true"]')
      if (!el || el.getAttribute('data-rendered') !== 'true') return false
      return want === null || el.querySelector('[data-role="slide-number"]')?.textContent?.trim().startsWith(`${want} /`)
    },
    n ?? null,
    { timeout: 20_000 },
  )
  return (await page.locator('[data-role="slide-show"] [data-current="true"]').getAttribute('data-slide')) ?? ''
}

export interface SlideMeasure {
  /** Elements of the visible slide whose box extends past the viewport, by tag and text. */
  outside: string[]
  /** Elements cut off by a box that hides its overflow (the slide, a KPI card). */
  clipped: string[]
  /** Smallest font size of any rendered chart SVG text, px (Infinity without a chart). */
  minChartText: number
  /** The SVG texts under `limit`, for the failure message. */
  smallTexts: string[]
  /** The chart's share of the slide's height inside the overscan margin (0 without a chart). */
  chartShare: number
}

/** Measures the visible slide: boxes against the viewport, and every SVG text's rendered size. */
export async function measureSlide(page: Page, limit: number): Promise<SlideMeasure> {
  return page.evaluate((lim) => {
    const slide = document.querySelector('[data-role="slide-show"] [data-current="true"]')!
    const vw = window.innerWidth
    const vh = window.innerHeight
    const outside: string[] = []
    const clipped: string[] = []
    for (const el of slide.querySelectorAll('h1, h2, p, li, footer, span, article, .chart-box, svg')) {
      const r = el.getBoundingClientRect()
      if (r.width === 0 && r.height === 0) continue
      // (No named helper functions in here: tsx would wrap them in a `__name` call the page lacks.)
      const role = el.getAttribute('data-role')
      const label = `${el.tagName.toLowerCase()}${role ? `[${role}]` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`
      if (r.left < -0.5 || r.top < -0.5 || r.right > vw + 0.5 || r.bottom > vh + 0.5) outside.push(label)
      // Clipped: cut by the nearest box that hides its overflow (the slide itself, a KPI card).
      let clip: Element | null = el.parentElement
      while (clip && clip !== slide.parentElement && getComputedStyle(clip).overflow === 'visible') clip = clip.parentElement
      if (clip && clip !== slide.parentElement) {
        const c = clip.getBoundingClientRect()
        if (r.left < c.left - 0.5 || r.top < c.top - 0.5 || r.right > c.right + 0.5 || r.bottom > c.bottom + 0.5) clipped.push(label)
      }
    }
    let min = Infinity
    const small: string[] = []
    for (const t of slide.querySelectorAll('svg text')) {
      const content = (t.textContent ?? '').trim()
      const box = t.getBoundingClientRect()
      if (!content || box.width === 0) continue
      const size = parseFloat(getComputedStyle(t).fontSize)
      // A text drawn past the viewport counts as outside too, and one past its chart's SVG is cut off.
      if (box.left < -0.5 || box.top < -0.5 || box.right > vw + 0.5 || box.bottom > vh + 0.5) outside.push(`svg text "${content.slice(0, 40)}"`)
      const svg = t.closest('svg')!.getBoundingClientRect()
      if (box.left < svg.left - 0.5 || box.top < svg.top - 0.5 || box.right > svg.right + 0.5 || box.bottom > svg.bottom + 0.5) clipped.push(`svg text "${content.slice(0, 40)}"`)
      min = Math.min(min, size)
      if (size < lim) small.push(`${content.slice(0, 30)} (${size}px)`)
    }
    const box = slide.querySelector('.chart-box')
    const inner = slide.querySelector('[data-role="slide-inner"]')!
    const chartShare = box ? box.getBoundingClientRect().height / inner.getBoundingClientRect().height : 0
    return { outside, clipped, minChartText: min, smallTexts: small, chartShare }
  }, limit)
}
