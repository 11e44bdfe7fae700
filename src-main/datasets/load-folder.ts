/**
 * Loads every dataset file at the top of a folder: `*.json`, `*.csv` and
 * `*.xlsx`, skipping dotfiles, `*.schema.json`, Excel's `~$` lock files and
 * sub-folders (such as `schema/`). A file with any problem contributes no
 * dataset; when two files declare the same id, the first by name keeps it.
 */
import { readdir } from 'node:fs/promises'
import { extname, join, resolve } from 'node:path'
import type { DatasetFile, DatasetProblem } from '../../src-shared/dataset'
import { DATASET_EXTENSIONS, loadDatasetFile } from './load-file'

/**
 * Names of the dataset files at the top of `dir`, sorted. Rejects when `dir`
 * cannot be read. Named pipes, sockets and device files with a dataset's name
 * are listed too, so loading them reports them as skipped, by name, instead
 * of passing over them in silence.
 */
export async function listDatasetFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true })
  return entries
    .filter((e) => !e.isDirectory() && isDatasetName(e.name))
    .map((e) => e.name)
    .sort()
}

/** True for a name the data folder reads: a dataset extension, not a dotfile, lock file or schema. */
export function isDatasetName(name: string): boolean {
  const lower = name.toLowerCase()
  return !name.startsWith('.') && !name.startsWith('~$') && !lower.endsWith('.schema.json') && (DATASET_EXTENSIONS as readonly string[]).includes(extname(lower))
}

/**
 * The rule of one folder's ids: the first file (by name) to claim an id keeps
 * it; a later file with the same id gets a problem and contributes nothing.
 */
export class IdClaims {
  private files = new Map<string, string>()

  /** Claims `id` for `file`: null when it is free (now taken), else the problem for `file`. */
  claim(id: string, file: string): DatasetProblem | null {
    const first = this.files.get(id)
    if (first !== undefined) return { file, column: 'id', message: `duplicate dataset id "${id}": ${first} already uses it`, got: id, expected: 'an id used by one file only' }
    this.files.set(id, file)
    return null
  }

  /** The file that holds each id. */
  byId(): Record<string, string> {
    return Object.fromEntries(this.files)
  }
}

/** Loads every dataset file of `dir` (see the module comment); problems name each file that did not load. */
export async function loadFolder(dir: string): Promise<{ datasets: DatasetFile[]; problems: DatasetProblem[]; files: Record<string, string> }> {
  const root = resolve(dir)
  const datasets: DatasetFile[] = []
  const problems: DatasetProblem[] = []
  const claims = new IdClaims()
  let names: string[]
  try {
    names = await listDatasetFiles(root)
  } catch (err) {
    return { datasets, problems: [{ file: root, message: `cannot read the folder: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` }], files: {} }
  }
  for (const name of names) {
    const r = await loadDatasetFile(name, { root })
    problems.push(...r.problems)
    if (!r.dataset) continue
    const taken = claims.claim(r.dataset.id, join(root, name))
    if (taken) problems.push(taken)
    else datasets.push(r.dataset)
  }
  return { datasets, problems, files: claims.byId() }
}
