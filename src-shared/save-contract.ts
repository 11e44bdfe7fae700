/**
 * Saving data files from the page: a loaded dataset in the documented layout
 * (*Save dataset as Excel…*) and a chart's table (*Save as CSV / XLSX*). The
 * page names what to save; main asks where, writes atomically and answers with
 * a `SaveOutcome`, whose failure reason the page words in its own language.
 */
import type { TableRow } from './charts/table'

/** The file formats data is saved in: an Excel workbook or UTF-8 CSV. */
export const SAVE_FORMATS = ['xlsx', 'csv'] as const
/** One of `SAVE_FORMATS`. */
export type SaveFormat = (typeof SAVE_FORMATS)[number]

/**
 * Why a write failed, as a word the page translates: `disk-full` (ENOSPC),
 * `quota` (EDQUOT), `no-permission` (EACCES, EPERM), `read-only` (EROFS),
 * `no-folder` (ENOENT), `in-the-way` (ENOTDIR, EISDIR, EEXIST), `other`.
 */
export const WRITE_FAILURES = ['disk-full', 'quota', 'no-permission', 'read-only', 'no-folder', 'in-the-way', 'other'] as const
/** One of `WRITE_FAILURES`. */
export type WriteFailure = (typeof WRITE_FAILURES)[number]

const BY_CODE: Record<string, WriteFailure> = {
  ENOSPC: 'disk-full',
  EDQUOT: 'quota',
  EACCES: 'no-permission',
  EPERM: 'no-permission',
  EROFS: 'read-only',
  ENOENT: 'no-folder',
  ENOTDIR: 'in-the-way',
  EISDIR: 'in-the-way',
  EEXIST: 'in-the-way',
}

/** The failure reason for a Node error code (`undefined` or an unknown code → `other`). */
export function writeFailure(code: string | undefined): WriteFailure {
  return (code !== undefined && Object.hasOwn(BY_CODE, code) ? BY_CODE[code] : undefined) ?? 'other'
}

/**
 * What a save did: `saved` (the path written, its format and how many data
 * rows it holds), `failed` (the path, the reason and the system's own words),
 * or `null` when the user cancelled the save dialog.
 */
export type SaveOutcome =
  | { saved: true; path: string; format: SaveFormat; rows: number }
  | { saved: false; path: string; reason: WriteFailure; detail: string }
  | null

/** A chart's table to save: the chart, its title, source line and as-of year as shown, the rows as shown, and the format. Main checks every field. */
export interface TableSaveRequest {
  /** A chart id of one of the dashboards (names the suggested file). */
  chartId: string
  title: string
  /** The chart's source line, as under the chart. */
  sourceLine: string
  /** The latest year the chart's figures refer to, or `null`. */
  asOf: string | null
  format: SaveFormat
  rows: TableRow[]
}

/**
 * Limits on a table sent by the page: rows, characters per cell, per title and
 * source line, and in all. The largest chart table has a few hundred rows of
 * short text; these leave ample room and keep a hostile page from making main
 * build a huge file.
 */
export const TABLE_LIMITS = { rows: 5000, cellChars: 4000, titleChars: 500, sourceLineChars: 20_000, totalChars: 4_000_000 } as const
