/** Names and words for the charts, from the one catalogue; dataset names take precedence where a dataset has them. */
import type { ColumnarDataset } from '../dataset'
import { both, fill, lookup, type Text } from '../i18n'
import { own } from '../own'
import type { Lang } from '../settings'

export type { Text }

/** Picks a text's language. */
export const tr = (s: Text, lang: Lang): string => s[lang]

const COLON = both('charts.words.colon')

/** "Label: text" with the language's colon ("来源：…", "Source: …"). */
export const labelled = (label: string, text: string, lang: Lang): string => `${label}${COLON[lang]}${text}`

const PAREN = both('charts.words.paren')

/** An aside in the language's brackets, space included: " (Official)", "（官方）". */
export const paren = (text: string, lang: Lang): string => fill(PAREN[lang], { text })
const TAG = both('charts.words.tag')
/** A tag in the language's square brackets: "[Official]", "【官方】". */
export const tag = (text: string, lang: Lang): string => fill(TAG[lang], { text })

/** The chart layer's own words in both languages, from the one catalogue (`src-shared/i18n`). */
export const T = {
  sources: both('chart.sources'),
  source: both('chart.source'),
  formula: both('chart.formula'),
  note: both('chart.note'),
  conflict: both('chart.conflict'),
  year: both('chart.year'),
  noData: both('chart.noData'),
  missingDataset: both('chart.missingDataset'),
  missingFigures: both('chart.missingFigures'),
  before: both('chart.before'),
  after: both('chart.after'),
  markSecondary: both('chart.markSecondary'),
  markDerived: both('chart.markDerived'),
  markConflict: both('chart.markConflict'),
  coordinates: both('chart.coordinates'),
  coordSource: both('chart.coordSource'),
  mapSource: both('chart.mapSource'),
  otherSource: both('chart.otherSource'),
} satisfies Record<string, Text>

export { fill }

/** A short name for legends and axis rows (see `SHORT`); the full name otherwise. */
export function shortName(d: ColumnarDataset | undefined, id: string, lang: Lang): string {
  return lookup('shortNames', id, lang) ?? indicatorName(d, id, lang)
}

/** A province's name without "Province" / "省" for legends: "Jiangsu", "江苏". */
export function shortGroupName(d: ColumnarDataset | undefined, id: string, lang: Lang): string {
  return groupName(d, id, lang).replace(/\s+Province$/i, '').replace(/^(.{2,})[省市]$/, '$1')
}

/** An entity's name in `lang`: the dataset's, else the catalogue's fallback, else the id. */
export function entityName(d: ColumnarDataset | undefined, id: string, lang: Lang): string {
  return own(d?.meta.entities, id)?.name[lang] ?? lookup('names', id, lang) ?? id
}

/** An indicator's name in `lang`: the dataset's, else the catalogue's fallback, else the id. */
export function indicatorName(d: ColumnarDataset | undefined, id: string, lang: Lang): string {
  return own(d?.meta.indicators, id)?.name[lang] ?? lookup('names', id, lang) ?? id
}

/** A group's (province's) name in `lang`: the dataset's, else the catalogue's fallback, else the id. */
export function groupName(d: ColumnarDataset | undefined, id: string, lang: Lang): string {
  return own(d?.meta.groups, id)?.[lang] ?? lookup('names', id, lang) ?? id
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

/**
 * Where each province's name is drawn on the corridor map: on a region of that
 * province that is not one of the nine cities, clear of the cities' names
 * (Chongming for Shanghai, Changzhou for Jiangsu, Ningbo for Zhejiang, Chizhou for Anhui).
 */
export const PROVINCE_LABEL_REGION: Record<string, string> = {
  shanghai: '崇明区',
  jiangsu: '常州市',
  zhejiang: '宁波市',
  anhui: '池州市',
}
