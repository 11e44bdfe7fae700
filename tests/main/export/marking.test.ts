/**
 * The user's marking on every export format: a band across the top of each
 * PNG and SVG, of a dashboard page, of every page of the pack's PDF (drawn as
 * text in the bundled font) and of every PowerPoint slide; nothing without one.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderDashboard } from '../../../src-main/export/dashboard'
import { bundledData } from '../../../src-main/export/data-index'
import { markingHeight } from '../../../src-main/export/marking'
import { exportBriefingPack } from '../../../src-main/export/pack'
import { PALETTES } from '../../../src-main/export/palette'
import { buildDeck } from '../../../src-main/export/pptx'
import { renderChart, renderChartSvg, type ChartExportOptions } from '../../../src-main/export/render'
import { FIXTURE_CHART, NO_DATA } from './fixtures'
import { pdfPageCount, pdfText, pngPixels, xmlWellFormed } from './helpers'
import { readDeck } from './pptx-reader'

const base: ChartExportOptions = { format: 'png', scale: 1, width: 800, height: 450, theme: 'light', lang: 'zh-CN', background: 'solid', caption: true }
const rgb = (hex: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number]

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'g60-marking-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('the marking on a chart picture', () => {
  it.each(['light', 'dark', 'projector'] as const)('PNG (%s): a band of the theme text colour across the top, none without a marking', async (theme) => {
    const p = PALETTES[theme]
    const marked = pngPixels((await renderChart(FIXTURE_CHART, NO_DATA, { ...base, theme, marking: '内部资料' })).bytes)
    const plain = pngPixels((await renderChart(FIXTURE_CHART, NO_DATA, { ...base, theme })).bytes)
    expect(marked.width).toBe(800)
    // Left edge of the band, clear of its centred text, and a row just inside its bottom edge.
    for (const [x, y] of [[4, 2], [40, markingHeight(p) - 2], [790, 10]] as const) expect(marked.at(x, y).slice(0, 3), `(${x}, ${y})`).toEqual(rgb(p.text))
    // Without a marking the chart starts at the top: its corners show the background.
    for (const [x, y] of [[4, 2], [790, 2]] as const) expect(plain.at(x, y).slice(0, 3), `(${x}, ${y})`).toEqual(rgb(p.background))
    // The text is drawn in the band's middle: some pixels there are not the band colour.
    const row = Math.round(markingHeight(p) / 2)
    const inked = Array.from({ length: 200 }, (_, i) => marked.at(300 + i, row)).filter((px) => px[0] !== rgb(p.text)[0]).length
    expect(inked).toBeGreaterThan(5)
  })

  it('SVG: the band and its text, escaped, in a well-formed document; none without a marking', () => {
    const marked = renderChartSvg(FIXTURE_CHART, NO_DATA, { ...base, format: 'svg', lang: 'en', marking: 'Internal <draft> & "confidential"' })
    const plain = renderChartSvg(FIXTURE_CHART, NO_DATA, { ...base, format: 'svg', lang: 'en', marking: null })
    if ('error' in marked || 'error' in plain) throw new Error('no chart')
    expect(xmlWellFormed(marked.svg)).toBe(true)
    expect(marked.svg).toContain('class="g60-marking"')
    expect(marked.svg).toContain('Internal &lt;draft&gt; &amp; &quot;confidential&quot;')
    expect(plain.svg).not.toContain('g60-marking')
    // The chart and caption move down under the band rather than under it.
    expect(marked.svg).toMatch(/<g transform="translate\(0 \d+\)">/)
  })
})

describe('the marking on pages', () => {
  it('dashboard page (PNG and the PDF built from it): a band across the top', async () => {
    const p = PALETTES.dark
    const data = await bundledData(join(import.meta.dirname, '../../../resources/datasets'))
    const png = pngPixels(await renderDashboard('industry', data, { page: 'slide', format: 'png', theme: 'dark', lang: 'en', marking: 'For internal briefing only' }))
    expect(png.at(6, 4).slice(0, 3)).toEqual(rgb(p.text))
    const plain = pngPixels(await renderDashboard('industry', data, { page: 'slide', format: 'png', theme: 'dark', lang: 'en' }))
    expect(plain.at(6, 4).slice(0, 3)).toEqual(rgb(p.background))
  })

  it('pack PDF: the marking as text on every page, index and chart pages alike; pack PNG and SVG files carry it too', async () => {
    const data = await bundledData(join(import.meta.dirname, '../../../resources/datasets'))
    const out = join(dir, 'pack')
    const pack = await exportBriefingPack(out, data, { formats: ['svg', 'pdf'], scale: 1, width: 640, height: 360, theme: 'light', lang: 'zh-CN', compressPdf: false, marking: '内部资料' })
    const pdf = await readFile(pack.files.find((f) => f.endsWith('.pdf'))!)
    const pages = pdfPageCount(pdf)
    expect(pages).toBeGreaterThan(3)
    const perPage = pdfText(pdf).split('\n').filter((l) => l.trim())
    expect(perPage).toHaveLength(pages)
    for (const [i, text] of perPage.entries()) expect(text, `page ${i + 1}`).toContain('内部资料')
    for (const svg of pack.files.filter((f) => f.endsWith('.svg'))) expect(await readFile(svg, 'utf8')).toContain('内部资料')
  })

  it('PowerPoint: the band on every slide, in the marking language given', async () => {
    const data = await bundledData(join(import.meta.dirname, '../../../resources/datasets'))
    const slides = [{ kind: 'title' as const }, { kind: 'section' as const, dashboard: 'industry' as const }, { kind: 'chart' as const, chartId: 'industry-gdp' }]
    const deck = await readDeck((await buildDeck(data, { aspect: '16:9', theme: 'projector', lang: 'en', appVersion: '1', slides, marking: 'For internal briefing only' })).bytes)
    expect(deck.slides.map((s) => s.shape('Marking')?.text)).toEqual(Array(3).fill('For internal briefing only'))
  })
})
