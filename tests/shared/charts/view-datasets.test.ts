/** Which datasets each view draws from (File ▸ Save Dataset as Excel… offers these first). */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ChartContext } from '../../../src-shared/charts/types'
import { viewDatasetIds } from '../../../src-shared/charts/view-datasets'
import { toColumnar, type DatasetFile } from '../../../src-shared/dataset'
import { index } from './fixtures'

const dir = resolve(import.meta.dirname, '../../../resources/datasets')
const load = (id: string) => toColumnar(JSON.parse(readFileSync(resolve(dir, `${id}.json`), 'utf8')) as DatasetFile)
const ctx: ChartContext = { lang: 'en', theme: 'light', breakYear: 2016, decals: false }

describe('viewDatasetIds', () => {
  it('names the bundled datasets each view uses', () => {
    const data = index(load('article-facts'), load('rectification'), load('songjiang-economy'), load('nine-cities'))
    expect(viewDatasetIds('rectification', data, ctx)).toEqual(['rectification'])
    expect(viewDatasetIds('industry', data, ctx)).toEqual(['songjiang-economy'])
    expect(viewDatasetIds('cities', data, ctx)).toEqual(['nine-cities'])
    expect(viewDatasetIds('overview', data, ctx).sort()).toEqual(['article-facts', 'nine-cities', 'rectification', 'songjiang-economy'])
  })

  it('leaves out datasets a view asks for that are not loaded', () => {
    expect(viewDatasetIds('industry', index(load('rectification')), ctx)).toEqual([])
  })
})
