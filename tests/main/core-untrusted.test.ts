/**
 * A compromised renderer that sends IPC messages directly, bypassing the
 * page: every path and setting it sends is untrusted. Drives the real
 * gateway, core and dataset service.
 */
import { spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMainCore, type MainCore } from '../../src-main/core'
import { MAX_DROPPED_FILES } from '../../src-main/datasets/service'
import { MAX_FILE_BYTES } from '../../src-main/datasets/load-file'
import { createGateway } from '../../src-main/ipc/gateway'
import type { DatasetSnapshot, Notice } from '../../src-shared/ipc-contract'

let dir: string
let core: MainCore | null = null
const revealed: string[] = []
const good = '#id,mine\n#unit,percent\nentity,indicator,year,value,tier,source_title,quote\na,b,2020,1,article,S,q\n'

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'g60-untrusted-'))
  await mkdir(join(dir, 'bundled'))
  await mkdir(join(dir, 'userdata'))
  await mkdir(join(dir, 'drop'))
  revealed.length = 0
})
afterEach(async () => {
  core?.datasets.close()
  core = null
  await rm(dir, { recursive: true, force: true })
})

async function start(more: Partial<Parameters<typeof createMainCore>[0]> = {}) {
  core = await createMainCore({
    userDataDir: join(dir, 'userdata'),
    systemLocale: 'en-US',
    appInfo: { name: 'G60 Briefing', version: 'test', electron: null, chrome: null, platform: 'linux' },
    emit: () => undefined,
    bundledDatasetsDir: join(dir, 'bundled'),
    revealFile: (p) => void revealed.push(p),
    ...more,
  })
  // As the app does once its window is up: the first load is done before the page's calls.
  await core.loadData()
  const gateway = createGateway(core.handlers, { isKnownWebContents: () => true, allowedOrigins: ['app://g60'] })
  const call = (channel: string, ...args: unknown[]) => gateway.handle(channel, { webContentsId: 1, isMainFrame: true, url: 'app://g60/index.html' }, args)
  return { core, call }
}

const snapshotOf = (r: Awaited<ReturnType<Awaited<ReturnType<typeof start>>['call']>>) => (r.ok ? (r.value as DatasetSnapshot) : null)

describe('datasets:add-files from a compromised renderer', () => {
  it('refuses more than MAX_DROPPED_FILES paths at once, loading none and keeping no trace', async () => {
    const { core, call } = await start()
    await writeFile(join(dir, 'drop', 'mine.csv'), good)
    const before = core.datasets.snapshot()
    const many = Array.from({ length: 100_000 }, (_, i) => `/nowhere/fake-${i}.csv`)
    many[0] = join(dir, 'drop', 'mine.csv')
    await expect(call('datasets:add-files', many)).resolves.toEqual({ ok: false, error: { code: 'bad-request', message: `at most ${MAX_DROPPED_FILES} files can be added at a time, got 100000` } })
    expect(core.datasets.snapshot()).toBe(before)
    await expect(call('datasets:add-files', many.slice(0, MAX_DROPPED_FILES + 1))).resolves.toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(core.datasets.snapshot().problems).toEqual([])
  })

  it('loads only regular dataset files under the size cap; every other path is refused, never listed, never revealable', async () => {
    const { core, call } = await start()
    const d = join(dir, 'drop')
    await writeFile(join(d, 'mine.csv'), good)
    await writeFile(join(d, 'notes.txt'), 'hello')
    await writeFile(join(d, 'passwd'), 'root:x:0:0')
    await mkdir(join(d, 'folder.csv'))
    await symlink('/dev/zero', join(d, 'device.csv'))
    expect(spawnSync('mkfifo', [join(d, 'pipe.csv')]).status).toBe(0)
    await writeFile(join(d, 'huge.csv'), '')
    await truncate(join(d, 'huge.csv'), MAX_FILE_BYTES + 1)
    const hostile = [
      join(d, 'notes.txt'),
      join(d, 'passwd'),
      '/etc/passwd',
      join(d, 'folder.csv'),
      join(d, 'device.csv'),
      join(d, 'pipe.csv'),
      join(d, 'huge.csv'),
      join(d, 'missing.csv'),
      '/nowhere/at/all.json',
      'relative.csv',
      `${d}/nul\0.csv`,
      `/${'a'.repeat(5000)}.csv`,
    ]
    const r = await call('datasets:add-files', [join(d, 'mine.csv'), ...hostile])
    const snap = snapshotOf(r)!
    expect(snap.origins.mine).toEqual({ kind: 'user', file: join(d, 'mine.csv') })
    expect(snap.problems).toEqual([])

    const notice = core.notices.list().find((n: Notice) => n.id === 'files-refused')!
    expect(notice.details).toEqual([
      `${join(d, 'notes.txt')}: not a dataset file (.json, .csv or .xlsx)`,
      `${join(d, 'passwd')}: not a dataset file (.json, .csv or .xlsx)`,
      '/etc/passwd: not a dataset file (.json, .csv or .xlsx)',
      `${join(d, 'folder.csv')}: a folder, not a file`,
      `${join(d, 'device.csv')}: not a regular file`,
      `${join(d, 'pipe.csv')}: not a regular file`,
      `${join(d, 'huge.csv')}: too large (64.0 MiB, at most 64.0 MiB)`,
      `${join(d, 'missing.csv')}: no such file`,
      '/nowhere/at/all.json: no such file',
      'relative.csv: not an absolute path',
      '… and 2 more',
    ])
    await call('datasets:add-files', hostile.slice(-2))
    expect(core.notices.list().find((n: Notice) => n.id === 'files-refused')!.details).toEqual([
      `${d}/nul\0.csv: the path holds a NUL character`,
      `/${'a'.repeat(299)}…: the path is too long`,
    ])
    expect(core.datasets.snapshot().problems).toEqual([])

    for (const p of hostile) {
      await expect(call('datasets:reveal', p)).resolves.toMatchObject({ ok: false, error: { code: 'bad-request' } })
    }
    expect(revealed).toEqual([])
    await expect(call('datasets:reveal', join(d, 'mine.csv'))).resolves.toEqual({ ok: true, value: true })
    expect(revealed).toEqual([join(d, 'mine.csv')])
  })

  it('lists the first ten refused paths by name and counts the rest', async () => {
    const { core, call } = await start()
    const paths = Array.from({ length: 40 }, (_, i) => `/nowhere/${i}.csv`)
    await expect(call('datasets:add-files', paths)).resolves.toMatchObject({ ok: true })
    const notice = core.notices.list().find((n) => n.id === 'files-refused')!
    expect(notice.details).toEqual([...paths.slice(0, 10).map((p) => `${p}: no such file`), '… and 30 more'])
    expect(core.datasets.snapshot().problems).toEqual([])
  })

  it("names a JSON file's failing place, never its first characters", async () => {
    const { call } = await start()
    await writeFile(join(dir, 'drop', 'secret.json'), 'password=hunter2 and more secret text')
    const snap = snapshotOf(await call('datasets:add-files', [join(dir, 'drop', 'secret.json')]))!
    expect(snap.problems).toHaveLength(1)
    expect(JSON.stringify(snap.problems)).not.toMatch(/passw|hunter|secret text/)
    expect(snap.problems[0]!.message).toMatch(/^not valid JSON/)
  })
})

describe('datasets:reveal from a compromised renderer', () => {
  it('reveals only files in the current snapshot', async () => {
    const { call } = await start()
    for (const p of ['/etc/passwd', '/', join(dir, 'userdata', 'settings.json'), 42, null]) {
      await expect(call('datasets:reveal', p)).resolves.toMatchObject({ ok: false, error: { code: 'bad-request' } })
    }
    expect(revealed).toEqual([])
  })
})

describe('datasets:save and export:table from a compromised renderer', () => {
  it('saves only a loaded dataset (a user’s too), and refuses a malformed table, before any dialog', async () => {
    const asked: string[] = []
    const { core, call } = await start({ chooseSavePath: async (name) => (asked.push(name), join(dir, 'out')) })
    for (const id of ['/etc/passwd', '../settings', 42, null, { id: 'mine' }]) {
      await expect(call('datasets:save', id)).resolves.toMatchObject({ ok: false, error: { code: 'bad-request' } })
    }
    for (const req of [null, { chartId: 'industry-gdp', format: 'csv', title: 't', sourceLine: '', asOf: null, rows: [{ entity: 1 }] }, { chartId: '__proto__' }]) {
      await expect(call('export:table', req)).resolves.toMatchObject({ ok: false, error: { code: 'bad-request' } })
    }
    expect(asked).toEqual([])
    await writeFile(join(dir, 'drop', 'mine.csv'), good)
    await core.openDataFolder(join(dir, 'drop'))
    await expect(call('datasets:save', 'mine')).resolves.toEqual({ ok: true, value: { saved: true, path: join(dir, 'out.xlsx'), format: 'xlsx', rows: 1 } })
    expect(asked).toEqual(['mine.xlsx'])
  })
})

describe('settings:update from a compromised renderer', () => {
  it('may not set the data folder, only clear it', async () => {
    const { core, call } = await start()
    const seen = vi.fn()
    core.onSettingsChanged(seen)
    for (const folder of ['/etc', join(dir, 'drop')]) {
      await expect(call('settings:update', { lastDataFolder: folder })).resolves.toEqual({
        ok: false,
        error: { code: 'forbidden', message: 'the data folder can only be chosen with "Open data folder…"; the page may only clear it' },
      })
      await expect(call('settings:update', { theme: 'dark', lastDataFolder: folder })).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
    expect(core.settings.current.lastDataFolder).toBeNull()
    expect(core.settings.current.theme).toBe('light')
    expect(seen).not.toHaveBeenCalled()

    await core.openDataFolder(join(dir, 'drop'))
    expect(core.settings.current.lastDataFolder).toBe(join(dir, 'drop'))
    await expect(call('settings:update', { lastDataFolder: null })).resolves.toMatchObject({ ok: true, value: { settings: { lastDataFolder: null } } })
    expect(JSON.parse(await readFile(join(dir, 'userdata', 'settings.json'), 'utf8')).lastDataFolder).toBeNull()
  })
})
