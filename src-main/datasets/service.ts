/**
 * The datasets the app shows: the bundled defaults, replaced by id by the
 * user's data folder and by files dropped on the window. The folder is
 * watched; a changed file is reloaded after a short pause, and if its new
 * version has problems the last good version stays (with the problems shown).
 * Files over 1 MiB are parsed in a worker thread.
 *
 * `fs.watch` watches an inode: once the folder is deleted (or renamed away)
 * it reports nothing more, even when a folder of that name comes back. So the
 * folder itself is also checked every `FOLDER_CHECK_MS` (one `stat`): while
 * it is gone the snapshot says so (`folderMissing`) and the last good data
 * stays; when a folder is there again (the same one or a new one) it is
 * watched anew and reloaded. No maintained watcher does this for a watched
 * root that disappears (chokidar stops watching it too), hence the check here.
 */
import { watch, type FSWatcher } from 'node:fs'
import { stat } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, resolve } from 'node:path'
import type { ColumnarDataset, DatasetProblem } from '../../src-shared/dataset'
import type { DatasetSnapshot } from '../../src-shared/ipc-contract'
import { loadColumnarFile, MAX_FILE_BYTES } from './load-file'
import { IdClaims, isDatasetName, listDatasetFiles } from './load-folder'
import { mib } from './sizes'
import { ParseWorker } from './worker-host'

export type { DatasetSnapshot }

/** Where the bundled datasets are, who hears of every change, and whether files are parsed in the worker. */
export interface DatasetServiceOptions {
  bundledDir: string
  onChange: (s: DatasetSnapshot) => void
  /** Parse every file in a worker thread, whatever its size (default true): a small XLSX can unpack to much more. */
  useWorker?: boolean
}

/**
 * The most paths one `addFiles` call takes. A user drops a handful of files;
 * a caller sending more (a compromised page) is refused whole, so it cannot
 * make main stat thousands of paths or fill every later snapshot.
 */
export const MAX_DROPPED_FILES = 100
/** The longest path accepted from the page, in UTF-16 code units (Linux's PATH_MAX, 4096). */
export const MAX_PATH_LENGTH = 4096

/** A dropped path that was not loaded, and why (in plain words). */
export interface RefusedFile {
  path: string
  reason: string
}

/** What `addFiles` did: the snapshot after it, and the paths it would not load. */
export interface AddFilesResult {
  snapshot: DatasetSnapshot
  refused: RefusedFile[]
}

/** How often the data folder's presence and identity are checked, in milliseconds; watching resumes within this (plus the reload) of its return. */
export const FOLDER_CHECK_MS = 400

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

/** Loads the bundled and the user's datasets, watches the user's folder, and keeps the last good data of every file when a new version fails. */
export class DatasetService {
  private bundled: States = new Map()
  private user: States = new Map()
  private dropped: States = new Map()
  private folder: string | null = null
  private watcher: FSWatcher | null = null
  /** The watched folder's device and inode, to notice a new folder of the same name. */
  private folderIdentity: string | null = null
  private folderMissing = false
  private checker: NodeJS.Timeout | null = null
  private checking = false
  private timer: NodeJS.Timeout | null = null
  private reloading: Promise<void> | null = null
  private again = false
  private worker: ParseWorker | null
  private current: DatasetSnapshot

  constructor(private opts: DatasetServiceOptions) {
    this.worker = opts.useWorker === false ? null : new ParseWorker()
    this.current = { datasets: [], origins: {}, problems: [], folder: null, folderMissing: false, loadedAt: new Date().toISOString() }
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
    this.folderIdentity = `${st.dev}:${st.ino}`
    this.folderMissing = false
    this.user = states
    this.watch(folder)
    return this.publish()
  }

  /**
   * Loads dropped files, each inside its own folder. The paths come from the
   * page, so they are untrusted: only absolute paths to regular files with a
   * dataset name (`.json`, `.csv`, `.xlsx`) of at most `MAX_FILE_BYTES` are
   * loaded; every other path is refused with its reason and leaves no trace in
   * the snapshot (so it can be neither listed nor revealed). Throws a
   * `RangeError` for more than `MAX_DROPPED_FILES` paths, loading none.
   */
  async addFiles(paths: readonly string[]): Promise<AddFilesResult> {
    if (paths.length > MAX_DROPPED_FILES) throw new RangeError(`at most ${MAX_DROPPED_FILES} files can be added at a time, got ${paths.length}`)
    const refused: RefusedFile[] = []
    const accepted: string[] = []
    for (const path of paths) {
      const reason = await refusalOf(path)
      if (reason) refused.push({ path: path.length > 300 ? `${path.slice(0, 300)}…` : path, reason })
      else if (!accepted.includes(resolve(path))) accepted.push(resolve(path))
    }
    for (const file of accepted) this.dropped.set(file, await this.loadFile(file, dirname(file), this.dropped.get(file)))
    return { snapshot: accepted.length > 0 ? this.publish() : this.current, refused }
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
    const r = this.worker ? await this.worker!.load(basename(file), root) : await loadColumnarFile(basename(file), { root })
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
    this.startWatcher(dir)
    this.checker = setInterval(() => void this.checkFolder(), FOLDER_CHECK_MS)
    this.checker.unref()
  }

  private startWatcher(dir: string): void {
    try {
      this.watcher = watch(dir, { persistent: false }, (_event, name) => {
        if (name && !isDatasetName(name.toString())) return
        if (this.timer) clearTimeout(this.timer)
        this.timer = setTimeout(() => void this.reload(), WATCH_DEBOUNCE_MS)
      })
      // A watcher that fails is dropped; the next folder check starts a new one.
      this.watcher.on('error', () => this.stopWatcher())
    } catch {
      this.watcher = null
    }
  }

  private stopWatcher(): void {
    this.watcher?.close()
    this.watcher = null
  }

  private unwatch(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    if (this.checker) clearInterval(this.checker)
    this.checker = null
    this.stopWatcher()
  }

  /**
   * Is the folder still there, and the same one? Gone: say so, keep the last
   * good data. Back, or replaced by a new folder of the same name: watch it
   * anew and reload it.
   */
  private async checkFolder(): Promise<void> {
    const folder = this.folder
    if (!folder || this.checking) return
    this.checking = true
    try {
      const st = await stat(folder).catch(() => null)
      if (this.folder !== folder) return
      if (!st || !st.isDirectory()) {
        if (this.folderMissing) return
        this.folderMissing = true
        this.stopWatcher()
        this.publish()
        return
      }
      const identity = `${st.dev}:${st.ino}`
      if (!this.folderMissing && identity === this.folderIdentity && this.watcher) return
      this.folderIdentity = identity
      this.stopWatcher()
      this.startWatcher(folder)
      this.folderMissing = false
      await this.reload()
    } finally {
      this.checking = false
    }
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
        // A folder that is gone keeps its last good data; the folder check reports it.
        const st = await stat(folder).catch(() => null)
        if (!st || !st.isDirectory()) return
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
      const claims = new IdClaims()
      for (const s of states.values()) {
        problems.push(...s.problems)
        if (!s.good) continue
        const id = s.good.meta.id
        const taken = replaceSame ? null : claims.claim(id, s.file)
        if (taken) {
          problems.push(taken)
          continue
        }
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
      folderMissing: this.folder !== null && this.folderMissing,
      loadedAt: new Date().toISOString(),
    }
    this.opts.onChange(this.current)
    return this.current
  }
}

/** Why a path from the page may not be loaded, or `null` when it may. */
async function refusalOf(path: string): Promise<string | null> {
  if (path.length > MAX_PATH_LENGTH) return 'the path is too long'
  if (path.includes('\0')) return 'the path holds a NUL character'
  if (!isAbsolute(path)) return 'not an absolute path'
  if (!isDatasetName(basename(path))) return 'not a dataset file (.json, .csv or .xlsx)'
  const st = await stat(path).catch((err: NodeJS.ErrnoException) => err)
  if (st instanceof Error) return st.code === 'ENOENT' || st.code === 'ENOTDIR' ? 'no such file' : `cannot be read (${st.code ?? st.message})`
  if (!st.isFile()) return st.isDirectory() ? 'a folder, not a file' : 'not a regular file'
  if (st.size > MAX_FILE_BYTES) return `too large (${mib(st.size)}, at most ${mib(MAX_FILE_BYTES)})`
  return null
}
