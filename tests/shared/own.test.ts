import { describe, expect, it } from 'vitest'
import { DASHBOARDS } from '../../src-shared/charts'
import { entityName, groupName, indicatorName } from '../../src-shared/charts/labels'
import type { ChartContext } from '../../src-shared/charts/types'
import { idRecord, own } from '../../src-shared/own'
import { isUnit, UNITS } from '../../src-shared/units'
import { cities, index } from './charts/fixtures'

const ODD = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'] as const

describe('own and idRecord', () => {
  it('find only own keys, never Object.prototype members', () => {
    const plain: Record<string, number> = { a: 1 }
    for (const id of ODD) expect(own(plain, id), id).toBeUndefined()
    expect(own(plain, 'a')).toBe(1)
    expect(own(undefined, 'a')).toBeUndefined()
    expect(own(null, 'a')).toBeUndefined()
  })

  it('treat __proto__ as a key like any other', () => {
    const r = idRecord<string>()
    for (const id of ODD) r[id] = `value of ${id}`
    expect(Object.keys(r).sort()).toEqual([...ODD].sort())
    for (const id of ODD) expect(own(r, id), id).toBe(`value of ${id}`)
    // A structured clone (IPC, worker threads) keeps the own keys; `own` still reads them.
    const copy = structuredClone(r)
    for (const id of ODD) expect(own(copy, id), id).toBe(`value of ${id}`)
  })

  it('units know no Object.prototype names', () => {
    for (const id of ODD) {
      expect(isUnit(id), id).toBe(false)
      expect(UNITS[id], id).toBeUndefined()
    }
  })
})

describe('charts with ids named like Object.prototype members', () => {
  const ctx: ChartContext = { lang: 'en', theme: 'light', breakYear: 2016, decals: false }

  it('names them from the dataset, or by their id, after an IPC copy', () => {
    const d = cities()
    const entities = Object.fromEntries([...Object.entries(d.meta.entities), ['constructor', { name: { 'zh-CN': '构造', en: 'Builder town' } }]])
    const copy = structuredClone({ ...d, meta: { ...d.meta, entities } })
    expect(entityName(copy, 'constructor', 'en')).toBe('Builder town')
    for (const id of ODD.slice(1)) {
      expect(entityName(copy, id, 'en'), id).toBe(id)
      expect(indicatorName(copy, id, 'en'), id).toBe(id)
      expect(groupName(copy, id, 'en'), id).toBe(id)
    }
  })

  it('the map gives a city called toString or constructor a plain label and no invented region', () => {
    const d = cities()
    const entities = Object.fromEntries([
      ...Object.entries(d.meta.entities),
      ['toString', { name: { 'zh-CN': '甲', en: 'Town A' }, group: 'anhui', coord: [117.5, 31.5] }],
      ['constructor', { name: { 'zh-CN': '乙', en: 'Town B' }, group: 'anhui', coord: [117.6, 31.4] }],
    ])
    const data = index(structuredClone({ ...d, meta: { ...d.meta, entities } }))
    const spec = DASHBOARDS.cities.charts.find((c) => c.id === 'cities-map')!
    const r = spec.build(data, ctx)
    expect(r.kind).toBe('chart')
    const option = (r as Extract<typeof r, { kind: 'chart' }>).option as {
      geo: { regions: { name: unknown; label: { formatter: unknown } }[] }
      series: { data: { name: unknown }[] }[]
    }
    // Every region drawn or labelled is a real region of the map file, by name; the odd ids invent none.
    expect(option.geo.regions.every((g) => typeof g.name === 'string' && typeof g.label.formatter === 'string')).toBe(true)
    expect(option.series[0]!.data.every((p) => typeof p.name === 'string')).toBe(true)
    expect(option.geo.regions.map((g) => g.label.formatter)).not.toContain('Town A')
    expect(option.series[0]!.data).toHaveLength(4)
  })
})
