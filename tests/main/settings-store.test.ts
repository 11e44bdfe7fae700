import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SETTINGS_FILE, SettingsStore } from '../../src-main/settings-store'
import { DEFAULT_SETTINGS } from '../../src-shared/settings'

let dir: string
let file: string
const fixedNow = () => new Date('2024-05-06T07:08:09.010Z')
const backupName = 'settings.corrupt-2024-05-06T07-08-09-010Z.json'

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'g60-settings-'))
  file = join(dir, SETTINGS_FILE)
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const onDisk = async () => JSON.parse(await readFile(file, 'utf8'))

describe('SettingsStore', () => {
  it('starts from the defaults when there is no file, without writing one', async () => {
    const store = new SettingsStore(dir)
    await expect(store.load()).resolves.toEqual({ settings: { ...DEFAULT_SETTINGS } })
    expect(store.current).toEqual(DEFAULT_SETTINGS)
    expect(await readdir(dir)).toEqual([])
  })

  it('round-trips updates and window bounds through the file', async () => {
    const store = new SettingsStore(dir)
    await store.load()
    await store.update({ theme: 'projector', lang: 'zh-CN' })
    await store.setWindowBounds({ x: 1, y: 2, width: 1400, height: 900, maximized: true })

    const again = new SettingsStore(dir)
    const loaded = await again.load()
    expect(loaded.recovered).toBeUndefined()
    expect(loaded.settings).toEqual({
      ...DEFAULT_SETTINGS,
      theme: 'projector',
      lang: 'zh-CN',
      windowBounds: { x: 1, y: 2, width: 1400, height: 900, maximized: true },
    })
  })

  it('hands out copies, so a caller cannot change the stored settings', async () => {
    const store = new SettingsStore(dir)
    await store.load()
    const copy = store.current
    copy.theme = 'dark'
    expect(store.current.theme).toBe('light')
  })

  it('keeps a corrupt file aside with its original bytes and starts from the defaults', async () => {
    const corrupt = '{"theme": "dark", "lang": 42'
    await writeFile(file, corrupt)
    const store = new SettingsStore(dir)
    const loaded = await store.load(fixedNow)

    expect(loaded.settings).toEqual(DEFAULT_SETTINGS)
    expect(loaded.recovered?.backupPath).toBe(join(dir, backupName))
    expect(loaded.recovered?.problems).toHaveLength(1)
    expect(loaded.recovered?.problems[0]).toMatch(/^not valid JSON/)
    await expect(readFile(join(dir, backupName), 'utf8')).resolves.toBe(corrupt)
    expect(await onDisk()).toEqual(DEFAULT_SETTINGS)
    expect((await readdir(dir)).sort()).toEqual([backupName, SETTINGS_FILE])
  })

  it('keeps a file with an invalid field aside but keeps its valid fields', async () => {
    const original = JSON.stringify({ theme: 'dark', lang: 'klingon', breakYear: 2018 })
    await writeFile(file, original)
    const store = new SettingsStore(dir)
    const loaded = await store.load(fixedNow)

    expect(loaded.settings).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', breakYear: 2018 })
    expect(loaded.recovered?.problems).toEqual(['lang: expected null or one of zh-CN, en'])
    await expect(readFile(join(dir, backupName), 'utf8')).resolves.toBe(original)
    expect(await onDisk()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', breakYear: 2018 })
  })

  it('lets two quick updates land in the order they were made', async () => {
    const store = new SettingsStore(dir)
    await store.load()
    const first = store.update({ theme: 'dark' })
    const second = store.update({ theme: 'projector', decals: true })
    await Promise.all([first, second])
    expect(await onDisk()).toMatchObject({ theme: 'projector', decals: true })

    const burst = (['dark', 'light', 'projector', 'dark'] as const).map((theme) => store.update({ theme }))
    await Promise.all(burst)
    expect((await onDisk()).theme).toBe('dark')
  })

  it('recovers from a failed write: the next save still lands', async () => {
    const store = new SettingsStore(dir)
    await store.load()
    // A folder where the file should be makes the rename fail.
    await mkdir(file)
    await expect(store.update({ theme: 'dark' })).rejects.toThrow()
    await rm(file, { recursive: true })
    await store.update({ lang: 'en' })
    expect(await onDisk()).toMatchObject({ theme: 'dark', lang: 'en' })
  })
})
