/**
 * A CSV dataset file: an optional block of `#key,value` rows (see
 * meta-rows.ts), then a header row and the table of figures.
 */
import type { ColumnarDataset, DatasetProblem } from '../../src-shared/dataset'
import { fieldText, readCsv, sniffDelimiter } from './csv'
import { toUtf8Bytes } from './decode'
import { readMetaRows, type MetaRow } from './meta-rows'
import { ProblemList } from './problems'
import { finishTable } from './table-finish'
import { TableBuilder } from './table-builder'

export function readCsvDataset(raw: Uint8Array, file: string): { dataset: ColumnarDataset | null; problems: DatasetProblem[] } {
  const p = new ProblemList(file)
  const fail = (message: string, at = {}) => (p.add(message, at), { dataset: null, problems: p.list })
  const text = toUtf8Bytes(raw)
  if (!text.ok) return fail(text.message)
  const b = text.bytes
  const delim = sniffDelimiter(b)

  const meta: MetaRow[] = []
  let header: MetaRow | null = null
  let cells: string[] = []
  let next = 0
  const open = readCsv(b, delim, {
    field: (_col, start, end, flags) => void cells.push(fieldText(b, start, end, flags)),
    record: (row, at) => {
      const line = cells
      cells = []
      next = at
      if (line.every((c) => c.trim() === '')) return
      if (line[0]!.trim().startsWith('#')) meta.push({ row, cells: line })
      else {
        header = { row, cells: line }
        return false
      }
    },
  })
  if (open) return fail('a quoted field is never closed (a " is missing)', { row: open })
  if (!header) return fail(meta.length ? 'no table: after the # lines there is no header row' : 'the file is empty')
  const { row: headerRow, cells: headerCells } = header as MetaRow

  const m = readMetaRows(meta, p)
  const t = new TableBuilder(headerCells, headerRow, p, b)
  t.reserve(estimateRows(b, next))
  const unterminated = t.readCsvRows(b, delim, next, headerRow + 1)
  if (unterminated) p.add('a quoted field is never closed (a " is missing)', { row: unterminated })
  if (p.size > 0) return { dataset: null, problems: p.list }
  const dataset = finishTable(t, m, p)
  return { dataset: p.size > 0 ? null : dataset, problems: p.list }
}

/** About how many records follow `from`: line breaks in the first 64 KiB, scaled to the rest. */
export function estimateRows(b: Uint8Array, from: number): number {
  const rest = b.length - from
  const sample = Math.min(rest, 64 * 1024)
  let lines = 0
  for (let i = from; i < from + sample; i++) if (b[i] === 10) lines++
  return sample === 0 ? 0 : Math.ceil(((lines + 1) * rest) / sample * 1.02)
}
