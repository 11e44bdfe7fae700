import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { describeWriteError, ensureExportDir, ExportWriteError, writeExport } from '../../../src-main/export/write'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'g60-write-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('writeExport', () => {
  it('writes the bytes and replaces an existing file whole', async () => {
    const target = join(dir, '01-a-en.png')
    await writeExport(target, new Uint8Array([1, 2, 3]))
    await writeExport(target, new Uint8Array([9]))
    expect([...(await readFile(target))]).toEqual([9])
    expect(await readdir(dir)).toEqual(['01-a-en.png'])
  })

  it('fails with a clear ExportWriteError naming the path when the target cannot be written, keeping earlier files', async () => {
    const earlier = join(dir, '01-a-en.png')
    await writeExport(earlier, new Uint8Array([1, 2, 3]))
    // A regular file where a folder should be: fails even for root.
    await writeFile(join(dir, 'not-a-folder'), 'x')
    const target = join(dir, 'not-a-folder', '02-b-en.png')
    const err = await writeExport(target, new Uint8Array([4])).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ExportWriteError)
    expect(err).toMatchObject({ name: 'ExportWriteError', path: target, code: 'ENOTDIR' })
    expect((err as Error).message).toContain(target)
    expect((err as Error).message).toMatch(/not a folder/)
    expect([...(await readFile(earlier))]).toEqual([1, 2, 3])
    expect((await readdir(dir)).sort()).toEqual(['01-a-en.png', 'not-a-folder'])
  })

  it('leaves an existing file intact when the new one cannot replace it', async () => {
    const target = join(dir, 'keep.png')
    await writeFile(target, 'old')
    const err = await writeExport(target, { bad: true } as unknown as Uint8Array).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ExportWriteError)
    await expect(readFile(target, 'utf8')).resolves.toBe('old')
    expect(await readdir(dir)).toEqual(['keep.png'])
  })

  it.each([
    ['ENOSPC', /disk is full.*\/out\/x\.png.*kept/],
    ['EACCES', /No permission to write \/out\/x\.png/],
    ['EPERM', /Not allowed to write \/out\/x\.png/],
    ['EROFS', /read-only.*\/out\/x\.png/],
    ['ENOENT', /folder for \/out\/x\.png does not exist/],
    ['EIO', /Could not write \/out\/x\.png: boom/],
  ])('explains %s', (code, message) => {
    const e = describeWriteError('/out/x.png', Object.assign(new Error('boom'), { code }))
    expect(e).toBeInstanceOf(ExportWriteError)
    expect(e.message).toMatch(message)
    expect(e.code).toBe(code)
  })
})

describe('ensureExportDir', () => {
  it('creates the folder and its parents', async () => {
    await ensureExportDir(join(dir, 'a', 'b'))
    expect(await readdir(join(dir, 'a'))).toEqual(['b'])
  })

  it('says a folder that cannot be made cannot be written, not that it does not exist (ENOENT from mkdir)', async () => {
    // mkdir -p reports ENOENT for a link to nowhere, as it does for a missing folder on a read-only disk.
    const target = join(dir, 'pack')
    await symlink(join(dir, 'gone', 'away'), target)
    const err = await ensureExportDir(target).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ExportWriteError)
    expect(err).toMatchObject({ path: target, code: 'ENOENT' })
    expect((err as Error).message).toMatch(new RegExp(`^Could not create the folder ${target}: that place cannot be written`))
    expect((err as Error).message).not.toMatch(/does not exist/)
  })
})
