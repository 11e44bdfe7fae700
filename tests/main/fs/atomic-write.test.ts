import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeFileAtomic } from '../../../src-main/fs/atomic-write'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'g60-atomic-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('writeFileAtomic', () => {
  it('creates a file with the given text', async () => {
    const target = join(dir, 'settings.json')
    await writeFileAtomic(target, '{"theme":"dark"}\n')
    await expect(readFile(target, 'utf8')).resolves.toBe('{"theme":"dark"}\n')
    expect(await readdir(dir)).toEqual(['settings.json'])
  })

  it('replaces an existing file, bytes included', async () => {
    const target = join(dir, 'data.bin')
    await writeFile(target, 'old')
    await writeFileAtomic(target, new Uint8Array([0, 1, 2, 255]))
    expect([...(await readFile(target))]).toEqual([0, 1, 2, 255])
    expect(await readdir(dir)).toEqual(['data.bin'])
  })

  it('fails when the folder is missing, creating nothing', async () => {
    const target = join(dir, 'missing', 'settings.json')
    await expect(writeFileAtomic(target, 'x')).rejects.toMatchObject({ code: 'ENOENT' })
    expect(await readdir(dir)).toEqual([])
  })

  it('leaves the old content and no temporary file when the write itself fails', async () => {
    const target = join(dir, 'settings.json')
    await writeFile(target, 'old content')
    // Not a string or bytes: fails after the temporary file was opened.
    await expect(writeFileAtomic(target, { not: 'data' } as unknown as string)).rejects.toThrow()
    await expect(readFile(target, 'utf8')).resolves.toBe('old content')
    expect(await readdir(dir)).toEqual(['settings.json'])
  })

  it('leaves the target and no temporary file when the rename fails (target is a folder)', async () => {
    // Fails even for root, unlike a read-only folder.
    const target = join(dir, 'settings.json')
    await mkdir(target)
    await writeFile(join(target, 'keep.txt'), 'kept')
    await expect(writeFileAtomic(target, 'new')).rejects.toMatchObject({ code: expect.stringMatching(/^(EISDIR|ENOTEMPTY|EEXIST|EPERM)$/) })
    await expect(readFile(join(target, 'keep.txt'), 'utf8')).resolves.toBe('kept')
    expect(await readdir(dir)).toEqual(['settings.json'])
  })
})
