/**
 * A chart's table as a file: CSV (UTF-8 with a BOM, so Excel opens Chinese
 * correctly; RFC 4180 quoting; CRLF line ends) or XLSX, both written with
 * ExcelJS (its CSV writer is fast-csv). Above the table, as on every export:
 * the marking when it is on, the chart's title, its source line, and the
 * as-of and export time line; then the header row in the UI language and one
 * row per figure, exactly the on-screen table's columns and text. In the
 * workbook a value printed as a plain number ("1,637.11", "55.0") is a number
 * cell with the printed number format, so it sums and sorts and still shows
 * the source's digits; ranges and gaps stay text.
 */
import ExcelJS from 'exceljs'
import { columnHeader, TABLE_COLUMNS, type TableRow } from '../../src-shared/charts/table'
import { t } from '../../src-shared/i18n'
import type { Lang } from '../../src-shared/settings'

/** What a table file holds: the rows and the lines above them. */
export interface TableFileInput {
  title: string
  sourceLine: string
  /** The latest year the chart's figures refer to, or `null`. */
  asOf: string | null
  rows: TableRow[]
  lang: Lang
  /** The marking's text when it is on, else `null`. */
  marking: string | null
  /** When the file is written (local time is printed). */
  now: Date
}

/** `2026-11-30 19:05` in local time. */
function stamp(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}

/** The lines above the table: marking (if on), title, source line, then "Data as of … · Exported …". */
export function tableHeading(input: TableFileInput): string[] {
  const { lang } = input
  const when = [input.asOf ? t(lang, 'exportText.asOf', { date: input.asOf }) : '', t(lang, 'exportText.exported', { time: stamp(input.now) })].filter(Boolean)
  return [...(input.marking ? [input.marking] : []), input.title, input.sourceLine, when.join(t(lang, 'exportText.sep'))].filter((l) => l !== '')
}

/**
 * A printed value as a number and its decimals, when it is a plain number as
 * the table prints it (grouped with `,`, `.` for decimals, optional minus):
 * "1,637.11" → 1637.11 with 2 decimals and grouping. `null` for anything else
 * (a range, a gap, an empty cell), which stays text.
 */
export function printedNumber(text: string): { value: number; decimals: number; grouped: boolean } | null {
  const m = /^(-?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(text)
  if (!m) return null
  const value = Number(`${m[1]}${m[2]!.replaceAll(',', '')}${m[3] ? `.${m[3]}` : ''}`)
  return Number.isFinite(value) ? { value, decimals: m[3]?.length ?? 0, grouped: m[2]!.includes(',') } : null
}

/** Excel's number format that prints `decimals` decimals, grouped or not: `#,##0.00`, `0.0`. */
export function numberFormat(decimals: number, grouped: boolean): string {
  return `${grouped ? '#,##0' : '0'}${decimals > 0 ? `.${'0'.repeat(decimals)}` : ''}`
}

/**
 * A CSV text cell that Excel would run as a formula (one starting with `=`,
 * `+`, `@`, a tab or CR, or a `-` that does not start a number) gets a leading
 * `'`, as OWASP advises against CSV injection: the text comes from data files.
 */
export function csvSafe(text: string): string {
  return /^[=+@\t\r]/.test(text) || (text.startsWith('-') && printedNumber(text) === null) ? `'${text}` : text
}

/** The table as rows of text: heading lines, a blank line, the header row and the data rows. */
function textRows(input: TableFileInput): string[][] {
  return [
    ...tableHeading(input).map((l) => [l]),
    [],
    TABLE_COLUMNS.map((c) => columnHeader(c, input.lang)),
    ...input.rows.map((r) => TABLE_COLUMNS.map((c) => r[c])),
  ]
}

/** The table as CSV bytes: UTF-8 with a BOM, CRLF line ends, RFC 4180 quoting, formula-looking text defused. */
export async function tableCsv(input: TableFileInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const sheet = wb.addWorksheet('table')
  for (const row of textRows(input)) sheet.addRow(row.map(csvSafe))
  const bytes = await wb.csv.writeBuffer({ formatterOptions: { writeBOM: true, rowDelimiter: '\r\n' } })
  return Buffer.concat([Buffer.from(bytes), Buffer.from('\r\n')])
}

/** The table as XLSX bytes: one sheet, heading lines in bold, a frozen header row, fitted column widths, values as number cells with their printed format. */
export async function tableXlsx(input: TableFileInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const heading = tableHeading(input)
  const headerAt = heading.length + 2
  const sheet = wb.addWorksheet(t(input.lang, 'table.sheet'), { views: [{ state: 'frozen', ySplit: headerAt }] })
  for (const line of heading) sheet.addRow([line]).font = { bold: line === input.title }
  sheet.addRow([])
  sheet.addRow(TABLE_COLUMNS.map((c) => columnHeader(c, input.lang))).font = { bold: true }
  const valueCol = TABLE_COLUMNS.indexOf('value') + 1
  for (const r of input.rows) {
    const row = sheet.addRow(TABLE_COLUMNS.map((c) => r[c]))
    const n = printedNumber(r.value)
    if (n) {
      const cell = row.getCell(valueCol)
      cell.value = n.value
      cell.numFmt = numberFormat(n.decimals, n.grouped)
    }
  }
  TABLE_COLUMNS.forEach((c, i) => (sheet.getColumn(i + 1).width = widthOf([columnHeader(c, input.lang), ...input.rows.map((r) => r[c])])))
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** Column width in characters that fits `values` (CJK characters count two), between 8 and 60. */
function widthOf(values: string[]): number {
  let w = 8
  for (const v of values) {
    let n = 0
    for (const ch of v.split('\n')[0]!) n += /[\u2e80-\uffef]/.test(ch) ? 2 : 1
    w = Math.max(w, n + 2)
  }
  return Math.min(w, 60)
}
