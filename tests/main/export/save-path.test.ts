/** Asking where to save: the chosen name keeps its extension among those offered, or gets the first one added. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { askSavePath, extensionOf } from '../../../src-main/export/save-path'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'g60-save-path-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('askSavePath', () => {
  it('keeps a name ending in any offered extension (any case), and adds the first one otherwise', async () => {
    const ask = (answer: string) => askSavePath(async () => answer, 'd.xlsx', ['xlsx', 'csv'])
    expect(await ask(join(dir, 'a.CSV'))).toBe(join(dir, 'a.CSV'))
    expect(await ask(join(dir, 'a.xlsx'))).toBe(join(dir, 'a.xlsx'))
    expect(await ask(join(dir, 'a'))).toBe(join(dir, 'a.xlsx'))
    expect(await ask(join(dir, 'a.v2'))).toBe(join(dir, 'a.v2.xlsx'))
    expect(await ask(join(dir, '.csv'))).toBe(join(dir, '.csv.xlsx'))
  })

  it('asks again, with the full name, when adding the extension names a file that exists (the dialog never asked about replacing it)', async () => {
    await writeFile(join(dir, 'a.xlsx'), 'old')
    const answers = [join(dir, 'a'), null]
    const choose = vi.fn(async () => answers.shift()!)
    expect(await askSavePath(choose, 'd.xlsx', ['xlsx', 'csv'])).toBeNull()
    expect(choose.mock.calls).toEqual([
      ['d.xlsx', ['xlsx', 'csv']],
      [join(dir, 'a.xlsx'), ['xlsx', 'csv']],
    ])
  })

  it('gives null when cancelled', async () => {
    expect(await askSavePath(async () => null, 'd.csv', ['csv'])).toBeNull()
  })
})

describe('extensionOf', () => {
  it('names the offered extension a path ends in', () => {
    expect(extensionOf('/x/Table.XLSX', ['xlsx', 'csv'])).toBe('xlsx')
    expect(extensionOf('/x/table.csv.txt', ['xlsx', 'csv'])).toBeNull()
    expect(extensionOf('/x/.csv', ['csv'])).toBeNull()
  })
})
