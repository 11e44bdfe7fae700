/**
 * `npm run template -- <dataset-id> --out <file.xlsx|file.csv> [--from <folder>]`:
 * writes a loaded dataset (bundled, or from a user folder with `--from`) in
 * the documented CSV or XLSX layout (src-main/datasets/template.ts), written
 * atomically. Exit 0 when written, 1 when the dataset is unknown or cannot be
 * written, 2 on a usage error (the usage lists the dataset ids).
 */
import { extname, join, resolve } from 'node:path'
import { loadFolder } from '../datasets/load-folder'
import { writeDatasetCsv, writeDatasetXlsx } from '../datasets/template'
import { writeFileAtomic } from '../fs/atomic-write'
import { exitQuietlyOnClosedPipe } from './closed-pipe'

const USAGE = 'usage: npm run template -- <dataset-id> --out <file.xlsx|file.csv> [--from <folder>]'
const BUNDLED = join(import.meta.dirname, '../../resources/datasets')

/** Runs the command with `args`; returns the exit code and writes messages to `out`/`err`. */
export async function main(args: string[], out = console.log, err = console.error): Promise<number> {
  const value = (flag: string): string | undefined => {
    const i = args.indexOf(flag)
    return i < 0 ? undefined : args[i + 1]
  }
  const target = value('--out')
  const from = value('--from')
  const rest = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--out' && args[i - 1] !== '--from')
  const ext = target ? extname(target).toLowerCase() : ''
  const folder = resolve(from ?? BUNDLED)
  if (rest.length !== 1 || !target || (ext !== '.xlsx' && ext !== '.csv')) {
    // The usage names the datasets there are, so a first try without arguments shows what to ask for.
    const ids = (await loadFolder(folder)).datasets.map((x) => x.id)
    err(`${USAGE}\ndataset ids${from ? ` in ${folder}` : ''}: ${ids.join(', ') || 'none'}`)
    return 2
  }
  const { datasets } = await loadFolder(folder)
  const d = datasets.find((x) => x.id === rest[0])
  if (!d) {
    err(`no dataset "${rest[0]}" in ${folder} (there are: ${datasets.map((x) => x.id).join(', ') || 'none'})`)
    return 1
  }
  try {
    await writeFileAtomic(resolve(target), ext === '.csv' ? writeDatasetCsv(d) : await writeDatasetXlsx(d))
  } catch (e) {
    err(`could not write ${target}: ${(e as Error).message}`)
    return 1
  }
  out(`wrote ${d.id} (${d.figures.length} figure${d.figures.length === 1 ? '' : 's'}) to ${target}`)
  return 0
}

exitQuietlyOnClosedPipe()
process.exitCode = await main(process.argv.slice(2))
