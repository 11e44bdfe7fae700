/**
 * The closed list of units a dataset may use, with their names in both
 * languages and how they scale, so values can be shown as 万/亿 in Chinese and
 * million/billion in English. Datasets name units by code; see docs/datasets.md.
 */
import type { Lang } from './settings'

export interface UnitDef {
  code: string
  /** Short label shown after a number, per language. */
  label: Record<Lang, string>
  /** What one unit is worth in its base quantity (e.g. 亿元 = 1e8 yuan). */
  factor: number
  /** The base quantity: yuan, people, m², … or `null` for ratios and counts of things. */
  base: 'yuan' | 'people' | 'm2' | 'km2' | 'ha' | 'km' | 'm' | 't-sce' | null
  /** Percentages and shares are shown as they are, never rescaled. */
  kind: 'amount' | 'percent' | 'count'
}

const u = (code: string, zh: string, en: string, factor: number, base: UnitDef['base'], kind: UnitDef['kind'] = 'amount'): UnitDef => ({
  code,
  label: { 'zh-CN': zh, en },
  factor,
  base,
  kind,
})

export const UNITS: Record<string, UnitDef> = Object.fromEntries(
  [
    u('yuan-100m', '亿元', '100 million yuan', 1e8, 'yuan'),
    u('yuan-bn', '十亿元', 'billion yuan', 1e9, 'yuan'),
    u('yuan-tn', '万亿元', 'trillion yuan', 1e12, 'yuan'),
    u('people', '人', 'people', 1, 'people', 'count'),
    u('people-10k', '万人', '10,000 people', 1e4, 'people'),
    u('m2', '平方米', 'm²', 1, 'm2'),
    u('km2', '平方公里', 'km²', 1, 'km2'),
    u('ha', '公顷', 'ha', 1, 'ha'),
    u('km', '公里', 'km', 1, 'km'),
    u('m', '米', 'm', 1, 'm'),
    u('t-sce', '吨标准煤', 't of standard coal', 1, 't-sce'),
    u('percent', '%', '%', 1, null, 'percent'),
    u('pp', '个百分点', 'percentage points', 1, null, 'percent'),
    u('enterprises', '家', 'enterprises', 1, null, 'count'),
    u('buildings', '栋', 'buildings', 1, null, 'count'),
    u('ratio', '倍', '×', 1, null, 'count'),
  ].map((d) => [d.code, d]),
)

export function isUnit(code: string): boolean {
  return Object.hasOwn(UNITS, code)
}
