import { spawnSync } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, rename, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DatasetService, type DatasetSnapshot } from '../../../src-main/datasets/service'
import { fromColumnar } from '../../../src-shared/dataset'
import { generateBigCsv } from '../../fixtures/generate'

const fixtures = join(import.meta.dirname, '../../fixtures/datasets')
const csv = (id: string, value: string) => `#id,${id}\n#unit,percent\nentity,indicator,year,value,tier,source_title,quote\na,b,2020,${value},article,S,q\n`

let tmp: string
let service: DatasetService | null = null
const changes: DatasetSnapshot[] = []
beforeEach(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'g60-service-'))
  await mkdir(join(tmp, 'bundled'))
  await mkdir(join(tmp, 'user'))
  await copyFile(join(fixtures, 'good/cities.csv'), join(tmp, 'bundled/cities.csv'))
  await writeFile(join(tmp, 'bundled/share.csv'), csv('share', '1'))
  changes.length = 0
})
afterEach(async () => {
  service?.close()
  service = null
  await rm(tmp, { recursive: true, force: true })
})

const make = (useWorker = false) => (service = new DatasetService({ bundledDir: join(tmp, 'bundled'), onChange: (s) => changes.push(s), useWorker }))
const valueOf = (s: DatasetSnapshot, id: string) => {
  const d = s.datasets.find((x) => x.meta.id === id)
  return d && fromColumnar(d)[0]!.value
}

describe('DatasetService', () => {
  it('starts with the bundled datasets', async () => {
    const s = await make().start()
    expect(s.datasets.map((d) => d.meta.id)).toEqual(['cities', 'share'])
    expect(s.origins.share).toEqual({ kind: 'bundled', file: join(tmp, 'bundled/share.csv') })
    expect(s.folder).toBeNull()
    expect(changes).toHaveLength(1)
  })

  it('lets a user folder replace a bundled dataset with the same id', async () => {
    await writeFile(join(tmp, 'user/mine.csv'), csv('share', '42'))
    const svc = make()
    await svc.start()
    const s = await svc.openFolder(join(tmp, 'user'))
    expect(s.folder).toBe(join(tmp, 'user'))
    expect(valueOf(s, 'share')).toBe(42)
    expect(s.origins.share).toEqual({ kind: 'user', file: join(tmp, 'user/mine.csv') })
    expect(s.origins.cities!.kind).toBe('bundled')
  })

  it('rejects a folder that does not exist', async () => {
    const svc = make()
    await svc.start()
    await expect(svc.openFolder(join(tmp, 'nope'))).rejects.toThrow()
  })

  it('reloads a changed file within a second, and keeps the last good version when the new one fails', async () => {
    const file = join(tmp, 'user/mine.csv')
    await writeFile(file, csv('share', '42'))
    const svc = make()
    await svc.start()
    await svc.openFolder(join(tmp, 'user'))

    const t0 = Date.now()
    await writeFile(file, csv('share', '43'))
    await vi.waitFor(() => expect(valueOf(svc.snapshot(), 'share')).toBe(43), { timeout: 1500, interval: 20 })
    expect(Date.now() - t0).toBeLessThan(1000)
    expect(changes.at(-1)).toBe(svc.snapshot())

    await writeFile(file, csv('share', 'lots'))
    await vi.waitFor(() => expect(svc.snapshot().problems).toHaveLength(1), { timeout: 1500, interval: 20 })
    expect(svc.snapshot().problems[0]).toMatchObject({ file, row: 4, column: 'value', message: 'not a number', got: 'lots' })
    expect(valueOf(svc.snapshot(), 'share')).toBe(43)
    expect(svc.snapshot().origins.share!.kind).toBe('user')
  })

  it('picks up a new file in the watched folder', async () => {
    const svc = make()
    await svc.start()
    await svc.openFolder(join(tmp, 'user'))
    await writeFile(join(tmp, 'user/new.csv'), csv('fresh', '7'))
    await vi.waitFor(() => expect(valueOf(svc.snapshot(), 'fresh')).toBe(7), { timeout: 1500, interval: 20 })
  })

  it('adds dropped files, each within its own folder, and reports their problems', async () => {
    const svc = make()
    await svc.start()
    const { snapshot: s, refused } = await svc.addFiles([join(fixtures, 'gbk.csv'), join(fixtures, 'junk.csv')])
    expect(refused).toEqual([])
    expect(s.origins['gbk-cities']).toEqual({ kind: 'user', file: join(fixtures, 'gbk.csv') })
    expect(s.problems.map((p) => p.file)).toEqual([join(fixtures, 'junk.csv')])
  })

  it('opens a folder holding special files without hanging: a FIFO is skipped, a link to a device refused, each named', async () => {
    await writeFile(join(tmp, 'user/mine.csv'), csv('share', '42'))
    expect(spawnSync('mkfifo', [join(tmp, 'user/pipe.csv')]).status).toBe(0)
    await symlink('/dev/zero', join(tmp, 'user/device.csv'))
    const svc = make()
    await svc.start()
    const s = await svc.openFolder(join(tmp, 'user'))
    expect(valueOf(s, 'share')).toBe(42)
    expect(s.problems.map((p) => [p.file, p.message])).toEqual([
      [join(tmp, 'user/device.csv'), 'the file is a link to a place outside the data folder'],
      [join(tmp, 'user/pipe.csv'), 'skipped: not a regular file (a named pipe)'],
    ])
  })

  it('reports duplicate ids inside the user folder', async () => {
    await writeFile(join(tmp, 'user/a.csv'), csv('twin', '1'))
    await writeFile(join(tmp, 'user/b.csv'), csv('twin', '2'))
    const svc = make()
    await svc.start()
    const s = await svc.openFolder(join(tmp, 'user'))
    expect(valueOf(s, 'twin')).toBe(1)
    expect(s.problems.map((p) => p.message)).toEqual([`duplicate dataset id "twin": ${join(tmp, 'user/a.csv')} already uses it`])
  })

  it('parses a file over 1 MiB in a worker thread', async () => {
    await generateBigCsv(join(tmp, 'user/big.csv'), 30_000)
    const svc = make(true)
    await svc.start()
    const s = await svc.openFolder(join(tmp, 'user'))
    expect(s.problems).toEqual([])
    const big = s.datasets.find((d) => d.meta.id === 'big')!
    expect(big.length).toBe(30_000)
    expect(big.value).toBeInstanceOf(Float64Array)
    expect(fromColumnar(big)[1]).toMatchObject({ entity: 'e1', indicator: 'i0', year: 1990, value: 79.19, source: { title: 'S1', url: 'https://s.cn/1', quote: 'q1' } })
  })
})

describe('DatasetService: the watched folder goes away and comes back', () => {
  // Generous budgets: the service checks every FOLDER_CHECK_MS, but a loaded machine may be slow to run it.
  const soon = { timeout: 10_000, interval: 25 }

  it('says the folder is missing, keeps its last good data, and watches the new folder made in its place', async () => {
    const user = join(tmp, 'user')
    await writeFile(join(user, 'mine.csv'), csv('share', '42'))
    const svc = make()
    await svc.start()
    expect((await svc.openFolder(user)).folderMissing).toBe(false)

    await rm(user, { recursive: true })
    await vi.waitFor(() => expect(svc.snapshot().folderMissing).toBe(true), soon)
    expect(svc.snapshot().folder).toBe(user)
    expect(valueOf(svc.snapshot(), 'share')).toBe(42)
    expect(svc.snapshot().origins.share!.kind).toBe('user')

    await mkdir(user)
    await writeFile(join(user, 'mine.csv'), csv('share', '43'))
    await vi.waitFor(() => expect(valueOf(svc.snapshot(), 'share')).toBe(43), soon)
    expect(svc.snapshot().folderMissing).toBe(false)

    // Watching resumed: a later change is picked up too.
    await writeFile(join(user, 'mine.csv'), csv('share', '44'))
    await vi.waitFor(() => expect(valueOf(svc.snapshot(), 'share')).toBe(44), soon)
    await writeFile(join(user, 'new.csv'), csv('fresh', '7'))
    await vi.waitFor(() => expect(valueOf(svc.snapshot(), 'fresh')).toBe(7), soon)
  })

  it('picks up changes again after the folder is renamed away and back', async () => {
    const user = join(tmp, 'user')
    const away = join(tmp, 'elsewhere')
    await writeFile(join(user, 'mine.csv'), csv('share', '42'))
    const svc = make()
    await svc.start()
    await svc.openFolder(user)

    await rename(user, away)
    await vi.waitFor(() => expect(svc.snapshot().folderMissing).toBe(true), soon)
    await writeFile(join(away, 'mine.csv'), csv('share', '50'))
    await rename(away, user)
    await vi.waitFor(() => expect(svc.snapshot().folderMissing).toBe(false), soon)
    await vi.waitFor(() => expect(valueOf(svc.snapshot(), 'share')).toBe(50), soon)

    await writeFile(join(user, 'mine.csv'), csv('share', '51'))
    await vi.waitFor(() => expect(valueOf(svc.snapshot(), 'share')).toBe(51), soon)
  })

  it('stops checking once closed or when another folder is opened', async () => {
    const user = join(tmp, 'user')
    const other = join(tmp, 'other')
    await mkdir(other)
    const svc = make()
    await svc.start()
    await svc.openFolder(user)
    await svc.openFolder(other)
    await rm(user, { recursive: true })
    await new Promise((r) => setTimeout(r, 1000))
    expect(svc.snapshot().folderMissing).toBe(false)
    expect(svc.snapshot().folder).toBe(other)
  })
})
