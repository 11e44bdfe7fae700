/**
 * The cells of one worksheet, by what their formats mean: shared, inline and
 * rich text as text; formulas by their saved result; numbers to 15
 * significant digits (not rounded to the decimals a format shows),
 * percent-formatted ones × 100 as a percentage (0.46 in a `0%` cell reads as
 * `46%`; 0.3245 in `0.0%` as `32.45%`), date-formatted ones as dates; a hyperlinked
 * cell by its link; merged cells repeating the top-left value. A value that
 * cannot be read as seen — a formula with no saved result, a number in a
 * display-scaling format — is a refusal naming the cell, never a silent gap.
 */
import type { Cell } from './fields'
import { excelDate, excelNumber } from './number-format'
import type { Archive } from './xlsx-archive'
import { StringItem, readRels, type WorkbookParts } from './xlsx-parts'
import { attr, xmlReader } from './xlsx-xml'

/** A row of cells (0-based columns) and the row number Excel shows. */
export interface SheetRow {
  row: number
  cells: Cell[]
}

/** A cell that is not read: its row, 0-based column, the message and the value stored. */
export interface Refusal {
  row: number
  col: number
  message: string
  got?: string
}

/** Column index (0-based) of a cell reference such as `AB12`, or -1. */
export function columnOf(ref: string): number {
  let c = 0
  let k = 0
  for (; k < ref.length; k++) {
    const ch = ref.charCodeAt(k) | 0x20
    if (ch < 0x61 || ch > 0x7a) break
    c = c * 26 + (ch - 0x60)
  }
  return k === 0 ? -1 : c - 1
}

/** Row number of a cell reference such as `AB12`, or -1. */
export function rowOf(ref: string): number {
  const m = /\d+$/.exec(ref)
  return m ? Number(m[0]) : -1
}

/** The problem for a formula cell saved without its value. */
export const NO_SAVED_VALUE = 'formula with no saved value — open and save the file in Excel or WPS'
/**
 * The problem for a cell whose number format scales what it shows (万,
 * thousands, millions): the digits seen are not the number stored, and which
 * unit they are in is not known, so the cell is refused rather than read 1,000
 * or 10,000 times off. Names the format; the stored number is the problem's `got`.
 */
export const scaledFormat = (code: string | undefined): string =>
  `the number format ${code ? `"${code}" ` : ''}shows this cell's number scaled (in thousands, millions or 万), not the number stored — type the number in the row's unit, or give the cell a format without the scaling (General, 0.0)`

/** Where a sheet's cells go as they are read: each cell with a value, then the end of its row. */
export interface SheetSink {
  /** A cell of the current row (0-based column) with a value (text may be empty, as written); cells without one and refused ones are not given. */
  cell(col: number, v: Exclude<Cell, null>): void
  /** The end of row `row` (the row number Excel shows); rows the XML lacks are not given. */
  endRow(row: number): void
}

/** What a pass over a sheet found besides its cells: refused cells, merged ranges and hyperlinks (applied by `readSheet`). */
export interface SheetScan {
  refusals: Refusal[]
  merges: string[]
  links: { ref: string; id?: string }[]
}

/** Bytes of XML given to saxes at a time (1 MiB): a sheet is never held whole, and saxes is not entered for every 16 KiB inflated. */
const WRITE_BYTES = 1 << 20

/** The longest stored number text that is already as Excel displays it: ≤ 15 characters hold ≤ 15 significant digits. */
const SHORT_NUMBER = 15

/**
 * One streaming pass over a sheet's XML as it is inflated, giving every cell
 * with a value to `sink` as a person sees it. Merged cells and hyperlinks come
 * after the cells in a sheet's XML, so they are returned for the caller to
 * apply (`readSheet`). Rejects on damaged XML or a missing part.
 */
// eslint-disable-next-line max-lines-per-function -- one streaming pass of saxes' events over the sheet XML; the handlers share the cell being read, kept in locals rather than an object per cell
export async function scanSheet(a: Archive, wb: WorkbookParts, path: string, sink: SheetSink): Promise<SheetScan> {
  const chunks = await a.stream(path)
  if (!chunks) throw new Error(`the sheet part ${path} is missing`)
  const out: SheetScan = { refusals: [], merges: [], links: [] }
  const { refusals } = out
  const { strings, styles, formatCodes, date1904 } = wb
  let row = 0
  let inRow = false
  let lastCol = -1
  // The cell being read.
  let inCell = false
  let col = 0
  let type = 'n'
  let style = 0
  let formula = false
  let value: string | null = null
  let inValue = false
  let inline: StringItem | null = null
  const number = (v: string): void => {
    const n = Number(v)
    if (v.trim() === '' || !Number.isFinite(n)) return sink.cell(col, v)
    const kind = styles[style] ?? 'plain'
    if (kind === 'plain') sink.cell(col, v.length <= SHORT_NUMBER ? n : excelNumber(n))
    else if (kind === 'date') sink.cell(col, excelDate(n, date1904))
    else if (kind === 'percent') sink.cell(col, `${excelNumber(n * 100)}%`)
    else refusals.push({ row, col, message: scaledFormat(formatCodes[style]), got: String(excelNumber(n)) })
  }
  const finishCell = (): void => {
    inCell = false
    if (!inRow) return
    if (inline) {
      const t = inline.done()
      inline = null
      return sink.cell(col, t)
    }
    const v = value
    if (v === null) {
      if (formula) refusals.push({ row, col, message: NO_SAVED_VALUE })
      return
    }
    switch (type) {
      case 's': {
        const t = strings[Number(v)]
        if (t !== undefined) sink.cell(col, t)
        return
      }
      case 'str':
      case 'inlineStr':
      case 'e':
        sink.cell(col, v)
        return
      case 'b':
        sink.cell(col, v.trim() === '1' || v.trim() === 'true')
        return
      case 'd': {
        const d = new Date(v)
        sink.cell(col, Number.isNaN(d.getTime()) ? v : d)
        return
      }
    }
    number(v)
  }
  const reader = xmlReader(path, {
    open(tag) {
      if (inline) return inline.open(tag.name)
      const attrs = tag.attrs
      switch (tag.name) {
        case 'row':
          row = attrs.r ? Number(attrs.r) : row + 1
          inRow = true
          lastCol = -1
          return
        case 'c': {
          const r = attrs.r
          col = r ? columnOf(r) : lastCol + 1
          lastCol = col
          type = attrs.t ?? 'n'
          style = attrs.s ? Number(attrs.s) : 0
          formula = false
          value = null
          inCell = true
          return
        }
        case 'v':
          if (inCell) {
            value = ''
            inValue = true
          }
          return
        case 'f':
          if (inCell) formula = true
          return
        case 'is':
          if (inCell) inline = new StringItem()
          return
        case 'mergeCell':
          if (attrs.ref) out.merges.push(attrs.ref)
          return
        case 'hyperlink':
          if (attrs.ref) out.links.push({ ref: attrs.ref, id: attr(tag, 'id') })
      }
    },
    close(name) {
      if (inline && name !== 'is' && name !== 'c') return inline.close(name)
      if (name === 'v') inValue = false
      else if (name === 'c' && inCell) finishCell()
      else if (name === 'row' && inRow) {
        inRow = false
        sink.endRow(row)
      }
    },
    text(s) {
      if (inline) inline.text(s)
      else if (inValue) value += s
    },
  })
  // saxes runs far faster on fewer, larger writes: small inflated chunks (a stored entry's) are gathered.
  let batch: Buffer[] = []
  let size = 0
  for await (const chunk of chunks) {
    if (size === 0 && chunk.length >= WRITE_BYTES) {
      reader.write(chunk)
      continue
    }
    batch.push(chunk)
    size += chunk.length
    if (size >= WRITE_BYTES) {
      reader.write(Buffer.concat(batch, size))
      batch = []
      size = 0
    }
  }
  reader.write(Buffer.concat(batch, size))
  reader.end()
  return out
}

/** Reads a sheet's rows (only rows with a value), merges and links applied. Rejects on damaged XML. */
export async function readSheet(a: Archive, wb: WorkbookParts, path: string): Promise<{ rows: SheetRow[]; refusals: Refusal[] }> {
  const rows: SheetRow[] = []
  let cells: Cell[] = []
  const scan = await scanSheet(a, wb, path, {
    cell: (col, v) => void (cells[col] = v),
    endRow(row) {
      if (cells.length > 0) rows.push({ row, cells: Array.from(cells, (c) => c ?? null) })
      cells = []
    },
  })
  if (scan.links.length > 0) await applyLinks(a, path, rows, scan.links)
  if (scan.merges.length > 0) applyMerges(rows, scan.merges)
  return { rows, refusals: scan.refusals }
}

/** A cell with an external hyperlink reads as its address (as ExcelJS reads it). */
async function applyLinks(a: Archive, path: string, rows: SheetRow[], links: { ref: string; id?: string }[]): Promise<void> {
  const rels = await readRels(a, path)
  const byRow = new Map(rows.map((r) => [r.row, r]))
  for (const { ref, id } of links) {
    const target = id === undefined ? undefined : rels.get(id)?.raw
    const r = byRow.get(rowOf(ref))
    const col = columnOf(ref)
    if (!target || !r || col < 0 || r.cells[col] === undefined || r.cells[col] === null) continue
    if (/^https?:/i.test(target)) r.cells[col] = target
  }
}

/** Every cell of a merged range repeats its top-left value; rows the XML lacks are added. */
function applyMerges(rows: SheetRow[], merges: string[]): void {
  const byRow = new Map(rows.map((r) => [r.row, r]))
  for (const ref of merges) {
    const [a, b] = ref.split(':')
    if (!a || !b) continue
    const r0 = Math.min(rowOf(a), rowOf(b))
    const r1 = Math.max(rowOf(a), rowOf(b))
    const c0 = Math.min(columnOf(a), columnOf(b))
    const c1 = Math.max(columnOf(a), columnOf(b))
    if (r0 < 1 || c0 < 0) continue
    const master = byRow.get(r0)?.cells[c0] ?? null
    if (master === null) continue
    for (let r = r0; r <= r1; r++) {
      let target = byRow.get(r)
      if (!target) {
        target = { row: r, cells: [] }
        byRow.set(r, target)
        rows.push(target)
      }
      for (let col = c0; col <= c1; col++) target.cells[col] = master
      for (let k = 0; k < target.cells.length; k++) if (target.cells[k] === undefined) target.cells[k] = null
    }
  }
  rows.sort((x, y) => x.row - y.row)
}
