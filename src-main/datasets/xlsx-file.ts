/**
 * An XLSX dataset: a `meta` sheet (the same rows as a CSV header block, `#`
 * optional) and a `data` sheet whose first non-empty row holds the column
 * headers. A workbook with one sheet is read as the data sheet. Problems name
 * the sheet and the row number Excel shows.
 */
import ExcelJS from 'exceljs'
import type { ColumnarDataset, DatasetProblem } from '../../src-renderer/shared/dataset'
import type { Cell } from './fields'
import { readMetaRows, type MetaInput } from './meta-rows'
import { ProblemList } from './problems'
import { finishTable } from './table-finish'
import { TableBuilder } from './table-builder'

const META_SHEETS = ['meta', 'metadata', '元数据', '说明']
const DATA_SHEETS = ['data', 'figures', '数据']

/** An ExcelJS cell value as a plain cell: rich text joined, formulas by their result, links by their address. */
function plain(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v
  if ('richText' in v) return v.richText.map((r) => r.text).join('')
  if ('hyperlink' in v) return typeof v.hyperlink === 'string' && /^https?:/i.test(v.hyperlink) ? v.hyperlink : String(v.text)
  if ('formula' in v || 'sharedFormula' in v) return plain((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue)
  if ('error' in v) return String(v.error)
  return String(v)
}

const text = (c: Cell): string => (c === null ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c))

function rowsOf(ws: ExcelJS.Worksheet): { row: number; cells: Cell[] }[] {
  const out: { row: number; cells: Cell[] }[] = []
  ws.eachRow({ includeEmpty: false }, (r, row) => {
    const cells: Cell[] = []
    r.eachCell({ includeEmpty: false }, (cell, col) => {
      cells[col - 1] = plain(cell.value)
    })
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null
    out.push({ row, cells })
  })
  return out
}

export async function readXlsxDataset(bytes: Uint8Array, file: string): Promise<{ dataset: ColumnarDataset | null; problems: DatasetProblem[] }> {
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer)
  } catch (err) {
    const p = new ProblemList(file)
    p.add(`not a readable XLSX workbook: ${(err as Error).message}`)
    return { dataset: null, problems: p.list }
  }
  const find = (names: string[]) => wb.worksheets.find((w) => names.includes(w.name.trim().toLowerCase()))
  const metaSheet = find(META_SHEETS)
  const dataSheet = find(DATA_SHEETS) ?? (wb.worksheets.length === 1 ? wb.worksheets[0] : undefined)
  if (!dataSheet) {
    const p = new ProblemList(file)
    p.add('no "data" sheet', { got: wb.worksheets.map((w) => w.name).join(', ') || 'no sheets', expected: 'a sheet named data (and optionally one named meta)' })
    return { dataset: null, problems: p.list }
  }

  const mp = new ProblemList(file, metaSheet?.name)
  const meta: MetaInput = metaSheet
    ? readMetaRows(
        rowsOf(metaSheet).map(({ row, cells }) => ({ row, cells: cells.map(text) })),
        mp,
      )
    : readMetaRows([], mp)

  const p = new ProblemList(file, dataSheet.name)
  const rows = rowsOf(dataSheet)
  const first = rows.findIndex((r) => r.cells.some((c) => text(c).trim() !== ''))
  if (first < 0) {
    p.add('the data sheet is empty')
    return { dataset: null, problems: [...mp.list, ...p.list] }
  }
  const t = new TableBuilder(rows[first]!.cells.map(text), rows[first]!.row, p)
  if (p.size === 0) {
    for (const { row, cells } of rows.slice(first + 1)) {
      for (let c = 0; c < cells.length; c++) t.cell(c, cells[c]!)
      t.endRow(row)
    }
  }
  const dataset = p.size === 0 && mp.size === 0 ? finishTable(t, meta, p) : null
  return { dataset: mp.size + p.size > 0 ? null : dataset, problems: [...mp.list, ...p.list] }
}
