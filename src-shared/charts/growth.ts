/**
 * Before/after comparison computed from the data: compound average yearly
 * growth between the first and last year with a value inside each period.
 */
import { sourceTitle, type ColumnarDataset, type Figure } from '../dataset'
import { formatFigureWithUnit, formatFixed, formatNumber } from '../format'
import { figures, yearSeries } from '../query'
import { paren } from './labels'
import { periodsFor, yearsBetween } from './timeseries'
import type { Lang } from '../settings'
import { t } from '../i18n'

/** Compound average yearly growth of an indicator over a period, with the two figures it is computed from. */
export interface PeriodGrowth {
  indicator: string
  span: [number, number]
  first: Figure
  last: Figure
  /** Compound average yearly growth, as a fraction (0.0416 = 4.16%). */
  rate: number
}

const isOfficial = (f: Figure): boolean => f.source.tier === 'official' || f.source.tier === 'article'

/**
 * CAGR over a period, or `null` when the data lacks two usable years. The base is the
 * year before the period when the data has it (growth *over* 2016–2020 runs from 2015),
 * else the first year inside it; both ends prefer official figures over secondary or
 * derived ones, so an inferred secondary year is used only when nothing official is there.
 * `first.year`→`last.year` is the span actually covered, shown with the rate.
 */
export function periodGrowth(d: ColumnarDataset | undefined, entity: string, indicator: string, span: [number, number]): PeriodGrowth | null {
  if (span[0] > span[1]) return null
  const figs = yearSeries(d, entity, indicator, yearsBetween(span[0] - 1, span[1])).filter((f): f is Figure => f !== null && f.value !== null && f.value > 0)
  if (figs.length < 2) return null
  const last = [...figs].reverse().find(isOfficial) ?? figs[figs.length - 1]!
  const before = figs.filter((f) => f.year! < last.year!)
  if (before.length === 0) return null
  const first = before.find(isOfficial) ?? before[0]!
  const n = last.year! - first.year!
  return { indicator, span, first, last, rate: (last.value! / first.value!) ** (1 / n) - 1 }
}

/** A computed rate as a percentage with one decimal, always printed ("12.0%", not "12%"). */
export function formatRate(rate: number, lang: Lang): string {
  return `${formatFixed(rate * 100, lang, 1)}%`
}

/** Growth in the "before" and "after" periods around `breakYear`; each `null` when its period lacks two years with values. */
export function growthBothPeriods(d: ColumnarDataset | undefined, entity: string, indicator: string, breakYear: number): { before: PeriodGrowth | null; after: PeriodGrowth | null } {
  const p = periodsFor(breakYear)
  return { before: periodGrowth(d, entity, indicator, p.before), after: periodGrowth(d, entity, indicator, p.after) }
}

/** "(995.36 ÷ 917.49)^(1/2) − 1 = 4.16%" */
export function growthFormula(g: PeriodGrowth, lang: Lang): string {
  const n = g.last.year! - g.first.year!
  return `(${formatNumber(g.last.value!, lang)} ÷ ${formatNumber(g.first.value!, lang)})^(1/${n}) − 1 = ${formatFixed(g.rate * 100, lang, 2)}%`
}

/** Which endpoints were used, with values and tiers. */
export function growthEndpoints(g: PeriodGrowth, lang: Lang): string {
  const e = (f: Figure) => `${f.year}${t(lang, 'charts.words.colon')}${formatFigureWithUnit(f, lang)}${paren(sourceTitle(f.source, lang), lang)}`
  return `${t(lang, 'charts.words.endpoints')} ${e(g.first)}${t(lang, 'charts.words.listSep')}${e(g.last)}`
}

/** Period averages a source reports (figures with a period and no year), for cross-checking. */
export function reportedAverages(d: ColumnarDataset | undefined, entity: string, indicator: string): Figure[] {
  return figures(d, { entity, indicator, year: null }).filter((f) => f.period !== null && f.value !== null)
}
