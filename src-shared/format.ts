/**
 * Number formatting for both languages: 万/亿 in Chinese, million/billion in
 * English, percentages kept as they are, grouping separators, and the
 * qualifiers and ranges sources use ("over 4,000", "300,000–400,000").
 */
import type { Figure, Qualifier, Tier } from './dataset'
import type { Lang } from './settings'
import { t } from './i18n'
import { UNITS } from './units'

/** A number as text plus the unit label that fits its scaling ("58 million" + "people"). */
export interface ValueParts {
  text: string
  unit: string
}

interface Step {
  div: number
  word: string
}

const STEPS: Record<Lang, Step[]> = {
  'zh-CN': [
    { div: 1e12, word: '万亿' },
    { div: 1e8, word: '亿' },
    { div: 1e4, word: '万' },
  ],
  en: [
    { div: 1e12, word: 'trillion' },
    { div: 1e9, word: 'billion' },
    { div: 1e6, word: 'million' },
  ],
}


/** Grouped number with up to `digits` decimals, trailing zeros dropped. */
export function formatNumber(v: number, lang: Lang, digits = 2): string {
  return new Intl.NumberFormat(lang === 'zh-CN' ? 'zh-CN' : 'en-US', { maximumFractionDigits: digits }).format(v)
}

const exactWithin = (v: number, digits: number): boolean => Math.abs(v * 10 ** digits - Math.round(v * 10 ** digits)) < 1e-6

/**
 * Picks the scale step for a base quantity: money is always scaled (亿元 and
 * billions read better than long digit strings); other quantities only when the
 * scaled number stays exact to two decimals, or is large enough that rounding is harmless.
 */
function pickStep(base: number, lang: Lang, money: boolean): Step | null {
  for (const s of STEPS[lang]) {
    if (Math.abs(base) < s.div) continue
    const scaled = base / s.div
    if (money || exactWithin(scaled, 2) || Math.abs(base) >= s.div * 10) return s
  }
  return null
}

/** Splits a value into number text and unit label, scaling to 万/亿 or million/billion. */
export function valueParts(value: number, unit: string, lang: Lang, step?: Step | null): ValueParts {
  const def = UNITS[unit]
  if (!def) return { text: formatNumber(value, lang), unit }
  if (unit === 'percent') return { text: `${formatNumber(value, lang)}%`, unit: '' }
  if (unit === 'ratio') return { text: lang === 'en' ? `${formatNumber(value, lang)}×` : formatNumber(value, lang), unit: lang === 'en' ? '' : '倍' }
  if (def.kind === 'percent') return { text: formatNumber(value, lang), unit: def.label[lang] }
  const base = value * def.factor
  const label = def.base ? t(lang, `units.${def.base}`) : def.label[lang]
  // 亿元 is how Chinese sources print money; keep it unless the value reaches 万亿.
  if (lang === 'zh-CN' && unit === 'yuan-100m' && Math.abs(base) < 1e12) return { text: formatNumber(value, lang), unit: '亿元' }
  const s = step === undefined ? pickStep(base, lang, def.base === 'yuan') : step
  if (!s) return { text: formatNumber(base, lang), unit: label }
  return { text: `${formatNumber(base / s.div, lang)} ${s.word}`, unit: label }
}

/** Joins number and unit the way each language writes them ("240 万平方米", "2.4 million m²"). */
export function joinParts(p: ValueParts, lang: Lang): string {
  if (!p.unit) return p.text
  if (lang === 'zh-CN' && /[万亿]$/.test(p.text)) return `${p.text}${p.unit}`
  return `${p.text} ${p.unit}`
}

/** A value with its unit, scaled and grouped for the language: "1,637.11 亿元", "163.71 billion yuan", "46%". */
export function formatValue(value: number, unit: string, lang: Lang): string {
  return joinParts(valueParts(value, unit, lang), lang)
}

/** The word a qualifier puts before a number in `lang` ("over", "逾"); empty for exact figures. */
export function qualifierWord(q: Qualifier, lang: Lang): string {
  return t(lang, `qualifiers.${q}`)
}

/** Number text and unit of a figure, with its qualifier and range: "over 4,000", "300,000–400,000", "约 5,800 万". */
export function figureParts(f: Figure, lang: Lang): ValueParts {
  if (f.value === null) return { text: t(lang, 'chart.noData'), unit: '' }
  const q = qualifierWord(f.qualifier, lang)
  const prefix = q ? `${q} ` : ''
  if (f.valueHigh === null || f.valueHigh === f.value) {
    const p = valueParts(f.value, f.unit, lang)
    return { text: prefix + p.text, unit: p.unit }
  }
  const def = UNITS[f.unit]
  const hi = valueParts(f.valueHigh, f.unit, lang)
  // Both ends share the upper end's scale so the range reads "30–40 万", not "300,000–40 万".
  const step = def ? pickStep(f.valueHigh * def.factor, lang, def.base === 'yuan') : null
  const lo = valueParts(f.value, f.unit, lang, step)
  const word = step?.word
  const loText = word && lo.text.endsWith(` ${word}`) ? lo.text.slice(0, -word.length - 1) : lo.text
  return { text: `${prefix}${loText}–${hi.text}`, unit: hi.unit }
}

/** A figure's number with qualifier and range, without its unit. */
export function formatFigure(f: Figure, lang: Lang): string {
  return figureParts(f, lang).text
}

/** A figure with qualifier, range and unit: "over 4,000 enterprises", "逾 4,000 家". */
export function formatFigureWithUnit(f: Figure, lang: Lang): string {
  return joinParts(figureParts(f, lang), lang)
}

/** A tier's name in `lang`, as tooltips and tables show it. */
export function tierLabel(tier: Tier, lang: Lang): string {
  return t(lang, `tiers.${tier}`)
}

/** The unit label for an axis whose values are shown divided by `div` ("亿元", "billion yuan"). */
export function axisUnit(unit: string, lang: Lang): { div: number; label: string } {
  const def = UNITS[unit]
  if (!def) return { div: 1, label: unit }
  if (unit === 'yuan-100m') return lang === 'zh-CN' ? { div: 1, label: '亿元' } : { div: 10, label: 'billion yuan' }
  if (unit === 'people-10k') return lang === 'zh-CN' ? { div: 1, label: '万人' } : { div: 100, label: 'million people' }
  return { div: 1, label: def.label[lang] }
}
