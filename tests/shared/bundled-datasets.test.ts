/**
 * The bundled datasets in resources/datasets: every figure of the source
 * article is there exactly, every figure names its source, units and ids are
 * declared, nothing marked UNVERIFIED in sources.md is shipped, and each file
 * validates against resources/datasets/schema/dataset.schema.json.
 *
 * The checks are plain functions returning a list of problems, so each is also
 * run against a deliberately broken copy to show that it can fail.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import Ajv2020 from 'ajv/dist/2020'
import { describe, expect, it } from 'vitest'
import { QUALIFIERS, TIERS, fromColumnar, sourceTitle, toColumnar, type DatasetFile, type Figure, type Qualifier, type Source } from '../../src-shared/dataset'
import { UNITS, isUnit } from '../../src-shared/units'
import { sourceCitation } from '../../src-shared/format'

const root = resolve(import.meta.dirname, '../..')
const dir = join(root, 'resources/datasets')
const schemaPath = join(dir, 'schema/dataset.schema.json')
// A copy of the project's source article (shared/seed), so the check runs wherever the repository is cloned.
const articlePath = resolve(root, 'tests/fixtures/source-article.txt')
/** The seed article has no headline of its own: it is named in each language. */
const ARTICLE_TITLE = { 'zh-CN': '关于G60科创走廊的英文文章', en: 'G60 S&T Innovation Valley article' }
/** A source whose address sources.md does not record says so in its title; only then may a non-article URL be null. */
const NO_ADDRESS = 'no address recorded'

type File = DatasetFile & { $schema?: string }
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'))
const fileNames = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
const files: Record<string, File> = Object.fromEntries(fileNames.map((f) => [f.replace(/\.json$/, ''), readJson(join(dir, f)) as File]))
const clone = <T>(v: T): T => structuredClone(v)
const ds = (id: string): File => {
  const d = files[id]
  if (!d) throw new Error(`no bundled dataset ${id}`)
  return d
}

interface Want {
  entity: string
  indicator: string
  year?: number | null
  value: number | null
  valueHigh?: number | null
  unit: string
  qualifier?: Qualifier
  tier?: Source['tier']
}

function matching(d: DatasetFile, w: Omit<Want, 'value' | 'unit'> & { value?: number | null; unit?: string }): Figure[] {
  return d.figures.filter(
    (f) =>
      f.entity === w.entity &&
      f.indicator === w.indicator &&
      (w.year === undefined || f.year === w.year) &&
      (w.value === undefined || f.value === w.value) &&
      (w.tier === undefined || f.source.tier === w.tier),
  )
}

/** Exactly one figure with these fields, with value, upper end, unit and qualifier exactly as given. */
function expectFigure(d: DatasetFile, w: Want): Figure {
  const found = matching(d, w)
  expect(found, `${d.id}: ${w.entity}/${w.indicator}/${w.year ?? '–'} = ${w.value}`).toHaveLength(1)
  const f = found[0]!
  expect({ value: f.value, valueHigh: f.valueHigh, unit: f.unit, qualifier: f.qualifier }).toEqual({
    value: w.value,
    valueHigh: w.valueHigh ?? null,
    unit: w.unit,
    qualifier: w.qualifier ?? 'exact',
  })
  return f
}

// ---------------------------------------------------------------- checkers

/** Every figure and event names its source in full. */
function sourceProblems(d: DatasetFile): string[] {
  const out: string[] = []
  const check = (where: string, s: Source | undefined): void => {
    if (!s || typeof s !== 'object') return void out.push(`${where}: no source`)
    if (!(TIERS as readonly string[]).includes(s.tier)) out.push(`${where}: unknown tier ${String(s.tier)}`)
    const named = (x: unknown) => typeof x === 'string' && x.trim() !== ''
    if (!named(s.title) && !(named(s.title_zh) && named(s.title_en))) out.push(`${where}: no source title`)
    if (s.tier === 'article') {
      if (sourceTitle(s, 'zh-CN') !== ARTICLE_TITLE['zh-CN'] || sourceTitle(s, 'en') !== ARTICLE_TITLE.en) out.push(`${where}: the article is titled "${ARTICLE_TITLE.en}"`)
      if (s.url !== null) out.push(`${where}: the article has no URL`)
    } else if (s.url === null) {
      // Only secondary and derived sources may lack an address; the app then cites them "— no address recorded".
      if (s.tier === 'official') out.push(`${where}: an official source needs a URL`)
      else if (!sourceCitation(s, 'en').endsWith(`— ${NO_ADDRESS}`) || !sourceCitation(s, 'zh-CN').endsWith('— 未记录网址')) out.push(`${where}: not cited as having no address`)
    } else if (typeof s.url !== 'string' || !/^https?:\/\/\S+$/.test(s.url)) out.push(`${where}: not an http(s) URL: ${String(s.url)}`)
    if (s.tier === 'derived') {
      if (typeof s.formula !== 'string' || s.formula.trim() === '') out.push(`${where}: a derived figure needs its formula`)
    } else if (typeof s.quote !== 'string' || s.quote.trim() === '') out.push(`${where}: no quote`)
    if (s.year !== null && !Number.isInteger(s.year)) out.push(`${where}: source year is not a year`)
  }
  d.figures.forEach((f, i) => check(`${d.id} figure ${i + 1} (${f.entity}/${f.indicator}/${f.year ?? f.period ?? '–'})`, f.source))
  d.events?.forEach((e, i) => check(`${d.id} event ${i + 1} (${e.date})`, e.source))
  return out
}

/** Units are known codes; ids used by figures are declared; declared ones are used; a figure's unit measures what its indicator's does. */
function declarationProblems(d: DatasetFile): string[] {
  const out: string[] = []
  if (!isUnit(d.unit)) out.push(`${d.id}: unknown default unit ${d.unit}`)
  for (const [id, ind] of Object.entries(d.indicators)) if (!isUnit(ind.unit)) out.push(`${d.id}: indicator ${id} has unknown unit ${ind.unit}`)
  for (const [id, e] of Object.entries(d.entities)) {
    if (e.group !== undefined && !d.groups?.[e.group]) out.push(`${d.id}: entity ${id} is in undeclared group ${e.group}`)
  }
  const usedE = new Set<string>()
  const usedI = new Set<string>()
  d.figures.forEach((f, i) => {
    const where = `${d.id} figure ${i + 1}`
    usedE.add(f.entity)
    usedI.add(f.indicator)
    if (!Object.hasOwn(d.entities, f.entity)) out.push(`${where}: entity ${f.entity} not declared`)
    const ind = d.indicators[f.indicator]
    if (!ind) out.push(`${where}: indicator ${f.indicator} not declared`)
    if (!isUnit(f.unit)) out.push(`${where}: unknown unit ${f.unit}`)
    else if (ind && isUnit(ind.unit) && (UNITS[f.unit]!.base !== UNITS[ind.unit]!.base || (UNITS[f.unit]!.base === null && f.unit !== ind.unit))) {
      out.push(`${where}: unit ${f.unit} does not measure the same thing as ${f.indicator}'s ${ind.unit}`)
    }
    if (!(QUALIFIERS as readonly string[]).includes(f.qualifier)) out.push(`${where}: unknown qualifier ${f.qualifier}`)
    if (f.valueHigh !== null && (f.value === null || f.valueHigh < f.value)) out.push(`${where}: bad range`)
  })
  for (const id of Object.keys(d.entities)) if (!usedE.has(id)) out.push(`${d.id}: entity ${id} has no figures`)
  for (const id of Object.keys(d.indicators)) if (!usedI.has(id)) out.push(`${d.id}: indicator ${id} has no figures`)
  // Two figures for the same thing are allowed only as a marked conflict.
  const byKey = new Map<string, Figure[]>()
  for (const f of d.figures) {
    const k = JSON.stringify([f.entity, f.indicator, f.year, f.period])
    byKey.set(k, [...(byKey.get(k) ?? []), f])
  }
  for (const [k, fs] of byKey) if (fs.length > 1 && fs.some((f) => !f.conflict)) out.push(`${d.id}: ${k} given ${fs.length} times without conflict: true`)
  return out
}

/** Figures sources.md marks UNVERIFIED or not citable. */
function unverifiedPresent(all: Record<string, DatasetFile>): string[] {
  const out: string[] = []
  const cities = new Set(['songjiang', 'suzhou', 'hangzhou', 'hefei', 'jiaxing', 'jinhua', 'wuhu', 'xuancheng', 'huzhou'])
  for (const d of Object.values(all)) {
    for (const f of d.figures) {
      const at = `${d.id}: ${f.entity}/${f.indicator}/${f.year ?? '–'}`
      if (f.entity === 'huzhou' && f.indicator === 'gdp' && f.year === 2019) out.push(`${at}: Huzhou 2019 GDP`)
      if (f.entity === 'xuancheng' && f.indicator === 'gdp' && f.year === 2021) out.push(`${at}: Xuancheng 2021 GDP`)
      if (['wuhu', 'xuancheng', 'huzhou'].includes(f.entity) && f.indicator.includes('population')) out.push(`${at}: population of Wuhu, Xuancheng or Huzhou`)
      if (d.id === 'nine-cities' && cities.has(f.entity) && f.indicator === 'area') out.push(`${at}: per-city area`)
      if (d.id === 'nine-cities' && cities.has(f.entity) && f.indicator.includes('high-tech')) out.push(`${at}: per-city high-tech count`)
      if (f.indicator === 'fiscal-income-share-local' && f.source.tier !== 'article') out.push(`${at}: 8.3% has no source beyond the article`)
      if (d.id === 'nine-cities' && f.indicator === 'population' && f.entity === 'corridor' && f.year !== null) out.push(`${at}: breakdown of the 58 million`)
      if (f.value === 1750.12) out.push(`${at}: Songjiang 2022 GDP 1750.12 has no address (not citable)`)
      if (f.entity === 'songjiang' && f.indicator === 'gdp' && [2011, 2012, 2018, 2019, 2022, 2023].includes(f.year ?? 0)) out.push(`${at}: a year with no source`)
    }
  }
  return out
}

/** A derived figure's formula, evaluated, gives its value (to the value's precision, or within 0.5% when "about"). */
function formulaProblems(d: DatasetFile): string[] {
  const out: string[] = []
  for (const f of d.figures) {
    if (f.source.tier !== 'derived') continue
    const expr = (f.source.formula ?? '').split('=')[0]!.replace(/,/g, '').replace(/÷/g, '/').replace(/×/g, '*').replace(/[−–]/g, '-')
    if (!/^[\d\s.+\-*/()]+$/.test(expr)) {
      out.push(`${d.id}: cannot evaluate formula ${f.source.formula}`)
      continue
    }
    // "1 ÷ 15 = 6.67%": a fraction written as a percentage.
    const got = Number(new Function(`return (${expr})`)()) * (f.unit === 'percent' && f.source.formula?.trim().endsWith('%') ? 100 : 1)
    const decimals = String(f.value).split('.')[1]?.length ?? 0
    const tolerance = f.qualifier === 'exact' ? 0.5 * 10 ** -decimals : Math.max(0.5 * 10 ** -decimals, Math.abs(f.value ?? 0) * 0.005)
    if (f.value === null || Math.abs(got - f.value) > tolerance) out.push(`${d.id}: ${f.source.formula} gives ${got}, figure says ${f.value}`)
  }
  return out
}

// ---------------------------------------------------------------- tests

describe('bundled datasets', () => {
  it('are the four datasets the dashboards read, each named after its id', () => {
    expect(fileNames).toEqual(['article-facts.json', 'nine-cities.json', 'rectification.json', 'songjiang-economy.json'])
    for (const [name, d] of Object.entries(files)) {
      expect(d.id).toBe(name)
      expect(d.$schema).toBe('./schema/dataset.schema.json')
      expect(Object.keys(d)[0]).toBe('$schema')
    }
  })

  describe('every figure of the source article, exactly', () => {
    const article = { tier: 'article' as const, year: null }
    it('the landmark: 23 buildings, 100 m, 1.5 km; the highway: nearly 3,000 km', () => {
      const a = ds('article-facts')
      expectFigure(a, { ...article, entity: 'landmark', indicator: 'buildings', value: 23, unit: 'buildings' })
      expectFigure(a, { ...article, entity: 'landmark', indicator: 'building-height', value: 100, unit: 'm' })
      expectFigure(a, { ...article, entity: 'landmark', indicator: 'canopy-length', value: 1.5, unit: 'km' })
      expectFigure(a, { ...article, entity: 'g60-highway', indicator: 'length-to-kunming', value: 3000, unit: 'km', qualifier: 'nearly' })
    })

    it('the rectification: 2,400,000 m², over 4,000 enterprises, Jiuting 300,000–400,000', () => {
      const r = ds('rectification')
      expectFigure(r, { ...article, entity: 'songjiang', indicator: 'demolished-area', value: 2_400_000, unit: 'm2' })
      expectFigure(r, { ...article, entity: 'songjiang', indicator: 'enterprises-phased-out', value: 4000, unit: 'enterprises', qualifier: 'over' })
      expectFigure(r, { ...article, entity: 'jiuting', indicator: 'population', value: 300_000, valueHigh: 400_000, unit: 'people' })
    })

    it('the corridor: 76,200 km², about 58 million, 6.7%, 8.3%, about 12.5%', () => {
      const n = ds('nine-cities')
      expectFigure(n, { ...article, entity: 'corridor', indicator: 'area', value: 76_200, unit: 'km2' })
      expectFigure(n, { ...article, entity: 'corridor', indicator: 'population', value: 58_000_000, unit: 'people', qualifier: 'about' })
      expectFigure(n, { ...article, entity: 'corridor', indicator: 'gdp-share-national', value: 6.7, unit: 'percent' })
      expectFigure(n, { ...article, entity: 'corridor', indicator: 'fiscal-income-share-local', value: 8.3, unit: 'percent' })
      expectFigure(n, { ...article, entity: 'corridor', indicator: 'hightech-share-national', value: 12.5, unit: 'percent', qualifier: 'about' })
    })

    it('the nine cities with their provinces', () => {
      const n = ds('nine-cities')
      const provinceOf = Object.fromEntries(Object.entries(n.entities).filter(([, e]) => e.group).map(([id, e]) => [id, e.group]))
      expect(provinceOf).toEqual({
        songjiang: 'shanghai',
        jiaxing: 'zhejiang',
        hangzhou: 'zhejiang',
        jinhua: 'zhejiang',
        huzhou: 'zhejiang',
        suzhou: 'jiangsu',
        xuancheng: 'anhui',
        wuhu: 'anhui',
        hefei: 'anhui',
      })
      expect(n.groups).toEqual({
        shanghai: { 'zh-CN': '上海市', en: 'Shanghai' },
        jiangsu: { 'zh-CN': '江苏省', en: 'Jiangsu Province' },
        zhejiang: { 'zh-CN': '浙江省', en: 'Zhejiang Province' },
        anhui: { 'zh-CN': '安徽省', en: 'Anhui Province' },
      })
      expect(n.entities.corridor?.name).toEqual({ 'zh-CN': '九城市', en: 'Nine cities' })
      expect(n.notes?.en).toContain(
        'Songjiang in Shanghai; Jiaxing, Hangzhou, Jinhua and Huzhou in Zhejiang Province; Suzhou in Jiangsu Province; and Xuancheng, Wuhu and Hefei in Anhui Province',
      )
      // Every city sits on the map at the coordinates of sources.md.
      expect(n.entities.songjiang?.coord).toEqual([121.23, 31.03])
      expect(n.entities.hefei?.coord).toEqual([117.27, 31.86])
      for (const id of Object.keys(provinceOf)) expect(n.entities[id]?.coord, id).toHaveLength(2)
    })

    it('quotes the article word for word', () => {
      const text = readFileSync(articlePath, 'utf8')
      const quotes = Object.values(files).flatMap((d) => d.figures.filter((f) => f.source.tier === 'article').map((f) => f.source.quote))
      expect(quotes.length).toBeGreaterThanOrEqual(12)
      for (const q of quotes) expect(text, String(q)).toContain(q)
    })
  })

  describe('sources, conflicts and gaps', () => {
    it('no figure or event lacks its source', () => {
      for (const d of Object.values(files)) expect(sourceProblems(d)).toEqual([])
      const broken = clone(ds('rectification'))
      broken.figures[0]!.source.title = ' '
      delete broken.figures[0]!.source.title_en
      broken.figures[1]!.source.tier = 'official'
      broken.figures[2]!.source.formula = null
      broken.figures[3]!.source.quote = null
      expect(sourceProblems(broken)).toEqual([
        expect.stringContaining('no source title'),
        expect.stringContaining('the article is titled'),
        expect.stringContaining('an official source needs a URL'),
        expect.stringContaining('needs its formula'),
        expect.stringContaining('no quote'),
      ])
    })

    it('only sources without a recorded address have a null URL, and they say so', () => {
      const nullUrl = Object.values(files).flatMap((d) => [...d.figures.map((f) => f.source), ...(d.events ?? []).map((e) => e.source)])
      const titles = new Set(nullUrl.filter((s) => s.url === null && s.tier !== 'article').map((s) => sourceTitle(s, 'en')))
      expect([...titles].sort()).toEqual([
        'A journal paper (not named)',
        "Third-party data files compiled from each city's statistical bulletin",
      ])
    })

    it('every unit is known, every entity and indicator declared and used', () => {
      for (const d of Object.values(files)) expect(declarationProblems(d)).toEqual([])
      const broken = clone(ds('nine-cities'))
      broken.figures[0]!.unit = 'furlongs'
      broken.figures[1]!.entity = 'shanghai'
      broken.figures.push({ ...broken.figures[2]! })
      expect(declarationProblems(broken)).toEqual([
        expect.stringContaining('unknown unit furlongs'),
        expect.stringContaining('entity shanghai not declared'),
        expect.stringContaining('without conflict: true'),
      ])
    })

    it('derived figures follow from their formulas', () => {
      const derived = Object.values(files).flatMap((d) => d.figures.filter((f) => f.source.tier === 'derived'))
      expect(derived.map((f) => f.source.formula)).toEqual(expect.arrayContaining(['1,033 ÷ 2.296', '2,300 ÷ 4.9', '1 ÷ 15 = 6.67%']))
      for (const d of Object.values(files)) expect(formulaProblems(d)).toEqual([])
      const broken = clone(ds('rectification'))
      broken.figures.find((f) => f.source.tier === 'derived')!.value = 500
      expect(formulaProblems(broken)).toHaveLength(1)
    })

    it('ships nothing sources.md marks UNVERIFIED or not citable', () => {
      expect(unverifiedPresent(files)).toEqual([])
      const broken = clone(ds('nine-cities'))
      const hz = broken.figures.find((f) => f.entity === 'huzhou' && f.indicator === 'gdp')!
      broken.figures.push({ ...hz, year: 2019 }, { ...hz, entity: 'xuancheng', year: 2021 }, { ...hz, entity: 'wuhu', indicator: 'population', unit: 'people-10k' })
      expect(unverifiedPresent({ broken })).toHaveLength(3)
    })

    it('keeps both sides of each conflict, marked', () => {
      const sj = ds('songjiang-economy')
      const gdp2020 = matching(sj, { entity: 'songjiang', indicator: 'gdp', year: 2020 })
      expect(gdp2020.map((f) => [f.value, f.source.tier, f.conflict])).toEqual([
        [1637.11, 'official', true],
        [1620, 'secondary', true],
      ])
      const nc = ds('nine-cities')
      expect(matching(nc, { entity: 'songjiang', indicator: 'gdp', year: 2020 }).map((f) => [f.value, f.conflict])).toEqual([
        [1637.11, true],
        [1620, true],
      ])
      const a = ds('article-facts')
      for (const ind of ['buildings', 'building-height', 'buildings-phase-1', 'buildings-phase-2', 'building-height-phase-2']) {
        const [f] = matching(a, { entity: 'landmark', indicator: ind })
        expect(f?.conflict, ind).toBe(true)
        expect(f?.note_en).toMatch(/disagree/)
        expect(f?.note_zh).toMatch(/不一致/)
      }
      expect(matching(a, { entity: 'landmark', indicator: 'buildings-phase-1' })[0]?.value).toBe(10)
      expect(matching(a, { entity: 'landmark', indicator: 'buildings-phase-2' })[0]?.value).toBe(12)
      expect(matching(a, { entity: 'landmark', indicator: 'building-height-phase-2' })[0]?.value).toBe(80)
      const plan = (sj.events ?? []).filter((e) => e.label.en.startsWith('Construction plan'))
      expect(plan.map((e) => e.date)).toEqual(['2020-11', '2021-04'])
      for (const e of plan) expect([e.note_en, e.note_zh]).toEqual([expect.stringMatching(/^Conflict/), expect.stringMatching(/^冲突/)])
    })

    it('leaves gaps as gaps: no interpolated years', () => {
      const sj = ds('songjiang-economy')
      expect(matching(sj, { entity: 'songjiang', indicator: 'gdp' }).map((f) => f.year)).toEqual([2013, 2014, 2015, 2016, 2017, 2020, 2020, 2021])
      const nc = ds('nine-cities')
      expect(matching(nc, { entity: 'huzhou', indicator: 'gdp' }).map((f) => f.year)).toEqual([2015, 2018, 2020, 2021, 2022])
      expect(matching(nc, { entity: 'suzhou', indicator: 'gdp' }).map((f) => f.year)).toEqual([2020, 2021, 2022])
      expect(matching(nc, { entity: 'xuancheng', indicator: 'gdp' }).map((f) => f.year)).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2022])
    })
  })

  describe('the figures the dashboards name', () => {
    it('rectification: district years 2015–2017 with their tiers, Jiuting 2013', () => {
      const r = ds('rectification')
      expect(expectFigure(r, { entity: 'songjiang', indicator: 'obsolete-firms-phased-out', year: 2015, value: 450, unit: 'enterprises', qualifier: 'about' }).source).toMatchObject({ tier: 'derived', formula: '1,033 ÷ 2.296' })
      expectFigure(r, { entity: 'songjiang', indicator: 'obsolete-firms-phased-out', year: 2016, value: 1033, unit: 'enterprises', tier: 'official' })
      expectFigure(r, { entity: 'songjiang', indicator: 'inferior-enterprises-adjusted', year: 2017, value: 368, unit: 'enterprises' })
      expectFigure(r, { entity: 'songjiang', indicator: 'construction-land-reduced', year: 2016, value: 495.6, unit: 'ha' })
      // 2016's source says "construction land reduced"; 2017's yearbook says low-efficiency land, approved: two indicators.
      expectFigure(r, { entity: 'songjiang', indicator: 'construction-land-reduced-approved', year: 2017, value: 380.24, unit: 'ha' })
      expect(r.figures.filter((f) => f.indicator === 'construction-land-reduced').map((f) => f.year)).toEqual([2016])
      expect(r.indicators['construction-land-reduced']!.name.en).toBe('Construction land reduced')
      expectFigure(r, { entity: 'songjiang', indicator: 'construction-land-reduced-inspected', year: 2017, value: 299.44, unit: 'ha' })
      expectFigure(r, { entity: 'songjiang', indicator: 'green-area-added', year: 2016, value: 295.5, unit: 'ha' })
      expectFigure(r, { entity: 'songjiang', indicator: 'energy-saved', year: 2016, value: 39200, unit: 't-sce' })
      expectFigure(r, { entity: 'songjiang', indicator: 'energy-saved', year: 2017, value: 41800, unit: 't-sce' })
      expectFigure(r, { entity: 'jiuting', indicator: 'population', year: 2023, value: 300000, unit: 'people', qualifier: 'over', tier: 'official' })
      expectFigure(r, { entity: 'jiuting', indicator: 'area', year: 2013, value: 32.06, unit: 'km2' })
      expectFigure(r, { entity: 'jiuting', indicator: 'registered-residents', year: 2013, value: 30334, unit: 'people' })
      expectFigure(r, { entity: 'jiuting', indicator: 'migrant-residents', year: 2013, value: 257325, unit: 'people' })
      expectFigure(r, { entity: 'jiuting', indicator: 'overseas-residents', year: 2013, value: 5411, unit: 'people' })
      expectFigure(r, { entity: 'jiuting', indicator: 'tax-revenue', year: 2013, value: 21.9, unit: 'yuan-100m' })
      expectFigure(r, { entity: 'jiuting', indicator: 'tax-revenue-growth', year: 2013, value: -1.9, unit: 'percent' })
      expectFigure(r, { entity: 'jiuting', indicator: 'industrial-output', year: 2013, value: 263.1, unit: 'yuan-100m' })
      expectFigure(r, { entity: 'jiuting', indicator: 'fixed-asset-investment', year: 2013, value: 24.2, unit: 'yuan-100m' })
      expectFigure(r, { entity: 'jiuting', indicator: 'demolition-planned', value: 2_000_000, unit: 'm2', qualifier: 'over', tier: 'official' })
      expectFigure(r, { entity: 'jiufu', indicator: 'enterprises-to-upgrade', year: 2017, value: 63, unit: 'enterprises' })
      expectFigure(r, { entity: 'zhongshan', indicator: 'enterprises-to-upgrade', year: 2017, value: 56, unit: 'enterprises' })
      expect(r.notes?.en).toContain('Jiuting, Sijing, Dongjing and Xinqiao')
    })

    it('industry: the Songjiang series and period averages', () => {
      const s = ds('songjiang-economy')
      for (const [year, value] of [[2013, 917.49], [2014, 969.46], [2015, 995.36], [2017, 1120.97]] as const) {
        expectFigure(s, { entity: 'songjiang', indicator: 'gdp', year, value, unit: 'yuan-100m', tier: 'official' })
      }
      expectFigure(s, { entity: 'songjiang', indicator: 'gdp', year: 2016, value: 1040.45, unit: 'yuan-100m', tier: 'secondary' })
      expectFigure(s, { entity: 'songjiang', indicator: 'gdp', year: 2021, value: 1750, unit: 'yuan-100m', qualifier: 'estimate', tier: 'secondary' })
      expectFigure(s, { entity: 'songjiang', indicator: 'fiscal-revenue', year: 2020, value: 220.62, unit: 'yuan-100m' })
      expectFigure(s, { entity: 'songjiang', indicator: 'real-estate-tax-share', year: 2016, value: 46, unit: 'percent' })
      expectFigure(s, { entity: 'songjiang', indicator: 'real-estate-tax-share', year: 2017, value: 32, unit: 'percent' })
      expect(expectFigure(s, { entity: 'songjiang', indicator: 'high-tech-enterprises', year: 2015, value: 470, unit: 'enterprises', qualifier: 'about' }).source.formula).toBe('2,300 ÷ 4.9')
      expectFigure(s, { entity: 'songjiang', indicator: 'high-tech-enterprises', year: 2021, value: 2300, unit: 'enterprises', qualifier: 'over', tier: 'official' })
      expectFigure(s, { entity: 'songjiang', indicator: 'rd-intensity', year: 2015, value: 3.58, unit: 'percent', tier: 'secondary' })
      expectFigure(s, { entity: 'songjiang', indicator: 'rd-intensity', year: 2020, value: 4.59, unit: 'percent' })
      expectFigure(s, { entity: 'songjiang', indicator: 'rd-intensity', year: 2023, value: 6.79, unit: 'percent', qualifier: 'over' })
      expectFigure(s, { entity: 'songjiang', indicator: 'strategic-emerging-share', year: 2020, value: 63.1, unit: 'percent' })
      expectFigure(s, { entity: 'songjiang', indicator: 'secondary-industry-share', year: 2013, value: 59.3, unit: 'percent' })
      // Printed as 55.0: the decimal JSON loses is kept in `decimals`.
      expect(expectFigure(s, { entity: 'songjiang', indicator: 'secondary-industry-share', year: 2015, value: 55, unit: 'percent' }).decimals).toBe(1)
      expectFigure(s, { entity: 'songjiang', indicator: 'industrial-firms-above-size', year: 2020, value: 1488, unit: 'enterprises' })
      expectFigure(s, { entity: 'songjiang', indicator: 'industrial-output', year: 2020, value: 4072, unit: 'yuan-100m' })
      // sources.md: a recruitment site's district page is not a government page.
      expect(expectFigure(s, { entity: 'songjiang', indicator: 'area', year: null, value: 604.64, unit: 'km2' }).source.tier).toBe('secondary')
      expectFigure(s, { entity: 'songjiang', indicator: 'population', year: 2020, value: 1909713, unit: 'people' })
      const periods = s.figures.filter((f) => f.period !== null && f.indicator.endsWith('avg-growth')).map((f) => [f.indicator, f.period, f.year, f.value])
      expect(periods).toEqual([
        ['gdp-avg-growth', '2016–2019', null, 12.2],
        ['local-fiscal-revenue-avg-growth', '2016–2019', null, 14.4],
        ['industrial-fai-avg-growth', '2016–2019', null, 38.9],
        ['industrial-fai-avg-growth', '2016–2020', null, 35.2],
      ])
      expect((s.events ?? []).map((e) => [e.date, e.source.tier])).toEqual([
        ['2016-05-24', 'secondary'],
        ['2017', 'official'],
        ['2018', 'official'],
        ['2020-11', 'official'],
        ['2021-04', 'secondary'],
        ['2021-03', 'official'],
      ])
    })

    it('nine cities: GDP as table D, five cities’ population and revenue, corridor aggregates', () => {
      const n = ds('nine-cities')
      expectFigure(n, { entity: 'hefei', indicator: 'gdp', year: 2015, value: 5660.3, unit: 'yuan-100m', tier: 'secondary' })
      expectFigure(n, { entity: 'huzhou', indicator: 'gdp', year: 2021, value: 3645, unit: 'yuan-100m', tier: 'official' })
      expectFigure(n, { entity: 'wuhu', indicator: 'gdp', year: 2022, value: 4502.13, unit: 'yuan-100m', tier: 'official' })
      expectFigure(n, { entity: 'songjiang', indicator: 'gdp', year: 2021, value: 1750, unit: 'yuan-100m', qualifier: 'estimate' })
      expect(n.figures.filter((f) => f.indicator === 'gdp').length).toBe(46)
      for (const ind of ['population', 'budget-revenue']) {
        const cities = [...new Set(n.figures.filter((f) => f.indicator === ind && f.entity !== 'corridor').map((f) => f.entity))].sort()
        expect(cities, ind).toEqual(ind === 'population' ? ['hangzhou', 'hefei', 'jiaxing', 'jinhua', 'suzhou'] : ['hangzhou', 'hefei', 'huzhou', 'jiaxing', 'jinhua', 'suzhou'])
      }
      expectFigure(n, { entity: 'suzhou', indicator: 'population', year: 2022, value: 1291.1, unit: 'people-10k' })
      expect(expectFigure(n, { entity: 'corridor', indicator: 'gdp-share-national', year: 2021, value: 6.67, unit: 'percent', qualifier: 'about' }).source).toMatchObject({
        tier: 'derived',
        formula: '1 ÷ 15 = 6.67%',
        url: 'https://en.hangzhou.com.cn/News/content/2021-03/23/content_7933044.html',
      })
      expectFigure(n, { entity: 'corridor', indicator: 'corridor-gdp', year: null, value: 5.46, unit: 'yuan-tn', tier: 'official' })
      expectFigure(n, { entity: 'corridor', indicator: 'corridor-gdp', year: 2024, value: 9, unit: 'yuan-tn', tier: 'secondary' })
      expectFigure(n, { entity: 'corridor', indicator: 'high-tech-enterprises', year: 2021, value: 29000, unit: 'enterprises', qualifier: 'nearly' })
      expectFigure(n, { entity: 'corridor', indicator: 'alliances-output', year: 2020, value: 3.2, unit: 'yuan-tn', qualifier: 'over' })
    })
  })

  describe('format', () => {
    const schema = readJson(schemaPath) as { $defs: Record<string, { enum?: string[] }> }
    const ajv = new Ajv2020({ allErrors: true, strict: true })
    const validate = ajv.compile(schema)

    it('each file validates against the JSON Schema', () => {
      for (const [name, d] of Object.entries(files)) {
        const ok = validate(d)
        expect(validate.errors ?? [], name).toEqual([])
        expect(ok).toBe(true)
      }
    })

    it('the schema refuses what the model refuses', () => {
      const base = ds('rectification')
      const bad = (mutate: (d: File) => void): boolean => {
        const d = clone(base)
        mutate(d)
        return validate(d)
      }
      expect(bad(() => {})).toBe(true)
      expect(bad((d) => void (d.figures[0]!.unit = 'furlongs'))).toBe(false)
      expect(bad((d) => void (d.figures[0]!.source.tier = 'blog' as never))).toBe(false)
      expect(bad((d) => void (d.figures[3]!.source.url = null))).toBe(false)
      expect(bad((d) => void (d.figures[2]!.source.formula = null))).toBe(false)
      expect(bad((d) => void (d.figures[3]!.source.quote = ''))).toBe(false)
      expect(bad((d) => void ((d.figures[0] as unknown as Record<string, unknown>).colour = 'red'))).toBe(false)
      expect(bad((d) => void (d.title = { en: 'no Chinese' } as never))).toBe(false)
      expect(bad((d) => void (d.figures[0]!.year = 2016.5))).toBe(false)
      expect(bad((d) => void (d.events = [{ date: '16 May 2016', label: d.title, source: d.figures[3]!.source, note_zh: null, note_en: null }]))).toBe(false)
    })

    it('the schema lists exactly the units, tiers and qualifiers of the code', () => {
      expect(schema.$defs.unit?.enum).toEqual(Object.keys(UNITS))
      expect(schema.$defs.tier?.enum).toEqual([...TIERS])
      expect(schema.$defs.qualifier?.enum).toEqual([...QUALIFIERS])
    })

    it('docs/datasets.md has the units table of units.ts', () => {
      const doc = readFileSync(join(root, 'docs/datasets.md'), 'utf8')
      for (const u of Object.values(UNITS)) {
        expect(doc).toContain(`| \`${u.code}\` | ${u.label['zh-CN']} | ${u.label.en} | ${u.factor.toLocaleString('en')} |`)
      }
    })

    it('survives the columnar IPC form unchanged', () => {
      for (const d of Object.values(files)) {
        const file: File = { ...d }
        delete file.$schema
        expect(fromColumnar(toColumnar(file))).toEqual(d.figures)
      }
    })
  })
})

describe('bundled datasets keep what sources.md prints', () => {
  it('values printed with a trailing zero carry their decimals (55.0, 8.0, 16106.0 …)', () => {
    const printed: [string, string, string, number, number][] = [
      ['songjiang-economy', 'songjiang', 'secondary-industry-share', 2015, 55],
      ['songjiang-economy', 'songjiang', 'primary-industry-share', 2013, 1],
      ['songjiang-economy', 'songjiang', 'local-fiscal-revenue-growth', 2014, 8],
      ['songjiang-economy', 'songjiang', 'gdp-growth', 2017, 7],
      ['nine-cities', 'hangzhou', 'gdp', 2020, 16106],
      ['nine-cities', 'jiaxing', 'population', 2020, 540],
      ['nine-cities', 'suzhou', 'budget-revenue', 2020, 2303],
    ]
    for (const [id, entity, indicator, year, value] of printed) {
      const f = ds(id).figures.find((x) => x.entity === entity && x.indicator === indicator && x.year === year && x.value === value)
      expect(f?.decimals, `${id} ${entity} ${indicator} ${year}`).toBe(1)
    }
  })

  it('shares derived from a secondary page (long6.com) keep the secondary tier of their input', () => {
    const long6 = ds('nine-cities').figures.filter((f) => f.source.url?.includes('long6.com'))
    expect(long6.length).toBe(2)
    for (const f of long6) expect(f.source).toMatchObject({ tier: 'derived', inputTier: 'secondary' })
  })
})
