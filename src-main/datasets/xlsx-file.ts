/**
 * An XLSX dataset: a `meta` sheet (the same rows as a CSV header block, `#`
 * optional) and a `data` sheet whose first non-empty row holds the column
 * headers. A workbook with one sheet is read as the data sheet. Problems name
 * the sheet and the row number Excel shows.
 *
 * Workbooks are read by xlsx-read.ts, straight from the sheet XML; the few a
 * ZIP feature it lacks (ZIP64, odd compression, prefixed XML) go to ExcelJS,
 * which reads every cell the same way, only slower.
 */
import ExcelJS from 'exceljs'
import type { ColumnarDataset, DatasetProblem } from '../../src-shared/dataset'
import type { Cell } from './fields'
import { readMetaRows, type MetaInput } from './meta-rows'
import { ProblemList } from './problems'
import { finishTable } from './table-finish'
import { TableBuilder } from './table-builder'
import { NUM, SHARED, STR, Workbook, cellValue, columnOf, rowOf, scanSheet, type SheetSink } from './xlsx-read'
import { Unsupported } from './zip'
import { plainDecimal } from './ascii-number'

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

export const text = (c: Cell): string => (c === null ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c))

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

/** The ExcelJS reader: the fallback for workbooks the fast reader does not handle. */
export async function readXlsxWithExcelJs(bytes: Uint8Array, file: string): Promise<{ dataset: ColumnarDataset | null; problems: DatasetProblem[] }> {
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

type Loaded = { dataset: ColumnarDataset | null; problems: DatasetProblem[] }
type Row = { row: number; cells: Cell[] }

/** Stops a sheet scan early. */
class Stop extends Error {}

interface Merge {
  r0: number
  c0: number
  r1: number
  c1: number
  master: Cell
}

/**
 * Turns scanned cells into rows. Rows touched by a hyperlink or a merged
 * range, and every row while `table` is null, are built as cell values and
 * handed to `onRow`; the others go straight into `table`, text as bytes of
 * the sheet XML and numbers without an object per cell.
 */
class RowSink implements SheetSink {
  table: TableBuilder | null = null
  private cells: Cell[] | null = null
  private present: boolean[] = []
  private virtual: number[]
  private nextVirtual = 0

  constructor(
    readonly x: Buffer,
    private wb: Workbook,
    private special: Set<number>,
    private links: Map<number, Map<number, string>>,
    private merges: Merge[],
    private onRow: (r: Row) => void,
  ) {
    // Rows inside a merged range that the XML may not have at all.
    const rows = new Set<number>()
    for (const m of merges) for (let r = m.r0 + 1; r <= m.r1; r++) rows.add(r)
    this.virtual = [...rows].sort((a, b) => a - b)
  }

  rowStart(row: number): void {
    this.flushVirtual(row)
    if (this.table && !this.special.has(row)) this.cells = null
    else {
      this.cells = []
      this.present = []
    }
  }

  empty(col: number): void {
    if (this.cells) this.present[col] = true
  }

  cell(col: number, type: number, start: number, end: number, style: number, formula: boolean): void {
    const t = this.table
    const x = this.x
    if (this.cells || !t) {
      this.present[col] = true
      this.cells![col] = cellValue(x, this.wb, type, start, end, style, formula)
      return
    }
    if (start >= 0 && !formula) {
      if (type === NUM && !this.wb.dateStyles[style]) {
        // Plain ASCII digits (with a "-" and a ".") are read from the bytes; others (exponents) by parseFloat.
        const v = plainDecimal(x, start, end, true)
        return t.numberCell(col, Number.isNaN(v) ? parseFloat(x.toString('latin1', start, end)) : v)
      }
      if (type === STR) {
        let k = start
        while (k < end && x[k] !== 38) k++
        // Without an entity (&amp; …) the bytes are the text.
        if (k === end) return t.field(col, x, start, end, 0)
      }
      if (type === SHARED) {
        let k = 0
        for (let p = start; p < end; p++) k = k * 10 + (x[p]! - 48)
        return t.cell(col, this.wb.strings[k] ?? null)
      }
    }
    t.cell(col, cellValue(x, this.wb, type, start, end, style, formula))
  }

  rowEnd(row: number): void {
    const cells = this.cells
    if (!cells) {
      this.table!.endRow(row)
      return
    }
    this.cells = null
    const links = this.links.get(row)
    if (links) {
      for (const [c, target] of links) {
        if (!this.present[c]) continue
        const v = cells[c] ?? null
        cells[c] = /^https?:/i.test(target) ? target : v === null ? null : text(v)
      }
    }
    this.applyMerges(row, cells)
    this.deliver(row, cells)
  }

  finish(): void {
    this.flushVirtual(Infinity)
  }

  private applyMerges(row: number, cells: Cell[]): void {
    for (const m of this.merges) {
      if (row < m.r0 || row > m.r1) continue
      if (row === m.r0) m.master = cells[m.c0] ?? null
      for (let c = m.c0; c <= m.c1; c++) if (row !== m.r0 || c !== m.c0) cells[c] = m.master
    }
  }

  private flushVirtual(before: number): void {
    while (this.nextVirtual < this.virtual.length && this.virtual[this.nextVirtual]! <= before) {
      const r = this.virtual[this.nextVirtual++]!
      if (r === before) break // the XML has this row: rowEnd applies the merge
      const cells: Cell[] = []
      this.applyMerges(r, cells)
      this.deliver(r, cells)
    }
  }

  private deliver(row: number, cells: Cell[]): void {
    let any = false
    for (let c = 0; c < cells.length; c++) {
      if (cells[c] === undefined) cells[c] = null
      else any = true
    }
    if (!any) return
    const t = this.table
    if (!t) return this.onRow({ row, cells })
    for (let c = 0; c < cells.length; c++) t.cell(c, cells[c]!)
    t.endRow(row)
  }
}


/** Merged ranges and hyperlinks of a sheet, from the XML after `</sheetData>`. */
function sheetExtras(wb: Workbook, path: string, x: Buffer): { merges: Merge[]; links: Map<number, Map<number, string>>; special: Set<number> } {
  const at = x.lastIndexOf('</sheetData>')
  const tail = at < 0 ? '' : x.toString('utf8', at)
  const merges: Merge[] = []
  for (const m of tail.matchAll(/<mergeCell\b[^>]*\bref="([A-Za-z]+\d+):([A-Za-z]+\d+)"/g)) {
    const [r0, r1] = [rowOf(m[1]!), rowOf(m[2]!)]
    const [c0, c1] = [columnOf(m[1]!), columnOf(m[2]!)]
    if (r0 > 0 && c0 >= 0) merges.push({ r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1), master: null })
  }
  const links = new Map<number, Map<number, string>>()
  for (const [ref, target] of wb.hyperlinks(path, tail)) {
    const r = rowOf(ref)
    const c = columnOf(ref)
    if (r < 0 || c < 0 || !/^[A-Za-z]+\d+$/.test(ref)) continue
    if (!links.has(r)) links.set(r, new Map())
    links.get(r)!.set(c, target)
  }
  const special = new Set<number>(links.keys())
  for (const m of merges) for (let r = m.r0; r <= m.r1; r++) special.add(r)
  return { merges, links, special }
}

function readFast(bytes: Uint8Array, file: string): Loaded {
  const wb = new Workbook(bytes)
  const find = (names: string[]) => wb.sheets.find((w) => names.includes(w.name.trim().toLowerCase()))
  const metaSheet = find(META_SHEETS)
  const dataSheet = find(DATA_SHEETS) ?? (wb.sheets.length === 1 ? wb.sheets[0] : undefined)
  if (!dataSheet) {
    const p = new ProblemList(file)
    p.add('no "data" sheet', { got: wb.sheets.map((w) => w.name).join(', ') || 'no sheets', expected: 'a sheet named data (and optionally one named meta)' })
    return { dataset: null, problems: p.list }
  }
  const rowsOfSheet = (path: string, onRow: (r: Row) => void, start?: (sink: RowSink) => void): void => {
    const x = wb.part(path)
    if (!x) throw new Error(`the sheet part ${path} is missing`)
    const { merges, links, special } = sheetExtras(wb, path, x)
    const sink = new RowSink(x, wb, special, links, merges, onRow)
    start?.(sink)
    try {
      scanSheet(x, sink)
      sink.finish()
    } catch (err) {
      if (!(err instanceof Stop)) throw err
    }
  }

  const mp = new ProblemList(file, metaSheet?.name)
  const metaRows: Row[] = []
  if (metaSheet) rowsOfSheet(metaSheet.path, (r) => metaRows.push(r))
  const meta: MetaInput = readMetaRows(
    metaRows.map(({ row, cells }) => ({ row, cells: cells.map(text) })),
    mp,
  )

  const p = new ProblemList(file, dataSheet.name)
  let t: TableBuilder | null = null
  let sinkRef: RowSink | null = null
  rowsOfSheet(
    dataSheet.path,
    ({ row, cells }) => {
      if (!cells.some((c) => text(c).trim() !== '')) return
      t = new TableBuilder(cells.map(text), row, p, sinkRef!.x)
      if (p.size > 0) throw new Stop()
      sinkRef!.table = t
    },
    (sink) => (sinkRef = sink),
  )
  if (!t) {
    p.add('the data sheet is empty')
    return { dataset: null, problems: [...mp.list, ...p.list] }
  }
  const dataset = p.size === 0 && mp.size === 0 ? finishTable(t, meta, p) : null
  return { dataset: mp.size + p.size > 0 ? null : dataset, problems: [...mp.list, ...p.list] }
}

export async function readXlsxDataset(bytes: Uint8Array, file: string): Promise<Loaded> {
  try {
    return readFast(bytes, file)
  } catch (err) {
    if (err instanceof Unsupported) return readXlsxWithExcelJs(bytes, file)
    const p = new ProblemList(file)
    p.add(`not a readable XLSX workbook: ${(err as Error).message}`)
    return { dataset: null, problems: p.list }
  }
}
