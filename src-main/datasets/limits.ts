/**
 * Bounds on the work any input can cause, so a hostile or broken file gives a
 * problem within seconds instead of exhausting memory (a 30 MB line of empty
 * fields, millions of one-character rows). With the 64 MiB file cap they
 * keep a load under 512 MB of memory.
 */
import { KIB } from './sizes'

/** Fields one row may have: Excel's column limit (16,384, column XFD). */
export const MAX_FIELDS_PER_ROW = 16384
/** Bytes one field may have: Excel's cell limit of 32,767 characters, at up to 4 UTF-8 bytes each (128 KiB). */
export const MAX_FIELD_BYTES = 128 * KIB
/** Rows of figures one file may have (the benchmarks load 1,000,000). */
export const MAX_TABLE_ROWS = 2_000_000

/** Thrown when a limit is passed: the file is refused with this message at this row. */
export class LimitError extends Error {
  constructor(
    readonly row: number,
    kind: 'fields' | 'bytes' | 'rows',
  ) {
    super(
      kind === 'fields'
        ? `more than ${MAX_FIELDS_PER_ROW.toLocaleString('en')} fields in one row (is this a data table?)`
        : kind === 'bytes'
          ? `a field longer than ${MAX_FIELD_BYTES / KIB} KiB (Excel holds at most 32,767 characters in a cell; is a " missing?)`
          : `more than ${MAX_TABLE_ROWS.toLocaleString('en')} rows of figures; split the file`,
    )
  }
}

/** Throws `LimitError` when field number `col` (0-based) of `row`, `bytes` long, passes a limit. */
export function checkField(row: number, col: number, bytes: number): void {
  if (bytes > MAX_FIELD_BYTES) throw new LimitError(row, 'bytes')
  if (col >= MAX_FIELDS_PER_ROW) throw new LimitError(row, 'fields')
}
