/**
 * Loads one dataset file (JSON, CSV or XLSX, by extension) from inside a data
 * folder. Refuses, with a problem rather than an exception: paths that leave
 * the folder (absolute paths elsewhere, `..`, links pointing outside), missing
 * and empty files, files over `MAX_FILE_BYTES` (checked before reading), and
 * binary junk.
 */
import { readFile, realpath, stat } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'
import { toColumnar, type ColumnarDataset, type DatasetFile, type DatasetProblem } from '../../src-shared/dataset'
import { fromColumnar } from '../../src-shared/dataset'
import { readCsvDataset } from './csv-file'
import { decodeText } from './decode'
import { ProblemList } from './problems'
import { MIB, mib } from './sizes'
import { validateDataset } from './validate'
import { readXlsxDataset } from './xlsx-file'

/** Files larger than this (64 MiB) are refused before they are read. */
export const MAX_FILE_BYTES = 64 * MIB

/** The file extensions the app loads as datasets. */
export const DATASET_EXTENSIONS = ['.json', '.csv', '.xlsx'] as const

/** Where a file is loaded from: the folder it must stay inside. */
export interface LoadOptions {
  /** The data folder the file must stay inside. */
  root: string
}

/** A load's outcome: the dataset (null when it could not be used) and every problem found. */
export type Loaded<T> = { dataset: T | null; problems: DatasetProblem[] }

const inside = (base: string, p: string): boolean => {
  const r = relative(base, p)
  return r !== '' && r !== '..' && !r.startsWith(`..${sep}`) && !isAbsolute(r)
}

/** Resolves `path` against `root` and checks it may be read; `file` is the absolute path used in problems. */
export async function checkPath(path: string, root: string): Promise<{ ok: true; file: string; real: string; size: number } | { ok: false; problem: DatasetProblem }> {
  const rootAbs = resolve(root)
  const file = resolve(rootAbs, path)
  const refuse = (message: string, extra: Partial<DatasetProblem> = {}) => ({ ok: false as const, problem: { file, message, ...extra } })
  if (!inside(rootAbs, file)) return refuse('the path leaves the data folder', { got: path, expected: `a file inside ${rootAbs}` })
  let real: string
  let rootReal: string
  try {
    rootReal = await realpath(rootAbs)
    real = await realpath(file)
  } catch {
    return refuse('file not found')
  }
  if (!inside(rootReal, real)) return refuse('the file is a link to a place outside the data folder', { got: real, expected: `a file inside ${rootAbs}` })
  const st = await stat(real).catch(() => null)
  if (!st) return refuse('file not found')
  if (!st.isFile()) return refuse(`skipped: not a regular file (${st.isDirectory() ? 'a folder' : st.isFIFO() ? 'a named pipe' : st.isSocket() ? 'a socket' : 'a device file'})`)
  if (st.size === 0) return refuse('the file is empty')
  if (st.size > MAX_FILE_BYTES) return refuse('the file is too large', { got: mib(st.size), expected: `at most ${mib(MAX_FILE_BYTES)}` })
  return { ok: true, file, real, size: st.size }
}

function parseJson(bytes: Uint8Array, file: string): Loaded<DatasetFile> {
  const p = new ProblemList(file)
  const text = decodeText(bytes)
  if (!text.ok) return p.add(text.message), { dataset: null, problems: p.list }
  if (text.text.trim() === '') return p.add('the file is empty'), { dataset: null, problems: p.list }
  let raw: unknown
  try {
    raw = JSON.parse(text.text)
  } catch (err) {
    // V8 quotes the text's first characters ("hello worl"...); a problem names the failing place, never the file's content.
    const msg = (err as Error).message.replace(/, "[\s\S]*"(?:\.\.\.)? is not valid JSON$/, '')
    const pos = /position (\d+)/.exec(msg)
    const line = pos ? text.text.slice(0, Number(pos[1])).split('\n').length : undefined
    p.add(`not valid JSON${line ? ` (line ${line})` : ''}: ${msg}`)
    return { dataset: null, problems: p.list }
  }
  return validateDataset(raw, file)
}

/** Parses bytes already read from `file` (by extension) into the columnar form. */
export async function parseDatasetBytes(bytes: Uint8Array, file: string): Promise<Loaded<ColumnarDataset>> {
  const ext = extname(file).toLowerCase()
  if (ext === '.csv') return readCsvDataset(bytes, file)
  if (ext === '.xlsx') {
    if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4)) {
      return { dataset: null, problems: [{ file, message: 'not an XLSX workbook (an .xlsx file is a ZIP archive, this one is not)' }] }
    }
    return readXlsxDataset(bytes, file)
  }
  if (ext === '.json') {
    const r = parseJson(bytes, file)
    return { dataset: r.dataset && toColumnar(r.dataset), problems: r.problems }
  }
  return { dataset: null, problems: [{ file, message: 'unsupported file type', got: ext || 'no extension', expected: DATASET_EXTENSIONS.join(', ') }] }
}

async function readChecked(path: string, root: string): Promise<{ bytes: Uint8Array; file: string } | { problem: DatasetProblem }> {
  const checked = await checkPath(path, root)
  if (!checked.ok) return { problem: checked.problem }
  try {
    return { bytes: await readFile(checked.real), file: checked.file }
  } catch (err) {
    return { problem: { file: checked.file, message: `could not read the file: ${(err as Error).message}` } }
  }
}

/** Loads a dataset file into the columnar form (what the service and the worker use). */
export async function loadColumnarFile(path: string, opts: LoadOptions): Promise<Loaded<ColumnarDataset>> {
  try {
    const read = await readChecked(path, opts.root)
    if ('problem' in read) return { dataset: null, problems: [read.problem] }
    return await parseDatasetBytes(read.bytes, read.file)
  } catch (err) {
    return { dataset: null, problems: [{ file: resolve(opts.root, path), message: `could not load the file: ${(err as Error).message}` }] }
  }
}

/**
 * Loads a dataset file as `DatasetFile` (the CLI's form); never throws for bad input, returns
 * problems instead. Every format goes through `loadColumnarFile`, the code the app runs in its
 * worker, so `npm run validate` reads each file exactly as the app does.
 */
export async function loadDatasetFile(path: string, opts: LoadOptions): Promise<Loaded<DatasetFile>> {
  const r = await loadColumnarFile(path, opts)
  if (!r.dataset) return { dataset: null, problems: r.problems }
  return { dataset: { ...r.dataset.meta, figures: fromColumnar(r.dataset) }, problems: r.problems }
}
