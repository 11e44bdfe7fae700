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
import { basename, dirname, relative, resolve } from 'node:path'
import type { DatasetFile, DatasetProblem } from '../../src-shared/dataset'
import { loadDatasetFile } from '../datasets/load-file'
import { loadFolder } from '../datasets/load-folder'
import { formatProblem } from '../datasets/problems'
import { figureAsRead, figureTable } from './figure-table'
import { exitQuietlyOnClosedPipe } from './closed-pipe'

const USAGE = 'usage: npm run validate -- <folder-or-file> [--json | --show]'

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
  const rel = (file: string): string => relative(process.cwd(), file) || file
  const shown = problems.map((p) => ({ ...p, file: rel(p.file) }))
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
    if (!json) out(`${problems.length} problem${problems.length === 1 ? '' : 's'}`)
    return 1
  }
  if (!json) {
    const rows = datasets.reduce((n, d) => n + d.figures.length, 0)
    const sources = new Set(datasets.flatMap((d) => d.figures.map((f) => JSON.stringify(f.source))))
    for (const d of datasets) out(`${d.id}: ${d.figures.length} figures, ${Object.keys(d.entities).length} entities, ${Object.keys(d.indicators).length} indicators`)
    out(`valid: ${datasets.length} dataset${datasets.length === 1 ? '' : 's'}, ${rows} rows, ${sources.size} distinct sources`)
  }
  return 0
}

exitQuietlyOnClosedPipe()
process.exitCode = await main(process.argv.slice(2))
