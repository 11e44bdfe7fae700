import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMainCore, type CoreOptions, type MainCore } from '../../src-main/core'
import { createGateway } from '../../src-main/ipc/gateway'
import type { AppInfo, EventChannel, EventChannels, Notice } from '../../src-shared/ipc-contract'
import { DEFAULT_SETTINGS } from '../../src-shared/settings'
import type { Deck } from '../../src-shared/deck'

// Loading datasets is the dataset service's business (and its own tests'); here it is a stand-in
// that records calls, and whose folders answer when a test says so (`folderGate`).
const fake = vi.hoisted(() => ({
  calls: [] as string[],
  folderGate: null as Promise<void> | null,
  failing: new Set<string>(),
}))
vi.mock('../../src-main/datasets/service', () => ({
  DatasetService: class {
    folder: string | null = null
    constructor(readonly options: unknown) {}
    async start() {
      fake.calls.push('start')
    }
    async openFolder(dir: string) {
      fake.calls.push(`open ${dir}`)
      if (fake.folderGate) await fake.folderGate
      if (fake.failing.has(dir)) throw new Error(`ENOENT: no such file or directory, stat '${dir}'`)
      this.folder = dir
      return this.snapshot()
    }
    snapshot() {
      return { datasets: [], origins: {}, problems: [], folder: this.folder, folderMissing: false, loadedAt: '2024-01-01T00:00:00.000Z' }
    }
    async addFiles() {
      return { snapshot: this.snapshot(), refused: [] }
    }
    close() {}
  },
}))

let dir: string
let events: [EventChannel, unknown][]

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'g60-core-'))
  events = []
  fake.calls = []
  fake.folderGate = null
  fake.failing.clear()
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

function options(overrides: Partial<CoreOptions> = {}): CoreOptions {
  return {
    userDataDir: dir,
    systemLocale: 'en-US',
    appInfo: { name: 'G60 Briefing', version: '1.2.3', electron: '45.5.0', chrome: '140', platform: 'linux' },
    emit: <E extends EventChannel>(channel: E, payload: EventChannels[E]) => void events.push([channel, payload]),
    bundledDatasetsDir: join(dir, 'bundled'),
    ...overrides,
  }
}

/** Calls a channel the way the page does: through the gateway, from our window. */
function caller(core: MainCore) {
  const gateway = createGateway(core.handlers, { isKnownWebContents: () => true, allowedOrigins: ['app://g60'] })
  return (channel: string, ...args: unknown[]) => gateway.handle(channel, { webContentsId: 1, isMainFrame: true, url: 'app://g60/index.html' }, args)
}

const eventsOn = (channel: EventChannel) => events.filter(([c]) => c === channel).map(([, p]) => p)

describe('the main core', () => {
  it('answers settings:get with the settings and the language in effect', async () => {
    const call = caller(await createMainCore(options({ systemLocale: 'zh-CN' })))
    await expect(call('settings:get')).resolves.toEqual({ ok: true, value: { settings: { ...DEFAULT_SETTINGS }, effectiveLang: 'zh-CN' } })
  })

  it('validates settings:update, persists it and emits settings:changed', async () => {
    const core = await createMainCore(options())
    const seen = vi.fn()
    core.onSettingsChanged(seen)
    const result = await caller(core)('settings:update', { theme: 'dark', lang: 'zh-CN' })

    const expected = { settings: { ...DEFAULT_SETTINGS, theme: 'dark', lang: 'zh-CN' }, effectiveLang: 'zh-CN' }
    expect(result).toEqual({ ok: true, value: expected })
    expect(eventsOn('settings:changed')).toEqual([expected])
    expect(seen).toHaveBeenCalledWith(expected)
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ theme: 'dark', lang: 'zh-CN' })
  })

  it('refuses a bad patch with bad-request, changing and emitting nothing', async () => {
    const core = await createMainCore(options())
    const call = caller(core)
    await expect(call('settings:update', { theme: 'neon' })).resolves.toEqual({
      ok: false,
      error: { code: 'bad-request', message: 'setting "theme": expected one of light, dark, projector' },
    })
    for (const patch of [{ theme: 'dark', lang: 'fr' }, { windowBounds: null }, 'dark', null]) {
      await expect(call('settings:update', patch)).resolves.toMatchObject({ ok: false, error: { code: 'bad-request' } })
    }
    expect(core.settings.current).toEqual(DEFAULT_SETTINGS)
    expect(eventsOn('settings:changed')).toEqual([])
    expect(await readdir(dir)).not.toContain('settings.json')
  })

  it('posts a settings-recovered notice for a corrupt file, and the page can dismiss it', async () => {
    await writeFile(join(dir, 'settings.json'), '{ not json')
    const core = await createMainCore(options())
    const call = caller(core)

    const listed = await call('app:get-notices')
    const notices = listed.ok ? (listed.value as Notice[]) : []
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatchObject({ id: 'settings-recovered', level: 'warning' })
    expect(notices[0].details.at(-1)).toMatch(/The old file was kept as .*settings\.corrupt-.*\.json$/)
    expect(core.settings.current).toEqual(DEFAULT_SETTINGS)

    await expect(call('app:dismiss-notice', 'settings-recovered')).resolves.toEqual({ ok: true, value: [] })
    expect(eventsOn('notices:changed').at(-1)).toEqual([])
    await expect(call('app:get-notices')).resolves.toEqual({ ok: true, value: [] })
  })

  it('posts no notice for a good file or no file', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ theme: 'projector' }))
    const core = await createMainCore(options())
    await expect(caller(core)('app:get-notices')).resolves.toEqual({ ok: true, value: [] })
    expect(core.settings.current.theme).toBe('projector')
    await rm(join(dir, 'settings.json'))
    await expect(caller(await createMainCore(options()))('app:get-notices')).resolves.toEqual({ ok: true, value: [] })
  })

  it('refuses to dismiss with an id that is not a string', async () => {
    const call = caller(await createMainCore(options()))
    await expect(call('app:dismiss-notice', 42)).resolves.toEqual({ ok: false, error: { code: 'bad-request', message: 'notice id must be a string' } })
    await expect(call('app:dismiss-notice', 'no-such-notice')).resolves.toEqual({ ok: true, value: [] })
  })

  it('reports app info with the data licences', async () => {
    const result = await caller(await createMainCore(options()))('app:get-info')
    const info = result.ok ? (result.value as AppInfo) : null
    expect(info).toMatchObject({ name: 'G60 Briefing', version: '1.2.3', electron: '45.5.0' })
    expect(info?.licences.map((l) => l.name)).toContain('Noto Sans SC')
  })

  it('serves the deck, refuses a bad one whole, saves a good one and tells every window', async () => {
    const core = await createMainCore(options())
    const call = caller(core)
    const got = await call('deck:get')
    const deck = got.ok ? (got.value as Deck) : null
    expect(deck?.slides.slice(0, 3).map((s) => s.id)).toEqual(['title', 'kpis', 'section:rectification'])
    const bad = { ...deck!, options: { ...deck!.options, fontScalePercent: 400 } }
    await expect(call('deck:update', bad)).resolves.toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/fontScalePercent/) } })
    const edited = { ...deck!, slides: deck!.slides.map((s) => (s.id === 'title' ? { ...s, note: 'Welcome' } : s)) }
    await expect(call('deck:update', edited)).resolves.toEqual({ ok: true, value: edited })
    expect(eventsOn('deck:changed')).toEqual([edited])
    expect(JSON.parse(await readFile(join(dir, 'deck.json'), 'utf8'))).toEqual(edited)
    await expect(call('deck:reset')).resolves.toMatchObject({ ok: true, value: { slides: expect.arrayContaining([expect.objectContaining({ id: 'title', note: '' })]) } })
  })

  it('posts a deck-recovered notice for a damaged deck file', async () => {
    await writeFile(join(dir, 'deck.json'), 'garbage')
    const listed = await caller(await createMainCore(options()))('app:get-notices')
    expect(listed).toMatchObject({ ok: true, value: [expect.objectContaining({ id: 'deck-recovered', level: 'warning' })] })
  })

  it('runs a show through the present channels, validating what the page sends', async () => {
    const setFullScreen = vi.fn()
    const core = await createMainCore(options({ presentation: { setFullScreen } }))
    const call = caller(core)
    await expect(call('present:start', { index: -1, mode: 'show' })).resolves.toMatchObject({ ok: false, error: { code: 'bad-request' } })
    await expect(call('present:start', { index: 0, mode: 'show' })).resolves.toMatchObject({ ok: true, value: { active: true, index: 0 } })
    expect(setFullScreen).toHaveBeenCalledWith(true)
    await expect(call('present:update', { index: 4, blank: 'white' })).resolves.toMatchObject({ ok: true, value: { index: 4, blank: 'white' } })
    await expect(call('present:update', { index: 1, hack: true })).resolves.toMatchObject({ ok: false, error: { code: 'bad-request' } })
    // The audience window's slide size, for the presenter view's previews: whole px, exactly {width, height}, within bounds.
    await expect(call('present:update', { slideSize: { width: 1024, height: 768 } })).resolves.toMatchObject({ ok: true, value: { slideSize: { width: 1024, height: 768 } } })
    for (const bad of [{ width: 0, height: 768 }, { width: 1024.5, height: 768 }, { width: 1024, height: 1e9 }, { width: 1024, height: 768, x: 1 }, [1024, 768], '1024x768'])
      await expect(call('present:update', { slideSize: bad }), JSON.stringify(bad)).resolves.toMatchObject({ ok: false, error: { code: 'bad-request' } })
    await expect(call('present:end')).resolves.toMatchObject({ ok: true, value: { active: false, slideSize: null } })
    expect(eventsOn('present:changed').map((s) => (s as { active: boolean }).active)).toEqual([true, true, true, false])
  })
})

describe('the main core under settings faults', () => {
  const noticeIds = async (core: MainCore) => {
    const r = await caller(core)('app:get-notices')
    return r.ok ? (r.value as Notice[]).map((n) => n.id) : []
  }

  it.each([
    ['a folder', () => mkdir(join(dir, 'settings.json')), /^EISDIR/],
    ['a symlink loop', () => symlink(join(dir, 'settings.json'), join(dir, 'settings.json')), /^ELOOP/],
  ])('starts with the defaults and a notice when settings.json is %s', async (_what, make, reason) => {
    await make()
    const core = await createMainCore(options())
    expect(core.settings.current).toEqual(DEFAULT_SETTINGS)
    const notices = core.notices.list()
    expect(notices).toEqual([{ id: 'settings-unreadable', level: 'warning', message: expect.any(String), details: [join(dir, 'settings.json'), expect.stringMatching(reason)] }])
  })

  it('reads a settings file saved with a UTF-8 byte order mark, with no notice', async () => {
    await writeFile(join(dir, 'settings.json'), '\uFEFF{"theme":"dark"}')
    const core = await createMainCore(options())
    expect(core.settings.current.theme).toBe('dark')
    expect(await noticeIds(core)).toEqual([])
  })

  it('refuses settings:update it cannot save: memory unchanged, no settings:changed, a notice; a later save clears it', async () => {
    const core = await createMainCore(options())
    const call = caller(core)
    const seen = vi.fn()
    core.onSettingsChanged(seen)
    await mkdir(join(dir, 'settings.json'))

    const r = await call('settings:update', { theme: 'dark' })
    expect(r).toEqual({ ok: false, error: { code: 'internal', message: expect.stringMatching(/^the settings could not be saved: E/) } })
    await expect(call('settings:get')).resolves.toMatchObject({ ok: true, value: { settings: { theme: 'light' } } })
    expect(eventsOn('settings:changed')).toEqual([])
    expect(seen).not.toHaveBeenCalled()
    expect(await noticeIds(core)).toEqual(['settings-not-saved'])

    await rm(join(dir, 'settings.json'), { recursive: true })
    await expect(call('settings:update', { theme: 'dark' })).resolves.toMatchObject({ ok: true })
    expect(await noticeIds(core)).toEqual([])
  })

  it('menu changes and window bounds that cannot be saved never reject: they give false and a notice', async () => {
    const core = await createMainCore(options())
    await mkdir(join(dir, 'settings.json'))
    await expect(core.changeSettings({ lang: 'zh-CN' })).resolves.toBe(false)
    await expect(core.saveWindowBounds({ x: 0, y: 0, width: 900, height: 700, maximized: false, fullScreen: false })).resolves.toBe(false)
    expect(core.settings.current).toEqual(DEFAULT_SETTINGS)
    expect(core.notices.list()).toEqual([expect.objectContaining({ id: 'settings-not-saved', level: 'error' })])
    await rm(join(dir, 'settings.json'), { recursive: true })
    await expect(core.saveWindowBounds({ x: 0, y: 0, width: 900, height: 700, maximized: false, fullScreen: false })).resolves.toBe(true)
    expect(core.settings.current.windowBounds).toEqual({ x: 0, y: 0, width: 900, height: 700, maximized: false, fullScreen: false })
    expect(core.notices.list()).toEqual([])
  })
})

describe('loading data after the window', () => {
  it('loads no data while starting, and answers datasets:get once the first load is done', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ lastDataFolder: '/share/g60' }))
    let answer!: () => void
    fake.folderGate = new Promise((r) => (answer = r))
    const core = await createMainCore(options())
    expect(fake.calls).toEqual([])

    const snapshot = caller(core)('datasets:get')
    await new Promise((r) => setTimeout(r, 10))
    expect(fake.calls).toEqual(['start', 'open /share/g60'])
    answer()
    await expect(snapshot).resolves.toMatchObject({ ok: true, value: { folder: '/share/g60' } })
    await core.loadData()
    expect(fake.calls).toEqual(['start', 'open /share/g60'])
  })

  it('opens a folder chosen during the first load after it, so the last folder never replaces the choice', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ lastDataFolder: '/share/slow' }))
    let answer!: () => void
    fake.folderGate = new Promise((r) => (answer = r))
    const core = await createMainCore(options({ chooseFolder: async () => '/home/u/fresh' }))
    void core.loadData()
    const chosen = caller(core)('datasets:choose-folder')
    await new Promise((r) => setTimeout(r, 10))
    expect(fake.calls).toEqual(['start', 'open /share/slow'])
    answer()
    await expect(chosen).resolves.toMatchObject({ ok: true, value: { folder: '/home/u/fresh' } })
    expect(fake.calls).toEqual(['start', 'open /share/slow', 'open /home/u/fresh'])
    expect(core.settings.current.lastDataFolder).toBe('/home/u/fresh')
  })

  it("menu's Open Data Folder: a folder that cannot be opened is a notice naming it, the folder setting stays, and nothing rejects", async () => {
    fake.failing.add('/mnt/usb')
    const core = await createMainCore(options({ chooseFolder: async () => '/mnt/usb' }))
    await expect(core.chooseDataFolder()).resolves.toBeUndefined()
    expect(core.notices.list()).toEqual([
      {
        id: 'data-folder-failed',
        level: 'error',
        message: 'The data folder could not be opened; the data on screen is unchanged.',
        details: ['/mnt/usb', "ENOENT: no such file or directory, stat '/mnt/usb'"],
      },
    ])
    expect(core.settings.current.lastDataFolder).toBeNull()
  })

  it("menu's Open Data Folder: a cancelled dialog changes nothing, a chosen folder opens and is remembered", async () => {
    const answers = [null, '/home/u/g60']
    const core = await createMainCore(options({ chooseFolder: async () => answers.shift() ?? null }))
    await core.chooseDataFolder()
    expect(fake.calls.filter((c) => c.startsWith('open'))).toEqual([])
    await core.chooseDataFolder()
    expect(fake.calls).toEqual(['start', 'open /home/u/g60'])
    expect(core.settings.current.lastDataFolder).toBe('/home/u/g60')
    expect(core.notices.list()).toEqual([])
  })

  it('posts a notice when the last data folder cannot be opened, and still resolves', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ lastDataFolder: '/gone' }))
    fake.failing.add('/gone')
    const core = await createMainCore(options())
    await expect(core.loadData()).resolves.toBeUndefined()
    expect(core.notices.list()).toEqual([
      {
        id: 'data-folder-missing',
        level: 'warning',
        message: 'The last data folder could not be opened, so the bundled data is shown.',
        details: ['/gone', "ENOENT: no such file or directory, stat '/gone'"],
      },
    ])
  })
})
