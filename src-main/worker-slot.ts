/**
 * One lazily started worker thread of the main process (dataset parsing,
 * export rendering), kept between jobs. It holds the process open only while
 * its owner says work is pending, and it tells apart a worker that never
 * started from one that stopped later: a worker posts `{ ready: true }` once
 * its code has loaded, so one that fails before its first message could not
 * start at all (whether an ES-module worker loads from inside `app.asar` is
 * not covered by Electron's own tests), and none is tried again.
 */
import type { Worker } from 'node:worker_threads'

/** The message a worker posts once its code has loaded, before any other. */
export type ReadyMessage = { ready: true }

/** What a `WorkerSlot` tells its owner; `M` is every message the worker posts. */
export interface WorkerSlotEvents<M> {
  /** A message from the worker other than `{ ready: true }`. */
  message(msg: Exclude<M, ReadyMessage>, worker: Worker): void
  /** The worker failed before its first message: it never started, and `get()` returns `null` from now on. */
  unavailable(err: Error): void
  /** The worker failed after it had started; the next `get()` starts a new one. */
  stopped(err: Error): void
}

/** A worker started on first use and kept; see the file header. `M` is every message it posts, `{ ready: true }` included. */
export class WorkerSlot<M extends object> {
  private worker: Worker | null = null
  private never = false

  /**
   * @param spawn starts the worker; `null` (or a throw) means none can start, and `get()` returns `null` from then on.
   * @param events where its messages and failures go.
   */
  constructor(
    private readonly spawn: () => Worker | null,
    private readonly events: WorkerSlotEvents<M>,
  ) {}

  /** The running worker, started (unreferenced) if there is none; `null` when no worker can start. */
  get(): Worker | null {
    if (this.worker || this.never) return this.worker
    let w: Worker | null
    try {
      w = this.spawn()
    } catch {
      w = null
    }
    if (!w) {
      this.never = true
      return null
    }
    const worker = w
    let started = false
    worker.unref()
    worker.on('message', (msg: M) => {
      started = true
      if (!('ready' in msg)) this.events.message(msg as Exclude<M, ReadyMessage>, worker)
    })
    const fail = (err: Error) => {
      // A worker already let go of (stopped, or replaced) reports nothing.
      if (this.worker !== worker) return
      this.worker = null
      if (started) return this.events.stopped(err)
      this.never = true
      this.events.unavailable(err)
    }
    worker.on('error', fail)
    worker.on('exit', (code) => fail(new Error(`exit code ${code}`)))
    this.worker = worker
    return worker
  }

  /** The running worker, without starting one. */
  get current(): Worker | null {
    return this.worker
  }

  /** Lets go of the running worker and terminates it, with no event; the next `get()` starts a new one. */
  stop(): void {
    const w = this.worker
    this.worker = null
    void w?.terminate()
  }
}
