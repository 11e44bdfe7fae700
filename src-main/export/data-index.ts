/**
 * A `DataIndex` over columnar datasets, keyed by their ids, with later
 * datasets replacing earlier ones of the same id (user data over bundled).
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { DataIndex } from '../../src-renderer/shared/charts/types'
import { toColumnar, type ColumnarDataset, type DatasetFile } from '../../src-renderer/shared/dataset'

export function dataIndex(...layers: ColumnarDataset[][]): DataIndex & { ids(): string[] } {
  const byId = new Map<string, ColumnarDataset>()
  for (const layer of layers) for (const d of layer) byId.set(d.meta.id, d)
  return { get: (id) => byId.get(id), ids: () => [...byId.keys()].sort() }
}

/** Reads every `*.json` dataset of a folder (the bundled ones are trusted, checked by their own tests). */
export async function readJsonDatasets(dir: string): Promise<ColumnarDataset[]> {
  const names = (await readdir(dir)).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json') && !f.startsWith('.')).sort()
  return Promise.all(names.map(async (f) => toColumnar(JSON.parse(await readFile(join(dir, f), 'utf8')) as DatasetFile)))
}
