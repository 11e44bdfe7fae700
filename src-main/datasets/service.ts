/**
 * The datasets the app shows: the bundled defaults, replaced by id by the
 * user's data folder and by files dropped on the window. The folder is
 * watched; a changed file is reloaded after a short pause, and if its new
 * version has problems the last good version stays (with the problems shown).
 * Files over 1 MiB are parsed in a worker thread.
 */
import { watch, type FSWatcher } from 'node:fs'
import { stat } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import type { ColumnarDataset, DatasetProblem } from '../../src-shared/dataset'
import type { DatasetSnapshot } from '../../src-shared/ipc-contract'
import { loadColumnarFile } from './load-file'
import { duplicateIdProblem, isDatasetName, listDatasetFiles } from './load-folder'
import { ParseWorker } from './worker-host'

export type { DatasetSnapshot }

export interface DatasetServiceOptions {
  bundledDir: string
  onChange: (s: DatasetSnapshot) => void
  /** Parse files over `WORKER_MIN_BYTES` in a worker thread (default true). */
  useWorker?: boolean
}

/** Files at least this large are parsed off the main thread. */
export const WORKER_MIN_BYTES = 1024 * 1024
/** Quiet time after the last change event before a folder is reloaded. */
export const WATCH_DEBOUNCE_MS = 250

interface FileState {
  file: string
  mtimeMs: number
  size: number
  /** The last version that loaded without problems. */
  good: ColumnarDataset | null
  problems: DatasetProblem[]
}

type States = Map<string, FileState>

export class DatasetService {
  private bundled: States = new Map()
  private user: States = new Map()
  private dropped: States = new Map()
  private folder: string | null = null
  private watcher: FSWatcher | null = null
  private timer: NodeJS.Timeout | null = null
  private reloading: Promise<void> | null = null
  private again = false
  private worker: ParseWorker | null
  private current: DatasetSnapshot

  constructor(private opts: DatasetServiceOptions) {
    this.worker = opts.useWorker === false ? null : new ParseWorker()
    this.current = { datasets: [], origins: {}, problems: [], folder: null, loadedAt: new Date().toISOString() }
  }

  /** Loads the bundled datasets. */
  async start(): Promise<DatasetSnapshot> {
    this.bundled = await this.loadDir(resolve(this.opts.bundledDir), new Map())
    return this.publish()
  }

  /** Loads a user's data folder and watches it. Rejects when `dir` is not a readable folder. */
  async openFolder(dir: string): Promise<DatasetSnapshot> {
    const folder = resolve(dir)
    const st = await stat(folder)
    if (!st.isDirectory()) throw new Error(`not a folder: ${folder}`)
    this.unwatch()
    const states = await this.loadDir(folder, new Map())
    this.folder = folder
    this.user = states
    this.watch(folder)
    return this.publish()
  }

  /** Loads dropped files, each inside its own folder. */
  async addFiles(paths: string[]): Promise<DatasetSnapshot> {
    for (const path of paths) {
      const file = resolve(path)
      this.dropped.set(file, await this.loadFile(file, dirname(file), this.dropped.get(file)))
    }
    return this.publish()
  }

  snapshot(): DatasetSnapshot {
    return this.current
  }

  close(): void {
    this.unwatch()
    this.worker?.close()
  }

  private async loadFile(file: string, root: string, prev: FileState | undefined): Promise<FileState> {
    const st = await stat(file).catch(() => null)
    const useWorker = this.worker && st && st.size >= WORKER_MIN_BYTES
    const r = useWorker ? await this.worker!.load(basename(file), root) : await loadColumnarFile(basename(file), { root })
    return { file, mtimeMs: st?.mtimeMs ?? 0, size: st?.size ?? 0, good: r.dataset ?? prev?.good ?? null, problems: r.problems }
  }

  /** Loads a folder's files, reusing the result for files whose size and time did not change. */
  private async loadDir(dir: string, prev: States): Promise<States> {
    const out: States = new Map()
    let names: string[]
    try {
      names = await listDatasetFiles(dir)
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message
      out.set(dir, { file: dir, mtimeMs: 0, size: 0, good: null, problems: [{ file: dir, message: `cannot read the folder: ${code}` }] })
      return out
    }
    for (const name of names) {
      const file = join(dir, name)
      const old = prev.get(file)
      const st = await stat(file).catch(() => null)
      if (old && st && old.mtimeMs === st.mtimeMs && old.size === st.size) out.set(file, old)
      else out.set(file, await this.loadFile(file, dir, old))
    }
    return out
  }

  private watch(dir: string): void {
    try {
      this.watcher = watch(dir, { persistent: false }, (_event, name) => {
        if (name && !isDatasetName(name.toString())) return
        if (this.timer) clearTimeout(this.timer)
        this.timer = setTimeout(() => void this.reload(), WATCH_DEBOUNCE_MS)
      })
      this.watcher.on('error', () => this.unwatch())
    } catch {
      this.watcher = null
    }
  }

  private unwatch(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.watcher?.close()
    this.watcher = null
  }

  /** Reloads the watched folder; a change during a reload triggers one more. */
  private async reload(): Promise<void> {
    if (this.reloading) {
      this.again = true
      return this.reloading
    }
    const folder = this.folder
    if (!folder) return
    this.reloading = (async () => {
      do {
        this.again = false
        const states = await this.loadDir(folder, this.user)
        if (this.folder !== folder) return
        this.user = states
        this.publish()
      } while (this.again)
    })().finally(() => (this.reloading = null))
    return this.reloading
  }

  private publish(): DatasetSnapshot {
    const byId = new Map<string, { d: ColumnarDataset; kind: 'bundled' | 'user'; file: string }>()
    const problems: DatasetProblem[] = []
    const take = (states: States, kind: 'bundled' | 'user', replaceSame: boolean) => {
      const seen = new Map<string, string>()
      for (const s of states.values()) {
        problems.push(...s.problems)
        if (!s.good) continue
        const id = s.good.meta.id
        const first = seen.get(id)
        if (first !== undefined && !replaceSame) {
          problems.push(duplicateIdProblem(s.file, id, first))
          continue
        }
        seen.set(id, s.file)
        byId.set(id, { d: s.good, kind, file: s.file })
      }
    }
    take(this.bundled, 'bundled', false)
    take(this.user, 'user', false)
    take(this.dropped, 'user', true)
    this.current = {
      datasets: [...byId.values()].map((v) => v.d),
      origins: Object.fromEntries([...byId].map(([id, v]) => [id, { kind: v.kind, file: v.file }])),
      problems,
      folder: this.folder,
      loadedAt: new Date().toISOString(),
    }
    this.opts.onChange(this.current)
    return this.current
  }
}
