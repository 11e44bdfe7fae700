/**
 * `npm run bench`: runs every benchmark in bench/suites and prints each result
 * as a ratio against a baseline measured in the same run, so the figures mean
 * the same on any machine. Benchmarks never run in `npm test`.
 */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

export interface BenchResult {
  name: string
  ratio: number
  target: number
  /** How the ratio was measured, and any absolute figures worth reading. */
  detail: string
}

export type Suite = () => Promise<BenchResult[]>

const dir = join(import.meta.dirname, 'suites')
const only = process.argv[2]
let files: string[] = []
try {
  files = (await readdir(dir)).filter((f) => f.endsWith('.ts') && (!only || f.includes(only))).sort()
} catch {
  files = []
}
if (files.length === 0) {
  console.log('No benchmark suites yet (bench/suites/*.ts).')
} else {
  let failed = 0
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default: Suite }
    for (const r of await mod.default()) {
      const ok = r.ratio <= r.target
      if (!ok) failed++
      console.log(`${ok ? 'PASS' : 'MISS'}  ${r.name}: ${r.ratio.toFixed(3)}× (target ≤ ${r.target}×) — ${r.detail}`)
    }
  }
  if (failed) console.log(`${failed} benchmark(s) missed their target`)
}
