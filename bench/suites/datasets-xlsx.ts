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
import { median, msSpread, peakRss, peakRssResult, ratioSpread, idleStalls, stallResult, timed, withStallProbe } from '../dataset-bench'

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
    results.push(stallResult('the 100k-row XLSX loads', stalls, await idleStalls()))
    const peak = await peakRss(dir, 'mid.xlsx')
    results.push(peakRssResult('the 100k-row XLSX', peak))
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  return results
}
