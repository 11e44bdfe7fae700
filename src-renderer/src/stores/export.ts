import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { DashboardId } from '../../../src-shared/charts/types'
import type {
  ChartExportRequest,
  DashboardExportRequest,
  DeckExportRequest,
  ExportProgress,
  PackExportRequest,
} from '../../../src-shared/export-contract'
import { unwrap, useApi } from '../api'
import { useNoticesStore } from './notices'

/** What the export dialog is open for. */
export type ExportTarget =
  | { kind: 'chart'; chartId: string; title: string; shown: { width: number; height: number } }
  | { kind: 'dashboard'; dashboard: DashboardId; title: string }
  | { kind: 'pack' }
  | { kind: 'deck' }

/** Export requests, their progress and their outcome, shown as notices. */
export const useExportStore = defineStore('export', () => {
  const target = ref<ExportTarget | null>(null)
  const busy = ref(false)
  const progress = ref<ExportProgress | null>(null)
  const error = ref<string | null>(null)

  let subscribed = false
  function init(): void {
    if (subscribed) return
    subscribed = true
    useApi().onExportProgress((p) => (progress.value = p))
  }

  function open(next: ExportTarget): void {
    error.value = null
    target.value = next
  }

  function close(): void {
    if (!busy.value) target.value = null
  }

  async function run<T>(action: () => Promise<T>, done: (value: NonNullable<T>) => string): Promise<void> {
    busy.value = true
    error.value = null
    progress.value = null
    try {
      const value = await action()
      if (value !== null && value !== undefined) {
        useNoticesStore().postLocal({ id: 'export-done', level: 'info', message: done(value), details: [] })
        target.value = null
      }
    } catch (err) {
      error.value = (err as Error).message
    } finally {
      busy.value = false
      progress.value = null
    }
  }

  return {
    target,
    busy,
    progress,
    error,
    init,
    open,
    close,
    chart: (req: ChartExportRequest, message: (path: string, w: number, h: number) => string) =>
      run(() => unwrap(useApi().exportChart(req)), (r) => message(r.path, r.width, r.height)),
    dashboard: (req: DashboardExportRequest, message: (path: string) => string) =>
      run(() => unwrap(useApi().exportDashboard(req)), (r) => message(r.path)),
    pack: (req: PackExportRequest, message: (folder: string, n: number) => string) =>
      run(() => unwrap(useApi().exportPack(req)), (r) => message(r.folder, r.files.length)),
    deck: (req: DeckExportRequest, message: (path: string, slides: number) => string) =>
      run(() => unwrap(useApi().exportDeck(req)), (r) => message(r.path, r.slides)),
    cancel: () => unwrap(useApi().cancelExport()),
  }
})
