/**
 * The source line under every chart: each word from the catalogue in the chart's
 * language, no heading repeating the lead ("Source — Source article"), the
 * derived tier naming its input as "Derived from" / "推算依据".
 */
import { describe, expect, it } from 'vitest'
import { sourceLine } from '../../../src-shared/charts/common'
import type { Source } from '../../../src-shared/dataset'

const src = (tier: Source['tier'], title: string, extra: Partial<Source> = {}): Source => ({ tier, title, url: tier === 'article' ? null : 'https://example.org/x', year: null, quote: null, formula: null, ...extra })

const SOURCES: Source[] = [
  src('article', 'Seed title'),
  src('official', 'Yearbook A'),
  src('official', 'Yearbook B'),
  src('secondary', 'Some page'),
  src('derived', 'Yearbook A', { formula: '1 ÷ 2 = 50%' }),
]

describe('sourceLine', () => {
  it('names each tier once, in English, without repeating the lead word', () => {
    const line = sourceLine(SOURCES, 'en', ['Extra'])
    expect(line).toBe('Sources — Article: Seed title · Official: Yearbook A; Yearbook B · Secondary: Some page · Derived from: Yearbook A (1 ÷ 2 = 50%) · Extra')
    expect(line.match(/\bSource/g)).toHaveLength(1)
  })

  it('is all Chinese apart from the titles in zh-CN', () => {
    const line = sourceLine(SOURCES, 'zh-CN')
    expect(line).toBe('来源 — 原文：Seed title · 官方：Yearbook A；Yearbook B · 二手资料：Some page · 推算依据：Yearbook A（1 ÷ 2 = 50%）')
    const withoutTitles = ['Seed title', 'Yearbook A', 'Yearbook B', 'Some page'].reduce((s, title) => s.replaceAll(title, ''), line)
    expect(withoutTitles).not.toMatch(/[A-Za-z]/)
  })

  it('lists every formula derived from one source, not only the last one', () => {
    const a = src('derived', 'Hangzhou news', { formula: '1 ÷ 16 = 6.25%' })
    const b = src('derived', 'Hangzhou news', { formula: '1 ÷ 15 = 6.67%' })
    expect(sourceLine([a, b, a], 'en')).toBe('Sources — Derived from: Hangzhou news (1 ÷ 16 = 6.25%, 1 ÷ 15 = 6.67%)')
    expect(sourceLine([a, b], 'zh-CN')).toBe('来源 — 推算依据：Hangzhou news（1 ÷ 16 = 6.25%、1 ÷ 15 = 6.67%）')
  })

  it('calls nothing but the seed article the article', () => {
    const line = sourceLine([src('secondary', 'No-URL page', { url: null })], 'zh-CN')
    expect(line).not.toContain('原文')
    expect(sourceLine([src('secondary', 'No-URL page', { url: null })], 'en')).not.toMatch(/article/i)
  })
})
