/**
 * The shared dataset model: a note is read in the UI language with the other
 * language as fallback, and both notes survive the columnar IPC form.
 */
import { describe, expect, it } from 'vitest'
import { figureNote, fromColumnar, noteIn, toColumnar, type DatasetFile, type Figure } from '../../src-shared/dataset'

const source = { tier: 'article' as const, title: 'G60 S&T Innovation Valley article', url: null, year: null, quote: 'q', formula: null }
const fig = (year: number, note_zh: string | null, note_en: string | null): Figure => ({
  entity: 'sj', indicator: 'gdp', year, period: null, value: 1, valueHigh: null, unit: 'yuan-100m', qualifier: 'exact', source, note_zh, note_en, conflict: false,
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
