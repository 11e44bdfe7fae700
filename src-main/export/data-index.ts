/**
 * A `DataIndex` over columnar datasets, keyed by their ids, with later
 * datasets replacing earlier ones of the same id (user data over bundled).
 */
import type { DataIndex } from '../../src-shared/charts/types'
import { toColumnar, type ColumnarDataset } from '../../src-shared/dataset'
import { loadFolder } from '../datasets/load-folder'

/** A `DataIndex` over layers of datasets, a later layer's dataset replacing an earlier one with the same id (user data over bundled). */
export function dataIndex(...layers: ColumnarDataset[][]): DataIndex & { ids(): string[] } {
  const byId = new Map<string, ColumnarDataset>()
  for (const layer of layers) for (const d of layer) byId.set(d.meta.id, d)
  return { get: (id) => byId.get(id), ids: () => [...byId.keys()].sort() }
}

/** Loads a folder of datasets through the app's loader; any problem is an error (for tests and benchmarks of bundled data). */
export async function bundledData(dir: string): Promise<DataIndex & { ids(): string[] }> {
  const { datasets, problems } = await loadFolder(dir)
  if (problems.length) throw new Error(`${problems.length} problem(s) in ${dir}, first: ${problems[0]!.message}`)
  return dataIndex(datasets.map(toColumnar))
}
