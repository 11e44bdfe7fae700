/**
 * A CSV dataset file: an optional block of `#key,value` rows (see
 * meta-rows.ts), then a header row and the table of figures.
 */
import type { ColumnarDataset, DatasetProblem } from '../../src-shared/dataset'
import { fieldText, readCsv, sepHint, sniffDelimiter } from './csv'
import { LimitError } from './limits'
import { toUtf8Bytes } from './decode'
import { readMetaRows, type MetaRow } from './meta-rows'
import { ProblemList } from './problems'
import { finishTable } from './table-finish'
import { TableBuilder } from './table-builder'

type Loaded = { dataset: ColumnarDataset | null; problems: DatasetProblem[] }

/** Reads a CSV file's bytes into a dataset, or the problems that keep it out (a row over the limits of csv.ts is one). */
export function readCsvDataset(raw: Uint8Array, file: string): Loaded {
  try {
    return readCsvTable(raw, file)
  } catch (err) {
    if (!(err instanceof LimitError)) throw err
    return { dataset: null, problems: [{ file, row: err.row, message: err.message }] }
  }
}

function readCsvTable(raw: Uint8Array, file: string): Loaded {
  const p = new ProblemList(file)
  const fail = (message: string, at = {}) => (p.add(message, at), { dataset: null, problems: p.list })
  const text = toUtf8Bytes(raw)
  if (!text.ok) return fail(text.message)
  const b = text.bytes
  const hint = sepHint(b)
  const start = hint?.next ?? 0
  const delim = hint?.delim ?? sniffDelimiter(b)

  const meta: MetaRow[] = []
  let header: MetaRow | null = null
  let cells: string[] = []
  let next = start
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
  }, start)
  if (open) return fail('a quoted field is never closed (a " is missing)', { row: open })
  if (!header) return fail(meta.length ? 'no table: after the # lines there is no header row' : 'the file is empty')
  const { row: headerRow, cells: headerCells } = header as MetaRow

  const m = readMetaRows(meta, p)
  const t = new TableBuilder(headerCells, headerRow, p, b)
  t.decimalCommas = delim !== 0x2c
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
