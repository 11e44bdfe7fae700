/**
 * What a cell's number format does to the value a person sees, so a number is
 * read as Excel and WPS display it. No library reads this for us: ExcelJS
 * hands back the raw number and the format code, and the display formatters
 * (SSF and the like) format text rather than say what the text means.
 *
 *  - `date`: dates and times (the cell holds a serial day number);
 *  - `percent`: a `%` outside quotes (`0%`, `0.0%`): 0.46 is shown as 46%;
 *  - `scaled`: a display-scaling format: trailing thousands commas (`0.0,,`
 *    shows millions) or a literal `.` put among the digits (`0!.0,"万"` shows
 *    1765000 as 176.5万) — the digits seen are not the number stored;
 *  - `plain`: everything else (general, grouping, decimals, currency).
 */

/** The meaning a number format gives its cells. */
export type FormatKind = 'plain' | 'date' | 'percent' | 'scaled'

/** Built-in format codes that are not plain: ECMA-376 §18.8.30, plus the CJK locale date formats 27–36 and 50–58. */
const BUILTIN: Record<number, FormatKind> = { 9: 'percent', 10: 'percent' }
for (const id of [14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]) BUILTIN[id] = 'date'
for (const id of [27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]) BUILTIN[id] = 'date'

/** The kind of a built-in format id, or of a custom format code. */
export function formatKind(id: number, code: string | undefined): FormatKind {
  if (code === undefined) return BUILTIN[id] ?? 'plain'
  // Quoted text, bracketed parts ([Red], [$-804], [h]) and escaped characters show as written.
  const bare = code.replace(/"[^"]*"/g, '""').replace(/\[[^\]]*]/g, '')
  if (/[!\\]\./.test(bare)) return 'scaled'
  const plain = bare.replace(/[!\\_*]./g, '')
  if (/[0#?],+(?![0#?])/.test(plain.replace(/[0#?](,[0#?]{3})+/g, '0'))) return 'scaled'
  if (/%/.test(plain)) return 'percent'
  if (/[ymdhsAaPpEeBb]/.test(plain.replace(/General/gi, '').replace(/E[+-]/g, ''))) return /[ymdhs]/i.test(plain) ? 'date' : 'plain'
  return 'plain'
}

/** A stored double as Excel displays it: at most 15 significant digits (1040.4499999999998 → 1040.45). */
export function excelNumber(v: number): number {
  return Number.isFinite(v) && v !== 0 ? Number(v.toPrecision(15)) : v
}

/** An Excel serial day number as a UTC date (1900 or 1904 date system). */
export function excelDate(v: number, date1904: boolean): Date {
  return new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000))
}
