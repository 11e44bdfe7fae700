import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadFolder } from '../../../src-main/datasets/load-folder'
import { DatasetService } from '../../../src-main/datasets/service'
import { fromColumnar } from '../../../src-shared/dataset'

const fixtures = join(import.meta.dirname, '../../fixtures/datasets')

describe('loadFolder', () => {
  it('loads top-level JSON and CSV files, skipping schemas, dotfiles, other files and sub-folders', async () => {
    const dir = join(fixtures, 'good')
    const r = await loadFolder(dir)
    expect(r.problems).toEqual([])
    expect(r.datasets.map((d) => d.id)).toEqual(['cities', 'rectification'])
    expect(r.files).toEqual({ cities: join(dir, 'cities.csv'), rectification: join(dir, 'rectification.json') })
  })

  it('reports a duplicate id and keeps only the first file', async () => {
    const dir = join(fixtures, 'dup')
    const r = await loadFolder(dir)
    expect(r.datasets.map((d) => d.figures[0]!.value)).toEqual([1])
    expect(r.problems).toEqual([
      { file: join(dir, 'b.csv'), column: 'id', message: `duplicate dataset id "same": ${join(dir, 'a.json')} already uses it`, got: 'same', expected: 'an id used by one file only' },
    ])
  })

  it('contributes no dataset from a file with problems', async () => {
    const r = await loadFolder(fixtures)
    const ids = r.datasets.map((d) => d.id).sort()
    expect(ids).toEqual(['gbk-cities', 'numbers', 'semi', 'tabbed', 'workbook'])
    const bad = new Set(r.problems.map((p) => p.file.slice(fixtures.length + 1)))
    expect([...bad].sort()).toEqual(['broken.json', 'empty.csv', 'junk.csv', 'junk.xlsx', 'unknown-column.csv', 'utf16be.csv', 'utf16le.csv', 'utf8-bom.csv', 'wrong-types.csv'])
  })

  it('reads a folder exactly as the app does: the same datasets and the same problems (npm run validate and the data folder share the code)', async () => {
    const cli = await loadFolder(fixtures)
    const app = new DatasetService({ bundledDir: join(fixtures, 'missing'), onChange: () => {}, useWorker: false })
    try {
      const snap = await app.openFolder(fixtures)
      expect(snap.datasets.map((d) => ({ ...d.meta, figures: fromColumnar(d) }))).toEqual(cli.datasets)
      expect(snap.problems).toEqual(cli.problems)
      expect(Object.fromEntries(Object.entries(snap.origins).map(([id, o]) => [id, o.file]))).toEqual(cli.files)
      expect(cli.problems.length).toBeGreaterThan(5)
    } finally {
      app.close()
    }
  })

  it('reports a folder that cannot be read', async () => {
    const r = await loadFolder(join(fixtures, 'missing'))
    expect(r.problems.map((p) => p.message)).toEqual(['cannot read the folder: ENOENT'])
  })
})

describe('loadFolder: files that are not regular files', () => {
  it('reports a named pipe with a dataset name as skipped, by name, instead of passing over it', async () => {
    const { execFileSync } = await import('node:child_process')
    const { mkdtemp, rm, writeFile } = await import('node:fs/promises')
    const { tmpdir } = await import('node:os')
    const dir = await mkdtemp(join(tmpdir(), 'g60-fifo-'))
    try {
      execFileSync('mkfifo', [join(dir, 'pipe.csv')])
      await writeFile(join(dir, 'ok.csv'), '#unit,percent\nentity,indicator,year,value,tier,source_title,quote\na,g,2016,1,article,S,q\n')
      const r = await loadFolder(dir)
      expect(r.datasets.map((d) => d.id)).toEqual(['ok'])
      expect(r.problems).toEqual([{ file: join(dir, 'pipe.csv'), message: 'skipped: not a regular file (a named pipe)' }])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
