/**
 * The export work that may run off the main thread: one chart, one dashboard,
 * a briefing pack or a PowerPoint deck, described as plain data so it can be posted to a
 * worker thread, and run by `runRenderJob` wherever it lands. Errors cross the
 * thread boundary as `JobError` values and are rebuilt as the same classes.
 */
import type { DashboardId, DataIndex } from '../../src-shared/charts/types'
import { DASHBOARDS } from '../../src-shared/charts'
import type { ExportProgress } from '../../src-shared/export-contract'
import { renderDashboard, type DashboardExportOptions } from './dashboard'
import { exportBriefingPack, type PackOptions, type PackResult } from './pack'
import { exportDeck, type DeckOptions } from './pptx'
import { renderChart, type ChartExportOptions, type RenderedFile } from './render'
import { ExportWriteError } from './write'

/** A pack's options without the callbacks that cannot cross a thread. */
export type PackJobOptions = Omit<PackOptions, 'signal' | 'onProgress'>

/** A deck's options without the callbacks that cannot cross a thread. */
export type DeckJobOptions = Omit<DeckOptions, 'signal' | 'onSlide'>

/** One piece of export work, as plain data. */
export type RenderJob =
  | { kind: 'chart'; chartId: string; opts: ChartExportOptions }
  | { kind: 'dashboard'; dashboard: DashboardId; opts: DashboardExportOptions }
  | { kind: 'pack'; folder: string; opts: PackJobOptions }
  | { kind: 'deck'; path: string; opts: DeckJobOptions }

/** What each kind of job gives back. */
export interface RenderJobResult {
  chart: RenderedFile
  dashboard: Uint8Array
  pack: PackResult
  deck: Awaited<ReturnType<typeof exportDeck>>
}

/** An error as data: its class (`RangeError`, `ExportWriteError`, `AbortError` or any other), message, and a write error's path and code. */
export interface JobError {
  name: string
  message: string
  path?: string
  code?: string
}

const CHARTS = new Map(Object.values(DASHBOARDS).flatMap((d) => d.charts.map((spec) => [spec.id, spec] as const)))

/** Runs a job in this thread. Rejects with `RangeError` for bad options, `ExportWriteError` for a failed write, the signal's reason when aborted. */
export async function runRenderJob<J extends RenderJob>(
  job: J,
  data: DataIndex,
  signal: AbortSignal,
  onProgress: (p: ExportProgress) => void = () => undefined,
): Promise<RenderJobResult[J['kind']]> {
  signal.throwIfAborted()
  switch (job.kind) {
    case 'chart': {
      const spec = CHARTS.get(job.chartId)
      if (!spec) throw new RangeError(`unknown chart "${job.chartId}"`)
      return (await renderChart(spec, data, job.opts)) as RenderJobResult[J['kind']]
    }
    case 'dashboard':
      return (await renderDashboard(job.dashboard, data, job.opts)) as RenderJobResult[J['kind']]
    case 'pack':
      return (await exportBriefingPack(job.folder, data, { ...job.opts, signal, onProgress })) as RenderJobResult[J['kind']]
    case 'deck': {
      const path = job.path
      return (await exportDeck(path, data, { ...job.opts, signal, onSlide: (done, total) => onProgress({ done, total, file: path, unit: 'slide' }) })) as RenderJobResult[J['kind']]
    }
  }
}

/** An error as data, to post to another thread. */
export function toJobError(err: unknown): JobError {
  if (err instanceof ExportWriteError) return { name: err.name, message: err.message, path: err.path, code: err.code }
  if (err instanceof Error) return { name: err.name, message: err.message }
  return { name: 'Error', message: String(err) }
}

/** The error a `JobError` stands for, of the same class where it matters to callers. */
export function fromJobError(e: JobError): Error {
  if (e.name === 'RangeError') return new RangeError(e.message)
  if (e.name === 'ExportWriteError') return new ExportWriteError(e.message, e.path ?? '', e.code)
  const err = new Error(e.message)
  err.name = e.name
  return err
}
