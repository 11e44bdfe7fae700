/**
 * Where export rendering runs. `WorkerRenderer` runs every chart, dashboard
 * and pack in one worker thread, so the main process's event loop (IPC, menus,
 * the window) never waits for ECharts, resvg or PNG encoding; `inThreadRenderer`
 * runs them in the calling thread (the CLI, and tests of the export service).
 *
 * Cancelling: a chart or dashboard is one long synchronous render, so the
 * worker is terminated (a new one starts with the next job); a pack is asked
 * to stop between charts (the abort is delivered there), so it never leaves a
 * half-written file.
 *
 * Finding the worker's code: the electron-vite build emits `render-worker.js`
 * beside the main bundle (an extra `rollupOptions.input` entry); from source
 * (tsx, vitest) it is `render-worker.ts`, started through tsx's loader. When
 * neither is found, or the worker fails before it says it is ready (as a
 * worker loaded from inside a packaged `app.asar` could, a case Electron's own
 * tests do not cover), jobs run in the calling thread, the waiting ones
 * included, and a warning is logged. The worker's lifecycle is `WorkerSlot`'s
 * (src-main/worker-slot.ts).
 */
import { Worker } from 'node:worker_threads'
import type { DataIndex } from '../../src-shared/charts/types'
import type { ColumnarDataset } from '../../src-shared/dataset'
import type { ExportProgress } from '../../src-shared/export-contract'
import { dataIndex } from './data-index'
import { fontPaths } from './fonts'
import { fromJobError, runRenderJob, type JobError, type RenderJob, type RenderJobResult } from './render-jobs'
import type { RenderWorkerRequest } from './render-worker'
import { spawnModuleWorker } from '../worker-spawn'
import { WorkerSlot } from '../worker-slot'

/** Runs export jobs somewhere; rejects with the job's error, or with an `AbortError` once `signal` aborts. */
export interface Renderer {
  run<J extends RenderJob>(job: J, signal: AbortSignal, onProgress?: (p: ExportProgress) => void): Promise<RenderJobResult[J['kind']]>
  close(): void
}

/** A renderer that runs jobs in the calling thread over `data()`. */
export function inThreadRenderer(data: () => DataIndex): Renderer {
  return {
    run: (job, signal, onProgress) => runRenderJob(job, data(), signal, onProgress),
    close: () => undefined,
  }
}

/** Names looked up next to this module; variables, so bundlers leave them alone. */
const BUILT = './render-worker.js'
const SOURCE = './render-worker.ts'

function spawn(): Worker | null {
  return spawnModuleWorker(new URL(BUILT, import.meta.url), new URL(SOURCE, import.meta.url), { workerData: { fonts: fontPaths() } })
}

type Reply = { ready: true } | { id: number; progress: ExportProgress } | { id: number; ok: true; value: unknown } | { id: number; ok: false; error: JobError }

interface Pending {
  resolve(value: unknown): void
  reject(err: Error): void
  onProgress?: (p: ExportProgress) => void
  /** Runs the job in this thread instead, settling the same promise (a worker that never started). */
  runHere(): void
}

const abortError = (): Error => Object.assign(new Error('the export was cancelled'), { name: 'AbortError' })

/** Runs export jobs in a worker thread over the datasets `datasets()` gives at the start of each job. */
export class WorkerRenderer implements Renderer {
  private next = 1
  private pending = new Map<number, Pending>()
  private fallback: Renderer
  private readonly slot: WorkerSlot<Reply>

  /**
   * @param datasets the data each job renders, read when the job starts
   * @param spawnWorker starts a worker speaking `render-worker.ts`'s protocol, or returns null
   * @param warn where a worker that could not start is reported
   */
  constructor(
    private readonly datasets: () => ColumnarDataset[],
    spawnWorker: () => Worker | null = spawn,
    warn: (message: string) => void = (m) => console.warn(`[g60] ${m}`),
  ) {
    this.fallback = inThreadRenderer(() => dataIndex(datasets()))
    this.slot = new WorkerSlot<Reply>(spawnWorker, {
      message: (msg, worker) => {
        const p = this.pending.get(msg.id)
        if (!p) return
        if ('progress' in msg) return p.onProgress?.(msg.progress)
        this.pending.delete(msg.id)
        if (this.pending.size === 0) worker.unref()
        if (msg.ok) p.resolve(msg.value)
        else p.reject(fromJobError(msg.error))
      },
      // It never ran: this and every later job run here instead.
      unavailable: (err) => {
        warn(`the export worker could not start (${err.message}); exports render in the main thread`)
        for (const p of this.takePending()) p.runHere()
      },
      stopped: (err) => {
        for (const p of this.takePending()) p.reject(new Error(`the export worker stopped: ${err.message}`))
      },
    })
  }

  /** Whether jobs run in a worker thread (false when none could be started and they run in this one). */
  get offThread(): boolean {
    return this.slot.get() !== null
  }

  run<J extends RenderJob>(job: J, signal: AbortSignal, onProgress?: (p: ExportProgress) => void): Promise<RenderJobResult[J['kind']]> {
    if (signal.aborted) return Promise.reject(abortError())
    const w = this.slot.get()
    if (!w) return this.fallback.run(job, signal, onProgress)
    const id = this.next++
    return new Promise<RenderJobResult[J['kind']]>((resolve, reject) => {
      const onAbort = () => {
        if (job.kind === 'pack') {
          // Stops between charts; the worker answers with an AbortError.
          w.postMessage({ id, abort: true } satisfies RenderWorkerRequest)
        } else {
          this.pending.delete(id)
          reject(abortError())
          this.restart(w)
        }
      }
      signal.addEventListener('abort', onAbort, { once: true })
      const settle = () => signal.removeEventListener('abort', onAbort)
      this.pending.set(id, {
        resolve: (v) => (settle(), resolve(v as RenderJobResult[J['kind']])),
        reject: (e) => (settle(), reject(e)),
        onProgress,
        runHere: () => (settle(), this.fallback.run(job, signal, onProgress).then(resolve, reject)),
      })
      w.ref()
      w.postMessage({ id, job, datasets: this.datasets() } satisfies RenderWorkerRequest)
    })
  }

  close(): void {
    this.slot.stop()
    for (const p of this.takePending()) p.reject(new Error('the exporter was closed'))
  }

  /** Ends a worker busy with a cancelled render; jobs still pending in it fail, the next job starts a new one. */
  private restart(w: Worker): void {
    if (this.slot.current !== w) return
    this.slot.stop()
    for (const p of this.takePending()) p.reject(new Error('the export worker was restarted after a cancel'))
  }

  private takePending(): Pending[] {
    const pending = [...this.pending.values()]
    this.pending.clear()
    return pending
  }
}
