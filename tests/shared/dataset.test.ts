/**
 * The shared dataset model: a note is read in the UI language with the other
 * language as fallback; a source's own title shows as it is in both languages
 * with its translation in brackets, a description in the UI language only; both
 * notes and every title survive the columnar IPC form.
 */
import { describe, expect, it } from 'vitest'
import { figureNote, fromColumnar, noteIn, sourceKey, sourceTitle, toColumnar, type DatasetFile, type Figure, type Source } from '../../src-shared/dataset'

const source = { tier: 'article' as const, title: 'G60 S&T Innovation Valley article', url: null, year: null, quote: 'q', formula: null }
const fig = (year: number, note_zh: string | null, note_en: string | null): Figure => ({
  entity: 'sj', indicator: 'gdp', year, period: null, value: 1, valueHigh: null, unit: 'yuan-100m', qualifier: 'exact', source, note_zh, note_en, conflict: false,
})

describe('sourceTitle', () => {
  const page = (title: string | null, more: Partial<Source> = {}): Source => ({ tier: 'official', title, url: 'https://example.org/p', year: null, quote: 'q', formula: null, ...more })

  it('shows a source\'s own title as it is in both languages, with its translation into the UI language in brackets', () => {
    const chinese = page('松江年鉴2018 第197页', { title_en: 'Songjiang Yearbook 2018, page 197' })
    expect(sourceTitle(chinese, 'zh-CN')).toBe('松江年鉴2018 第197页')
    expect(sourceTitle(chinese, 'en')).toBe('松江年鉴2018 第197页 [Songjiang Yearbook 2018, page 197]')
    const english = page('Shanghai Daily (shine.cn), district feature 2112149493', { title_zh: '上海日报' })
    expect(sourceTitle(english, 'en')).toBe('Shanghai Daily (shine.cn), district feature 2112149493')
    expect(sourceTitle(english, 'zh-CN')).toBe('Shanghai Daily (shine.cn), district feature 2112149493［上海日报］')
    // An own title without a translation stays in its own language in both.
    for (const lang of ['zh-CN', 'en'] as const) expect(sourceTitle(page('wuhu.me 首页'), lang)).toBe('wuhu.me 首页')
  })

  it('names a source without a title of its own in the UI language only', () => {
    const described = page(null, { title_zh: '一篇期刊论文（未具名）', title_en: 'A journal paper (not named)' })
    expect(sourceTitle(described, 'zh-CN')).toBe('一篇期刊论文（未具名）')
    expect(sourceTitle(described, 'en')).toBe('A journal paper (not named)')
    // A file that names it in one language only (the rule book refuses it) still shows that name.
    expect(sourceTitle(page(null, { title_en: 'Only English' }), 'zh-CN')).toBe('Only English')
  })

  it('tells sources with the same title and different translations apart', () => {
    expect(sourceKey(page('年鉴', { title_en: 'Yearbook' }))).not.toBe(sourceKey(page('年鉴', { title_en: 'Almanac' })))
    expect(sourceKey(page(null, { title_zh: '甲', title_en: 'A' }))).toBe(sourceKey(page(null, { title_zh: '甲', title_en: 'A' })))
  })
})

describe('figureNote', () => {
  it('gives the note in the UI language, else the other one, else null', () => {
    const both = fig(2016, '按可比价格计算。', 'At comparable prices.')
    expect(figureNote(both, 'zh-CN')).toBe('按可比价格计算。')
    expect(figureNote(both, 'en')).toBe('At comparable prices.')
    expect(figureNote(fig(2017, '只有中文', null), 'en')).toBe('只有中文')
    expect(figureNote(fig(2018, null, 'English only'), 'zh-CN')).toBe('English only')
    expect(figureNote(fig(2019, null, null), 'en')).toBeNull()
  })

  it('noteIn puts a one-language note where figureNote finds it in both languages', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      expect(noteIn(lang, 'x')).toEqual(lang === 'en' ? { note_zh: null, note_en: 'x' } : { note_zh: 'x', note_en: null })
      expect(figureNote(noteIn(lang, 'x'), 'zh-CN')).toBe('x')
      expect(figureNote(noteIn(lang, 'x'), 'en')).toBe('x')
    }
  })

  it('keeps both notes through the columnar form', () => {
    const figures = [fig(2016, '中文', 'English'), fig(2017, '只有中文', null), fig(2018, null, null)]
    const d: DatasetFile = { id: 'x', title: { 'zh-CN': 'x', en: 'x' }, unit: 'yuan-100m', notes: null, entities: {}, indicators: {}, figures }
    expect(fromColumnar(toColumnar(d))).toEqual(figures)
  })
})
