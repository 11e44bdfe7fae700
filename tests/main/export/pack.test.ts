import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DASHBOARDS } from '../../../src-shared/charts/index'
import { bundledData } from '../../../src-main/export/data-index'
import { exportBriefingPack, type PackResult } from '../../../src-main/export/pack'
import { packSources, PDF_PIXEL_RATIO, pdfChartSize } from '../../../src-main/export/pack-pdf'
import { PDF_MARGIN, PDF_PAGES } from '../../../src-main/export/pdf'
import { pdfPageCount, pdfText, pngSize, xmlWellFormed } from './helpers'

const allCharts = Object.values(DASHBOARDS).flatMap((d) => d.charts)
let dir: string
let data: Awaited<ReturnType<typeof bundledData>>
let pack: PackResult
const progress: { done: number; total: number; file: string }[] = []

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'g60-pack-'))
  data = await bundledData(join(import.meta.dirname, '../../../resources/datasets'))
  pack = await exportBriefingPack(join(dir, 'pack'), data, {
    formats: ['png', 'svg', 'pdf'],
    scale: 1,
    width: 640,
    height: 360,
    theme: 'light',
    lang: 'zh-CN',
    compressPdf: false,
    onProgress: (p) => progress.push(p),
  })
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('exportBriefingPack', () => {
  it('writes every chart as PNG and SVG with numbered, ASCII-safe names, plus the PDF', async () => {
    const names = (await readdir(join(dir, 'pack'))).sort()
    const drawn = allCharts.length - pack.skipped.length
    expect(drawn).toBeGreaterThan(0)
    expect(names).toHaveLength(drawn * 2 + 1)
    expect(names[0]).toBe('00-briefing-zh-cn.pdf')
    for (const n of names) expect(n).toMatch(/^\d\d-[a-z0-9-]+\.(png|svg|pdf)$/)
    expect(names).toContain('01-rectification-rect-firms-zh-cn.png')
    expect(names).toContain('01-rectification-rect-firms-zh-cn.svg')
    expect(pack.files.map((f) => f.slice(join(dir, 'pack').length + 1)).sort()).toEqual(names)
  })

  it('makes PNGs of the asked size and well-formed SVGs carrying their caption', async () => {
    const first = pack.files.find((f) => f.endsWith('.png'))!
    expect(pngSize(await readFile(first))).toEqual({ width: 640, height: 360 })
    const svg = await readFile(pack.files.find((f) => f.endsWith('.svg'))!, 'utf8')
    expect(xmlWellFormed(svg)).toBe(true)
    expect(svg).toContain('数据截至')
    expect(svg).toMatch(/来源|官方/)
  })

  it('lays each PDF picture out at its printed size, so a 12 px label prints at 9 pt, not shrunk from the PNG size', async () => {
    const pdf = (await readFile(pack.files.find((f) => f.endsWith('.pdf'))!)).toString('latin1')
    const size = pdfChartSize(PDF_PAGES.a4, PDF_MARGIN, { width: 640, height: 360 })
    // Half an A4 landscape page's inner height at 16:9 is 458 pt across: 611 CSS px at 96 px per inch.
    expect(size).toEqual({ width: 611, height: 344 })
    const widths = [...pdf.matchAll(/\/Subtype \/Image[^>]*?\/Width (\d+)|\/Width (\d+)[^>]*?\/Subtype \/Image/g)].map((m) => Number(m[1] ?? m[2]))
    expect(widths.length).toBeGreaterThanOrEqual(allCharts.length - pack.skipped.length)
    for (const w of widths) expect(w).toBe(size.width * PDF_PIXEL_RATIO)
    // Whatever size the PNGs are asked at, the printed picture is the same.
    expect(pdfChartSize(PDF_PAGES.a4, PDF_MARGIN, { width: 3840, height: 2160 })).toEqual(size)
    // A 4:3 chart is as tall as the box and narrower.
    expect(pdfChartSize(PDF_PAGES.a4, PDF_MARGIN, { width: 1024, height: 768 })).toEqual({ width: 458, height: 344 })
  })

  it('reports progress once per file, ending at the total', () => {
    expect(progress).toHaveLength(pack.files.length)
    expect(progress.map((p) => p.done)).toEqual(pack.files.map((_, i) => i + 1))
    expect(progress.every((p) => p.total === pack.files.length)).toBe(true)
    expect(progress.map((p) => p.file)).toEqual(pack.files)
  })

  it('puts each chart on its own page after the index, with caption, sources and its table as text in the bundled font', async () => {
    const pdf = await readFile(pack.files.find((f) => f.endsWith('.pdf'))!)
    const drawn = allCharts.length - pack.skipped.length
    const text = pdfText(pdf)
    // The index comes first (a page, or more if the sources run long); the first chart's page names its number.
    const firstChartPage = Number(/01 · [^\n]*?第 (\d+) 页/.exec(text)?.[1])
    expect(firstChartPage).toBeGreaterThanOrEqual(2)
    // One page per chart, plus the pages its table runs onto.
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(firstChartPage - 1 + drawn)
    // A table under each chart, with the columns in the pack's language.
    expect(text.split('数值（按来源所印）').length - 1).toBe(drawn)
    // Only the seed article is called the article; a source with no address says so.
    expect(text).toMatch(/【原文】 关于G60科创走廊的英文文章/)
    // Source titles in the zh index: a Chinese page's title in Chinese, a description in Chinese, an English page's title as it is.
    expect(text).toContain('松江年鉴2018 第197页（songjiang.gov.cn）')
    expect(text).toContain('根据各市统计公报整理的第三方数据文件')
    expect(text).toContain('Shanghai Daily (shine.cn)')
    expect(text).not.toMatch(/Songjiang Yearbook|Third-party data files|G60 S&T Innovation Valley article/)
    expect(text).toContain('未记录网址')
    expect(text).not.toMatch(/source article/)
    expect(text).toContain('G60 简报：图表与来源')
    expect(text).toContain('数据截至 2017 · 单位：家')
    // A percentage in a table row reads "46%", not "46 %"; the old English source-line words are gone.
    expect(text).toMatch(/\d%/)
    expect(text).not.toMatch(/\d %/)
    expect(text).not.toMatch(/Derived from|推算: /)
    const sources = packSources([{ n: 1, dashboard: 'industry', dashboardTitle: '', chartId: '', title: '', result: null, reason: null, files: [] }], 'zh-CN')
    expect(sources).toEqual([])
    // A source title of the first chart appears in the index and under the chart.
    const ctx = { lang: 'zh-CN' as const, theme: 'light' as const, breakYear: 2016, decals: false }
    const first = DASHBOARDS.rectification.charts[0]!
    const built = first.build(data, ctx)
    if (built.kind !== 'chart') throw new Error('the first chart should have data')
    expect(text).toContain(first.title(ctx))
    for (const s of built.sources) expect(text).toContain(s.title)
    expect(text).toMatch(/【官方】 /)
  })

  it('stops between charts when cancelled, leaving only whole charts and no PDF or temporary file', async () => {
    const out = join(dir, 'cancelled')
    const ctrl = new AbortController()
    const seen: string[] = []
    await expect(
      exportBriefingPack(out, data, {
        formats: ['svg', 'png', 'pdf'],
        scale: 1,
        width: 640,
        height: 360,
        theme: 'dark',
        lang: 'en',
        signal: ctrl.signal,
        onProgress: (p) => {
          seen.push(p.file)
          if (p.done === 1) ctrl.abort()
        },
      }),
    ).rejects.toMatchObject({ name: 'AbortError' })
    const names = (await readdir(out)).sort()
    // The first chart's two files were written together; nothing after them.
    expect(names).toEqual(['01-rectification-rect-firms-en.png', '01-rectification-rect-firms-en.svg'])
    expect(seen).toHaveLength(2)
  })

  it('refuses to start when already cancelled, and refuses bad options', async () => {
    const ctrl = new AbortController()
    ctrl.abort()
    const opts = { formats: ['svg' as const], scale: 1, width: 640, height: 360, theme: 'light' as const, lang: 'en' as const }
    await expect(exportBriefingPack(join(dir, 'never'), data, { ...opts, signal: ctrl.signal })).rejects.toMatchObject({ name: 'AbortError' })
    await expect(exportBriefingPack(join(dir, 'never'), data, { ...opts, scale: 9 })).rejects.toThrow(/scale/)
    await expect(exportBriefingPack(join(dir, 'never'), data, { ...opts, formats: [] })).rejects.toThrow(/formats/)
    await expect(readdir(join(dir, 'never'))).rejects.toMatchObject({ code: 'ENOENT' })
  })
})
