/**
 * `npm run export -- --out <dir> …`: the briefing pack with no window. The
 * same chart builders, captions and rasteriser as the app; bundled datasets,
 * overlaid by `--data`. See docs/export.md.
 */
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { toColumnar } from '../../src-shared/dataset'
import { loadFolder } from '../datasets/load-folder'
import { formatProblem, parseCliArgs, USAGE } from '../export/cli-args'
import { dataIndex } from '../export/data-index'
import { exportBriefingPack } from '../export/pack'

const BUNDLED = join(import.meta.dirname, '..', '..', 'resources', 'datasets')
/** The app's version, for the deck's title slide. */
const VERSION = (JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version

async function main(argv: string[]): Promise<number> {
  const parsed = parseCliArgs(argv)
  if (!parsed.ok) {
    console.error(`export: ${parsed.message}\n\n${USAGE}`)
    return 2
  }
  if (parsed.help) {
    console.log(USAGE)
    return 0
  }
  const o = parsed.options
  // The bundled datasets go through the same loader as any user's: no figure is exported unchecked.
  const bundled = await loadFolder(BUNDLED)
  if (bundled.problems.length) {
    console.error(`export: the bundled datasets in ${BUNDLED} have ${bundled.problems.length} problem(s); nothing was exported:`)
    for (const p of bundled.problems) console.error(`  ${formatProblem(p)}`)
    return 1
  }
  const shipped = bundled.datasets.map(toColumnar)
  const overlay = o.data ? await loadFolder(o.data) : { datasets: [], problems: [] }
  if (overlay.problems.length) {
    console.error(`export: the data in ${resolve(o.data!)} has ${overlay.problems.length} problem(s); nothing was exported:`)
    for (const p of overlay.problems) console.error(`  ${formatProblem(p)}`)
    return 1
  }
  if (o.data && overlay.datasets.length === 0) {
    console.error(`export: no dataset files (*.json, *.csv, *.xlsx) in ${resolve(o.data)}`)
    return 1
  }
  const data = dataIndex(shipped, overlay.datasets.map(toColumnar))
  const out = resolve(o.out)
  console.log(`Exporting to ${out} (${o.formats.join(', ')}, ${o.width}×${o.height} at ${o.scale}×, ${o.lang}, ${o.theme})`)
  const started = performance.now()
  const { files, skipped } = await exportBriefingPack(out, data, {
    ...o,
    appVersion: VERSION,
    onProgress: ({ done, total, file }) => console.log(`[${String(done).padStart(String(total).length)}/${total}] ${file}`),
  })
  for (const s of skipped) console.log(`skipped ${s.chart}: ${s.reason}`)
  console.log(`Done: ${files.length} file(s) in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  return 0
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (err: unknown) => {
    console.error(`export: ${err instanceof Error ? err.message : String(err)}`)
    process.exitCode = 1
  },
)
