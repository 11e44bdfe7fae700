/**
 * The template writer: every bundled dataset written as CSV and as XLSX reads
 * back as the identical dataset (issue 11 §5), and the workbook has the
 * sheets, drop-downs and frozen header an analyst starts from.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDatasetFile } from '../../../src-main/datasets/load-file'
import { writeDatasetCsv, writeDatasetXlsx } from '../../../src-main/datasets/template'

const bundled = join(import.meta.dirname, '../../../resources/datasets')
let tmp: string
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'g60-template-'))
})
afterAll(() => rm(tmp, { recursive: true, force: true }))

describe('template round trip', async () => {
  const names = (await readdir(bundled)).filter((n) => n.endsWith('.json'))
  it('covers every bundled dataset', () => expect(names.length).toBeGreaterThanOrEqual(4))
  for (const name of names) {
    it(`writes ${name} as CSV and XLSX that read back as the identical dataset`, async () => {
      const original = await loadDatasetFile(name, { root: bundled })
      expect(original.problems).toEqual([])
      const d = original.dataset!
      await writeFile(join(tmp, `${d.id}.csv`), writeDatasetCsv(d))
      await writeFile(join(tmp, `${d.id}.xlsx`), await writeDatasetXlsx(d))
      for (const ext of ['csv', 'xlsx']) {
        const back = await loadDatasetFile(`${d.id}.${ext}`, { root: tmp })
        expect(back.problems).toEqual([])
        expect(back.dataset).toEqual(d)
      }
    })
  }
})

describe('the workbook', () => {
  it('has meta, data, instructions (both languages) and lists sheets, a frozen header and drop-downs for tier, qualifier and unit', async () => {
    const d = (await loadDatasetFile('nine-cities.json', { root: bundled })).dataset!
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await writeDatasetXlsx(d)) as unknown as ExcelJS.Buffer)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['meta', 'data', 'instructions', 'lists'])
    const data = wb.getWorksheet('data')!
    expect(data.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    const header = (data.getRow(1).values as string[]).slice(1)
    for (const [col, list] of [['tier', '$A'], ['qualifier', '$B'], ['unit', '$C']] as const) {
      const cell = data.getCell(2, header.indexOf(col) + 1)
      expect(cell.dataValidation).toMatchObject({ type: 'list', formulae: [expect.stringContaining(`lists!${list}$2`)] })
    }
    expect(wb.getWorksheet('instructions')!.getRow(1).values).toEqual([undefined, '中文', 'English'])
    expect(data.getColumn(header.indexOf('source_title') + 1).width).toBeGreaterThan(20)
  })
})
