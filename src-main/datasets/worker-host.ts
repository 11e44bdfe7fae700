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
 * The worker's lifecycle is `WorkerSlot`'s (src-main/worker-slot.ts). When it
 * could not start at all (it failed before its first message), its pending
 * loads, and every later one, run in the calling thread. A worker that fails
 * after that (a crash while parsing) fails its pending loads with a problem,
 * and the next load starts a new worker.
 */
import { resolve as resolvePath } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { ColumnarDataset } from '../../src-shared/dataset'
import { loadColumnarFile, type Loaded } from './load-file'
import type { WorkerMessage, WorkerRequest } from './worker'
import { spawnModuleWorker } from '../worker-spawn'
import { WorkerSlot } from '../worker-slot'

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
  private next = 1
  private pending = new Map<number, Pending>()
  private readonly slot: WorkerSlot<WorkerMessage>

  /**
   * @param spawnWorker starts a worker that speaks the protocol of `worker.ts`
   *   (tests pass one that fails); `null` means none can be started.
   * @param warn told once when the worker could not start and loads fall back to this thread.
   */
  constructor(spawnWorker: () => Worker | null = spawnDatasetWorker, warn: (message: string) => void = (m) => console.warn(`[g60] ${m}`)) {
    this.slot = new WorkerSlot<WorkerMessage>(spawnWorker, {
      message: (msg, worker) => {
        this.pending.get(msg.id)?.done(msg.result)
        this.pending.delete(msg.id)
        if (this.pending.size === 0) worker.unref()
      },
      unavailable: (err) => {
        warn(`the dataset worker could not start (${err.message}); files are parsed in the main thread`)
        for (const p of this.takePending()) void loadHere(p.path, p.root).then(p.done)
      },
      // A crashed worker fails its pending loads with a problem; the next load starts a new one.
      stopped: (err) => {
        for (const p of this.takePending()) p.done({ dataset: null, problems: [{ file: resolvePath(p.root, p.path), message: `the loader stopped: ${err.message}` }] })
      },
    })
  }

  /** Loads in the worker, or in this thread if no worker can be started. */
  load(path: string, root: string): Promise<Loaded<ColumnarDataset>> {
    const w = this.slot.get()
    if (!w) return loadHere(path, root)
    const id = this.next++
    return new Promise((done) => {
      this.pending.set(id, { done, path, root })
      w.ref()
      w.postMessage({ id, path, root } satisfies WorkerRequest)
    })
  }

  /** Stops the worker; loads still pending never settle. */
  close(): void {
    this.slot.stop()
  }

  private takePending(): Pending[] {
    const pending = [...this.pending.values()]
    this.pending.clear()
    return pending
  }
}
