/**
 * table-rows.ts, the per-row passes of finishTable, through the CSV reader:
 * sources shared by content (whatever words name the tier), duplicates named
 * at their file rows, and columns a file lacks read as empty.
 */
import { describe, expect, it } from 'vitest'
import { readCsvDataset } from '../../../src-main/datasets/csv-file'
import { NONE } from '../../../src-shared/dataset'

const enc = (s: string) => new TextEncoder().encode(s)
const HEADER = 'entity,indicator,year,value,tier,source_title,source_url,quote'

describe('table rows', () => {
  it('shares one source among rows that cite it, whatever words name its tier, in order of first use', () => {
    const csv = [
      '#id,rows',
      '#unit,percent',
      HEADER,
      'a,g,2016,1,official,Yearbook,https://x/y,q',
      'a,g,2017,2,secondary,Paper,https://x/p,q',
      'a,g,2018,3,官方,Yearbook,https://x/y,q',
      'b,g,2018,4,official,Yearbook,https://x/y,q',
      '',
    ].join('\n')
    const { dataset, problems } = readCsvDataset(enc(csv), 'rows.csv')
    expect(problems).toEqual([])
    expect(dataset!.sources.map((s) => [s.tier, s.title, s.url])).toEqual([
      ['official', 'Yearbook', 'https://x/y'],
      ['secondary', 'Paper', 'https://x/p'],
    ])
    expect([...dataset!.source]).toEqual([0, 1, 0, 0])
    // No period, note or qualifier column: no period, no notes, exact.
    expect([...dataset!.period]).toEqual([NONE, NONE, NONE, NONE])
    expect([...dataset!.noteZh, ...dataset!.noteEn]).toEqual(Array(8).fill(NONE))
    expect([...dataset!.qualifier]).toEqual([0, 0, 0, 0])
  })

  it('names each repeated figure at its file row, with the row it repeats', () => {
    const csv = ['#id,rows', '#unit,percent', HEADER, 'a,g,2016,1,official,Y,https://x/y,q', 'b,g,2016,1,official,Y,https://x/y,q', 'a,g,2016,2,official,Y,https://x/y,q', ''].join('\n')
    const { dataset, problems } = readCsvDataset(enc(csv), 'rows.csv')
    expect(dataset).toBeNull()
    expect(problems.map((p) => [p.row, p.column, p.message])).toEqual([[6, 'entity', 'duplicate of row 4: same entity, indicator, year, period and source URL']])
  })
})
