import { Worker } from 'node:worker_threads'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { WorkerSlot, type WorkerSlotEvents } from '../../src-main/worker-slot'

type Message = { ready: true } | { echo: string }

/** A worker that says it is ready, then echoes each request; `exit` in a request ends it with code 3. */
const echoing = () =>
  new Worker(
    "const { parentPort } = require('node:worker_threads'); parentPort.postMessage({ ready: true }); parentPort.on('message', (m) => m === 'exit' ? process.exit(3) : parentPort.postMessage({ echo: m }))",
    { eval: true },
  )

/** A worker whose code fails to load, as an ES-module worker inside app.asar might. */
const unstartable = () => new Worker("throw new Error('Cannot find module /app.asar/out/main/worker.js')", { eval: true })

function events() {
  return { message: vi.fn(), unavailable: vi.fn(), stopped: vi.fn() } satisfies WorkerSlotEvents<Message>
}

/** Waits until `check` holds (a worker's events arrive on later turns). */
async function until(check: () => boolean): Promise<void> {
  await vi.waitFor(() => expect(check()).toBe(true), { timeout: 20_000, interval: 10 })
}

let slot: WorkerSlot<Message> | null = null
afterEach(() => slot?.stop())

describe('WorkerSlot', () => {
  it('starts the worker once, keeps it, and passes on every message but the ready one', async () => {
    const spawn = vi.fn(echoing)
    const on = events()
    slot = new WorkerSlot<Message>(spawn, on)
    const w = slot.get()!
    expect(slot.get()).toBe(w)
    expect(slot.current).toBe(w)
    w.postMessage('a')
    await until(() => on.message.mock.calls.length === 1)
    expect(on.message).toHaveBeenCalledWith({ echo: 'a' }, w)
    expect(spawn).toHaveBeenCalledTimes(1)
  })

  it('reports a worker that fails before its first message as unavailable, and never tries again', async () => {
    const spawn = vi.fn(unstartable)
    const on = events()
    slot = new WorkerSlot<Message>(spawn, on)
    expect(slot.get()).not.toBeNull()
    await until(() => on.unavailable.mock.calls.length > 0)
    expect(on.unavailable.mock.calls[0]![0].message).toMatch(/Cannot find module/)
    expect(slot.get()).toBeNull()
    expect(spawn).toHaveBeenCalledTimes(1)
    expect(on.stopped).not.toHaveBeenCalled()
  })

  it('reports a worker that fails after it started as stopped, and starts a new one on the next get', async () => {
    const spawn = vi.fn(echoing)
    const on = events()
    slot = new WorkerSlot<Message>(spawn, on)
    const first = slot.get()!
    first.postMessage('a')
    await until(() => on.message.mock.calls.length === 1)
    first.postMessage('exit')
    await until(() => on.stopped.mock.calls.length === 1)
    expect(on.stopped.mock.calls[0]![0].message).toBe('exit code 3')
    expect(slot.current).toBeNull()
    const second = slot.get()
    expect(second).not.toBeNull()
    expect(second).not.toBe(first)
    expect(on.unavailable).not.toHaveBeenCalled()
  })

  it('stop() terminates the worker without an event, and the next get starts a new one', async () => {
    const on = events()
    slot = new WorkerSlot<Message>(echoing, on)
    const first = slot.get()!
    const exited = new Promise((done) => first.once('exit', done))
    slot.stop()
    expect(slot.current).toBeNull()
    await exited
    expect(on.stopped).not.toHaveBeenCalled()
    expect(on.unavailable).not.toHaveBeenCalled()
    expect(slot.get()).not.toBe(first)
  })

  it('is unavailable when the worker cannot be spawned at all (null or a throw)', () => {
    for (const spawn of [vi.fn(() => null), vi.fn((): Worker => { throw new Error('no worker threads') })]) {
      const s = new WorkerSlot<Message>(spawn, events())
      expect(s.get()).toBeNull()
      expect(s.get()).toBeNull()
      expect(spawn).toHaveBeenCalledTimes(1)
    }
  })
})
