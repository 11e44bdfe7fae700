import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const require = createRequire(import.meta.url)

export interface AxeViolation {
  id: string
  impact: string | null
  nodes: { target: string[]; failureSummary?: string }[]
}

/**
 * Runs axe-core in the page. It is evaluated through the DevTools protocol,
 * which the page's CSP does not govern, so the app's policy stays as shipped.
 */
export async function runAxe(page: Page, rules: string[] = ['color-contrast']): Promise<AxeViolation[]> {
  const source = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8')
  await page.evaluate(source)
  return page.evaluate(async (only) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe
    const result = await axe.run(document, { runOnly: { type: 'rule', values: only }, resultTypes: ['violations'] })
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }))
  }, rules)
}

/** Every visible piece of text (HTML and chart SVG) whose font is smaller than `min` px. */
export async function textSmallerThan(page: Page, min: number): Promise<{ text: string; size: number }[]> {
  return page.evaluate((limit) => {
    const small: { text: string; size: number }[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim()
      const el = node.parentElement
      if (!text || !el) continue
      const style = getComputedStyle(el)
      if (style.visibility === 'hidden' || style.display === 'none') continue
      const rect = el.getBoundingClientRect()
      if (rect.width === 0 || rect.height === 0) continue
      if (el.closest('.sr-only')) continue
      const size = parseFloat(style.fontSize)
      if (size < limit) small.push({ text: text.slice(0, 40), size })
    }
    return small
  }, min)
}
