/**
 * An XLSX dataset: a `meta` sheet (the same rows as a CSV header block, `#`
 * optional) and a `data` sheet whose first non-empty row holds the column
 * headers. A workbook with one sheet is read as the data sheet, and rows on
 * top of it whose first cell starts with `#` are its header block, so a CSV
 * saved as a workbook by Excel, WPS or LibreOffice loads as the CSV does.
 * Problems name the sheet and the row number Excel shows.
 *
 * Reading is done by maintained libraries: yauzl for the ZIP container
 * (xlsx-archive.ts) and saxes for the XML (xlsx-xml.ts); xlsx-sheet.ts turns
 * cells into the values a person sees. Any damaged part is a problem for the
 * whole file, never a partial dataset.
 */
import type { ColumnarDataset, DatasetProblem } from '../../src-shared/dataset'
import type { Cell } from './fields'
import { LimitError } from './limits'
import { letter, readMetaRows, type MetaRow } from './meta-rows'
import { ProblemList } from './problems'
import { finishTable } from './table-finish'
import { TableBuilder } from './table-builder'
import { openArchive } from './xlsx-archive'
import { readWorkbookParts } from './xlsx-parts'
import { readSheet, type Refusal, type SheetRow } from './xlsx-sheet'

const META_SHEETS = ['meta', 'metadata', '元数据', '说明']
const DATA_SHEETS = ['data', 'figures', '数据']

/** A cell as text, the way the header block and the column headers read it. */
export const text = (c: Cell): string => (c === null ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c))

type Loaded = { dataset: ColumnarDataset | null; problems: DatasetProblem[] }

const metaRow = ({ row, cells }: SheetRow): MetaRow => ({ row, cells: cells.map(text) })

function refuse(p: ProblemList, refusals: Refusal[], column: (col: number) => string): void {
  for (const r of refusals) p.add(r.message, { row: r.row, column: column(r.col), ...(r.got !== undefined ? { got: r.got } : {}) })
}

/** Reads a workbook's bytes into a dataset, or the problems that keep it out. Never throws for bad input. */
export async function readXlsxDataset(bytes: Uint8Array, file: string): Promise<Loaded> {
  try {
    return await readWorkbook(bytes, file)
  } catch (err) {
    if (err instanceof LimitError) return { dataset: null, problems: [{ file, row: err.row, message: err.message }] }
    const p = new ProblemList(file)
    p.add(`not a readable XLSX workbook: ${(err as Error).message}`)
    return { dataset: null, problems: p.list }
  }
}

async function readWorkbook(bytes: Uint8Array, file: string): Promise<Loaded> {
  const archive = await openArchive(bytes)
  const wb = await readWorkbookParts(archive)
  const find = (names: string[]) => wb.sheets.find((w) => names.includes(w.name.trim().toLowerCase()))
  const metaSheet = find(META_SHEETS)
  const dataSheet = find(DATA_SHEETS) ?? (wb.sheets.length === 1 ? wb.sheets[0] : undefined)
  if (!dataSheet) {
    const p = new ProblemList(file)
    p.add('no "data" sheet', { got: wb.sheets.map((w) => w.name).join(', ') || 'no sheets', expected: 'a sheet named data (and optionally one named meta)' })
    return { dataset: null, problems: p.list }
  }

  const mp = new ProblemList(file, metaSheet?.name)
  const metaRows: MetaRow[] = []
  if (metaSheet) {
    const m = await readSheet(archive, wb, metaSheet.path)
    metaRows.push(...m.rows.map(metaRow))
    refuse(mp, m.refusals, letter)
  }

  const p = new ProblemList(file, dataSheet.name)
  const { rows, refusals } = await readSheet(archive, wb, dataSheet.path)
  // The header block on top of the data sheet: rows whose first cell starts with "#".
  let first = 0
  while (first < rows.length && text(rows[first]!.cells[0] ?? null).trim().startsWith('#')) metaRows.push(metaRow(rows[first++]!))
  const header = rows[first]
  const meta = readMetaRows(metaRows, metaSheet ? mp : p)
  if (!header) {
    p.add(first > 0 ? 'no table: after the # rows there is no header row' : 'the data sheet is empty')
    return { dataset: null, problems: [...mp.list, ...p.list] }
  }
  const headerCells = header.cells.map(text)
  refuse(p, refusals, (col) => headerCells[col]?.trim() || letter(col))
  const t = new TableBuilder(headerCells, header.row, p)
  if (p.size === 0) {
    for (let k = first + 1; k < rows.length; k++) {
      const { row, cells } = rows[k]!
      for (let c = 0; c < cells.length; c++) t.cell(c, cells[c]!)
      t.endRow(row)
    }
  }
  const dataset = p.size === 0 && mp.size === 0 ? finishTable(t, meta, p) : null
  return { dataset: mp.size + p.size > 0 ? null : dataset, problems: [...mp.list, ...p.list] }
}
