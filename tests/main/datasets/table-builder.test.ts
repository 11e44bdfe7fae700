/**
 * TableBuilder: the fused CSV reader against its general form, `readCsv`
 * (csv.ts) + `TableBuilder.field`, on the same bytes.
 */
import { describe, expect, it } from 'vitest'
import { readCsv } from '../../../src-main/datasets/csv'
import { readCsvDataset } from '../../../src-main/datasets/csv-file'
import { ProblemList } from '../../../src-main/datasets/problems'
import { TableBuilder, TextColumn } from '../../../src-main/datasets/table-builder'

const HEADER = 'entity,indicator,year,value,value_high,tier,source_title,source_url,quote'
const enc = (s: string) => new TextEncoder().encode(s)

/** Both ways of filling a table from the same bytes, as plain data to compare. */
function builders(text: string) {
  const b = enc(text)
  const header = HEADER.split(',')
  const dump = (t: TableBuilder) => ({
    length: t.length,
    rows: [...t.rows.subarray(0, t.length)],
    text: Object.fromEntries(Object.entries(t.text).map(([k, c]) => [k, ((texts) => [...c.ids.subarray(0, t.length)].map((id) => texts[id]))(c.finish(t.length))])),
    num: Object.fromEntries(Object.entries(t.num).map(([k, c]) => [k, { values: [...c.values.subarray(0, t.length)], percent: c.percent ? [...c.percent.subarray(0, t.length)] : null }])),
    bad: t.bad,
    stray: [...t.stray],
  })
  const fused = new TableBuilder(header, 1, new ProblemList('f'), b)
  const fusedOpen = fused.readCsvRows(b, 0x2c, 0, 2)
  const general = new TableBuilder(header, 1, new ProblemList('g'), b)
  const generalOpen = readCsv(b, 0x2c, { field: (c, s, e, f) => general.field(c, b, s, e, f), record: (row) => general.endRow(row) }, 0, 2)
  return { fused: { open: fusedOpen, ...dump(fused) }, general: { open: generalOpen, ...dump(general) } }
}

describe('CSV: the fused reader', () => {
  it('falls back to the tolerant path cell by cell, with the same values and the same bad cells', () => {
    const rows = [
      'a,g,2016,12,,official,S,https://x/1,q',
      ' a ,g, 2017 , 12 ,,official, S ,https://x/1,q',
      'a,g,2018,"1,234.5",,official,"S",https://x/1,q',
      'a,g,2019年,6.7%,−3.5,official,S,https://x/1,q',
      'a,g,２０２０,１２３．５,,official,S,https://x/1,q',
      'a,g,2021,1e3,—,official,S,https://x/1,q',
      'a,g,2022,-,n/a,official,S,https://x/1,q',
      'a,g,2023,12345678901234567,.5,official,S,https://x/1,q',
      'a,g,2016.5,-0,-.25,official,S,https://x/1,q', // 2016.5 reads as a date (May 2016) on both paths
      'a,g,twenty,lots,1.2.3,official,S,https://x/1,q',
      'a,g,2024,7',
      ',,,,,,,,',
      'a,g,2025,"3',
      '.5",,official,"say ""hi""",https://x/2,"two',
      'lines"',
      'b,g,2026,8,,official,S,https://x/1,q,extra',
      'b,g,2027,9,,official,S,https://x/1,q\r',
      'b,g,2028,10,,official,S,https://x/1,q,',
    ]
    const { fused, general } = builders(rows.join('\n') + '\rc,g,2029,11,,official,S,https://x/1,q')
    expect(fused).toEqual(general)
    expect(fused.num.value!.values).toEqual([12, 12, 1234.5, 6.7, 123.5, 1000, NaN, 12345678901234567, -0, NaN, 7, 3.5, 8, 9, 10, 11])
    expect(fused.num.value!.percent).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
    expect(fused.bad.map((x) => [fused.rows[x.index], x.column, x.text])).toEqual([
      [11, 'year', 'twenty'],
      [11, 'value', 'lots'],
      [11, 'value_high', '1.2.3'],
    ])
    // A quoted newline stays in its record: the next record is numbered as Excel numbers it.
    expect(fused.rows.slice(-6)).toEqual([12, 14, 15, 16, 17, 18])
    expect(fused.stray).toEqual([[9, 12]])
    // " S " and "S" (and a quoted "S") are one text, so one id.
    expect(new Set(fused.text.source_title!.slice(0, 3))).toEqual(new Set(['S']))
  })

  it('reports an unterminated quote at the row it opens on, on either path', () => {
    const { fused, general } = builders('a,g,2016,1,,official,S,https://x,q\na,g,2017,"2,official')
    expect(fused.open).toBe(3)
    expect(fused).toEqual(general)
  })

  it('treats the same text with and without surrounding spaces as one source', () => {
    const csv = `#id,t\n#unit,percent\n${HEADER}\na,g,2016,1,,official,Yearbook,https://x,q\na,g,2017,2,,official," Yearbook ",https://x,q\n`
    const { dataset, problems } = readCsvDataset(enc(csv), 't.csv')
    expect(problems).toEqual([])
    expect(dataset!.sources).toHaveLength(1)
    const dup = readCsvDataset(enc(csv.replace('2017', '2016')), 't.csv')
    expect(dup.problems.map((p) => [p.row, p.column, p.message])).toEqual([[5, 'entity', 'duplicate of row 4: same entity, indicator, year, period and source URL']])
  })
})

describe('TextColumn: interning', () => {
  it('gives the same bytes the same id among thousands of texts, before and after its table grows', () => {
    const texts = Array.from({ length: 5000 }, (_, k) => `https://example.org/source/${k}`)
    const b = enc(texts.join(','))
    const c = new TextColumn(b)
    const at: [number, number][] = []
    let start = 0
    for (const t of texts) {
      at.push([start, start + t.length])
      start += t.length + 1
    }
    const first = at.map(([s, e]) => c.intern(b, s, e, 0))
    const again = at.map(([s, e]) => c.intern(b, s, e, 0))
    expect(again).toEqual(first)
    expect(new Set(first).size).toBe(5000)
    expect(c.texts).toHaveLength(5001)
    expect(c.textAt(first[4321]!)).toBe(texts[4321])
  })

  it('gives bytes one id after more than a thousand texts came in as strings (quoted with doubled quotes)', () => {
    const b = enc('plain')
    const c = new TextColumn(b)
    for (let k = 0; k < 3000; k++) c.internText(`say "${k}"`)
    const id = c.intern(b, 0, 5, 0)
    expect(c.intern(b, 0, 5, 0)).toBe(id)
    expect(c.texts).toHaveLength(3002)
  })
})
