import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { articleFacts } from '../../../src-shared/charts/facts'
import { toColumnar, type DatasetFile } from '../../../src-shared/dataset'
import { index } from './fixtures'

const facts = toColumnar(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../resources/datasets/article-facts.json'), 'utf8')) as DatasetFile)

describe('the article’s facts on the overview', () => {
  it('shows the landmark as the article gives it beside the official page, with the conflict, and the highway', () => {
    const rows = articleFacts(index(facts), 'en')
    const buildings = rows.find((r) => r.fact.includes('Buildings'))!
    expect(buildings.article).toBe('23 buildings')
    expect(buildings.official).toContain('10 buildings')
    expect(buildings.official).toContain('12 buildings')
    expect(buildings.conflict).toBe(true)
    expect(buildings.sources).toEqual(['G60 S&T Innovation Valley article', 'Songjiang District government, English site: news item 1761 — https://english.songjiang.gov.cn/news/1761.shtml'])
    const height = rows.find((r) => r.fact.includes('Height'))!
    expect([height.article, height.official, height.conflict]).toEqual(['100 m', 'Building height, phase II: 80 m', true])
    expect(rows.find((r) => r.fact.includes('canopy'))!.article).toBe('1.5 km')
    expect(rows.find((r) => r.fact.includes('Kunming'))!.article).toBe('nearly 3,000 km')
    const zh = articleFacts(index(facts), 'zh-CN')
    expect(zh.find((r) => r.fact.includes('通达昆明'))!.article).toBe('近 3,000 公里')
    expect(zh.find((r) => r.fact.includes('单栋高度'))!.official).toBe('二期建筑高度：80 米')
  })
  it('is empty without the dataset', () => {
    expect(articleFacts(index(), 'en')).toEqual([])
  })
})
