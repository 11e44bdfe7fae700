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
 * neither is found, jobs run in the calling thread.
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

type Reply = { id: number; progress: ExportProgress } | { id: number; ok: true; value: unknown } | { id: number; ok: false; error: JobError }

interface Pending {
  resolve(value: unknown): void
  reject(err: Error): void
  onProgress?: (p: ExportProgress) => void
}

const abortError = (): Error => Object.assign(new Error('the export was cancelled'), { name: 'AbortError' })

/** Runs export jobs in a worker thread over the datasets `datasets()` gives at the start of each job. */
export class WorkerRenderer implements Renderer {
  private worker: Worker | null = null
  private unavailable = false
  private next = 1
  private pending = new Map<number, Pending>()
  private fallback: Renderer

  constructor(private readonly datasets: () => ColumnarDataset[]) {
    this.fallback = inThreadRenderer(() => dataIndex(datasets()))
  }

  /** Whether jobs run in a worker thread (false when none could be started and they run in this one). */
  get offThread(): boolean {
    return this.ensure() !== null
  }

  run<J extends RenderJob>(job: J, signal: AbortSignal, onProgress?: (p: ExportProgress) => void): Promise<RenderJobResult[J['kind']]> {
    if (signal.aborted) return Promise.reject(abortError())
    const w = this.ensure()
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
      })
      w.ref()
      w.postMessage({ id, job, datasets: this.datasets() } satisfies RenderWorkerRequest)
    })
  }

  close(): void {
    const w = this.worker
    this.worker = null
    for (const p of this.pending.values()) p.reject(new Error('the exporter was closed'))
    this.pending.clear()
    void w?.terminate()
  }

  /** Ends a worker busy with a cancelled render; jobs still pending in it fail, the next job starts a new one. */
  private restart(w: Worker): void {
    if (this.worker !== w) return
    this.worker = null
    for (const p of this.pending.values()) p.reject(new Error('the export worker was restarted after a cancel'))
    this.pending.clear()
    void w.terminate()
  }

  private ensure(): Worker | null {
    if (this.worker || this.unavailable) return this.worker
    let w: Worker | null
    try {
      w = spawn()
    } catch {
      w = null
    }
    if (!w) {
      this.unavailable = true
      return null
    }
    w.unref()
    w.on('message', (msg: Reply) => {
      const p = this.pending.get(msg.id)
      if (!p) return
      if ('progress' in msg) return p.onProgress?.(msg.progress)
      this.pending.delete(msg.id)
      if (this.pending.size === 0) w.unref()
      if (msg.ok) p.resolve(msg.value)
      else p.reject(fromJobError(msg.error))
    })
    const fail = (err: Error) => {
      if (this.worker !== w) return
      for (const p of this.pending.values()) p.reject(new Error(`the export worker stopped: ${err.message}`))
      this.pending.clear()
      this.worker = null
    }
    w.on('error', fail)
    w.on('exit', (code) => fail(new Error(`exit code ${code}`)))
    this.worker = w
    return w
  }
}
