import { describe, expect, it } from 'vitest'
import { readMetaRows } from '../../../src-main/datasets/meta-rows'
import { ProblemList } from '../../../src-main/datasets/problems'
import { MAX_PROBLEMS, finishTable } from '../../../src-main/datasets/table-finish'
import { TableBuilder } from '../../../src-main/datasets/table-builder'
import { readCsvDataset } from '../../../src-main/datasets/csv-file'

const HEADER = ['entity', 'indicator', 'year', 'value', 'unit', 'tier', 'source_title', 'source_url', 'quote']
function finish(rows: (string | number | null)[][], meta: string[][] = [['#unit', 'yuan-100m']]) {
  const p = new ProblemList('/d/t.csv')
  const m = readMetaRows(meta.map((cells, k) => ({ row: k + 1, cells })), p)
  const t = new TableBuilder(HEADER, meta.length + 1, p)
  rows.forEach((cells, k) => {
    cells.forEach((c, col) => t.cell(col, c))
    t.endRow(meta.length + 2 + k)
  })
  return { dataset: finishTable(t, m, p), problems: p.list.map((x) => [x.row, x.column, x.message]) }
}

describe('finishTable', () => {
  it('builds the columnar dataset: units from the row, the %, the indicator or the dataset; sources shared', () => {
    const { dataset, problems } = finish([
      ['a', 'gdp', 2016, 3862, null, 'official', 'S', 'https://e.org/1', 'q'],
      ['a', 'share', 2016, '6.7%', null, 'official', 'S', 'https://e.org/1', 'q'],
      ['a', 'gdp', 2017, 4000, '亿元', 'official', 'S', 'https://e.org/1', 'q'],
    ])
    expect(problems).toEqual([])
    expect([...dataset!.unit].map((u) => dataset!.strings[u])).toEqual(['yuan-100m', 'percent', 'yuan-100m'])
    expect(dataset!.sources).toHaveLength(1)
    expect(dataset!.meta.id).toBe('t')
  })

  it('applies the source rules per row, naming row and column', () => {
    const { dataset, problems } = finish([
      ['a', 'g', 2016, 1, null, null, 'S', 'https://e.org/1', 'q'],
      ['a', 'g', 2017, 1, null, 'official', 'S', null, 'q'],
      ['a', 'g', 2018, 1, null, 'derived', 'S', null, null],
      ['a', 'g', 2019, 1, null, 'secondary', 'S', 'ftp://x', 'q'],
      ['a', 'g', 2019, 2, null, 'secondary', 'S', 'ftp://x', 'q'],
    ])
    expect(dataset).toBeNull()
    expect(problems).toEqual([
      [3, 'tier', 'every figure needs a source tier'],
      [4, 'source_url', 'an official source needs a URL'],
      [5, 'formula', 'a derived figure needs the formula it was computed with'],
      [6, 'source_url', 'not a link'],
      [7, 'source_url', 'not a link'],
      [7, 'entity', 'duplicate of row 6: same entity, indicator, year, period and source URL'],
    ])
  })

  it(`lists at most ${MAX_PROBLEMS} problems, then counts the rest`, () => {
    const rows = Array.from({ length: MAX_PROBLEMS + 5 }, (_, k) => ['a', 'g', 1901 + (k % 150), 'x', null, 'article', 'S', `https://e.org/${k}`, 'q'])
    const { problems } = finish(rows)
    expect(problems).toHaveLength(MAX_PROBLEMS + 1)
    expect(problems.at(-1)).toEqual([undefined, undefined, '… and 5 more problems in this file'])
  })
})

describe('the dataset unit without a "#unit" line (docs/dataset-files.md)', () => {
  const csv = (lines: string[]) => readCsvDataset(new TextEncoder().encode(lines.join('\n')), 'units.csv')

  it('takes the unit the first row\'s indicator declares when its unit cell is empty', () => {
    const r = csv(['#indicator,gdp,地区生产总值,GDP,yuan-100m', 'entity,indicator,year,value,unit,tier,source_title,quote', 'a,gdp,2020,1,,article,S,q'])
    expect(r.problems).toEqual([])
    expect(r.dataset!.meta.unit).toBe('yuan-100m')
    expect(r.dataset!.strings[r.dataset!.unit[0]!]).toBe('yuan-100m')
  })

  it('takes the first row\'s unit cell over any indicator', () => {
    const r = csv(['#indicator,gdp,地区生产总值,GDP,yuan-100m', 'entity,indicator,year,value,unit,tier,source_title,quote', 'a,gdp,2020,1,percent,article,S,q'])
    expect(r.dataset!.meta.unit).toBe('percent')
  })

  it('still refuses a file where neither a unit cell nor an indicator gives one', () => {
    const r = csv(['entity,indicator,year,value,unit,tier,source_title,quote', 'a,gdp,2020,1,,article,S,q'])
    expect(r.dataset).toBeNull()
    expect(r.problems.map((p) => p.message)).toContain('no dataset unit: add a "#unit,<code>" line or fill the unit column')
  })
})
