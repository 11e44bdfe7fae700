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
import { LimitError } from './limits'
import { letter, readMetaRows, type MetaRow } from './meta-rows'
import { ProblemList } from './problems'
import { finishTable } from './table-finish'
import { openArchive, type Archive } from './xlsx-archive'
import { readWorkbookParts, type WorkbookParts } from './xlsx-parts'
import { readSheet, scanSheet, type Refusal } from './xlsx-sheet'
import { SheetTable, metaRow } from './xlsx-table'

const META_SHEETS = ['meta', 'metadata', '元数据', '说明']
const DATA_SHEETS = ['data', 'figures', '数据']

type Loaded = { dataset: ColumnarDataset | null; problems: DatasetProblem[] }

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

/**
 * Reads the data sheet into a `SheetTable` in one streaming pass. Merged cells
 * and links come after the cells in the XML, so a sheet that has any is read a
 * second time with them applied (such sheets are small, hand-made ones).
 */
async function readDataSheet(a: Archive, wb: WorkbookParts, path: string, file: string, sheet: string): Promise<{ table: SheetTable; refusals: Refusal[] }> {
  const table = new SheetTable(file, sheet)
  const scan = await scanSheet(a, wb, path, table)
  if (scan.merges.length === 0 && scan.links.length === 0) return { table, refusals: scan.refusals }
  const { rows, refusals } = await readSheet(a, wb, path)
  const laid = new SheetTable(file, sheet)
  laid.replay(rows)
  return { table: laid, refusals }
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
  const { table, refusals } = await readDataSheet(archive, wb, dataSheet.path, file, dataSheet.name)
  // The header block on top of the data sheet: rows whose first cell starts with "#".
  metaRows.push(...table.metaRows)
  const meta = readMetaRows(metaRows, metaSheet ? mp : p)
  const header = table.header
  if (!header) {
    p.add(table.metaRows.length > 0 ? 'no table: after the # rows there is no header row' : 'the data sheet is empty')
    return { dataset: null, problems: [...mp.list, ...p.list] }
  }
  refuse(p, refusals, (col) => header.cells[col]?.trim() || letter(col))
  p.list.push(...table.headerProblems.list)
  const t = table.builder
  const dataset = t && p.size === 0 && mp.size === 0 ? finishTable(t, meta, p) : null
  return { dataset: mp.size + p.size > 0 ? null : dataset, problems: [...mp.list, ...p.list] }
}
