/**
 * Issue 3 §6: loading speed of dataset files, each against a baseline run on
 * the same data in the same process. The big files are generated into the
 * system's temporary folder and removed afterwards.
 */
import { execFile } from 'node:child_process'
import { readFile, mkdtemp, rm } from 'node:fs/promises'
import { promisify } from 'node:util'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { deserialize, serialize } from 'node:v8'
import type { BenchResult } from '../run'
import { loadColumnarFile } from '../../src-main/datasets/load-file'
import { ParseWorker } from '../../src-main/datasets/worker-host'
import { fromColumnar } from '../../src-shared/dataset'
import { generateBigCsv, generateBigXlsx } from '../../tests/fixtures/generate'

const time = async <T>(f: () => Promise<T> | T): Promise<[number, T]> => {
  const t0 = performance.now()
  const r = await f()
  return [performance.now() - t0, r]
}

/** Best of `n` runs, to keep one garbage collection from deciding the figure. */
async function best<T>(n: number, f: () => Promise<T> | T): Promise<[number, T]> {
  let out: [number, T] | null = null
  for (let i = 0; i < n; i++) {
    const r = await time(f)
    if (!out || r[0] < out[0]) out = r
  }
  return out!
}

/** The baseline: read, split into lines and fields, `Number()` the year and value. */
async function splitAndNumber(path: string): Promise<number> {
  const text = await readFile(path, 'utf8')
  let sum = 0
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#') || line.startsWith('entity')) continue
    const f = line.split(',')
    sum += Number(f[2]) + Number(f[3])
  }
  return sum
}

/** Peak RSS, in bytes, of a fresh process that loads `name` from `dir` (bench/peak-rss.ts). */
async function peakRss(dir: string, name: string): Promise<number> {
  const root = join(import.meta.dirname, '../..')
  const { stdout } = await promisify(execFile)(join(root, 'node_modules/.bin/tsx'), [join(root, 'bench/peak-rss.ts'), dir, name], { cwd: root })
  return Number(stdout.trim())
}

/** The memory budget of any load (issue 11): 512 MB. */
const RSS_BUDGET = 512 * 1024 * 1024

export default async function datasets(): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'g60-bench-'))
  const results: BenchResult[] = []
  try {
    const csv = await generateBigCsv(join(dir, 'big.csv'), 1_000_000)
    const size = (await readFile(csv)).length

    // (a) 1M-row CSV to validated columns in the worker, against split + Number().
    const worker = new ParseWorker()
    const small = await generateBigCsv(join(dir, 'warm.csv'), 10)
    await worker.load('warm.csv', dir) // start the worker (and its TypeScript loader) outside the timing
    void small
    const [base] = await best(3, () => splitAndNumber(csv))
    const delay = monitorEventLoopDelay({ resolution: 5 })
    delay.enable()
    const [ours, loaded] = await best(3, () => worker.load('big.csv', dir))
    delay.disable()
    worker.close()
    if (!loaded.dataset) throw new Error(`bench CSV did not load: ${loaded.problems[0]?.message}`)
    const [inThread] = await best(1, () => loadColumnarFile('big.csv', { root: dir }))
    results.push({
      name: 'datasets: 1M-row CSV → validated columns (worker) vs split + Number()',
      ratio: ours / base,
      target: 1,
      detail: `${(size / 1e6).toFixed(1)} MB, ${loaded.dataset.length} rows: ours ${ours.toFixed(0)} ms (in-thread ${inThread.toFixed(0)} ms), baseline ${base.toFixed(0)} ms`,
    })
    const maxDelay = delay.max / 1e6
    results.push({
      name: 'datasets: main event-loop delay during the 1M-row load',
      ratio: maxDelay / 50,
      target: 1,
      detail: `max ${maxDelay.toFixed(1)} ms against a 50 ms budget (ratio = max / 50 ms)`,
    })

    // (b) 100k rows as XLSX against the same rows as CSV, both through loadColumnarFile.
    await generateBigXlsx(join(dir, 'mid.xlsx'), 100_000)
    await generateBigCsv(join(dir, 'mid.csv'), 100_000)
    const [xlsx, xr] = await best(2, () => loadColumnarFile('mid.xlsx', { root: dir }))
    const [mid, cr] = await best(3, () => loadColumnarFile('mid.csv', { root: dir }))
    if (!xr.dataset || !cr.dataset) throw new Error(`bench XLSX/CSV did not load: ${[...xr.problems, ...cr.problems][0]?.message}`)
    results.push({
      name: 'datasets: 100k-row XLSX vs the same rows as CSV',
      ratio: xlsx / mid,
      target: 15,
      detail: `XLSX ${xlsx.toFixed(0)} ms, CSV ${mid.toFixed(0)} ms`,
    })

    // Event-loop delay while the worker loads the XLSX file.
    const xworker = new ParseWorker()
    await xworker.load('warm.csv', dir)
    const xdelay = monitorEventLoopDelay({ resolution: 5 })
    xdelay.enable()
    const xloaded = await xworker.load('mid.xlsx', dir)
    xdelay.disable()
    xworker.close()
    if (!xloaded.dataset) throw new Error(`bench XLSX did not load in the worker: ${xloaded.problems[0]?.message}`)
    results.push({
      name: 'datasets: main event-loop delay during the 100k-row XLSX load',
      ratio: xdelay.max / 1e6 / 50,
      target: 1,
      detail: `max ${(xdelay.max / 1e6).toFixed(1)} ms against a 50 ms budget (ratio = max / 50 ms)`,
    })

    // Peak memory of each load, in a fresh process.
    for (const [label, name] of [['1M-row CSV', 'big.csv'], ['100k-row XLSX', 'mid.xlsx']] as const) {
      const peak = await peakRss(dir, name)
      results.push({
        name: `datasets: peak RSS loading the ${label}`,
        ratio: peak / RSS_BUDGET,
        target: 1,
        detail: `${(peak / 1e6).toFixed(0)} MB in a fresh process, against a 512 MiB budget (ratio = peak / 512 MiB)`,
      })
    }

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
