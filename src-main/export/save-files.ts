/**
 * The page's data saves: *Save dataset as Excel…* (a loaded dataset in the
 * documented layout, src-main/datasets/template.ts) and *Save as CSV / XLSX*
 * under a chart's table (table-file.ts). What the page sends is untrusted: a
 * dataset id must name a loaded dataset; a table must be a known chart's, of
 * the right shape and within `TABLE_LIMITS`. The save dialog offers both
 * formats; the name's extension picks the format (`.xlsx` when it has none).
 * Files are written atomically; a failed write is an outcome with its reason,
 * which the page words in the user's language.
 */
import { basename } from 'node:path'
import { DASHBOARDS } from '../../src-shared/charts'
import { TABLE_COLUMNS, type TableRow } from '../../src-shared/charts/table'
import { fromColumnar, type DatasetFile } from '../../src-shared/dataset'
import type { DatasetSnapshot } from '../../src-shared/ipc-contract'
import { SAVE_FORMATS, TABLE_LIMITS, writeFailure, type SaveFormat, type SaveOutcome, type TableSaveRequest } from '../../src-shared/save-contract'
import { markingText, type Lang, type Settings } from '../../src-shared/settings'
import { writeDatasetCsv, writeDatasetXlsx } from '../datasets/template'
import { HandlerError } from '../ipc/gateway'
import { tableFileStem } from './names'
import { askSavePath, extensionOf, type ChooseSavePath } from './save-path'
import { tableCsv, tableXlsx } from './table-file'
import { ExportWriteError, writeExport } from './write'

/** What the data saves need: the data the page shows, the language, the settings (marking), the save dialog and the clock. */
export interface SaveDeps {
  data(): DatasetSnapshot
  lang(): Lang
  settings(): Settings
  chooseSavePath: ChooseSavePath
  now?(): Date
}

const CHART_DASHBOARD = new Map<string, string>(Object.values(DASHBOARDS).flatMap((d) => d.charts.map((c) => [c.id, d.id] as const)))

function bad(message: string): never {
  throw new HandlerError('bad-request', message)
}

/** A file name for `id` that every file system takes: path separators, reserved and control characters become `-`. */
export function datasetFileName(id: string, format: SaveFormat): string {
  return `${id.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-').replace(/^\.+/, '') || 'dataset'}.${format}`
}

/** Asks where to save (xlsx or csv, `first` suggested), writes what `bytes` gives for the chosen format, and reports the outcome. */
async function saveAs(deps: SaveDeps, stem: string, first: SaveFormat, rows: number, bytes: (format: SaveFormat) => Promise<Buffer | string>): Promise<SaveOutcome> {
  const order = [first, ...SAVE_FORMATS.filter((f) => f !== first)]
  const path = await askSavePath(deps.chooseSavePath, `${stem}.${first}`, order)
  if (path === null) return null
  const format = (extensionOf(path, SAVE_FORMATS)?.toLowerCase() ?? first) as SaveFormat
  try {
    await writeExport(path, await bytes(format))
  } catch (err) {
    if (err instanceof ExportWriteError) return { saved: false, path, reason: writeFailure(err.code), detail: err.message }
    throw err
  }
  return { saved: true, path, format, rows }
}

/** *Save dataset as Excel…*: the loaded dataset `id` (bundled or the user's) as XLSX, or CSV when the chosen name ends in `.csv`. */
export async function saveDataset(deps: SaveDeps, id: unknown): Promise<SaveOutcome> {
  if (typeof id !== 'string' || id.length > 200) bad('dataset id must be a string of at most 200 characters')
  const found = deps.data().datasets.find((d) => d.meta.id === id)
  if (!found) bad(`no loaded dataset "${id.slice(0, 80)}"`)
  const file: DatasetFile = { ...found.meta, figures: fromColumnar(found) }
  // The name of the file it was read from (a user's "城市 GDP 2020（副本）.csv", not its derived id "gdp-2020-a5922674"), else its id.
  const origin = deps.data().origins[id]?.file
  const stem = datasetFileName(origin ? basename(origin).replace(/\.(json|csv|xlsx)$/i, '') : id, 'xlsx').slice(0, -'.xlsx'.length)
  return saveAs(deps, stem, 'xlsx', file.figures.length, async (format) => (format === 'csv' ? writeDatasetCsv(file) : writeDatasetXlsx(file)))
}

/** Checks a table sent by the page: shape, types and `TABLE_LIMITS`; throws a `bad-request` naming the first fault. */
export function checkTableRequest(req: unknown): TableSaveRequest {
  if (typeof req !== 'object' || req === null || Array.isArray(req)) bad('table request must be an object')
  const r = req as Record<string, unknown>
  if (typeof r.chartId !== 'string' || !CHART_DASHBOARD.has(r.chartId)) bad(`unknown chart "${String(r.chartId).slice(0, 80)}"`)
  if (!SAVE_FORMATS.includes(r.format as SaveFormat)) bad(`format must be ${SAVE_FORMATS.join(' or ')}`)
  const text = (v: unknown, max: number, what: string): string => {
    if (typeof v !== 'string') bad(`${what} must be text`)
    if (v.length > max) bad(`${what} is longer than ${max} characters`)
    return v
  }
  text(r.title, TABLE_LIMITS.titleChars, 'title')
  text(r.sourceLine, TABLE_LIMITS.sourceLineChars, 'source line')
  if (r.asOf !== null) text(r.asOf, 20, 'as-of date')
  if (!Array.isArray(r.rows)) bad('rows must be a list')
  if (r.rows.length > TABLE_LIMITS.rows) bad(`a table has at most ${TABLE_LIMITS.rows} rows, got ${r.rows.length}`)
  let total = 0
  const rows = r.rows.map((row: unknown, i): TableRow => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) bad(`row ${i + 1} must be an object`)
    const cells = row as Record<string, unknown>
    const out = { sort: null } as TableRow
    for (const c of TABLE_COLUMNS) {
      out[c] = text(cells[c], TABLE_LIMITS.cellChars, `row ${i + 1}, column ${c}`)
      total += out[c].length
    }
    if (total > TABLE_LIMITS.totalChars) bad(`the table is larger than ${TABLE_LIMITS.totalChars} characters`)
    return out
  })
  return { chartId: r.chartId, title: r.title as string, sourceLine: r.sourceLine as string, asOf: r.asOf as string | null, format: r.format as SaveFormat, rows }
}

/** *Save as CSV / XLSX* under a chart's table: the checked rows with the marking, title, source line and as-of date; the chosen name's extension may switch the format. */
export async function saveTable(deps: SaveDeps, request: unknown): Promise<SaveOutcome> {
  const req = checkTableRequest(request)
  const lang = deps.lang()
  const stem = tableFileStem(CHART_DASHBOARD.get(req.chartId)!, req.chartId, lang)
  const input = { title: req.title, sourceLine: req.sourceLine, asOf: req.asOf, rows: req.rows, lang, marking: markingText(deps.settings().marking, lang), now: deps.now?.() ?? new Date() }
  return saveAs(deps, stem, req.format, req.rows.length, (format) => (format === 'csv' ? tableCsv(input) : tableXlsx(input)))
}
