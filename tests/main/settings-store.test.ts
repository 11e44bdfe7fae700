import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SETTINGS_FILE, SettingsStore } from '../../src-main/settings-store'
import { DEFAULT_SETTINGS } from '../../src-shared/settings'

/**
 * Faults the test machine cannot make for real (it runs as root, and has no
 * read-only mount or full disk): when set, `rename`, `open` or `readFile` in
 * node:fs/promises fail with that code (`read` makes `readFile` fail), as Node reports it.
 */
const faults = vi.hoisted(() => ({ rename: null as string | null, open: null as string | null, read: null as string | null }))
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>()
  const fail = (code: string, call: string, path: unknown) => Promise.reject(Object.assign(new Error(`${code}: simulated, ${call} '${String(path)}'`), { code }))
  const rename: typeof fs.rename = (from, to) => (faults.rename ? fail(faults.rename, 'rename', from) : fs.rename(from, to))
  const open = ((path: string, ...rest: never[]) => (faults.open ? fail(faults.open, 'open', path) : fs.open(path, ...rest))) as typeof fs.open
  const readFile = ((path: string, ...rest: never[]) => (faults.read ? fail(faults.read, 'open', path) : fs.readFile(path, ...rest))) as typeof fs.readFile
  return { ...fs, default: { ...fs, rename, open, readFile }, rename, open, readFile }
})

let dir: string
let file: string
const fixedNow = () => new Date('2024-05-06T07:08:09.010Z')
const backupName = 'settings.corrupt-2024-05-06T07-08-09-010Z.json'

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'g60-settings-'))
  file = join(dir, SETTINGS_FILE)
})
afterEach(async () => {
  faults.rename = null
  faults.open = null
  faults.read = null
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
    await store.setWindowBounds({ x: 1, y: 2, width: 1400, height: 900, maximized: true, fullScreen: false })

    const again = new SettingsStore(dir)
    const loaded = await again.load()
    expect(loaded.recovered).toBeUndefined()
    expect(loaded.settings).toEqual({
      ...DEFAULT_SETTINGS,
      theme: 'projector',
      lang: 'zh-CN',
      windowBounds: { x: 1, y: 2, width: 1400, height: 900, maximized: true, fullScreen: false },
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
    expect(loaded.recovered?.failures).toEqual([])
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

  it('changes nothing in memory when a write fails, and the next save still lands', async () => {
    const store = new SettingsStore(dir)
    await store.load()
    // A folder where the file should be makes the rename fail.
    await mkdir(file)
    await expect(store.update({ theme: 'dark' })).rejects.toThrow(/EISDIR|ENOTEMPTY|EEXIST/)
    expect(store.current.theme).toBe('light')
    await rm(file, { recursive: true })
    await store.update({ lang: 'en' })
    expect(await onDisk()).toEqual({ ...DEFAULT_SETTINGS, lang: 'en' })
    expect(store.current).toEqual({ ...DEFAULT_SETTINGS, lang: 'en' })
  })

  it.each(['ENOSPC', 'EROFS', 'EACCES'])('keeps memory and disk in step when the disk refuses a write (%s)', async (code) => {
    await writeFile(file, JSON.stringify({ theme: 'dark' }))
    const store = new SettingsStore(dir)
    await store.load()
    faults.open = code
    await expect(store.update({ theme: 'projector' })).rejects.toMatchObject({ code })
    await expect(store.setWindowBounds({ x: 0, y: 0, width: 800, height: 600, maximized: false, fullScreen: false })).rejects.toMatchObject({ code })
    expect(store.current).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' })
    expect(await onDisk()).toEqual({ theme: 'dark' })
    expect(await readdir(dir)).toEqual([SETTINGS_FILE])
    faults.open = null
    await store.update({ decals: true })
    expect(await onDisk()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', decals: true })
  })
})

describe('SettingsStore.load never rejects', () => {
  it('uses the defaults when settings.json is a folder, and leaves it alone', async () => {
    await mkdir(file)
    await writeFile(join(file, 'keep.txt'), 'x')
    const store = new SettingsStore(dir)
    const loaded = await store.load()
    expect(loaded).toEqual({ settings: { ...DEFAULT_SETTINGS }, unreadable: { reason: expect.stringMatching(/^EISDIR/) } })
    expect(store.current).toEqual(DEFAULT_SETTINGS)
    await expect(readFile(join(file, 'keep.txt'), 'utf8')).resolves.toBe('x')
  })

  it('uses the defaults when settings.json is a symlink loop', async () => {
    await symlink(file, file)
    const loaded = await new SettingsStore(dir).load()
    expect(loaded).toEqual({ settings: { ...DEFAULT_SETTINGS }, unreadable: { reason: expect.stringMatching(/^ELOOP/) } })
  })

  it('uses the defaults when the file cannot be read (EACCES, EIO)', async () => {
    await writeFile(file, JSON.stringify({ theme: 'dark' }))
    for (const code of ['EACCES', 'EIO']) {
      faults.read = code
      const loaded = await new SettingsStore(dir).load()
      expect(loaded).toEqual({ settings: { ...DEFAULT_SETTINGS }, unreadable: { reason: expect.stringMatching(new RegExp(`^${code}`)) } })
    }
    faults.read = null
    expect(await onDisk()).toEqual({ theme: 'dark' })
  })

  it('reads a file that starts with a UTF-8 byte order mark', async () => {
    await writeFile(file, '\uFEFF' + JSON.stringify({ theme: 'projector', lang: 'zh-CN' }))
    const loaded = await new SettingsStore(dir).load()
    expect(loaded).toEqual({ settings: { ...DEFAULT_SETTINGS, theme: 'projector', lang: 'zh-CN' } })
    expect(await readdir(dir)).toEqual([SETTINGS_FILE])
  })

  it('keeps a corrupt file where it is when it cannot be set aside, with the valid fields in memory', async () => {
    const original = JSON.stringify({ theme: 'dark', lang: 'klingon' })
    await writeFile(file, original)
    // The backup's name is taken by a folder with something in it, so the rename fails.
    await mkdir(join(dir, backupName))
    await writeFile(join(dir, backupName, 'x'), 'x')
    const store = new SettingsStore(dir)
    const loaded = await store.load(fixedNow)
    expect(loaded.settings).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' })
    expect(loaded.recovered).toEqual({
      backupPath: null,
      problems: ['lang: expected null or one of zh-CN, en'],
      failures: [expect.stringMatching(/^The old file could not be set aside: E(ISDIR|NOTEMPTY|EXIST)/)],
    })
    await expect(readFile(file, 'utf8')).resolves.toBe(original)
  })

  it('on a read-only folder (EROFS) keeps the file and gives the valid fields in memory', async () => {
    const original = '{ "theme": "dark", '
    await writeFile(file, original)
    faults.rename = 'EROFS'
    const store = new SettingsStore(dir)
    const loaded = await store.load(fixedNow)
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS)
    expect(loaded.recovered?.backupPath).toBeNull()
    expect(loaded.recovered?.failures).toEqual([expect.stringMatching(/^The old file could not be set aside: EROFS/)])
    await expect(readFile(file, 'utf8')).resolves.toBe(original)
  })

  it('says so when the repaired file cannot be written after the old one was set aside', async () => {
    await writeFile(file, 'nonsense')
    faults.open = 'ENOSPC'
    const loaded = await new SettingsStore(dir).load(fixedNow)
    expect(loaded.recovered).toEqual({
      backupPath: join(dir, backupName),
      problems: [expect.stringMatching(/^not valid JSON/)],
      failures: [expect.stringMatching(/^The repaired settings could not be written: ENOSPC/)],
    })
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS)
  })
})
