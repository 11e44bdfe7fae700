import { describe, expect, it } from 'vitest'
import { QUALIFIER_WORDS, TIER_WORDS, halfWidth, isMissing, parseBoolean, parseNumber, parseUnit, parseWord, parseYear } from '../../../src-main/datasets/fields'

describe('cell words and numbers', () => {
  it('reads numbers as bulletins write them; gaps are null, never zero', () => {
    expect(['1,234.5', '6.7%', '−3.5', '１２３．５', '４６％', ' 12 '].map((c) => parseNumber(c))).toEqual([
      { ok: true, value: 1234.5, percent: false },
      { ok: true, value: 6.7, percent: true },
      { ok: true, value: -3.5, percent: false },
      { ok: true, value: 123.5, percent: false },
      { ok: true, value: 46, percent: true },
      { ok: true, value: 12, percent: false },
    ])
    expect(['—', '-', '', 'n/a', '无'].every((c) => isMissing(c))).toBe(true)
    expect(parseNumber('—')).toEqual({ ok: true, value: null })
    expect(parseNumber('lots')).toEqual({ ok: false })
  })

  it('reads years, words, units and yes/no in both languages', () => {
    expect([parseYear('2016年'), parseYear('2016-05-01'), parseYear(new Date(Date.UTC(2018, 0, 1))), parseYear('twenty')]).toEqual([
      { ok: true, value: 2016 },
      { ok: true, value: 2016 },
      { ok: true, value: 2018 },
      { ok: false },
    ])
    expect([parseWord(TIER_WORDS, '官方'), parseWord(QUALIFIER_WORDS, '约'), parseWord(QUALIFIER_WORDS, 'roughly')]).toEqual(['official', 'about', undefined])
    expect([parseUnit('亿元'), parseUnit('％'), parseUnit('%'), parseUnit('percent'), parseUnit('furlongs')]).toEqual(['yuan-100m', 'percent', 'percent', 'percent', undefined])
    expect([parseBoolean('是'), parseBoolean('no'), parseBoolean(''), parseBoolean('maybe')]).toEqual([{ ok: true, value: true }, { ok: true, value: false }, { ok: true, value: false }, { ok: false }])
    expect(halfWidth('２０１６－０５')).toBe('2016-05')
  })
})
