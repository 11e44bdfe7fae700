/**
 * The cells of one worksheet, as Excel and WPS show them: shared, inline and
 * rich text as text; formulas by their saved result; numbers to 15
 * significant digits, percent-formatted ones as the percentage shown (0.46 in
 * a `0%` cell reads as `46%`), date-formatted ones as dates; a hyperlinked
 * cell by its link; merged cells repeating the top-left value. A value that
 * cannot be read as seen — a formula with no saved result, a number in a
 * display-scaling format — is a refusal naming the cell, never a silent gap.
 */
import type { Cell } from './fields'
import { excelDate, excelNumber } from './number-format'
import type { Archive } from './xlsx-archive'
import { StringItem, readRels, type WorkbookParts } from './xlsx-parts'
import { parseXml } from './xlsx-xml'

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
/** The problem for a cell whose display format scales its number (万, thousands, millions). */
export const SCALED_FORMAT = 'the cell shows its number scaled by a display format (such as 0!.0,"万" or 0.0,,), not the number stored — type the number in the row\'s unit'

interface CellState {
  col: number
  type: string
  style: number
  formula: boolean
  value: string | null
  inline: StringItem | null
}

/** Reads a sheet's rows (only rows with a value), merges and links applied. Rejects on damaged XML. */
// eslint-disable-next-line max-lines-per-function -- one streaming pass of saxes' events over the sheet XML; the handlers share the cell being read
export async function readSheet(a: Archive, wb: WorkbookParts, path: string): Promise<{ rows: SheetRow[]; refusals: Refusal[] }> {
  const xml = await a.read(path)
  if (!xml) throw new Error(`the sheet part ${path} is missing`)
  const rows: SheetRow[] = []
  const refusals: Refusal[] = []
  const merges: string[] = []
  const links: { ref: string; id?: string }[] = []
  let row = 0
  let cells: Cell[] | null = null
  let lastCol = -1
  let c: CellState | null = null
  let inValue = false
  let inInline = false
  const finishCell = (s: CellState): void => {
    if (!cells) return
    const v = s.value
    if (s.inline) {
      cells[s.col] = s.inline.done()
      return
    }
    if (v === null) {
      if (s.formula) refusals.push({ row, col: s.col, message: NO_SAVED_VALUE })
      return
    }
    switch (s.type) {
      case 's':
        cells[s.col] = wb.strings[Number(v)] ?? null
        return
      case 'str':
      case 'inlineStr':
      case 'e':
        cells[s.col] = v
        return
      case 'b':
        cells[s.col] = v.trim() === '1' || v.trim() === 'true'
        return
      case 'd': {
        const d = new Date(v)
        cells[s.col] = Number.isNaN(d.getTime()) ? v : d
        return
      }
    }
    const n = Number(v)
    if (v.trim() === '' || !Number.isFinite(n)) {
      cells[s.col] = v
      return
    }
    const kind = wb.styles[s.style] ?? 'plain'
    if (kind === 'date') cells[s.col] = excelDate(n, wb.date1904)
    else if (kind === 'percent') cells[s.col] = `${excelNumber(n * 100)}%`
    else if (kind === 'scaled') {
      refusals.push({ row, col: s.col, message: SCALED_FORMAT, got: String(excelNumber(n)) })
      cells[s.col] = null
    } else cells[s.col] = excelNumber(n)
  }
  parseXml(path, xml, {
    open({ name, attrs }) {
      if (inInline) return c!.inline!.open(name)
      switch (name) {
        case 'row':
          row = attrs.r ? Number(attrs.r) : row + 1
          cells = []
          lastCol = -1
          return
        case 'c': {
          const col = attrs.r ? columnOf(attrs.r) : lastCol + 1
          lastCol = col
          c = { col, type: attrs.t ?? 'n', style: Number(attrs.s ?? 0), formula: false, value: null, inline: null }
          return
        }
        case 'v':
          if (c) {
            c.value = ''
            inValue = true
          }
          return
        case 'f':
          if (c) c.formula = true
          return
        case 'is':
          if (c) {
            c.inline = new StringItem()
            inInline = true
          }
          return
        case 'mergeCell':
          if (attrs.ref) merges.push(attrs.ref)
          return
        case 'hyperlink':
          if (attrs.ref) links.push({ ref: attrs.ref, id: attrs.id })
      }
    },
    close(name) {
      if (inInline) {
        if (name === 'is') inInline = false
        else c!.inline!.close(name)
        return
      }
      if (name === 'v') inValue = false
      else if (name === 'c' && c) {
        finishCell(c)
        c = null
      } else if (name === 'row' && cells) {
        for (let k = 0; k < cells.length; k++) if (cells[k] === undefined) cells[k] = null
        if (cells.some((x) => x !== null)) rows.push({ row, cells })
        cells = null
      }
    },
    text(s) {
      if (inInline) c!.inline!.text(s)
      else if (inValue && c) c.value += s
    },
  })
  if (links.length > 0) await applyLinks(a, path, rows, links)
  if (merges.length > 0) applyMerges(rows, merges)
  return { rows, refusals }
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
