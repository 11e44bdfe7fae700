/**
 * Number formatting for both languages: 万/亿 in Chinese, million/billion in
 * English, percentages kept as they are, grouping separators, and the
 * qualifiers and ranges sources use ("over 4,000", "300,000–400,000").
 */
import { sourceTitle, type Figure, type Qualifier, type Source, type Tier } from './dataset'
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

/** Grouped number with exactly `digits` decimals (55 with 1 → "55.0"): for values as a source prints them. */
export function formatFixed(v: number, lang: Lang, digits: number): string {
  return new Intl.NumberFormat(lang === 'zh-CN' ? 'zh-CN' : 'en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v)
}

const exactWithin = (v: number, digits: number): boolean => Math.abs(v * 10 ** digits - Math.round(v * 10 ** digits)) < 1e-6 * Math.max(1, Math.abs(v) * 10 ** digits * 1e-9)

/** The fewest decimals that write `v` exactly (up to 8): 1637.11 → 2, 163.711 → 3. */
export function decimalsOf(v: number): number {
  for (let d = 0; d < 8; d++) if (exactWithin(v, d)) return d
  return 8
}

/**
 * A number as its source prints it: `decimals` fixed when the source states them (55.0),
 * else as many as the number has, never rounded away.
 */
export function formatPrinted(v: number, lang: Lang, decimals?: number): string {
  return decimals === undefined ? formatNumber(v, lang, decimalsOf(v)) : formatFixed(v, lang, decimals)
}

/**
 * Decimals a value prints in its base quantity: `decimals` if the source states them, else
 * the value's own fractional digits; `null` for a whole number with no stated decimals
 * (its trailing zeros are not a precision claim). 1637.11 亿元 → −6 (to the million yuan).
 */
function printedBaseDecimals(value: number, factor: number, decimals?: number): number | null {
  const own = decimals ?? decimalsOf(value)
  if (decimals === undefined && own === 0) return null
  return own - Math.round(Math.log10(factor))
}

/** Decimals a scaled number needs to keep every printed digit. */
function scaledDecimals(scaled: number, div: number, printed: number | null): number {
  return Math.max(decimalsOf(scaled), printed === null ? 0 : printed + Math.round(Math.log10(div)))
}

/**
 * Picks the scale step for a base quantity without losing a printed digit: scaled
 * when the scaled number needs at most three decimals (163.711 billion, 240 万,
 * 3.92 万), never when it would need more (257,325 stays whole, 20,170.5 亿元 is
 * 2,017.05 billion, not 2.01705 trillion).
 */
function pickStep(base: number, lang: Lang, printed: number | null): Step | null {
  for (const s of STEPS[lang]) {
    if (Math.abs(base) < s.div) continue
    if (scaledDecimals(base / s.div, s.div, printed) <= 3) return s
  }
  return null
}

/**
 * Splits a value into number text and unit label, scaling to 万/亿 or million/billion
 * without losing a digit the source printed (`decimals`: the printed decimals, if known).
 */
export function valueParts(value: number, unit: string, lang: Lang, step?: Step | null, decimals?: number): ValueParts {
  const def = UNITS[unit]
  if (!def) return { text: formatPrinted(value, lang, decimals), unit }
  if (unit === 'percent') return { text: `${formatPrinted(value, lang, decimals)}%`, unit: '' }
  if (unit === 'ratio') return { text: lang === 'en' ? `${formatPrinted(value, lang, decimals)}×` : formatPrinted(value, lang, decimals), unit: lang === 'en' ? '' : '倍' }
  if (def.kind === 'percent') return { text: formatPrinted(value, lang, decimals), unit: def.label[lang] }
  const base = value * def.factor
  const label = def.base ? t(lang, `units.${def.base}`) : def.label[lang]
  // 亿元 is how Chinese sources print money; keep it.
  if (lang === 'zh-CN' && unit === 'yuan-100m') return { text: formatPrinted(value, lang, decimals), unit: '亿元' }
  const printed = printedBaseDecimals(value, def.factor, decimals)
  const s = step === undefined ? pickStep(base, lang, printed) : step
  if (!s) return { text: formatFixed(base, lang, scaledDecimals(base, 1, printed)), unit: label }
  return { text: `${formatFixed(base / s.div, lang, scaledDecimals(base / s.div, s.div, printed))} ${s.word}`, unit: label }
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
    const p = valueParts(f.value, f.unit, lang, undefined, f.decimals)
    return { text: prefix + p.text, unit: p.unit }
  }
  const def = UNITS[f.unit]
  const hi = valueParts(f.valueHigh, f.unit, lang, undefined, f.decimals)
  // Both ends share the upper end's scale so the range reads "30–40 万", not "300,000–40 万".
  const step = def ? pickStep(f.valueHigh * def.factor, lang, printedBaseDecimals(f.valueHigh, def.factor, f.decimals)) : null
  const lo = valueParts(f.value, f.unit, lang, step, f.decimals)
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


/**
 * A source's tier as shown to the user; a derived figure computed from a secondary
 * figure says so ("Derived (from a secondary source)").
 */
export function sourceTierText(s: Source, lang: Lang): string {
  return s.tier === 'derived' && s.inputTier === 'secondary' ? t(lang, 'chart.fromSecondary') : tierLabel(s.tier, lang)
}

/**
 * How a source is cited, the one rule for every place that labels a source: the
 * seed article is cited by its title alone (its tier reads "Source article" / "原文", and
 * nothing else ever does); every other source by its title with its URL, or with
 * "no address recorded" / "未记录网址" when it has none.
 * Titles stay in their own language, as citations do (`sourceTitle`: with a translation
 * into `lang` in brackets when the data gives one; a description in `lang`).
 */
export function sourceCitation(s: Source, lang: Lang): string {
  const title = sourceTitle(s, lang)
  if (s.tier === 'article') return title
  return `${title} — ${s.url ?? t(lang, 'chart.noAddress')}`
}

/** The words for a source without an address, in the UI language. */
export function noAddress(lang: Lang): string {
  return t(lang, 'chart.noAddress')
}

/** The unit label for an axis whose values are shown divided by `div` ("亿元", "billion yuan"). */
export function axisUnit(unit: string, lang: Lang): { div: number; label: string } {
  const def = UNITS[unit]
  if (!def) return { div: 1, label: unit }
  if (unit === 'yuan-100m') return lang === 'zh-CN' ? { div: 1, label: '亿元' } : { div: 10, label: 'billion yuan' }
  if (unit === 'people-10k') return lang === 'zh-CN' ? { div: 1, label: '万人' } : { div: 100, label: 'million people' }
  return { div: 1, label: def.label[lang] }
}

/**
 * One unit for a whole chart's value axis, labels and axis name: `axisUnit`, scaled by
 * 万/亿 (zh) or million/billion (en) when every figure can be written at that scale
 * with at least 1 before the point and every printed digit kept in at most three
 * decimals (39,200 and 41,800 t → 3.92 and 4.18 "万吨标准煤"; 5,411 people keeps the
 * chart in people). `div` divides a figure's value into the axis unit.
 */
export function chartUnit(figs: (Figure | null)[], lang: Lang): { div: number; label: string } {
  const present = figs.filter((f): f is Figure => f !== null && f.value !== null)
  const unit = present[0]?.unit ?? ''
  const base = axisUnit(unit, lang)
  const def = UNITS[unit]
  if (!def || def.kind === 'percent' || unit === 'ratio' || def.factor !== 1 || base.div !== 1 || present.some((f) => f.unit !== unit)) return base
  const values = present.flatMap((f) => [f.value!, ...(f.valueHigh === null ? [] : [f.valueHigh])].map((v) => ({ v, printed: printedBaseDecimals(v, 1, f.decimals) })))
  const step = STEPS[lang].find((s) => values.every(({ v, printed }) => Math.abs(v) >= s.div && scaledDecimals(v / s.div, s.div, printed) <= 3))
  if (!step) return base
  return { div: step.div, label: lang === 'zh-CN' ? `${step.word}${base.label}` : `${step.word} ${base.label}` }
}

/**
 * A figure as its source prints it, with its qualifier and its own unit, never
 * rescaled: "39,200 吨标准煤", "逾 2,300 家", "300,000–400,000 people", "55.0%".
 * English writes a unit that starts with a number as a multiplier and adds the
 * scaled reading: "1,637.11 × 100 million yuan (163.711 billion yuan)". Tooltips
 * use it, so they show what the table shows.
 */
export function formatPrintedWithUnit(f: Figure, lang: Lang): string {
  if (f.value === null) return t(lang, 'chart.noData')
  const q = qualifierWord(f.qualifier, lang)
  const hi = f.valueHigh !== null && f.valueHigh !== f.value ? `–${formatPrinted(f.valueHigh, lang, f.decimals)}` : ''
  const num = `${q ? `${q} ` : ''}${formatPrinted(f.value, lang, f.decimals)}${hi}`
  const def = UNITS[f.unit]
  if (!def) return `${num} ${f.unit}`
  if (f.unit === 'percent') return `${num}%`
  if (f.unit === 'ratio' && lang === 'en') return `${num}×`
  const label = def.label[lang]
  if (lang === 'en' && /^\d/.test(label)) return `${num} × ${label} (${formatFigureWithUnit(f, lang)})`
  return `${num} ${label}`
}
