import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundledData } from '../../../src-main/export/data-index'
import { inThreadRenderer, WorkerRenderer, type Renderer } from '../../../src-main/export/render-host'
import type { ChartExportOptions } from '../../../src-main/export/render'
import { ExportWriteError } from '../../../src-main/export/write'
import type { ColumnarDataset } from '../../../src-shared/dataset'
import { pngSize } from './helpers'

const bundled = join(import.meta.dirname, '../../../resources/datasets')
let datasets: ColumnarDataset[]
let dir: string
/** One renderer for the file: starting a worker from source (tsx) takes seconds. */
let renderer: WorkerRenderer

beforeAll(async () => {
  const data = await bundledData(bundled)
  datasets = data.ids().map((id) => data.get(id)!)
  dir = await mkdtemp(join(tmpdir(), 'g60-render-host-'))
  renderer = new WorkerRenderer(() => datasets)
})
afterAll(async () => {
  renderer.close()
  await rm(dir, { recursive: true, force: true })
})

const chartId = 'industry-gdp'
const fourK: ChartExportOptions = { format: 'png', scale: 2, width: 3840, height: 2160, theme: 'light', lang: 'zh-CN', background: 'solid', caption: true }

/** Runs `work` while a 5 ms interval counts how often the main event loop got to run. */
async function ticksDuring<T>(work: () => Promise<T>): Promise<{ value: T; ticks: number }> {
  let ticks = 0
  const timer = setInterval(() => void ticks++, 5)
  try {
    const value = await work()
    return { value, ticks }
  } finally {
    clearInterval(timer)
  }
}

describe('WorkerRenderer', () => {
  it('renders a 4K chart at 2× in a worker thread while the main event loop keeps running', async () => {
    expect(renderer.offThread).toBe(true)
    const { value: file, ticks } = await ticksDuring(() => renderer.run({ kind: 'chart', chartId, opts: fourK }, new AbortController().signal))
    expect(pngSize(file.bytes)).toEqual({ width: 7680, height: 4320 })
    expect(file.fileExt).toBe('png')
    expect(ticks).toBeGreaterThan(0)
  })

  it('is what the in-thread renderer is not: there the same export blocks every timer until it is done', async () => {
    const data = await bundledData(bundled)
    const inThread: Renderer = inThreadRenderer(() => data)
    const { value: file, ticks } = await ticksDuring(() => inThread.run({ kind: 'chart', chartId, opts: { ...fourK, scale: 1 } }, new AbortController().signal))
    expect(pngSize(file.bytes)).toEqual({ width: 3840, height: 2160 })
    expect(ticks).toBe(0)
  })

  it('cancels a single chart mid-render, and renders the next one', async () => {
    const controller = new AbortController()
    const pending = renderer.run({ kind: 'chart', chartId, opts: fourK }, controller.signal)
    setTimeout(() => controller.abort(), 50)
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
    const next = await renderer.run({ kind: 'chart', chartId, opts: { ...fourK, format: 'svg', scale: 1 } }, new AbortController().signal)
    expect(new TextDecoder().decode(next.bytes)).toMatch(/^<svg/)
  })

  it('runs a pack with progress, and stops it between charts when cancelled, leaving no temporary file', async () => {
    const out = join(dir, 'pack')
    const controller = new AbortController()
    const progress: number[] = []
    const pending = renderer.run({ kind: 'pack', folder: out, opts: { formats: ['png'], scale: 1, width: 640, height: 360, theme: 'dark', lang: 'en' } }, controller.signal, (p) => {
      progress.push(p.done)
      if (p.done === 2) controller.abort()
    })
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
    expect(progress.slice(0, 2)).toEqual([1, 2])
    const files = await readdir(out)
    expect(files.length).toBeGreaterThanOrEqual(2)
    expect(files.every((f) => /^\d\d-.*\.png$/.test(f))).toBe(true)
  })

  it('brings errors back as their own classes', async () => {
    await expect(renderer.run({ kind: 'chart', chartId: 'no-such-chart', opts: fourK }, new AbortController().signal)).rejects.toBeInstanceOf(RangeError)
    await writeFile(join(dir, 'a-file'), 'x')
    const err = await renderer
      .run({ kind: 'pack', folder: join(dir, 'a-file', 'pack'), opts: { formats: ['svg'], scale: 1, width: 640, height: 360, theme: 'light', lang: 'en' } }, new AbortController().signal)
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ExportWriteError)
    expect(err).toMatchObject({ code: 'ENOTDIR', path: join(dir, 'a-file', 'pack') })
  })

  it('renders in this thread, the waiting job included, when the worker fails before it is ready (as a worker inside app.asar might)', async () => {
    const warnings: string[] = []
    const broken = new WorkerRenderer(
      () => datasets,
      () => new Worker("throw new Error('Cannot find module app.asar/out/main/render-worker.js')", { eval: true }),
      (m) => warnings.push(m),
    )
    try {
      const file = await broken.run({ kind: 'chart', chartId, opts: { ...fourK, format: 'svg', scale: 1 } }, new AbortController().signal)
      expect(new TextDecoder().decode(file.bytes)).toMatch(/^<svg/)
      expect(warnings).toEqual([expect.stringMatching(/export worker could not start \(.*app\.asar.*\); exports render in the main thread/)])
      expect(broken.offThread).toBe(false)
      const next = await broken.run({ kind: 'chart', chartId, opts: { ...fourK, format: 'png', scale: 1, width: 640, height: 360 } }, new AbortController().signal)
      expect(pngSize(next.bytes)).toEqual({ width: 640, height: 360 })
      expect(warnings).toHaveLength(1)
    } finally {
      broken.close()
    }
  })
})
