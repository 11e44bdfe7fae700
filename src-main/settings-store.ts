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

export const SETTINGS_FILE = 'settings.json'

export interface SettingsLoad {
  settings: Settings
  /** Set when the file was unreadable or invalid and was set aside. */
  recovered?: { backupPath: string; problems: string[] }
}

/**
 * Owns `settings.json` in the user data folder. Reads validate; a file that
 * is not valid JSON or holds invalid values is kept aside as a backup and
 * replaced, so a bad file costs the user their bad values, never a crash.
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

  async load(now: () => Date = () => new Date()): Promise<SettingsLoad> {
    let text: string
    try {
      text = await readFile(this.file, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        this.#settings = { ...DEFAULT_SETTINGS }
        return { settings: this.current }
      }
      throw err
    }
    let problems: string[]
    try {
      const result = validateSettings(JSON.parse(text))
      this.#settings = result.settings
      problems = result.problems.map((p) => `${p.key}: ${p.message}`)
    } catch (err) {
      this.#settings = { ...DEFAULT_SETTINGS }
      problems = [`not valid JSON (${(err as Error).message})`]
    }
    if (problems.length === 0) return { settings: this.current }

    const stamp = now().toISOString().replace(/[:.]/g, '-')
    const backupPath = join(this.dir, `settings.corrupt-${stamp}.json`)
    await rename(this.file, backupPath)
    await this.save()
    return { settings: this.current, recovered: { backupPath, problems } }
  }

  async update(patch: SettingsPatch): Promise<Settings> {
    this.#settings = { ...this.#settings, ...patch }
    await this.save()
    return this.current
  }

  async setWindowBounds(bounds: WindowBounds): Promise<void> {
    this.#settings = { ...this.#settings, windowBounds: bounds }
    await this.save()
  }

  /** Serialises writes so that two quick updates cannot land out of order. */
  save(): Promise<void> {
    const text = JSON.stringify(this.#settings, null, 2) + '\n'
    this.#writes = this.#writes.catch(() => undefined).then(() => writeFileAtomic(this.file, text))
    return this.#writes
  }
}
