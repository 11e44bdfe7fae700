/**
 * The zod rule book: the model's hand-written types equal the types inferred
 * from it (after the reader's normalisation: a figure's unit filled in, the
 * legacy single note resolved), and a JSON file and a CSV file with the same
 * broken source get the same problem, from the same rule.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type * as z from 'zod'
import { describe, expect, expectTypeOf, it } from 'vitest'
import type { DatasetEvent, DatasetFile, EntityMeta, Figure, IndicatorMeta, Localized, Qualifier, Source, Tier } from '../../src-shared/dataset'
import type { datasetRule, entityRule, eventRule, figureRule, indicatorRule, localizedRule, qualifierRule, sourceRule, tierRule } from '../../src-shared/dataset-schema'
import { datasetJsonSchema } from '../../src-shared/dataset-schema'
import { loadDatasetFile } from '../../src-main/datasets/load-file'

type Out<T extends z.ZodType> = z.output<T>
/** An intersection written out as one object type, so types compare by their fields. */
type Flat<T> = { [K in keyof T]: T[K] }
type Resolved<T> = Flat<Omit<T, 'note' | 'unit'> & { unit: string }>

describe('the types of the model are the rule book’s', () => {
  it('leaves and records', () => {
    expectTypeOf<Out<typeof tierRule>>().toEqualTypeOf<Tier>()
    expectTypeOf<Out<typeof qualifierRule>>().toEqualTypeOf<Qualifier>()
    expectTypeOf<Out<typeof localizedRule>>().toEqualTypeOf<Localized>()
    expectTypeOf<Out<typeof sourceRule>>().toEqualTypeOf<Flat<Source>>()
    expectTypeOf<Out<typeof entityRule>>().toEqualTypeOf<EntityMeta>()
    expectTypeOf<Out<typeof indicatorRule>>().toEqualTypeOf<IndicatorMeta>()
  })
  it('figures, events and the file, after the reader fills a figure’s unit and resolves a legacy note', () => {
    expectTypeOf<Resolved<Out<typeof figureRule>>>().toEqualTypeOf<Flat<Figure>>()
    expectTypeOf<Flat<Omit<Out<typeof eventRule>, 'note'>>>().toEqualTypeOf<Flat<DatasetEvent>>()
    type File = Flat<Omit<Out<typeof datasetRule>, '$schema' | 'figures' | 'events'> & { figures: Figure[]; events?: DatasetEvent[] }>
    expectTypeOf<File>().toEqualTypeOf<Flat<DatasetFile>>()
  })
})

/**
 * Writes each case as a one-figure JSON file and as a CSV whose source cells are
 * `csv` under the `sourceColumns` header, and expects one problem from the JSON
 * and the same message and expectation from the CSV.
 */
async function expectSameProblem(dir: string, cases: { source: object; csv: string }[], sourceColumns: string): Promise<void> {
  for (const [i, c] of cases.entries()) {
    const json = { id: `case-${i}`, title: { 'zh-CN': '例', en: 'Case' }, unit: 'percent', entities: { sj: { name: { 'zh-CN': '松江', en: 'Songjiang' } } }, indicators: { g: { name: { 'zh-CN': '增速', en: 'Growth' }, unit: 'percent' } }, figures: [{ entity: 'sj', indicator: 'g', year: 2016, value: 1, source: c.source }] }
    await writeFile(join(dir, `case-${i}.json`), JSON.stringify(json))
    await writeFile(join(dir, `case-${i}.csv`), `#id,case-${i}\n#unit,percent\nentity,indicator,year,value,tier,${sourceColumns}\nsj,g,2016,1,${c.csv}\n`)
    const fromJson = (await loadDatasetFile(`case-${i}.json`, { root: dir })).problems
    const fromCsv = (await loadDatasetFile(`case-${i}.csv`, { root: dir })).problems
    expect(fromJson.length, JSON.stringify(c)).toBe(1)
    expect(fromCsv.map((p) => [p.message, p.expected])).toEqual(fromJson.map((p) => [p.message, p.expected]))
  }
}

describe('one rule for JSON files and table rows', () => {
  it('gives the same message and expectation for the same broken source in JSON and CSV', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'g60-rules-'))
    try {
      const cases = [
        { source: { tier: 'official', title: 'Yearbook', url: null, quote: 'q' }, csv: 'official,Yearbook,,q,' },
        { source: { tier: 'derived', title: 'Computed', url: 'https://example.org/d', quote: null }, csv: 'derived,Computed,https://example.org/d,,' },
        { source: { tier: 'secondary', title: 'Mirror', url: 'https://example.org/m', quote: null }, csv: 'secondary,Mirror,https://example.org/m,,' },
        { source: { tier: 'official', title: 'Yearbook', url: 'ftp://x', quote: 'q' }, csv: 'official,Yearbook,ftp://x,q,' },
      ]
      await expectSameProblem(dir, cases, 'source_title,source_url,quote,formula')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('one title rule for JSON files and table rows', () => {
  it('gives the same message and expectation for a source without a title, or with a title and both translations', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'g60-titles-'))
    try {
      const cases = [
        { source: { tier: 'secondary', title_zh: '期刊论文', quote: 'q' }, csv: 'secondary,,期刊论文,,q' },
        { source: { tier: 'secondary', title: '年鉴', title_zh: '年鉴', title_en: 'Yearbook', quote: 'q' }, csv: 'secondary,年鉴,年鉴,Yearbook,q' },
      ]
      await expectSameProblem(dir, cases, 'source_title,source_title_zh,source_title_en,quote')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('the JSON Schema for editors', () => {
  it('carries the tier rules and the closed lists', () => {
    const s = datasetJsonSchema() as { $defs: Record<string, { enum?: unknown[]; allOf?: unknown[] }> }
    expect(s.$defs.tier?.enum).toEqual(['article', 'official', 'secondary', 'derived'])
    expect(JSON.stringify(s.$defs.source?.allOf)).toContain('"required":["url"]')
    expect(JSON.stringify(s.$defs.source?.allOf)).toContain('"required":["title_zh","title_en"]')
  })
})
