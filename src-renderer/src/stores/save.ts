import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { SaveOutcome, TableSaveRequest, WriteFailure } from '../../../src-shared/save-contract'
import { unwrap, useApi } from '../api'
import { useNoticesStore } from './notices'

/** The words a save's outcome is told in, in the UI language (the component passes them from its `t`). */
export interface SaveWords {
  saved(path: string, n: number): string
  failed(reason: WriteFailure, path: string, detail: string): string
  refused(message: string): string
}

/**
 * Saving data files: a loaded dataset (*Save dataset as Excel…*, from the data
 * bar or the File menu's picker) and a chart's table (CSV / XLSX). Main asks
 * where and writes; the outcome is a notice (`save-done` or `save-failed`).
 */
export const useSaveStore = defineStore('save', () => {
  /** True while File ▸ Save Dataset as Excel…'s picker is open. */
  const pickerOpen = ref(false)
  const busy = ref(false)

  async function run(action: () => Promise<SaveOutcome>, words: SaveWords): Promise<SaveOutcome> {
    const notices = useNoticesStore()
    busy.value = true
    try {
      const outcome = await action()
      if (outcome?.saved) {
        notices.postLocal({ id: 'save-done', level: 'info', message: words.saved(outcome.path, outcome.rows), details: [] })
      } else if (outcome) {
        notices.postLocal({ id: 'save-failed', level: 'error', message: words.failed(outcome.reason, outcome.path, outcome.detail), details: [] })
      }
      if (outcome?.saved) pickerOpen.value = false
      return outcome
    } catch (err) {
      notices.postLocal({ id: 'save-failed', level: 'error', message: words.refused((err as Error).message), details: [] })
      return null
    } finally {
      busy.value = false
    }
  }

  return {
    pickerOpen,
    busy,
    /** Saves the loaded dataset `id` where the user chooses (XLSX, or CSV by the name). */
    dataset: (id: string, words: SaveWords) => run(() => unwrap(useApi().saveDataset(id)), words),
    /** Saves a chart's table as CSV or XLSX where the user chooses. */
    table: (request: TableSaveRequest, words: SaveWords) => run(() => unwrap(useApi().saveTable(request)), words),
  }
})
