/**
 * Runs `loadColumnarFile` in a worker thread. The worker is started on first
 * use and kept; it only holds the process open while a load is pending.
 *
 * Finding the worker's code: the electron-vite build emits it as
 * `dataset-worker.js` next to the main bundle (an extra `rollupOptions.input`
 * entry, see docs/dataset-files.md); from source (tsx, vitest) it is
 * `worker.ts`, started through tsx's loader. When neither is found, loads run
 * in the calling thread.
 *
 * When the worker fails before its first message (`{ ready: true }`, posted
 * once its code has loaded), it could not start at all: whether an ES-module
 * worker loads from inside `app.asar` is not covered by Electron's own tests.
 * Its pending loads, and every later one, then run in the calling thread. A
 * worker that fails after that (a crash while parsing) fails its pending loads
 * with a problem, and the next load starts a new worker.
 */
import { resolve as resolvePath } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { ColumnarDataset } from '../../src-shared/dataset'
import { loadColumnarFile, type Loaded } from './load-file'
import type { WorkerMessage, WorkerRequest } from './worker'
import { spawnModuleWorker } from '../worker-spawn'

/** Names looked up next to this module; variables, so bundlers leave them alone. */
const BUILT = './dataset-worker.js'
const SOURCE = './worker.ts'

/** Starts the dataset worker from the build or the sources; `null` when neither is there. */
export function spawnDatasetWorker(): Worker | null {
  return spawnModuleWorker(new URL(BUILT, import.meta.url), new URL(SOURCE, import.meta.url))
}

interface Pending {
  done: (r: Loaded<ColumnarDataset>) => void
  path: string
  root: string
}

/** Parses in this thread; never rejects (an unexpected error becomes a problem). */
function loadHere(path: string, root: string): Promise<Loaded<ColumnarDataset>> {
  return loadColumnarFile(path, { root }).catch((err: Error) => ({ dataset: null, problems: [{ file: resolvePath(root, path), message: err.message }] }))
}

/** Parses dataset files in a worker thread, or in this thread when no worker can start. */
export class ParseWorker {
  private worker: Worker | null = null
  private unavailable = false
  private next = 1
  private pending = new Map<number, Pending>()

  /**
   * @param spawnWorker starts a worker that speaks the protocol of `worker.ts`
   *   (tests pass one that fails); `null` means none can be started.
   * @param warn told once when the worker could not start and loads fall back to this thread.
   */
  constructor(
    private readonly spawnWorker: () => Worker | null = spawnDatasetWorker,
    private readonly warn: (message: string) => void = (m) => console.warn(`[g60] ${m}`),
  ) {}

  /** Loads in the worker, or in this thread if no worker can be started. */
  load(path: string, root: string): Promise<Loaded<ColumnarDataset>> {
    const w = this.ensure()
    if (!w) return loadHere(path, root)
    const id = this.next++
    return new Promise((done) => {
      this.pending.set(id, { done, path, root })
      w.ref()
      w.postMessage({ id, path, root } satisfies WorkerRequest)
    })
  }

  private ensure(): Worker | null {
    if (this.worker || this.unavailable) return this.worker
    let w: Worker | null
    try {
      w = this.spawnWorker()
    } catch {
      w = null
    }
    if (!w) {
      this.unavailable = true
      return null
    }
    const worker = w
    let started = false
    worker.unref()
    worker.on('message', (msg: WorkerMessage) => {
      started = true
      if ('ready' in msg) return
      this.pending.get(msg.id)?.done(msg.result)
      this.pending.delete(msg.id)
      if (this.pending.size === 0) worker.unref()
    })
    const fail = (err: Error) => {
      if (this.worker !== worker) return
      this.worker = null
      const pending = [...this.pending.values()]
      this.pending.clear()
      if (!started) {
        this.unavailable = true
        this.warn(`the dataset worker could not start (${err.message}); files are parsed in the main thread`)
        for (const p of pending) void loadHere(p.path, p.root).then(p.done)
        return
      }
      // A crashed worker fails its pending loads with a problem; the next load starts a new one.
      for (const p of pending) p.done({ dataset: null, problems: [{ file: resolvePath(p.root, p.path), message: `the loader stopped: ${err.message}` }] })
    }
    worker.on('error', fail)
    worker.on('exit', (code) => fail(new Error(`exit code ${code}`)))
    this.worker = worker
    return worker
  }

  /** Stops the worker; loads still pending never settle. */
  close(): void {
    const w = this.worker
    this.worker = null
    void w?.terminate()
  }
}
