/**
 * Issue 11: a 1M-row CSV (about 54 MB) to validated columns in the dataset
 * worker the app ships (the main process built as electron-vite builds it,
 * bench/built-main.ts), against two baselines on the same file in the same
 * rounds, each in a worker thread of its own in plain JavaScript
 * (bench/workers/split-baseline.mjs): `split` + `Number()` keeping nothing,
 * and `split` + `Number()` into columns (the columnar form the app produces,
 * without its tolerance and validation). Times are wall time from the
 * request to the answer; CPU time is the whole process's. Also the main event loop's longest
 * stall during the loads, the load's peak memory in a fresh process and the size of
 * the columnar IPC payload. The files are generated into the system's
 * temporary folder and removed afterwards.
 */
import { readFile, mkdtemp, rm } from 'node:fs/promises'
import { Worker } from 'node:worker_threads'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { deserialize, serialize } from 'node:v8'
import type { BenchResult } from '../run'
import type { Loaded } from '../../src-main/datasets/load-file'
import { ParseWorker } from '../../src-main/datasets/worker-host'
import { fromColumnar, type ColumnarDataset } from '../../src-shared/dataset'
import { generateBigCsv } from '../../tests/fixtures/generate'
import { buildMain, builtDatasetWorker } from '../built-main'
import { median, msSpread, peakRss, peakRssResult, ratioSpread, idleStalls, stallResult, timed, withStallProbe } from '../dataset-bench'

/** Best of `n` runs, to keep one garbage collection from deciding the figure. */
async function best<T>(n: number, f: () => T): Promise<[number, T]> {
  let out: [number, T] | null = null
  for (let i = 0; i < n; i++) {
    const t0 = performance.now()
    const r = f()
    const ms = performance.now() - t0
    if (!out || ms < out[0]) out = [ms, r]
  }
  return out!
}

/** A worker thread running the baselines (bench/workers/split-baseline.mjs); `run` resolves to the rows it read. */
function baselineWorker(): { run: (path: string, job: 'split' | 'columns') => Promise<number>; close: () => void } {
  const w = new Worker(new URL('../workers/split-baseline.mjs', import.meta.url))
  const pending = new Map<number, (rows: number) => void>()
  let next = 1
  w.on('message', (m: { id: number; rows: number }) => {
    pending.get(m.id)?.(m.rows)
    pending.delete(m.id)
  })
  return {
    run: (path, job) =>
      new Promise((done) => {
        const id = next++
        pending.set(id, done)
        w.postMessage({ id, path, job })
      }),
    close: () => void w.terminate(),
  }
}

/** Alternating rounds of the 1M-row CSV measurement (after one untimed round that warms every path). */
const ROUNDS = 5

export default async function datasets(): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'g60-bench-'))
  const results: BenchResult[] = []
  try {
    // The worker the app ships: the main process built as electron-vite builds it.
    const mainDir = await buildMain(join(dir, 'build'))
    const spawn = () => builtDatasetWorker(mainDir)
    const csv = await generateBigCsv(join(dir, 'big.csv'), 1_000_000)
    const size = (await readFile(csv)).length
    await generateBigCsv(join(dir, 'warm.csv'), 10)

    // (a) 1M-row CSV to validated columns in the built worker, against the baselines in a worker of their own.
    const worker = new ParseWorker(spawn)
    const baseline = baselineWorker()
    await worker.load('warm.csv', dir) // start both workers outside the timing
    await baseline.run(join(dir, 'warm.csv'), 'columns')
    const stalls: number[] = []
    const runs = { ours: [] as number[], oursCpu: [] as number[], cols: [] as number[], colsCpu: [] as number[], split: [] as number[], splitCpu: [] as number[] }
    let loaded = null as Loaded<ColumnarDataset> | null
    let baselineRows = 0
    const jobs = {
      split: () => timed(() => baseline.run(csv, 'split')),
      cols: async () => {
        const c = await timed(() => baseline.run(csv, 'columns'))
        baselineRows = c.result
        return c
      },
      ours: async () => {
        const o = await withStallProbe(() => worker.load('big.csv', dir))
        stalls.push(o.stall)
        loaded = o.result
        return o
      },
    }
    for (let round = -1; round < ROUNDS; round++) {
      // Each round in another order, so no job always runs after the same one.
      const names = (['split', 'cols', 'ours'] as const).map((_, k, all) => all[(k + round + 3) % 3]!)
      const got = {} as Record<(typeof names)[number], { wall: number; cpu: number }>
      for (const name of names) got[name] = await jobs[name]()
      if (round < 0) continue
      for (const name of names) {
        runs[name].push(got[name].wall)
        runs[`${name}Cpu`].push(got[name].cpu)
      }
    }
    worker.close()
    baseline.close()
    if (!loaded?.dataset) throw new Error(`bench CSV did not load: ${loaded?.problems[0]?.message}`)
    if (baselineRows !== loaded.dataset.length) throw new Error(`the baseline read ${baselineRows} rows, the app ${loaded.dataset.length}`)
    const rows = loaded.dataset.length
    const ratio = (a: number[], b: number[]): string => `${(median(a) / median(b)).toFixed(2)}×`
    const load = `load ${loadavg()[0]!.toFixed(1)}`
    results.push({
      name: 'datasets: 1M-row CSV → validated columns (built worker) vs split + Number() into columns',
      ratio: median(runs.ours) / median(runs.cols),
      target: 1,
      detail: `${(size / 1e6).toFixed(1)} MB, ${rows} rows, medians of ${ROUNDS} alternating rounds (${load}): ours ${msSpread(runs.ours)}, baseline ${msSpread(runs.cols)}; per-round ratios ${ratioSpread(runs.ours, runs.cols)}; CPU time ${ratio(runs.oursCpu, runs.colsCpu)}`,
    })
    results.push({
      name: 'datasets: 1M-row CSV → validated columns (built worker) vs split + Number(), nothing kept',
      ratio: median(runs.ours) / median(runs.split),
      target: 1,
      detail: `baseline ${msSpread(runs.split)}; per-round ratios ${ratioSpread(runs.ours, runs.split)}; CPU time ${ratio(runs.oursCpu, runs.splitCpu)}`,
    })
    results.push(stallResult('the 1M-row loads', stalls, await idleStalls()))

    // Peak memory of the load, in a fresh process.
    const peak = await peakRss(dir, 'big.csv')
    results.push(peakRssResult('the 1M-row CSV', peak))

    // (c) The IPC payload: columnar form against an array of figure objects.
    const col = loaded.dataset
    const objects = fromColumnar(col)
    const [colTime, colBytes] = await best(3, () => {
      const b = serialize(col)
      deserialize(b)
      return b.length
    })
    const [objTime, objBytes] = await best(2, () => {
      const b = serialize(objects)
      deserialize(b)
      return b.length
    })
    results.push({
      name: 'datasets: IPC payload time, columnar vs objects (v8 serialize + deserialize)',
      ratio: colTime / objTime,
      target: 0.1,
      detail: `columnar ${colTime.toFixed(0)} ms, objects ${objTime.toFixed(0)} ms`,
    })
    results.push({
      name: 'datasets: IPC payload bytes, columnar vs objects',
      ratio: colBytes / objBytes,
      target: 0.6,
      detail: `columnar ${(colBytes / 1e6).toFixed(1)} MB, objects ${(objBytes / 1e6).toFixed(1)} MB`,
    })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  return results
}
