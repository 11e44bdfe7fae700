import { readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import {
  DEFAULT_SETTINGS,
  validateSettings,
  type Settings,
  type SettingsPatch,
  type WindowBounds,
} from '../src-shared/settings'
import { writeFileAtomic } from './fs/atomic-write'

/** The settings file's name in the user data folder. */
export const SETTINGS_FILE = 'settings.json'

/** What loading found. `load()` never rejects: every fault ends in settings in memory and one of these reports. */
export interface SettingsLoad {
  settings: Settings
  /**
   * Set when the file held invalid JSON or values: those were reset to the
   * defaults. `backupPath` is where the old file was kept, or `null` when it
   * could not be set aside (then the old file is untouched); `failures` names
   * each step that failed (setting the file aside, writing the repaired one).
   */
  recovered?: { backupPath: string | null; problems: string[]; failures: string[] }
  /**
   * Set when the file exists but could not be read at all (a folder, a symlink
   * loop, no permission, an I/O error): the defaults are used in memory and
   * the file is left as it is. `reason` is Node's message (e.g. `EISDIR: …`).
   */
  unreadable?: { reason: string }
}

/** The UTF-8 byte order mark some editors (Windows Notepad) put first; JSON.parse refuses it. */
const BOM = '\uFEFF'

const reasonOf = (err: unknown): string => (err instanceof Error ? err.message : String(err))

/**
 * Owns `settings.json` in the user data folder. Reads validate; a file that
 * is not valid JSON or holds invalid values is kept aside as a backup and
 * replaced, so a bad file costs the user their bad values, never a crash.
 * Writes are atomic and serialised, and the settings in memory change only
 * once their write has succeeded, so memory and disk never disagree.
 */
export class SettingsStore {
  #settings: Settings = { ...DEFAULT_SETTINGS }
  #writes: Promise<void> = Promise.resolve()
  readonly file: string

  constructor(readonly dir: string) {
    this.file = join(dir, SETTINGS_FILE)
  }

  get current(): Settings {
    return { ...this.#settings }
  }

  /** Reads the file; never rejects (see `SettingsLoad` for what each fault gives). */
  async load(now: () => Date = () => new Date()): Promise<SettingsLoad> {
    let text: string
    try {
      text = await readFile(this.file, 'utf8')
    } catch (err) {
      this.#settings = { ...DEFAULT_SETTINGS }
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { settings: this.current }
      return { settings: this.current, unreadable: { reason: reasonOf(err) } }
    }
    if (text.startsWith(BOM)) text = text.slice(BOM.length)
    let problems: string[]
    try {
      const result = validateSettings(JSON.parse(text))
      this.#settings = result.settings
      problems = result.problems.map((p) => `${p.key}: ${p.message}`)
    } catch (err) {
      this.#settings = { ...DEFAULT_SETTINGS }
      problems = [`not valid JSON (${reasonOf(err)})`]
    }
    if (problems.length === 0) return { settings: this.current }

    const failures: string[] = []
    const stamp = now().toISOString().replace(/[:.]/g, '-')
    let backupPath: string | null = join(this.dir, `settings.corrupt-${stamp}.json`)
    try {
      await rename(this.file, backupPath)
    } catch (err) {
      backupPath = null
      failures.push(`The old file could not be set aside: ${reasonOf(err)}`)
    }
    // Only a file that was set aside is replaced: otherwise the user's bytes would be lost.
    if (backupPath !== null) {
      try {
        await this.#enqueue(() => this.#settings)
      } catch (err) {
        failures.push(`The repaired settings could not be written: ${reasonOf(err)}`)
      }
    }
    return { settings: this.current, recovered: { backupPath, problems, failures } }
  }

  /** Writes the patched settings; memory changes only when the write succeeded. Rejects with the write's error. */
  update(patch: SettingsPatch): Promise<Settings> {
    return this.#enqueue((s) => ({ ...s, ...patch }))
  }

  /** Writes the window's bounds; memory changes only when the write succeeded. Rejects with the write's error. */
  async setWindowBounds(bounds: WindowBounds): Promise<void> {
    await this.#enqueue((s) => ({ ...s, windowBounds: bounds }))
  }

  /**
   * Serialises writes so that two quick updates cannot land out of order: each
   * change is applied to the settings as the previous write left them.
   */
  #enqueue(change: (s: Settings) => Settings): Promise<Settings> {
    const run = this.#writes.then(async () => {
      const next = change(this.current)
      await writeFileAtomic(this.file, JSON.stringify(next, null, 2) + '\n')
      this.#settings = { ...next }
      return this.current
    })
    this.#writes = run.then(
      () => undefined,
      () => undefined,
    )
    return run
  }
}
