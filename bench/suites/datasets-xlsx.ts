/**
 * Issue 11: a 100k-row XLSX workbook against the same rows as CSV, both
 * loaded by the dataset worker the app ships (the main process built as
 * electron-vite builds it, bench/built-main.ts); the main event loop's longest stall
 * while the worker reads the workbook; the load's peak memory in a fresh
 * process. The files are generated into the system's temporary folder and
 * removed afterwards.
 */
import { loadavg, tmpdir } from 'node:os'
import { mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { BenchResult } from '../run'
import { ParseWorker } from '../../src-main/datasets/worker-host'
import { generateBigCsv, generateBigXlsx } from '../../tests/fixtures/generate'
import { buildMain, builtDatasetWorker } from '../built-main'
import { RSS_BUDGET, median, msSpread, peakRss, ratioSpread, timed, withStallProbe } from '../dataset-bench'

/** Alternating rounds (after one untimed round that warms both paths). */
const ROUNDS = 4

export default async function datasetsXlsx(): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'g60-bench-'))
  const results: BenchResult[] = []
  try {
    const mainDir = await buildMain(join(dir, 'build'))
    await generateBigXlsx(join(dir, 'mid.xlsx'), 100_000)
    await generateBigCsv(join(dir, 'mid.csv'), 100_000)
    await generateBigCsv(join(dir, 'warm.csv'), 10)
    const worker = new ParseWorker(() => builtDatasetWorker(mainDir))
    await worker.load('warm.csv', dir) // start the worker outside the timing
    const stalls: number[] = []
    const xlsx: number[] = []
    const csv: number[] = []
    for (let round = -1; round < ROUNDS; round++) {
      const x = await withStallProbe(() => worker.load('mid.xlsx', dir))
      stalls.push(x.stall)
      const c = await timed(() => worker.load('mid.csv', dir))
      if (!x.result.dataset || !c.result.dataset) throw new Error(`bench XLSX/CSV did not load: ${[...x.result.problems, ...c.result.problems][0]?.message}`)
      if (round < 0) continue
      xlsx.push(x.wall)
      csv.push(c.wall)
    }
    worker.close()
    results.push({
      name: 'datasets: 100k-row XLSX vs the same rows as CSV (built worker)',
      ratio: median(xlsx) / median(csv),
      target: 15,
      detail: `medians of ${ROUNDS} alternating rounds (load ${loadavg()[0]!.toFixed(1)}): XLSX ${msSpread(xlsx)}, CSV ${msSpread(csv)}; per-round ratios ${ratioSpread(xlsx, csv)}`,
    })
    const maxStall = Math.max(...stalls)
    results.push({
      name: 'datasets: longest main event-loop stall during the 100k-row XLSX loads',
      ratio: maxStall / 50,
      target: 1,
      detail: `max ${maxStall.toFixed(1)} ms over ${stalls.length} loads (median ${median(stalls).toFixed(1)} ms) against a 50 ms budget (ratio = max / 50 ms)`,
    })
    const peak = await peakRss(dir, 'mid.xlsx')
    results.push({
      name: 'datasets: peak RSS loading the 100k-row XLSX',
      ratio: peak / RSS_BUDGET,
      target: 1,
      detail: `${(peak / 1e6).toFixed(0)} MB in a fresh process, against a 512 MiB budget (ratio = peak / 512 MiB)`,
    })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  return results
}
