/**
 * Decimal commas in semicolon- and tab-separated files, as Excel writes CSV
 * where the decimal separator is a comma (German, French, Russian locales):
 * `8,5` is 8.5 and `1.121` is 1121 there. A number whose form has one reading
 * (`8,5`, `1.234,5`, `8.25`, `1,234.5`) is read at once and counts as evidence
 * for its file's convention; a form with two readings (`1.121`, `1,121`: a
 * separator followed by exactly three digits) waits for the file's evidence,
 * and is refused, naming its cell, when the file gives none or both.
 *
 * Text cells of a workbook are read the same way (a number typed or pasted as
 * text: `8,5`, `1.234,5`), except that a workbook whose text shows no
 * convention reads the two-reading forms with a decimal point, as Excel shows
 * them in the zh-CN and en locales the app is made for: `1,121` is 1121 there.
 */
import { halfWidth } from './fields'

/** Which decimal separator a number's form shows. */
export type Convention = 'comma' | 'point'

/** How one cell reads: at once (`value`, with the convention it shows), or two ways. */
export type DecimalReading =
  | { kind: 'sure'; value: number; percent: boolean; convention: Convention }
  | { kind: 'ambiguous'; comma: number; point: number; percent: boolean }

const num = (s: string): number => Number(s)

/** Reads `text` under both conventions; null when it is not a number with a separator (the ordinary parser takes it). */
export function readDecimal(text: string): DecimalReading | null {
  let t = halfWidth(text.trim()).replace(/[\s\u00a0\u2009\u202f]/g, '')
  const percent = t.endsWith('%')
  if (percent) t = t.slice(0, -1)
  const sure = (value: string, convention: Convention): DecimalReading => ({ kind: 'sure', value: num(value), percent, convention })
  let m: RegExpExecArray | null
  if ((m = /^([+-]?)(\d+)([.,])(\d+)$/.exec(t))) {
    const [, sign, int, sep, frac] = m as unknown as [string, string, string, string, string]
    const decimal = `${sign}${int}.${frac}`
    const grouped = `${sign}${int}${frac}`
    // Three digits after one separator, after 1–3 digits not starting with 0: grouping or decimals.
    if (frac.length === 3 && int.length <= 3 && !int.startsWith('0')) {
      return sep === ',' ? { kind: 'ambiguous', comma: num(decimal), point: num(grouped), percent } : { kind: 'ambiguous', comma: num(grouped), point: num(decimal), percent }
    }
    return sure(decimal, sep === ',' ? 'comma' : 'point')
  }
  if (/^[+-]?\d{1,3}(\.\d{3})+,\d+$/.test(t)) return sure(t.replace(/\./g, '').replace(',', '.'), 'comma')
  if (/^[+-]?\d{1,3}(\.\d{3}){2,}$/.test(t)) return sure(t.replace(/\./g, ''), 'comma')
  if (/^[+-]?\d{1,3}(,\d{3})+\.\d+$/.test(t)) return sure(t.replace(/,/g, ''), 'point')
  if (/^[+-]?\d{1,3}(,\d{3}){2,}$/.test(t)) return sure(t.replace(/,/g, ''), 'point')
  return null
}

/** A cell with two readings, kept until the file's convention is known. */
export interface PendingDecimal {
  index: number
  text: string
  comma: number
  point: number
}

/**
 * The convention a file's sure readings agree on; `fallback` when they show
 * none (null: refuse the cells with two readings), null when they show both.
 */
export function fileConvention(seen: Record<Convention, number>, fallback: Convention | null = null): Convention | null {
  if (seen.comma > 0 && seen.point === 0) return 'comma'
  if (seen.point > 0 && seen.comma === 0) return 'point'
  return seen.comma === 0 && seen.point === 0 ? fallback : null
}

/** The message for a cell left with two readings. */
export function ambiguousMessage(p: PendingDecimal, seen: Record<Convention, number>): string {
  const why = seen.comma > 0 && seen.point > 0 ? 'the file writes decimals both with a comma and with a point' : 'nothing else in the file shows whether its decimal separator is a comma or a point'
  return `ambiguous number: ${p.text} could be ${p.point} or ${p.comma} (${why}); write it without a thousands separator`
}
