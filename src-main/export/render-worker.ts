/**
 * Worker-thread entry: runs export jobs (`render-jobs.ts`) off the main event
 * loop. Says `{ ready: true }` once its code has loaded, then receives
 * `{ id, job, datasets }` or `{ id, abort: true }`; answers `{ id, progress }`
 * while a pack runs, then `{ id, ok: true, value }` (bytes transferred, not
 * copied) or `{ id, ok: false, error }`. The font paths come
 * from main in `workerData`.
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { ColumnarDataset } from '../../src-shared/dataset'
import { dataIndex } from './data-index'
import { useFontPaths, type FontPaths } from './fonts'
import { runRenderJob, toJobError, type RenderJob } from './render-jobs'

/** A message from main to the render worker. */
export type RenderWorkerRequest = { id: number; job: RenderJob; datasets: ColumnarDataset[] } | { id: number; abort: true }

const fonts = (workerData as { fonts?: FontPaths } | null)?.fonts
if (fonts) useFontPaths(fonts)

const running = new Map<number, AbortController>()

parentPort?.on('message', (msg: RenderWorkerRequest) => {
  if ('abort' in msg) {
    running.get(msg.id)?.abort()
    return
  }
  const controller = new AbortController()
  running.set(msg.id, controller)
  runRenderJob(msg.job, dataIndex(msg.datasets), controller.signal, (progress) => parentPort!.postMessage({ id: msg.id, progress }))
    .then((value) => {
      // A chart's file carries its bytes; a deck's result gives only their count (it wrote the file itself).
      const bytes = value instanceof Uint8Array ? value : 'bytes' in value && value.bytes instanceof Uint8Array ? value.bytes : null
      const transfer = bytes && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer as ArrayBuffer] : []
      parentPort!.postMessage({ id: msg.id, ok: true, value }, transfer)
    })
    .catch((err: unknown) => parentPort!.postMessage({ id: msg.id, ok: false, error: toJobError(controller.signal.aborted ? Object.assign(new Error('aborted'), { name: 'AbortError' }) : err) }))
    .finally(() => running.delete(msg.id))
})

parentPort?.postMessage({ ready: true })
