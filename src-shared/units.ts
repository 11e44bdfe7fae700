/**
 * The closed list of units a dataset may use, with their names in both
 * languages and how they scale, so values can be shown as 万/亿 in Chinese and
 * million/billion in English. Datasets name units by code; see docs/datasets.md.
 */
import { both, type MessageSchema } from './i18n'
import type { Lang } from './settings'

/** A unit code: the catalogue's `units` section names every one, in both languages. */
export type UnitCode = keyof MessageSchema['units']

/** A unit code's labels in both languages, its factor to the base quantity, and its kind. */
export interface UnitDef {
  code: string
  /** Short label shown after a number, per language (from the catalogue's `units` section). */
  label: Record<Lang, string>
  /** What one unit is worth in its base quantity (e.g. 亿元 = 1e8 yuan). */
  factor: number
  /** The base quantity: yuan, people, m², … or `null` for ratios and counts of things. */
  base: 'yuan' | 'people' | 'm2' | 'km2' | 'ha' | 'km' | 'm' | 't-sce' | null
  /** Percentages and shares are shown as they are, never rescaled. */
  kind: 'amount' | 'percent' | 'count'
}

const u = (code: UnitCode, factor: number, base: UnitDef['base'], kind: UnitDef['kind'] = 'amount'): UnitDef => ({
  code,
  label: both(`units.${code}`),
  factor,
  base,
  kind,
})

/** Every unit a dataset may use, by code (the table in docs/datasets.md); no prototype, so only real codes are found. */
export const UNITS: Record<string, UnitDef> = Object.assign(Object.create(null) as Record<string, UnitDef>, Object.fromEntries(
  [
    u('yuan-100m', 1e8, 'yuan'),
    u('yuan-bn', 1e9, 'yuan'),
    u('yuan-tn', 1e12, 'yuan'),
    u('people', 1, 'people', 'count'),
    u('people-10k', 1e4, 'people'),
    u('m2', 1, 'm2'),
    u('km2', 1, 'km2'),
    u('ha', 1, 'ha'),
    u('km', 1, 'km'),
    u('m', 1, 'm'),
    u('t-sce', 1, 't-sce'),
    u('percent', 1, null, 'percent'),
    u('pp', 1, null, 'percent'),
    u('enterprises', 1, null, 'count'),
    u('buildings', 1, null, 'count'),
    u('ratio', 1, null, 'count'),
  ].map((d) => [d.code, d]),
))

/** Whether `code` is one of the units in `UNITS`. */
export function isUnit(code: string): boolean {
  return Object.hasOwn(UNITS, code)
}
