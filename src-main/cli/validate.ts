/**
 * `npm run validate -- <folder-or-file> [--json | --show]`: checks dataset
 * files with the app's own loader. Exit 0 when everything is valid (prints a
 * summary), 1 when anything is wrong (prints every problem as
 * `file:row:column: message (got …, expected …)`), 2 on a usage error.
 * `--json` prints `{ "datasets": [{ "id", "file", "figures": [...] }],
 * "problems": [...] }` with every figure as read; `--show` prints each
 * dataset's figures as a table (figure-table.ts).
 */
import { stat } from 'node:fs/promises'
import { basename, dirname, relative, resolve, sep } from 'node:path'
import type { DatasetFile, DatasetProblem } from '../../src-shared/dataset'
import { loadDatasetFile } from '../datasets/load-file'
import { loadFolder } from '../datasets/load-folder'
import { formatProblem } from '../datasets/problems'
import { COLUMNS } from '../datasets/table-builder'
import { figureAsRead, figureTable } from './figure-table'
import { exitQuietlyOnClosedPipe } from './closed-pipe'

const USAGE = 'usage: npm run validate -- <folder-or-file> [--json | --show]'

/** `n` and the noun, singular for one: "1 figure", "2 figures". */
const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

/** A column's place for sorting: a table column in documented order, a spreadsheet letter (A, B, …, AA) in sheet order, any other after them by name. */
function columnRank(c: string | undefined): [number, string] {
  if (c === undefined) return [-1, '']
  const i = (COLUMNS as readonly string[]).indexOf(c)
  if (i >= 0) return [i, '']
  if (/^[A-Z]{1,3}$/.test(c)) return [COLUMNS.length + c.length * 1000, c]
  return [COLUMNS.length + 10_000, c]
}

/** Problems sorted by file, then row (file-wide ones first), then column; problems at one cell keep the order found. */
function sortProblems(problems: DatasetProblem[]): DatasetProblem[] {
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
  return problems
    .map((p, i) => ({ p, i }))
    .sort((x, y) => {
      const a = x.p
      const b = y.p
      const [ra, na] = columnRank(a.column)
      const [rb, nb] = columnRank(b.column)
      return cmp(a.file, b.file) || cmp(a.sheet ?? '', b.sheet ?? '') || (a.row ?? 0) - (b.row ?? 0) || ra - rb || cmp(na, nb) || x.i - y.i
    })
    .map((x) => x.p)
}

/** Runs `npm run validate -- <path> [--json | --show]`; returns the exit code (0 valid, 1 problems, 2 usage) and writes to `out`/`err`. */
export async function main(args: string[], out = console.log, err = console.error): Promise<number> {
  const json = args.includes('--json')
  const show = args.includes('--show')
  const rest = args.filter((a) => a !== '--json' && a !== '--show')
  if (rest.length !== 1 || rest[0]!.startsWith('-') || (json && show)) {
    err(USAGE)
    return 2
  }
  const target = resolve(rest[0]!)
  const st = await stat(target).catch(() => null)
  if (!st || (!st.isDirectory() && !st.isFile())) {
    err(`${rest[0]}: no such file or folder\n${USAGE}`)
    return 2
  }
  let datasets: DatasetFile[]
  let problems: DatasetProblem[]
  let files: Record<string, string>
  if (st.isDirectory()) {
    ;({ datasets, problems, files } = await loadFolder(target))
  } else {
    const r = await loadDatasetFile(basename(target), { root: dirname(target) })
    datasets = r.dataset ? [r.dataset] : []
    problems = r.problems
    files = r.dataset ? { [r.dataset.id]: target } : {}
  }
  const given = rest[0]!
  // Paths as the user gave them: the file itself, or the folder as written joined with the file's place in it.
  const rel = (file: string): string => {
    if (file === target) return given
    const inside = relative(target, file)
    return inside && !inside.startsWith('..') && st.isDirectory() ? `${given.replace(/[\\/]+$/, '')}${sep}${inside}` : file
  }
  const shown = sortProblems(problems.map((p) => ({ ...p, file: rel(p.file) })))
  if (json) {
    const read = datasets.map((d) => ({ id: d.id, file: rel(files[d.id] ?? target), figures: d.figures.map(figureAsRead) }))
    out(JSON.stringify({ datasets: read, problems: shown }, null, 2))
  }
  if (show) {
    for (const d of datasets) {
      out(`${d.id} (${rel(files[d.id] ?? target)})`)
      for (const line of figureTable(d)) out(`  ${line}`)
      out('')
    }
  }
  if (problems.length > 0) {
    if (!json) for (const p of shown) out(formatProblem(p))
    if (!json) out(count(problems.length, 'problem'))
    return 1
  }
  if (!json) {
    const rows = datasets.reduce((n, d) => n + d.figures.length, 0)
    const sources = new Set(datasets.flatMap((d) => d.figures.map((f) => JSON.stringify(f.source))))
    for (const d of datasets) out(`${d.id}: ${count(d.figures.length, 'figure')}, ${count(Object.keys(d.entities).length, 'entity', 'entities')}, ${count(Object.keys(d.indicators).length, 'indicator')}`)
    out(`valid: ${count(datasets.length, 'dataset')}, ${count(rows, 'row')}, ${count(sources.size, 'distinct source')}`)
  }
  return 0
}

exitQuietlyOnClosedPipe()
process.exitCode = await main(process.argv.slice(2))
