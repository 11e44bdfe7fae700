/**
 * Issue 13 §3: how long the main event loop stalls while exports render.
 * The app renders in a worker thread (`WorkerRenderer`); the baseline is the
 * same job in the calling thread (`inThreadRenderer`), measured in the same
 * run, so the ratio means the same on any machine. The longest stall is the
 * longest gap between ticks of a 5 ms interval on the main loop, less 5 ms
 * (`monitorEventLoopDelay` misses a block that starts before its first tick);
 * peak memory is the largest RSS of the process (worker included), sampled at
 * each tick. Target: stalls of at most 50 ms, so ≤ 0.05 of a
 * baseline that is a second or more.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bundledData } from '../../src-main/export/data-index'
import { inThreadRenderer, WorkerRenderer, type Renderer } from '../../src-main/export/render-host'
import type { RenderJob } from '../../src-main/export/render-jobs'
import type { BenchResult } from '../run'

interface Run {
  stallMs: number
  peakMiB: number
  ms: number
}

/** Tick period of the stall probe, in milliseconds. */
const TICK_MS = 5

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function measure(renderer: Renderer, job: RenderJob): Promise<Run> {
  // A 5 ms interval on the main loop: the longest gap between its ticks, less the period, is the longest stall.
  let last = performance.now()
  let longest = 0
  let peak = process.memoryUsage().rss
  const probe = setInterval(() => {
    const now = performance.now()
    longest = Math.max(longest, now - last)
    last = now
    peak = Math.max(peak, process.memoryUsage().rss)
  }, TICK_MS)
  await pause(4 * TICK_MS)
  longest = 0
  last = performance.now()
  const t0 = performance.now()
  await renderer.run(job, new AbortController().signal)
  const ms = performance.now() - t0
  // A loop blocked until now shows it at the probe's next tick.
  await pause(4 * TICK_MS)
  clearInterval(probe)
  peak = Math.max(peak, process.memoryUsage().rss)
  return { stallMs: Math.max(0, longest - TICK_MS), peakMiB: peak / 2 ** 20, ms }
}

const fmt = (r: Run) => `${r.stallMs.toFixed(0)} ms longest stall, ${(r.ms / 1000).toFixed(1)} s, peak RSS ${r.peakMiB.toFixed(0)} MiB`

export default async function exportStallBench(): Promise<BenchResult[]> {
  const data = await bundledData(join(import.meta.dirname, '../../resources/datasets'))
  const datasets = data.ids().map((id) => data.get(id)!)
  const dir = await mkdtemp(join(tmpdir(), 'g60-bench-stall-'))
  const worker = new WorkerRenderer(() => datasets)
  const inThread = inThreadRenderer(() => data)
  try {
    const chart: RenderJob = { kind: 'chart', chartId: 'industry-gdp', opts: { format: 'png', scale: 2, width: 3840, height: 2160, theme: 'light', lang: 'zh-CN', background: 'solid', caption: true } }
    const pack = (name: string): RenderJob => ({ kind: 'pack', folder: join(dir, name), opts: { formats: ['png', 'svg', 'pdf'], scale: 2, width: 1920, height: 1080, theme: 'light', lang: 'zh-CN' } })
    // Warm-up: the worker's start (tsx compiling from source here), modules, the font's first read.
    await worker.run({ ...chart, opts: { ...chart.opts, width: 640, height: 360, scale: 1 } } as RenderJob, new AbortController().signal)
    await inThread.run({ ...chart, opts: { ...chart.opts, width: 640, height: 360, scale: 1 } } as RenderJob, new AbortController().signal)

    const chartWorker = await measure(worker, chart)
    const chartBase = await measure(inThread, chart)
    const packWorker = await measure(worker, pack('worker'))
    const packBase = await measure(inThread, pack('in-thread'))
    return [
      {
        name: 'export: main event loop stall during a 4K×2 chart export (worker vs in-thread)',
        ratio: chartWorker.stallMs / Math.max(1, chartBase.stallMs),
        target: 0.05,
        detail: `worker: ${fmt(chartWorker)}; in-thread baseline: ${fmt(chartBase)}`,
      },
      {
        name: 'export: main event loop stall during a briefing pack, PNG+SVG+PDF at 2× (worker vs in-thread)',
        ratio: packWorker.stallMs / Math.max(1, packBase.stallMs),
        target: 0.05,
        detail: `worker: ${fmt(packWorker)}; in-thread baseline: ${fmt(packBase)}`,
      },
    ]
  } finally {
    worker.close()
    await rm(dir, { recursive: true, force: true })
  }
}
