import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CORRIDOR_MAP_NAME, corridorGeoJson } from '../../../src-shared/charts/map'
import { MAP_REGION } from '../../../src-shared/charts/labels'
import { echarts, registerG60 } from '../../../src-shared/charts/echarts'

const root = resolve(import.meta.dirname, '../../..')

describe('corridor map', () => {
  const geo = corridorGeoJson() as { type: string; features: { properties: { name: string; province: string } }[] }
  it('has an outline for each of the nine cities', () => {
    expect(CORRIDOR_MAP_NAME).toBe('g60-corridor')
    expect(geo.type).toBe('FeatureCollection')
    const names = new Set(geo.features.map((f) => f.properties.name))
    for (const r of Object.values(MAP_REGION)) expect(names, r).toContain(r)
    expect(new Set(geo.features.map((f) => f.properties.province))).toEqual(new Set(['shanghai', 'jiangsu', 'zhejiang', 'anhui']))
  })
  it('is registered with ECharts by registerG60', () => {
    registerG60(echarts)
    expect(echarts.getMap(CORRIDOR_MAP_NAME)).toBeTruthy()
  })
  it('ships with the Apache-2.0 notice naming the files taken', () => {
    const notice = readFileSync(resolve(root, 'resources/maps/LICENSE-echarts-4.9.0.txt'), 'utf8')
    expect(notice).toContain('Apache License')
    for (const p of ['shanghai', 'jiangsu', 'zhejiang', 'anhui']) expect(notice).toContain(`map/json/province/${p}.json`)
  })
})
