import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { DataIndex } from '../../../src-shared/charts/types'
import type { ColumnarDataset } from '../../../src-shared/dataset'
import type { DatasetSnapshot } from '../../../src-shared/ipc-contract'
import { unwrap, useApi } from '../api'

/**
 * The datasets main has loaded. The snapshot is replaced whole on every change
 * and kept out of deep reactivity (its columns are large typed arrays).
 */
export const useDataStore = defineStore('data', () => {
  const snapshot = shallowRef<DatasetSnapshot | null>(null)
  const busy = ref(false)
  const error = ref<string | null>(null)

  const index = computed<DataIndex>(() => {
    const byId = new Map<string, ColumnarDataset>((snapshot.value?.datasets ?? []).map((d) => [d.meta.id, d]))
    return { get: (id) => byId.get(id) }
  })
  const problems = computed(() => snapshot.value?.problems ?? [])
  const folder = computed(() => snapshot.value?.folder ?? null)

  /** Whether the problems panel is shown: the user may hide it; any new problem or error shows it again. */
  const problemsOpen = ref(true)
  const problemsKey = computed(() => JSON.stringify([problems.value, error.value]))
  watch(problemsKey, (now, before) => {
    if (now !== before && (problems.value.length > 0 || error.value)) problemsOpen.value = true
  })

  async function run(action: () => Promise<DatasetSnapshot | null>): Promise<void> {
    busy.value = true
    try {
      const next = await action()
      if (next) snapshot.value = next
      error.value = null
    } catch (err) {
      // The last good data stays on screen; the error is shown beside it.
      error.value = (err as Error).message
    } finally {
      busy.value = false
    }
  }

  async function init(): Promise<void> {
    const api = useApi()
    api.onDatasetsChanged((next) => (snapshot.value = next))
    await run(() => unwrap(api.getDatasets()))
  }

  const chooseFolder = () => run(() => unwrap(useApi().chooseDataFolder()))
  const addDropped = (files: File[]) => run(() => unwrap(useApi().addDroppedFiles(files)))

  async function reveal(file: string): Promise<void> {
    try {
      await unwrap(useApi().revealFile(file))
    } catch (err) {
      error.value = (err as Error).message
    }
  }

  return { snapshot, index, problems, problemsOpen, folder, busy, error, init, chooseFolder, addDropped, reveal }
})
