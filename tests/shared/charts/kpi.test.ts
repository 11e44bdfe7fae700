/** KPI context lines: every card says when its figure is from (the data's year or span), or that the source gives none. */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DASHBOARDS } from '../../../src-shared/charts'
import { kpiContext, kpiFromFigure } from '../../../src-shared/charts/kpi'
import type { ChartContext } from '../../../src-shared/charts/types'
import { toColumnar, type DatasetFile } from '../../../src-shared/dataset'
import { LANGS } from '../../../src-shared/settings'
import { ARTICLE, YEARBOOK, fig, index } from './fixtures'

const dir = resolve(import.meta.dirname, '../../../resources/datasets')
const load = (id: string) => toColumnar(JSON.parse(readFileSync(resolve(dir, `${id}.json`), 'utf8')) as DatasetFile)
const ctx = (lang: ChartContext['lang']): ChartContext => ({ lang, theme: 'light', breakYear: 2016, decals: false })
const NO_YEAR = { en: 'no year given', 'zh-CN': '未注明年份' }

describe('KPI context line', () => {
  it('names the figure’s own year, or says none is given, never another year', () => {
    const dated = fig('songjiang', 'gdp', 2019, 1234, 'yuan-100m', YEARBOOK)
    const undated = fig('songjiang', 'gdp', null, 1234, 'yuan-100m', ARTICLE)
    expect(kpiFromFigure('x', 'industry', 'GDP', dated, ctx('en')).comparison).toBe('2019')
    expect(kpiFromFigure('x', 'industry', 'GDP', dated, ctx('zh-CN')).comparison).toBe('2019 年')
    expect(kpiFromFigure('x', 'industry', 'GDP', dated, ctx('en'), '5% more').comparison).toBe('2019; 5% more')
    expect(kpiFromFigure('x', 'industry', 'GDP', undated, ctx('en')).comparison).toBe('no year given')
    expect(kpiFromFigure('x', 'industry', 'GDP', undated, ctx('zh-CN'), '约 1/8').comparison).toBe('约 1/8；未注明年份')
    expect(kpiContext(fig('songjiang', 'gdp', null, 1, 'percent', YEARBOOK, { period: '2016–2019' }), 'en')).toBe('2016–2019')
  })

  const data = index(load('article-facts'), load('rectification'), load('songjiang-economy'), load('nine-cities'))
  for (const lang of LANGS)
    it(`every shipped KPI card names its year or says none is given (${lang})`, () => {
      const kpis = Object.values(DASHBOARDS).flatMap((d) => d.kpis.map((k) => k.build(data, ctx(lang))!))
      expect(kpis.length).toBeGreaterThanOrEqual(10)
      for (const k of kpis) {
        const line = k.comparison ?? ''
        const f = k.figure!
        if (f.year !== null) expect(line, k.id).toMatch(new RegExp(`^${f.year}`))
        else if (f.period !== null) expect(line, k.id).toContain(f.period.split(/[→–-]/)[0]!)
        else expect(line, k.id).toContain(NO_YEAR[lang])
        if (line.includes(NO_YEAR[lang])) expect(line, `${k.id}: no year, so none on the line`).not.toMatch(/(19|20)\d\d/)
      }
      const line = (id: string) => kpis.find((k) => k.id === id)!.comparison
      // The two cards the trial found without a year.
      expect(line('gdp-2020')).toBe(lang === 'en' ? '2020' : '2020 年')
      expect(line('high-tech-enterprises')).toBe(lang === 'en' ? '2021' : '2021 年')
      expect(line('real-estate-tax-share')).toBe(lang === 'en' ? '2017; 46% in 2016' : '2017 年；2016 年为 46%')
      expect(line('gdp-growth-after')).toMatch(/^2015→2020/)
    })
})
