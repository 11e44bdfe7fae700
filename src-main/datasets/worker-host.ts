/**
 * Runs `loadColumnarFile` in a worker thread. The worker is started on first
 * use and kept; it only holds the process open while a load is pending.
 *
 * Finding the worker's code: the electron-vite build emits it as
 * `dataset-worker.js` next to the main bundle (an extra `rollupOptions.input`
 * entry, see docs/dataset-files.md); from source (tsx, vitest) it is
 * `worker.ts`, started through tsx's loader. When neither is found, loads run
 * in the calling thread.
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve as resolvePath } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { ColumnarDataset } from '../../src-shared/dataset'
import { loadColumnarFile, type Loaded } from './load-file'
import type { WorkerRequest } from './worker'

/** Names looked up next to this module; variables, so bundlers leave them alone. */
const BUILT = './dataset-worker.js'
const SOURCE = './worker.ts'

function spawn(): Worker | null {
  const built = new URL(BUILT, import.meta.url)
  if (built.protocol === 'file:' && existsSync(fileURLToPath(built))) return new Worker(built)
  const source = new URL(SOURCE, import.meta.url)
  if (source.protocol !== 'file:' || !existsSync(fileURLToPath(source))) return null
  let tsx: string
  try {
    // The ESM entry of tsx's API sits next to the CommonJS one that require.resolve finds.
    tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href
  } catch {
    return null
  }
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { (m.register ?? m.default.register)(); return import(${JSON.stringify(source.href)}) })`
  return new Worker(boot, { eval: true })
}

export class ParseWorker {
  private worker: Worker | null = null
  private unavailable = false
  private next = 1
  private pending = new Map<number, { done: (r: Loaded<ColumnarDataset>) => void; file: string }>()

  /** Loads in the worker, or in this thread if no worker can be started. */
  load(path: string, root: string): Promise<Loaded<ColumnarDataset>> {
    const w = this.ensure()
    if (!w) return loadColumnarFile(path, { root })
    const id = this.next++
    return new Promise((done) => {
      this.pending.set(id, { done, file: resolvePath(root, path) })
      w.ref()
      w.postMessage({ id, path, root } satisfies WorkerRequest)
    })
  }

  private ensure(): Worker | null {
    if (this.worker || this.unavailable) return this.worker
    const w = spawn()
    if (!w) {
      this.unavailable = true
      return null
    }
    w.unref()
    w.on('message', (msg: { id: number; result: Loaded<ColumnarDataset> }) => {
      this.pending.get(msg.id)?.done(msg.result)
      this.pending.delete(msg.id)
      if (this.pending.size === 0) w.unref()
    })
    const fail = (err: Error) => {
      // A crashed worker fails its pending loads with a problem; the next load starts a new one.
      for (const { done, file } of this.pending.values()) done({ dataset: null, problems: [{ file, message: `the loader stopped: ${err.message}` }] })
      this.pending.clear()
      this.worker = null
    }
    w.on('error', fail)
    w.on('exit', (code) => {
      if (this.worker === w) fail(new Error(`exit code ${code}`))
    })
    this.worker = w
    return w
  }

  close(): void {
    const w = this.worker
    this.worker = null
    void w?.terminate()
  }
}
