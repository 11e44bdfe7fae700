/**
 * Worker-thread entry: parses dataset files off the main event loop. Says
 * `{ ready: true }` once its code has loaded, then receives `{ id, path, root }`
 * and answers `{ id, result }` with the typed arrays transferred, not copied.
 */
import { parentPort } from 'node:worker_threads'
import type { ColumnarDataset } from '../../src-shared/dataset'
import { loadColumnarFile, type Loaded } from './load-file'

/** A load the host asks for: `path` relative to `root`, as `loadColumnarFile` takes them. */
export interface WorkerRequest {
  id: number
  path: string
  root: string
}

/** What the worker posts: first `{ ready: true }`, then one answer per request. */
export type WorkerMessage = { ready: true } | { id: number; result: Loaded<ColumnarDataset> }

/** The distinct buffers behind a dataset's typed arrays. */
export function buffersOf(d: ColumnarDataset): ArrayBuffer[] {
  const arrays = [d.entity, d.indicator, d.year, d.period, d.value, d.valueHigh, d.unit, d.qualifier, d.source, d.noteZh, d.noteEn, d.conflict, ...(d.decimals ? [d.decimals] : [])]
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))]
}

// Everything above loaded: the host can stop worrying that this thread cannot start.
parentPort?.postMessage({ ready: true } satisfies WorkerMessage)

parentPort?.on('message', (req: WorkerRequest) => {
  void loadColumnarFile(req.path, { root: req.root }).then((result) => {
    parentPort!.postMessage({ id: req.id, result } satisfies WorkerMessage, result.dataset ? buffersOf(result.dataset) : [])
  })
})
