/**
 * Issue 13 §3: how long the main event loop stalls while exports render.
 * The app renders in a worker thread (`WorkerRenderer`); the baseline is the
 * same job in the calling thread (`inThreadRenderer`), measured in the same
 * run, so the ratio means the same on any machine. The longest stall is the
 * maximum of `perf_hooks.monitorEventLoopDelay` (10 ms resolution) over the
 * job; peak memory is the largest RSS of the process (worker included),
 * sampled every 10 ms. Target: stalls of at most 50 ms, so ≤ 0.05 of a
 * baseline that is a second or more.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { bundledData } from '../../src-main/export/data-index'
import { inThreadRenderer, WorkerRenderer, type Renderer } from '../../src-main/export/render-host'
import type { RenderJob } from '../../src-main/export/render-jobs'
import type { BenchResult } from '../run'

interface Run {
  stallMs: number
  peakMiB: number
  ms: number
}

async function measure(renderer: Renderer, job: RenderJob): Promise<Run> {
  const h = monitorEventLoopDelay({ resolution: 10 })
  let peak = process.memoryUsage().rss
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10)
  h.enable()
  const t0 = performance.now()
  await renderer.run(job, new AbortController().signal)
  const ms = performance.now() - t0
  // A loop blocked until now records its delay only when its timer next runs.
  await new Promise((resolve) => setTimeout(resolve, 30))
  h.disable()
  clearInterval(sampler)
  peak = Math.max(peak, process.memoryUsage().rss)
  // The histogram's values include its own 10 ms resolution; a stall is the excess.
  return { stallMs: Math.max(0, h.max / 1e6 - 10), peakMiB: peak / 2 ** 20, ms }
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
