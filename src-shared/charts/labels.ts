/** The chart layer's own words in both languages; dataset names take precedence where a dataset has them. */
import type { ColumnarDataset } from '../dataset'
import type { Lang } from '../settings'

export type Text = Record<Lang, string>

export const tr = (s: Text, lang: Lang): string => s[lang]

export const T = {
  sources: { 'zh-CN': '来源', en: 'Source' },
  source: { 'zh-CN': '来源', en: 'Source' },
  formula: { 'zh-CN': '算式', en: 'Formula' },
  note: { 'zh-CN': '注', en: 'Note' },
  conflict: { 'zh-CN': '来源数据不一致', en: 'Sources disagree' },
  year: { 'zh-CN': '年份', en: 'Year' },
  noData: { 'zh-CN': '无数据', en: 'no data' },
  missingDataset: { 'zh-CN': '未加载数据集“{id}”。', en: 'Dataset "{id}" is not loaded.' },
  missingFigures: { 'zh-CN': '数据集“{id}”中没有以下数据：{what}。', en: 'Dataset "{id}" has no figures for: {what}.' },
  before: { 'zh-CN': '之前', en: 'Before' },
  after: { 'zh-CN': '之后', en: 'After' },
  markSecondary: { 'zh-CN': '* 二手来源', en: '* secondary source' },
  markDerived: { 'zh-CN': '† 推算', en: '† derived' },
  markConflict: { 'zh-CN': '‡ 来源不一致', en: '‡ sources disagree' },
  coordinates: { 'zh-CN': '坐标', en: 'Coordinates' },
  coordSource: { 'zh-CN': '常见 ECharts 坐标表（二手来源）', en: 'common ECharts coordinate lists (secondary source)' },
  mapSource: { 'zh-CN': '地图轮廓：echarts 4.9.0 地图 JSON（Apache-2.0）', en: 'Outlines: echarts 4.9.0 map JSON (Apache-2.0)' },
} satisfies Record<string, Text>

/** Fills `{key}` placeholders. */
export function fill(s: string, vars: Record<string, string | number>): string {
  return s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`))
}

/** Fallback names for the indicators and entities the charts use, if a dataset's metadata lacks them. */
const NAMES: Record<string, Text> = {
  songjiang: { 'zh-CN': '松江', en: 'Songjiang' },
  suzhou: { 'zh-CN': '苏州', en: 'Suzhou' },
  hangzhou: { 'zh-CN': '杭州', en: 'Hangzhou' },
  hefei: { 'zh-CN': '合肥', en: 'Hefei' },
  jiaxing: { 'zh-CN': '嘉兴', en: 'Jiaxing' },
  jinhua: { 'zh-CN': '金华', en: 'Jinhua' },
  wuhu: { 'zh-CN': '芜湖', en: 'Wuhu' },
  xuancheng: { 'zh-CN': '宣城', en: 'Xuancheng' },
  huzhou: { 'zh-CN': '湖州', en: 'Huzhou' },
  jiuting: { 'zh-CN': '九亭镇', en: 'Jiuting' },
  corridor: { 'zh-CN': '九城市', en: 'The nine cities' },
  shanghai: { 'zh-CN': '上海', en: 'Shanghai' },
  jiangsu: { 'zh-CN': '江苏', en: 'Jiangsu' },
  zhejiang: { 'zh-CN': '浙江', en: 'Zhejiang' },
  anhui: { 'zh-CN': '安徽', en: 'Anhui' },
  gdp: { 'zh-CN': '地区生产总值', en: 'GDP' },
  'total-fiscal-income': { 'zh-CN': '财政总收入', en: 'Total fiscal income' },
  'local-fiscal-revenue': { 'zh-CN': '地方财政收入', en: 'Local fiscal revenue' },
  'tax-revenue': { 'zh-CN': '税收收入', en: 'Tax revenue' },
  'fiscal-revenue': { 'zh-CN': '财政收入', en: 'Fiscal revenue' },
  'real-estate-tax-share': { 'zh-CN': '房地产税收占比', en: 'Real-estate share of taxes' },
  'secondary-industry-share': { 'zh-CN': '第二产业占比', en: 'Secondary industry share' },
  'strategic-emerging-share': { 'zh-CN': '战略性新兴产业占比', en: 'Strategic emerging industries share' },
  'high-tech-enterprises': { 'zh-CN': '高新技术企业', en: 'High-tech enterprises' },
  'rd-intensity': { 'zh-CN': '研发投入强度', en: 'R&D intensity' },
  'obsolete-firms-phased-out': { 'zh-CN': '淘汰落后产能企业', en: 'Obsolete firms phased out' },
  'inferior-enterprises-adjusted': { 'zh-CN': '调整劣势企业', en: 'Inferior enterprises adjusted' },
  'construction-land-reduced': { 'zh-CN': '减量建设用地', en: 'Construction land reduced' },
  'construction-land-reduced-inspected': { 'zh-CN': '减量建设用地（验收）', en: 'Construction land reduced (inspected)' },
  'green-area-added': { 'zh-CN': '新增绿地', en: 'Green area added' },
  'energy-saved': { 'zh-CN': '节能量', en: 'Energy use cut' },
  'registered-residents': { 'zh-CN': '户籍人口', en: 'Registered residents' },
  'migrant-residents': { 'zh-CN': '外来人口', en: 'Migrant residents' },
  'overseas-residents': { 'zh-CN': '境外人员', en: 'Overseas residents' },
  'industrial-output': { 'zh-CN': '工业总产值', en: 'Industrial output' },
  'fixed-asset-investment': { 'zh-CN': '固定资产投资', en: 'Fixed-asset investment' },
  'demolished-area': { 'zh-CN': '拆除违法违规建筑', en: 'Irregular buildings demolished' },
  'enterprises-phased-out': { 'zh-CN': '淘汰低效企业', en: 'Enterprises phased out' },
  population: { 'zh-CN': '人口', en: 'Population' },
  area: { 'zh-CN': '面积', en: 'Area' },
  'gdp-share-national': { 'zh-CN': '占全国 GDP', en: 'Share of national GDP' },
  'fiscal-income-share-local': { 'zh-CN': '占全国地方财政收入', en: 'Share of local fiscal income' },
  'hightech-share-national': { 'zh-CN': '占全国高新技术企业', en: 'Share of high-tech enterprises' },
  'gdp-avg-growth': { 'zh-CN': 'GDP 年均增速', en: 'GDP average growth' },
  'local-fiscal-revenue-avg-growth': { 'zh-CN': '地方财政收入年均增速', en: 'Local fiscal revenue average growth' },
  'industrial-fai-avg-growth': { 'zh-CN': '工业投资年均增速', en: 'Industrial investment average growth' },
  'budget-revenue': { 'zh-CN': '一般公共预算收入', en: 'Public budget revenue' },
}

/**
 * Shorter names for legends and axis rows, where the dataset's name would wrap;
 * the chart title or axis says the rest, and tooltips keep the full name.
 */
const SHORT: Record<string, Text> = {
  'real-estate-tax-share': { 'zh-CN': '房地产税收占比', en: 'Real estate, % of tax' },
  'secondary-industry-share': { 'zh-CN': '第二产业占比', en: 'Secondary industry, % of GDP' },
  'strategic-emerging-share': { 'zh-CN': '新兴产业占比', en: 'Emerging industries, % of output' },
  'rd-intensity': { 'zh-CN': '研发投入强度', en: 'R&D, % of GDP' },
  'obsolete-firms-phased-out': { 'zh-CN': '淘汰落后产能企业', en: 'Obsolete firms phased out' },
  'construction-land-reduced': { 'zh-CN': '减量用地（批准）', en: 'Land reduced (approved)' },
  'construction-land-reduced-inspected': { 'zh-CN': '减量用地（验收）', en: 'Land reduced (inspected)' },
  'industrial-fai-avg-growth': { 'zh-CN': '工业投资', en: 'Industrial investment' },
  'gdp-share-national': { 'zh-CN': '占全国 GDP', en: 'National GDP' },
  'fiscal-income-share-local': { 'zh-CN': '占全国地方财政收入', en: 'Local fiscal income' },
  'hightech-share-national': { 'zh-CN': '占全国高新技术企业', en: 'High-tech enterprises' },
  'demolished-area': { 'zh-CN': '拆除违法违规建筑', en: 'Buildings demolished' },
}

/** A short name for legends and axis rows (see `SHORT`); the full name otherwise. */
export function shortName(d: ColumnarDataset | undefined, id: string, lang: Lang): string {
  return SHORT[id]?.[lang] ?? indicatorName(d, id, lang)
}

/** A province's name without "Province" / "省" for legends: "Jiangsu", "江苏". */
export function shortGroupName(d: ColumnarDataset | undefined, id: string, lang: Lang): string {
  return groupName(d, id, lang).replace(/\s+Province$/i, '').replace(/^(.{2,})[省市]$/, '$1')
}

export function entityName(d: ColumnarDataset | undefined, id: string, lang: Lang): string {
  return d?.meta.entities[id]?.name[lang] ?? NAMES[id]?.[lang] ?? id
}

export function indicatorName(d: ColumnarDataset | undefined, id: string, lang: Lang): string {
  return d?.meta.indicators[id]?.name[lang] ?? NAMES[id]?.[lang] ?? id
}

export function groupName(d: ColumnarDataset | undefined, id: string, lang: Lang): string {
  return d?.meta.groups?.[id]?.[lang] ?? NAMES[id]?.[lang] ?? id
}

/** Region names in the corridor map (the Chinese names of the echarts 4.9.0 map files). */
export const MAP_REGION: Record<string, string> = {
  songjiang: '松江区',
  suzhou: '苏州市',
  hangzhou: '杭州市',
  hefei: '合肥市',
  jiaxing: '嘉兴市',
  jinhua: '金华市',
  wuhu: '芜湖市',
  xuancheng: '宣城市',
  huzhou: '湖州市',
}
