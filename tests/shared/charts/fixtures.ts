/** Small datasets for the chart tests, built with `toColumnar` (independent of the bundled files). */
import { toColumnar, type ColumnarDataset, type DatasetFile, type Figure, type Qualifier, type Source, type Tier } from '../../../src-shared/dataset'
import type { DataIndex } from '../../../src-shared/charts/types'

export const src = (tier: Tier, title: string, formula: string | null = null): Source => ({ tier, title, url: tier === 'article' ? null : `https://example.org/${encodeURIComponent(title)}`, year: null, quote: null, formula })
export const ARTICLE = src('article', 'The source article')
export const YEARBOOK = src('official', 'Songjiang Yearbook 2018')
export const MIRROR = src('secondary', 'Mirror site')

export function fig(entity: string, indicator: string, year: number | null, value: number | null, unit: string, source: Source, more: Partial<Figure> = {}): Figure {
  return { entity, indicator, year, period: null, value, valueHigh: null, unit, qualifier: 'exact' as Qualifier, source, note_zh: null, note_en: null, conflict: false, ...more }
}

const L = (zh: string, en: string) => ({ 'zh-CN': zh, en })

function file(id: string, figures: Figure[], extra: Partial<DatasetFile> = {}): ColumnarDataset {
  return toColumnar({ id, title: L(id, id), unit: 'people', notes: null, entities: {}, indicators: {}, figures, ...extra })
}

export function rectification(): ColumnarDataset {
  return file('rectification', [
    fig('songjiang', 'demolished-area', null, 2_400_000, 'm2', ARTICLE),
    fig('songjiang', 'enterprises-phased-out', null, 4000, 'enterprises', ARTICLE, { qualifier: 'over' }),
    fig('songjiang', 'obsolete-firms-phased-out', 2015, 450, 'enterprises', src('derived', 'From the 2016 growth rate', '1,033 ÷ 2.296'), { qualifier: 'about' }),
    fig('songjiang', 'obsolete-firms-phased-out', 2016, 1033, 'enterprises', YEARBOOK),
    fig('songjiang', 'inferior-enterprises-adjusted', 2017, 368, 'enterprises', YEARBOOK),
    fig('songjiang', 'construction-land-reduced', 2016, 495.6, 'ha', YEARBOOK),
    fig('songjiang', 'construction-land-reduced-approved', 2017, 380.24, 'ha', YEARBOOK),
    fig('songjiang', 'green-area-added', 2016, 295.5, 'ha', YEARBOOK),
    fig('songjiang', 'energy-saved', 2016, 39200, 't-sce', YEARBOOK),
    fig('songjiang', 'energy-saved', 2017, 41800, 't-sce', YEARBOOK),
    fig('jiuting', 'population', null, 300000, 'people', ARTICLE, { valueHigh: 400000 }),
    fig('jiuting', 'area', 2013, 32.06, 'km2', YEARBOOK),
    fig('jiuting', 'registered-residents', 2013, 30334, 'people', YEARBOOK),
    fig('jiuting', 'migrant-residents', 2013, 257325, 'people', YEARBOOK),
    fig('jiuting', 'overseas-residents', 2013, 5411, 'people', YEARBOOK),
    fig('jiuting', 'tax-revenue', 2013, 21.9, 'yuan-100m', YEARBOOK),
    fig('jiuting', 'industrial-output', 2013, 263.1, 'yuan-100m', YEARBOOK),
    fig('jiuting', 'fixed-asset-investment', 2013, 24.2, 'yuan-100m', YEARBOOK),
  ], { entities: { jiuting: { name: L('九亭镇', 'Jiuting') }, songjiang: { name: L('松江区', 'Songjiang') } }, indicators: { 'obsolete-firms-phased-out': { name: L('淘汰落后产能企业', 'Obsolete firms phased out'), unit: 'enterprises' } } })
}

export function economy(): ColumnarDataset {
  const E = 'songjiang'
  const y = (ind: string, year: number, v: number, unit: string, s: Source = YEARBOOK, more: Partial<Figure> = {}) => fig(E, ind, year, v, unit, s, more)
  return file(
    'songjiang-economy',
    [
      y('gdp', 2013, 917.49, 'yuan-100m'),
      y('gdp', 2014, 969.46, 'yuan-100m'),
      y('gdp', 2015, 995.36, 'yuan-100m'),
      y('gdp', 2016, 1040.45, 'yuan-100m', MIRROR),
      y('gdp', 2017, 1120.97, 'yuan-100m'),
      y('gdp', 2020, 1637.11, 'yuan-100m', src('official', 'Shanghai Daily'), { conflict: true, note_en: '1620 on another site' }),
      y('gdp', 2020, 1620, 'yuan-100m', src('secondary', 'Cooxue'), { conflict: true }),
      y('gdp', 2021, 1750, 'yuan-100m', MIRROR, { qualifier: 'estimate' }),
      y('total-fiscal-income', 2013, 302.62, 'yuan-100m'),
      y('total-fiscal-income', 2017, 514.59, 'yuan-100m'),
      y('real-estate-tax-share', 2016, 46, 'percent'),
      y('real-estate-tax-share', 2017, 32, 'percent'),
      y('high-tech-enterprises', 2015, 470, 'enterprises', src('derived', 'From the 2021 count', '2,300 ÷ 4.9'), { qualifier: 'about' }),
      y('high-tech-enterprises', 2021, 2300, 'enterprises', YEARBOOK, { qualifier: 'over' }),
      y('rd-intensity', 2015, 3.58, 'percent', MIRROR),
      y('rd-intensity', 2020, 4.59, 'percent', MIRROR),
      y('strategic-emerging-share', 2020, 63.1, 'percent'),
      fig(E, 'gdp-avg-growth', null, 12.2, 'percent', MIRROR, { period: '2016–2019' }),
    ],
    {
      entities: { songjiang: { name: L('松江区', 'Songjiang District') } },
      indicators: { gdp: { name: L('地区生产总值', 'GDP'), unit: 'yuan-100m' } },
      events: [
        { date: '2016-05-24', label: L('G60科创走廊1.0版启动', 'G60 1.0 launched'), source: MIRROR, note_zh: null, note_en: null },
        { date: '2017', label: L('2.0版', 'G60 2.0'), source: YEARBOOK, note_zh: null, note_en: null },
        { date: '2018', label: L('3.0版', 'G60 3.0'), source: YEARBOOK, note_zh: null, note_en: null },
      ],
    },
  )
}

const CITY = { songjiang: ['松江', 'Songjiang', 'shanghai', [121.23, 31.03]], suzhou: ['苏州', 'Suzhou', 'jiangsu', [120.62, 31.32]], hefei: ['合肥', 'Hefei', 'anhui', [117.27, 31.86]], huzhou: ['湖州', 'Huzhou', 'zhejiang', [120.1, 30.86]] } as const

export function cities(): ColumnarDataset {
  const share = (ind: string, v: number, q: Qualifier = 'exact') => fig('corridor', ind, null, v, 'percent', ARTICLE, { qualifier: q })
  const derived = (ind: string, year: number, v: number, formula: string) => fig('corridor', ind, year, v, 'percent', src('derived', 'Hangzhou news', formula))
  return file(
    'nine-cities',
    [
      share('gdp-share-national', 6.7),
      share('fiscal-income-share-local', 8.3),
      share('hightech-share-national', 12.5, 'about'),
      derived('gdp-share-national', 2016, 6.25, '1 ÷ 16'),
      derived('gdp-share-national', 2021, 6.67, '1 ÷ 15'),
      fig('corridor', 'area', null, 76200, 'km2', ARTICLE),
      fig('corridor', 'population', null, 58_000_000, 'people', ARTICLE, { qualifier: 'about' }),
      fig('hefei', 'gdp', 2015, 5660.3, 'yuan-100m', MIRROR),
      fig('hefei', 'gdp', 2016, 6200, 'yuan-100m', MIRROR),
      fig('hefei', 'gdp', 2020, 10045.72, 'yuan-100m', MIRROR),
      fig('huzhou', 'gdp', 2015, 2223.1, 'yuan-100m', src('official', 'China Daily Huzhou')),
      fig('huzhou', 'gdp', 2018, 2719, 'yuan-100m', src('official', 'China Daily Huzhou')),
      fig('suzhou', 'gdp', 2022, 23958.3, 'yuan-100m', MIRROR),
      fig('songjiang', 'gdp', 2015, 995.36, 'yuan-100m', YEARBOOK),
      // 2020: the year all four fixture cities report; Songjiang's two sources disagree.
      fig('suzhou', 'gdp', 2020, 20170.5, 'yuan-100m', MIRROR),
      fig('huzhou', 'gdp', 2020, 3201.4, 'yuan-100m', src('official', 'China Daily Huzhou')),
      fig('songjiang', 'gdp', 2020, 1637.11, 'yuan-100m', src('official', 'Shanghai Daily'), { conflict: true, note_en: '1620 on another site' }),
      fig('songjiang', 'gdp', 2020, 1620, 'yuan-100m', src('secondary', 'Cooxue'), { conflict: true }),
    ],
    {
      entities: Object.fromEntries(Object.entries(CITY).map(([id, [zh, en, group, coord]]) => [id, { name: L(zh, en), group, coord: [...coord] as [number, number] }])),
      groups: { shanghai: L('上海', 'Shanghai'), jiangsu: L('江苏', 'Jiangsu'), zhejiang: L('浙江', 'Zhejiang'), anhui: L('安徽', 'Anhui') },
    },
  )
}

export function index(...sets: ColumnarDataset[]): DataIndex {
  const m = new Map(sets.map((d) => [d.meta.id, d]))
  return { get: (id) => m.get(id) }
}

export const ALL = (): DataIndex => index(rectification(), economy(), cities())
