/**
 * Worker-thread entry: parses dataset files off the main event loop. Receives
 * `{ id, path, root }`, answers `{ id, result }` with the typed arrays
 * transferred, not copied.
 */
import { parentPort } from 'node:worker_threads'
import type { ColumnarDataset } from '../../src-shared/dataset'
import { loadColumnarFile } from './load-file'

export interface WorkerRequest {
  id: number
  path: string
  root: string
}

/** The distinct buffers behind a dataset's typed arrays. */
export function buffersOf(d: ColumnarDataset): ArrayBuffer[] {
  const arrays = [d.entity, d.indicator, d.year, d.period, d.value, d.valueHigh, d.unit, d.qualifier, d.source, d.note, d.conflict, ...(d.decimals ? [d.decimals] : [])]
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))]
}

parentPort?.on('message', (req: WorkerRequest) => {
  void loadColumnarFile(req.path, { root: req.root }).then((result) => {
    parentPort!.postMessage({ id: req.id, result }, result.dataset ? buffersOf(result.dataset) : [])
  })
})
