import { describe, expect, it } from 'vitest'
import { DASHBOARDS, OVERVIEW_KPIS } from '../../../src-shared/charts'
import type { ChartContext } from '../../../src-shared/charts/types'
import { toColumnar } from '../../../src-shared/dataset'
import { index } from './fixtures'

const ctx: ChartContext = { lang: 'en', theme: 'light', breakYear: 2016, decals: false }
const charts = Object.values(DASHBOARDS).flatMap((d) => d.charts)

describe('empty states', () => {
  it('every chart says which dataset is missing', () => {
    for (const c of charts) {
      const r = c.build(index(), ctx)
      expect(r, c.id).toEqual({ kind: 'empty', message: expect.stringMatching(/^Dataset "[a-z-]+" is not loaded\.$/) })
      const zh = c.build(index(), { ...ctx, lang: 'zh-CN' })
      expect(zh.kind === 'empty' && zh.message, c.id).toMatch(/未加载数据集/)
    }
  })
  it('every chart says which figures are missing when a replaced dataset lacks them', () => {
    const blank = (id: string) => toColumnar({ id, title: { 'zh-CN': id, en: id }, unit: 'people', notes: null, entities: {}, indicators: {}, figures: [] })
    const data = index(blank('rectification'), blank('songjiang-economy'), blank('nine-cities'))
    for (const c of charts) {
      const r = c.build(data, ctx)
      expect(r.kind, c.id).toBe('empty')
      expect(r.kind === 'empty' && r.message, c.id).toMatch(/has no figures for: .+\.$/)
    }
  })
  it('KPIs without their figure are left out (null), not shown as NaN', () => {
    for (const k of [...OVERVIEW_KPIS, ...Object.values(DASHBOARDS).flatMap((d) => d.kpis)]) expect(k.build(index(), ctx), k.id).toBeNull()
  })
})
