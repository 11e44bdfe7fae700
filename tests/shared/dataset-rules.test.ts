/**
 * The rule book's plain rules: the predicates that table rows use agree with
 * the zod rules JSON files use, and each tier needs what docs/datasets.md says.
 */
import { describe, expect, it } from 'vitest'
import { EXPECTED, ID_PATTERN, NEEDS, TIER_NEEDS, TITLE_NEEDS, isDecimals, isHttpUrl, isYear, say, sourceNeeds, splitMessage, titleNeeds } from '../../src-shared/dataset-rules'
import { figureRule, idRule, sourceRule, yearRule } from '../../src-shared/dataset-schema'
import { TIERS } from '../../src-shared/dataset'

const ok = (schema: { safeParse(v: unknown): { success: boolean } }, v: unknown): boolean => schema.safeParse(v).success

describe('the predicates agree with the zod rules', () => {
  it('years', () => {
    for (const v of [1899, 1900, 1900.5, 2016, 2100, 2101, -2016, NaN, Infinity]) expect(isYear(v), String(v)).toBe(ok(yearRule, v))
  })
  it('printed decimals', () => {
    const decimals = figureRule.shape.decimals
    for (const v of [-1, 0, 1, 1.5, 6, 7, NaN]) expect(isDecimals(v), String(v)).toBe(ok(decimals, v))
  })
  it('links', () => {
    const url = sourceRule.shape.url
    for (const v of ['https://example.org/a', 'http://x', 'HTTPS://X.ORG', 'ftp://x', 'https://a b', 'example.org', 'https://']) expect(isHttpUrl(v), v).toBe(ok(url, v))
  })
  it('dataset ids', () => {
    for (const v of ['nine-cities', 'gdp-2020-1a2b3c4d', 'Nine', 'a--b', '-a', 'a_b', '城市']) expect(ID_PATTERN.test(v), v).toBe(ok(idRule, v))
  })
})

describe('what a source needs for its tier', () => {
  const all = { url: true, quote: true, formula: true }
  it('an official source needs its address; a derived one its formula; every other one a quote or a formula', () => {
    expect(sourceNeeds('official', { ...all, url: false }).map((n) => n.message)).toEqual([NEEDS.url])
    expect(sourceNeeds('secondary', { ...all, url: false })).toEqual([])
    expect(sourceNeeds('article', { url: false, quote: true, formula: false })).toEqual([])
    expect(sourceNeeds('derived', { url: true, quote: false, formula: false })).toEqual([{ field: 'formula', message: NEEDS.formula, expected: EXPECTED.formula }])
    for (const tier of ['article', 'official', 'secondary'] as const) {
      expect(sourceNeeds(tier, { url: true, quote: false, formula: false })).toEqual([{ field: 'quote', message: NEEDS.quote, expected: EXPECTED.quote }])
      expect(sourceNeeds(tier, { url: true, quote: false, formula: true })).toEqual([])
    }
  })
  it('only a derived source names the tier of its inputs, and only one of three', () => {
    expect(sourceNeeds('derived', { ...all, inputTier: 'secondary' })).toEqual([])
    expect(sourceNeeds('derived', { ...all, inputTier: 'derived' }).map((n) => n.field)).toEqual(['inputTier'])
    expect(sourceNeeds('official', { ...all, inputTier: 'secondary' }).map((n) => n.field)).toEqual(['inputTier'])
  })
  it('has a rule for every tier', () => expect(Object.keys(TIER_NEEDS)).toEqual([...TIERS]))
})

describe('what a source needs for its title', () => {
  const source = { tier: 'official', url: 'https://example.org/p', quote: 'q' }
  it('its own title, with at most one translation; or, without one, a name in each language', () => {
    expect(titleNeeds({ title: true, titleZh: false, titleEn: false })).toEqual([])
    expect(titleNeeds({ title: true, titleZh: false, titleEn: true })).toEqual([])
    expect(titleNeeds({ title: true, titleZh: true, titleEn: false })).toEqual([])
    expect(titleNeeds({ title: false, titleZh: true, titleEn: true })).toEqual([])
    for (const one of [{ titleZh: true, titleEn: false }, { titleZh: false, titleEn: true }, { titleZh: false, titleEn: false }]) {
      expect(titleNeeds({ title: false, ...one })).toEqual([{ field: 'title', message: TITLE_NEEDS.title, expected: EXPECTED.title }])
    }
    expect(titleNeeds({ title: true, titleZh: true, titleEn: true })).toEqual([{ field: 'title_en', message: TITLE_NEEDS.translation, expected: EXPECTED.translation }])
  })
  it('the zod rule agrees, with the message at the field', () => {
    const issues = (v: object) => sourceRule.safeParse({ ...source, ...v }).error?.issues.map((i) => [i.path.join('.'), splitMessage(i.message).message]) ?? []
    expect(issues({ title: '年鉴', title_en: 'Yearbook' })).toEqual([])
    expect(issues({ title: null, title_zh: '期刊论文', title_en: 'A journal paper' })).toEqual([])
    expect(issues({ title_zh: '期刊论文' })).toEqual([['title', TITLE_NEEDS.title]])
    expect(issues({ title: '年鉴', title_zh: '年鉴', title_en: 'Yearbook' })).toEqual([['title_en', TITLE_NEEDS.translation]])
    // An empty title is one problem, not two.
    expect(issues({ title: ' ' }).map(([path]) => path)).toEqual(['title'])
    expect(sourceRule.parse({ ...source, title: '年鉴' })).not.toHaveProperty('title_zh')
  })
})

describe('messages', () => {
  it('carry what was expected through a zod issue', () => {
    expect(splitMessage(say('not a year', EXPECTED.year))).toEqual({ message: 'not a year', expected: EXPECTED.year })
    expect(splitMessage('plain')).toEqual({ message: 'plain' })
  })
})
