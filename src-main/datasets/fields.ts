/**
 * How a cell written by a person becomes a typed value: numbers in the forms
 * statistical bulletins use, years given as dates, and the Chinese and English
 * words accepted for tiers, qualifiers, units and yes/no. Shared by every
 * file format, so a value means the same in JSON, CSV and XLSX. What a value
 * must then be (a year's range, a link, a tier's needs) is the rule book's:
 * src-shared/dataset-rules.ts.
 */
import type { Qualifier, Tier } from '../../src-shared/dataset'
import { UNITS, isUnit } from '../../src-shared/units'

/** A cell as read from CSV (always text) or XLSX (text, number, boolean, date). */
export type Cell = string | number | boolean | Date | null


/** Full-width ASCII (０-９, ．, ，, ％, －) to ASCII, and the Unicode minus to '-'. */
export function halfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\u2212\u2012\u2013\ufe63]/g, '-')
}

/** Cell texts that mean "no value": drawn as a gap. */
const MISSING = new Set(['', '-', '--', '—', '——', '–', '…', '...', '/', 'n/a', 'na', 'null', '无', '暂无'])

/** Whether a cell is empty or a gap mark (—, -, n/a …): a missing value, never a zero. */
export function isMissing(cell: Cell): boolean {
  if (cell === null) return true
  if (typeof cell !== 'string') return false
  const t = cell.trim()
  return MISSING.has(t.toLowerCase()) || MISSING.has(halfWidth(t).toLowerCase())
}

/** A cell read as `T`, or not readable. */
export type Parsed<T> = { ok: true; value: T } | { ok: false }

const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/

/**
 * `1,234.5`, `6.7%` (→ 6.7), `−3.5`, `１２３．５`; `—`, `-` and empty → null.
 * `percent` tells whether a % sign was written, so a unit can be inferred.
 */
export function parseNumber(cell: Cell): Parsed<number | null> & { percent?: boolean } {
  if (isMissing(cell)) return { ok: true, value: null }
  if (typeof cell === 'number') return Number.isFinite(cell) ? { ok: true, value: cell } : { ok: false }
  if (typeof cell !== 'string') return { ok: false }
  let t = halfWidth(cell.trim()).replace(/[\s\u00a0\u2009\u202f]/g, '')
  let percent = false
  if (t.endsWith('%')) {
    percent = true
    t = t.slice(0, -1)
  }
  if (GROUPED_NUMBER.test(t)) t = t.replace(/,/g, '')
  if (!PLAIN_NUMBER.test(t)) return { ok: false }
  const value = Number(t)
  return Number.isFinite(value) ? { ok: true, value, percent } : { ok: false }
}

/** A year: 2016, `2016年`, a date (its year), `2016-05-01`; missing → null. */
export function parseYear(cell: Cell): Parsed<number | null> {
  if (isMissing(cell)) return { ok: true, value: null }
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? { ok: false } : { ok: true, value: cell.getUTCFullYear() }
  if (typeof cell === 'number') return Number.isInteger(cell) ? { ok: true, value: cell } : { ok: false }
  if (typeof cell !== 'string') return { ok: false }
  const m = /^(\d{4})(?:年|(?:[-/.]\d{1,2}){1,2}(?:[ T].*)?)?$/.exec(halfWidth(cell.trim()))
  return m ? { ok: true, value: Number(m[1]) } : { ok: false }
}


function table<T extends string>(entries: Record<T, string[]>): Map<string, T> {
  const map = new Map<string, T>()
  for (const [key, words] of Object.entries(entries) as [T, string[]][]) {
    map.set(key, key)
    for (const w of words) map.set(w.toLowerCase(), key)
  }
  return map
}

/** The words a tier cell may hold, in English and Chinese (官方, 二手 …), by lower-cased word. */
export const TIER_WORDS = table<Tier>({
  article: ['原文', '文章', '源文章', '报道'],
  official: ['官方', '官方来源', '官方统计', '统计'],
  secondary: ['二手', '转引', '媒体', '次级'],
  derived: ['推算', '计算', '派生', '衍生'],
})

/** The words a qualifier cell may hold, in English and Chinese (逾, 约, 近, 估 …), by lower-cased word. */
export const QUALIFIER_WORDS = table<Qualifier>({
  exact: ['精确', '准确', '确切'],
  over: ['超过', '逾', '以上', '多于', 'more than'],
  about: ['约', '大约', '左右', 'approximately', 'approx.', 'approx'],
  nearly: ['近', '将近', '接近', 'almost'],
  estimate: ['估计', '估算', 'est.', 'estimated'],
})

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', '是', '有', 'x', '✓'])
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', '否', '无'])

/** Looks a cell up in a word table (`TIER_WORDS`, `QUALIFIER_WORDS`); `undefined` when it is not there. */
export function parseWord<T extends string>(words: Map<string, T>, cell: Cell): T | undefined {
  return typeof cell === 'string' ? words.get(cell.trim().toLowerCase()) : undefined
}

/** Reads a yes/no cell (true/false, yes/no, 是/否, 1/0). */
export function parseBoolean(cell: Cell): Parsed<boolean> {
  if (cell === null || cell === '') return { ok: true, value: false }
  if (typeof cell === 'boolean') return { ok: true, value: cell }
  const t = halfWidth(String(cell)).trim().toLowerCase()
  if (t === '') return { ok: true, value: false }
  if (TRUE_WORDS.has(t)) return { ok: true, value: true }
  if (FALSE_WORDS.has(t)) return { ok: true, value: false }
  return { ok: false }
}

const UNIT_WORDS = new Map<string, string>()
for (const def of Object.values(UNITS)) {
  UNIT_WORDS.set(def.label['zh-CN'].toLowerCase(), def.code)
  UNIT_WORDS.set(def.label.en.toLowerCase(), def.code)
}

/** A unit code, or a unit's label in either language (亿元, `km²`, `%` or full-width `％`) → its code. */
export function parseUnit(cell: Cell): string | undefined {
  if (typeof cell !== 'string') return undefined
  const t = cell.trim()
  return isUnit(t) ? t : (UNIT_WORDS.get(t.toLowerCase()) ?? UNIT_WORDS.get(halfWidth(t).toLowerCase()))
}
