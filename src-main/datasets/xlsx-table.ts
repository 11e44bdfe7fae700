/**
 * A data sheet read straight into a `TableBuilder` as its cells stream in, so
 * the rows of a large sheet are never held as objects: rows on top whose
 * first cell starts with `#` are the header block, the next row with a value
 * holds the column headers, and every row after it goes to the builder.
 */
import type { Cell } from './fields'
import type { MetaRow } from './meta-rows'
import { ProblemList } from './problems'
import { TableBuilder } from './table-builder'
import type { SheetRow, SheetSink } from './xlsx-sheet'

/** A cell as text, the way the header block and the column headers read it. */
export const text = (c: Cell): string => (c === null ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c))

/** A sheet row as a header-block row: its cells as text. */
export const metaRow = ({ row, cells }: SheetRow): MetaRow => ({ row, cells: cells.map(text) })

/** Collects a data sheet: its header block (`metaRows`), its column headers (`header`) and its figures (`builder`). */
export class SheetTable implements SheetSink {
  /** Rows on top whose first cell starts with `#`. */
  readonly metaRows: MetaRow[] = []
  /** The column headers' row, once read. */
  header: MetaRow | null = null
  /** The figures, once the headers are read; null while they are not, or when they have problems. */
  builder: TableBuilder | null = null
  /** Problems of the column headers (unknown or repeated columns). */
  readonly headerProblems: ProblemList
  private cells: Cell[] = []

  /** @param file and `sheet` name the problems of the column headers. */
  constructor(file: string, sheet: string) {
    this.headerProblems = new ProblemList(file, sheet)
  }

  /** A cell of the current row. */
  cell(col: number, v: Exclude<Cell, null>): void {
    const t = this.builder
    if (t) {
      if (typeof v === 'number') t.numberCell(col, v)
      else t.cell(col, v)
    } else if (!this.header) this.cells[col] = v
  }

  /** The end of a row: a header-block row, the column headers, or a row of figures. */
  endRow(row: number): void {
    if (this.builder) return this.builder.endRow(row)
    if (this.header) return
    const cells = Array.from(this.cells, (c) => c ?? null)
    this.cells = []
    if (cells.length === 0) return
    if (text(cells[0] ?? null).trim().startsWith('#')) {
      this.metaRows.push(metaRow({ row, cells }))
      return
    }
    this.header = metaRow({ row, cells })
    const t = new TableBuilder(this.header.cells, row, this.headerProblems)
    // Numbers typed as text: `8,5` is 8.5; `1,121` by the workbook's other text numbers, else with a point (decimal-comma.ts).
    t.decimalCommas = true
    t.decimalFallback = 'point'
    if (this.headerProblems.size === 0) this.builder = t
  }

  /** Gives rows already read (a sheet with merged cells or links, once they are applied). */
  replay(rows: SheetRow[]): void {
    for (const { row, cells } of rows) {
      for (let c = 0; c < cells.length; c++) {
        const v = cells[c]
        if (v !== null && v !== undefined) this.cell(c, v)
      }
      this.endRow(row)
    }
  }
}
