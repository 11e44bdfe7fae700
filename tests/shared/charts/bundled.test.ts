/** The dashboards against the bundled datasets in resources/datasets (as shipped). */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DASHBOARDS, OVERVIEW_KPIS } from '../../../src-shared/charts'
import type { ChartContext } from '../../../src-shared/charts/types'
import { toColumnar, type DatasetFile } from '../../../src-shared/dataset'
import { LANGS } from '../../../src-shared/settings'
import { index } from './fixtures'
import { chartOf, renderSvg, svgText } from './render'

const dir = resolve(import.meta.dirname, '../../../resources/datasets')
const load = (id: string) => toColumnar(JSON.parse(readFileSync(resolve(dir, `${id}.json`), 'utf8')) as DatasetFile)

describe('bundled datasets', () => {
  const data = index(load('article-facts'), load('rectification'), load('songjiang-economy'), load('nine-cities'))
  for (const lang of LANGS)
    it(`every chart and KPI has data (${lang})`, () => {
      const ctx: ChartContext = { lang, theme: 'light', breakYear: 2016, decals: false }
      for (const d of Object.values(DASHBOARDS)) {
        for (const c of d.charts) {
          const r = chartOf(c.build(data, ctx))
          expect(renderSvg(r.option, 'light'), c.id).not.toMatch(/NaN|undefined/)
        }
        for (const k of d.kpis) expect(k.build(data, ctx), k.id).not.toBeNull()
      }
      for (const k of OVERVIEW_KPIS) expect(k.build(data, ctx), k.id).not.toBeNull()
    })
  it('shows the article’s headline figures and the 46% → 32% shift', () => {
    const ctx: ChartContext = { lang: 'en', theme: 'light', breakYear: 2016, decals: false }
    const kpi = (id: string) => Object.values(DASHBOARDS).flatMap((d) => d.kpis).find((k) => k.id === id)!.build(data, ctx)!
    expect(kpi('demolished-area').value).toBe('2.4 million')
    expect(kpi('enterprises-phased-out').value).toBe('over 4,000')
    expect(kpi('gdp-share-national').value).toBe('6.7%')
    const shares = svgText(renderSvg(chartOf(DASHBOARDS.industry.charts.find((c) => c.id === 'industry-shares')!.build(data, ctx)).option, 'light'))
    expect(shares).toContain('46%')
    expect(shares).toContain('32%')
    // Printed as 55.0 and 8.0 by their sources: every label keeps the decimal.
    expect(shares).toContain('55.0%')
    expect(shares).not.toMatch(/(^|\n)55%/)
  })
})
