/**
 * What the dataset benchmarks (bench/suites/datasets-*.ts) share: timing with
 * wall and CPU time, medians, and the peak memory of a load in a fresh process.
 */
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { promisify } from 'node:util'
import type { BenchResult } from './run'

/** The memory budget of any load (issue 11): 512 MiB. */
export const RSS_BUDGET = 512 * 1024 * 1024

/** The longest main event-loop stall a load may cause (issue 11), in ms. */
export const STALL_BUDGET_MS = 50

/** The median of `xs` (the mean of the middle two for an even count). */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

/** `xs` as "median ms (min–max)". */
export function msSpread(xs: number[]): string {
  return `${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`
}

/** The lowest and highest of the ratios `a[k] / b[k]`, as "min–max". */
export function ratioSpread(a: number[], b: number[]): string {
  const r = a.map((x, k) => x / b[k]!)
  return `${Math.min(...r).toFixed(2)}–${Math.max(...r).toFixed(2)}`
}

/** A run's wall time and the CPU time of the whole process (every thread, so a worker's parsing counts), in ms. */
export async function timed<T>(f: () => Promise<T> | T): Promise<{ wall: number; cpu: number; result: T }> {
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  const result = await f()
  const wall = performance.now() - t0
  const c = process.cpuUsage(c0)
  return { wall, cpu: (c.user + c.system) / 1000, result }
}

/** Tick period of the stall probe, in milliseconds. */
const TICK_MS = 5

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs `f` (timed as `timed` does) while a 5 ms interval ticks on this
 * thread's event loop; `stall` is the longest gap between ticks less the
 * period, in ms: how long the loop could not answer (a click, a repaint)
 * during the run. A gap probe rather than `monitorEventLoopDelay`, which
 * misses a block that starts before its first tick (see export-stall.ts).
 */
export async function withStallProbe<T>(f: () => Promise<T>): Promise<{ wall: number; cpu: number; result: T; stall: number }> {
  let last = performance.now()
  let longest = 0
  const probe = setInterval(() => {
    const now = performance.now()
    longest = Math.max(longest, now - last)
    last = now
  }, TICK_MS)
  await pause(4 * TICK_MS)
  longest = 0
  last = performance.now()
  const r = await timed(f)
  // A loop blocked until now shows it at the probe's next tick.
  await pause(4 * TICK_MS)
  clearInterval(probe)
  return { ...r, stall: Math.max(0, longest - TICK_MS) }
}

/** Peak RSS, in bytes, of a fresh process that loads `name` from `dir` (bench/peak-rss.ts). */
export async function peakRss(dir: string, name: string): Promise<number> {
  const root = join(import.meta.dirname, '..')
  const { stdout } = await promisify(execFile)(join(root, 'node_modules/.bin/tsx'), [join(root, 'bench/peak-rss.ts'), dir, name], { cwd: root })
  return Number(stdout.trim())
}

/** The result for the longest main event-loop stall over `stalls` (ms, one a load, from `withStallProbe`) during `loads`, against the 50 ms budget; `idle` (from `idleStalls`) is shown beside it. */
export function stallResult(loads: string, stalls: number[], idle: number[]): BenchResult {
  const maxStall = Math.max(...stalls)
  return {
    name: `datasets: longest main event-loop stall during ${loads}`,
    ratio: maxStall / STALL_BUDGET_MS,
    target: 1,
    detail: `max ${maxStall.toFixed(1)} ms over ${stalls.length} loads (median ${median(stalls).toFixed(1)} ms) against a ${STALL_BUDGET_MS} ms budget (ratio = max / ${STALL_BUDGET_MS} ms); the same probe over 1 s with nothing loading: ${idle.map((x) => x.toFixed(0)).join(', ')} ms`,
  }
}

/**
 * The stall probe's longest gap over 1 s with nothing running, `times` times:
 * how long this machine keeps an idle thread waiting for a core, to read the
 * stalls during loads against.
 */
export async function idleStalls(times = 3): Promise<number[]> {
  const out: number[] = []
  for (let k = 0; k < times; k++) out.push((await withStallProbe(() => pause(1000))).stall)
  return out
}

/** The result for the peak RSS (bytes, from `peakRss`) of loading `what`, against the 512 MiB budget. */
export function peakRssResult(what: string, peak: number): BenchResult {
  return {
    name: `datasets: peak RSS loading ${what}`,
    ratio: peak / RSS_BUDGET,
    target: 1,
    detail: `${(peak / 1e6).toFixed(0)} MB in a fresh process, against a 512 MiB budget (ratio = peak / 512 MiB)`,
  }
}
