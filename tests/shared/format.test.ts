import { describe, expect, it } from 'vitest'
import { chartUnit, formatFigure, formatFigureWithUnit, formatValue, tierLabel, axisUnit } from '../../src-shared/format'
import { fig, ARTICLE } from './charts/fixtures'

describe('formatValue', () => {
  it('scales to million/billion in English and 万/亿 in Chinese', () => {
    expect(formatValue(2_400_000, 'm2', 'en')).toBe('2.4 million m²')
    expect(formatValue(2_400_000, 'm2', 'zh-CN')).toBe('240 万平方米')
    expect(formatValue(1637.11, 'yuan-100m', 'en')).toBe('163.711 billion yuan')
    expect(formatValue(1637.11, 'yuan-100m', 'zh-CN')).toBe('1,637.11 亿元')
    expect(formatValue(20170.5, 'yuan-100m', 'zh-CN')).toBe('20,170.5 亿元')
    expect(formatValue(20170.5, 'yuan-100m', 'en')).toBe('2,017.05 billion yuan')
    expect(formatValue(1274.8, 'people-10k', 'zh-CN')).toBe('1,274.8 万人')
    expect(formatValue(1274.8, 'people-10k', 'en')).toBe('12.748 million people')
  })
  it('keeps percentages and groups digits without rescaling small numbers', () => {
    expect(formatValue(46, 'percent', 'en')).toBe('46%')
    expect(formatValue(46, 'percent', 'zh-CN')).toBe('46%')
    expect(formatValue(76200, 'km2', 'en')).toBe('76,200 km²')
    expect(formatValue(30334, 'people', 'zh-CN')).toBe('30,334 人')
    expect(formatValue(39200, 't-sce', 'zh-CN')).toBe('3.92 万吨标准煤')
    expect(formatValue(4.9, 'ratio', 'en')).toBe('4.9×')
  })
})

describe('values keep the digits their source prints', () => {
  it('never rounds a digit away when scaling to 万/亿 or million/billion', () => {
    expect(formatValue(257_325, 'people', 'zh-CN')).toBe('257,325 人')
    expect(formatValue(257_325, 'people', 'en')).toBe('257,325 people')
    expect(formatValue(1_909_713, 'people', 'en')).toBe('1,909,713 people')
    expect(formatValue(680.504, 'yuan-bn', 'zh-CN')).toBe('6,805.04 亿元')
    expect(formatValue(76_200, 'km2', 'zh-CN')).toBe('7.62 万平方公里')
  })
  it('shows the decimals a source prints: 55.0, 8.0, 16,106.0', () => {
    const share = fig('s', 'secondary-industry-share', 2015, 55, 'percent', ARTICLE, { decimals: 1 })
    expect(formatFigure(share, 'en')).toBe('55.0%')
    expect(formatFigure(share, 'zh-CN')).toBe('55.0%')
    const gdp = fig('hangzhou', 'gdp', 2020, 16106, 'yuan-100m', ARTICLE, { decimals: 1 })
    expect(formatFigureWithUnit(gdp, 'zh-CN')).toBe('16,106.0 亿元')
    expect(formatFigureWithUnit(gdp, 'en')).toBe('1,610.60 billion yuan')
    expect(formatFigure(fig('s', 'x', 2015, 46, 'percent', ARTICLE), 'en')).toBe('46%')
  })
})

describe('formatFigure', () => {
  it('words qualifiers in both languages', () => {
    const over = fig('s', 'x', null, 4000, 'enterprises', ARTICLE, { qualifier: 'over' })
    expect(formatFigure(over, 'en')).toBe('over 4,000')
    expect(formatFigure(over, 'zh-CN')).toBe('逾 4,000')
    expect(formatFigureWithUnit(over, 'zh-CN')).toBe('逾 4,000 家')
    const about = fig('c', 'population', null, 58_000_000, 'people', ARTICLE, { qualifier: 'about' })
    expect(formatFigure(about, 'en')).toBe('about 58 million')
    expect(formatFigure(about, 'zh-CN')).toBe('约 5,800 万')
    expect(formatFigureWithUnit(about, 'zh-CN')).toBe('约 5,800 万人')
  })
  it('shows ranges with one scale for both ends', () => {
    const range = fig('j', 'population', null, 300000, 'people', ARTICLE, { valueHigh: 400000 })
    expect(formatFigure(range, 'en')).toBe('300,000–400,000')
    expect(formatFigure(range, 'zh-CN')).toBe('30–40 万')
  })
  it('says when a figure is a gap', () => {
    expect(formatFigure(fig('s', 'x', 2018, null, 'yuan-100m', ARTICLE), 'en')).toBe('no data')
  })
})

describe('tierLabel and axisUnit', () => {
  it('names tiers', () => {
    expect(tierLabel('article', 'en')).toBe('Source article')
    expect(tierLabel('article', 'zh-CN')).toBe('原文')
    expect(tierLabel('secondary', 'zh-CN')).toBe('二手来源')
    expect(tierLabel('derived', 'en')).toBe('Derived')
  })
  it('shows 亿元 axes as billion yuan in English', () => {
    expect(axisUnit('yuan-100m', 'en')).toEqual({ div: 10, label: 'billion yuan' })
    expect(axisUnit('yuan-100m', 'zh-CN')).toEqual({ div: 1, label: '亿元' })
  })
})

describe('chartUnit: one scale for a chart\'s axis, labels and unit', () => {
  const t = (v: number) => fig('songjiang', 'energy-saved', 2016, v, 't-sce', ARTICLE)
  it('scales the whole chart to 万 when every figure keeps its digits there', () => {
    expect(chartUnit([t(39200), t(41800), null], 'zh-CN')).toEqual({ div: 1e4, label: '万吨标准煤' })
    expect(chartUnit([t(39200), t(41800)], 'en')).toEqual({ div: 1, label: 't of standard coal' })
  })
  it('keeps the base unit when one figure would lose a digit or drop below 1', () => {
    expect(chartUnit([t(39200), t(5411)], 'zh-CN')).toEqual({ div: 1, label: '吨标准煤' })
    expect(chartUnit([t(257325)], 'zh-CN')).toEqual({ div: 1, label: '吨标准煤' })
  })
  it('leaves units that carry their own scale as axisUnit has them', () => {
    const g = fig('songjiang', 'gdp', 2020, 1637.11, 'yuan-100m', ARTICLE)
    expect(chartUnit([g], 'zh-CN')).toEqual(axisUnit('yuan-100m', 'zh-CN'))
    expect(chartUnit([g], 'en')).toEqual(axisUnit('yuan-100m', 'en'))
    expect(chartUnit([fig('x', 'y', 2020, 46, 'percent', ARTICLE)], 'zh-CN')).toEqual(axisUnit('percent', 'zh-CN'))
  })
})
