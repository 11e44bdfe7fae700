import { resolve } from 'node:path'
import { Worker } from 'node:worker_threads'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { loadColumnarFile } from '../../../src-main/datasets/load-file'
import { ParseWorker } from '../../../src-main/datasets/worker-host'

const root = resolve(import.meta.dirname, '../../fixtures/datasets/good')

/** A worker whose code fails to load, as an ES-module worker inside app.asar might. */
const unstartable = () => new Worker("throw new Error('Cannot find module /app.asar/out/main/dataset-worker.js')", { eval: true })

/** A worker that starts, says so, and then dies on its first request. */
const crashing = () =>
  new Worker("const { parentPort } = require('node:worker_threads'); parentPort.postMessage({ ready: true }); parentPort.on('message', () => process.exit(3))", { eval: true })

let host: ParseWorker | null = null
afterEach(() => host?.close())

describe('ParseWorker', () => {
  it('parses in the main thread when the worker fails before its first message', async () => {
    const spawn = vi.fn(unstartable)
    const warn = vi.fn()
    host = new ParseWorker(spawn, warn)
    const expected = await loadColumnarFile('cities.csv', { root })
    expect(expected.dataset).not.toBeNull()

    // Two loads in flight when the worker fails: both are parsed here instead.
    const [a, b] = await Promise.all([host.load('cities.csv', root), host.load('rectification.json', root)])
    expect(a).toEqual(expected)
    expect(b).toEqual(await loadColumnarFile('rectification.json', { root }))
    expect(warn).toHaveBeenCalledTimes(1)
    expect(warn.mock.calls[0][0]).toMatch(/^the dataset worker could not start \(Cannot find module .*\); files are parsed in the main thread$/)

    // Later loads go straight to this thread, without trying to start the worker again.
    await expect(host.load('cities.csv', root)).resolves.toEqual(expected)
    expect(spawn).toHaveBeenCalledTimes(1)
  })

  it('reports a crash after the worker started as a problem, and starts a new worker for the next load', async () => {
    const spawn = vi.fn(crashing)
    const warn = vi.fn()
    host = new ParseWorker(spawn, warn)
    await expect(host.load('cities.csv', root)).resolves.toEqual({
      dataset: null,
      problems: [{ file: resolve(root, 'cities.csv'), message: 'the loader stopped: exit code 3' }],
    })
    await host.load('cities.csv', root)
    expect(spawn).toHaveBeenCalledTimes(2)
    expect(warn).not.toHaveBeenCalled()
  })

  it('parses in this thread when no worker can be started at all', async () => {
    host = new ParseWorker(() => null)
    await expect(host.load('cities.csv', root)).resolves.toEqual(await loadColumnarFile('cities.csv', { root }))
  })

  it('parses in the real worker, which says it is ready first', async () => {
    const warn = vi.fn()
    host = new ParseWorker(undefined, warn)
    const result = await host.load('cities.csv', root)
    const expected = await loadColumnarFile('cities.csv', { root })
    expect(result.problems).toEqual(expected.problems)
    expect(result.dataset?.meta).toEqual(expected.dataset?.meta)
    expect(Array.from(result.dataset!.value)).toEqual(Array.from(expected.dataset!.value))
    expect(warn).not.toHaveBeenCalled()
  })
})
