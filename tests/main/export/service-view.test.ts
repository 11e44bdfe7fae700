/**
 * Exports draw what the screen shows: the map's figure and the city GDP chart's
 * scale chosen on the nine-cities dashboard (settings `mapIndicator`, `cityScale`)
 * reach the single-chart export, the dashboard page, the briefing pack (its
 * SVGs and its PDF's tables) and the PowerPoint deck; a bad choice is refused.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadFolder } from '../../../src-main/datasets/load-folder'
import { dataIndex } from '../../../src-main/export/data-index'
import { exportBriefingPack } from '../../../src-main/export/pack'
import type { RenderJob } from '../../../src-main/export/render-jobs'
import { createExportService, type ExportDeps } from '../../../src-main/export/service'
import { mapChart } from '../../../src-shared/charts/city-map'
import type { DataIndex } from '../../../src-shared/charts/types'
import { sourceTitle, toColumnar } from '../../../src-shared/dataset'
import type { ChartExportRequest } from '../../../src-shared/export-contract'
import { DEFAULT_SETTINGS, type Settings } from '../../../src-shared/settings'
import { pdfText } from './helpers'
import { readDeck } from './pptx-reader'

let dir: string
let data: DataIndex
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'g60-view-'))
  const bundled = await loadFolder(resolve(import.meta.dirname, '../../../resources/datasets'))
  expect(bundled.problems).toEqual([])
  data = dataIndex(bundled.datasets.map(toColumnar))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

const CHOSEN: Settings = { ...DEFAULT_SETTINGS, cityScale: 'log', mapIndicator: 'population' }

function deps(settings: Settings, savePath: string, more: Partial<ExportDeps> = {}): ExportDeps {
  return {
    data: () => data,
    lang: () => 'en',
    settings: () => settings,
    appVersion: 'test',
    chooseSavePath: async () => savePath,
    chooseFolder: async () => join(dir, 'pack-folder'),
    onProgress: () => undefined,
    ...more,
  }
}

const svgRequest = (chartId: string): ChartExportRequest => ({ chartId, format: 'svg', scale: 1, preset: 'shown', shown: { width: 800, height: 450 }, theme: 'light', background: 'solid', caption: true, destination: 'file' })

/** The visible text of an exported SVG (ECharts' texts and the caption's), entities decoded. */
const textOf = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&amp;/g, '&')).join('\n')

describe('a single chart export draws the screen\'s view choices', () => {
  it('the map shades by the chosen figure: its legend, its values and its sources, not GDP\'s', async () => {
    const mapPath = join(dir, 'map.svg')
    await createExportService(deps(CHOSEN, mapPath)).chart(svgRequest('cities-map'))
    const text = textOf(await readFile(mapPath, 'utf8'))
    expect(text).toContain('Resident population')
    expect(text).toContain('million people, 2022')
    expect(text).not.toMatch(/^GDP$/m)
    // The caption's source line is the population figures' (as the screen's is).
    const shown = mapChart(data, { lang: 'en', theme: 'light', breakYear: 2016, decals: false, mapIndicator: 'population' })
    if (shown.kind !== 'chart') throw new Error('no map')
    const firstSource = sourceTitle(shown.sources[0]!, 'en')
    expect(text.replace(/\n/g, ' ')).toContain(firstSource.slice(0, 20))

    const defaultPath = join(dir, 'map-default.svg')
    await createExportService(deps({ ...DEFAULT_SETTINGS }, defaultPath)).chart(svgRequest('cities-map'))
    const plain = textOf(await readFile(defaultPath, 'utf8'))
    expect(plain).toMatch(/^GDP$/m)
    expect(plain).not.toContain('Resident population')
  })

  it('the city GDP chart keeps the chosen scale (log, indexed)', async () => {
    const logPath = join(dir, 'gdp-log.svg')
    await createExportService(deps(CHOSEN, logPath)).chart(svgRequest('cities-gdp'))
    expect(textOf(await readFile(logPath, 'utf8'))).toContain('billion yuan (log scale)')
    const indexPath = join(dir, 'gdp-index.svg')
    await createExportService(deps({ ...CHOSEN, cityScale: 'indexed' }, indexPath)).chart(svgRequest('cities-gdp'))
    const indexed = textOf(await readFile(indexPath, 'utf8'))
    expect(indexed).toContain('index, 2020 = 100 †')
    expect(indexed).not.toContain('(log scale)')
  })
})

describe('every kind of export gets the view choices from main\'s settings, checked', () => {
  it('passes them to the chart, dashboard, pack and deck jobs', async () => {
    const jobs: RenderJob[] = []
    const renderer = {
      run: async (job: RenderJob) => {
        jobs.push(job)
        if (job.kind === 'chart') return { bytes: new Uint8Array(1), mime: 'image/svg+xml', width: 1, height: 1, fileExt: 'svg' }
        if (job.kind === 'dashboard') return new Uint8Array(1)
        if (job.kind === 'pack') return { files: [], skipped: [] }
        return { path: job.path, slides: 0, bytes: 0, skipped: [] }
      },
      close: () => undefined,
    }
    const exporter = createExportService(deps(CHOSEN, join(dir, 'x'), { renderer: renderer as never }))
    await exporter.chart(svgRequest('cities-map'))
    await exporter.dashboard({ dashboard: 'cities', page: 'slide', format: 'png', theme: 'dark' })
    await exporter.pack({ formats: ['svg'], scale: 1, theme: 'light' })
    await exporter.deck({ aspect: '16:9', theme: 'light' })
    expect(jobs.map((j) => j.kind)).toEqual(['chart', 'dashboard', 'pack', 'deck'])
    for (const j of jobs) expect(j.opts, j.kind).toMatchObject({ cityScale: 'log', mapIndicator: 'population' })
  })

  it('refuses a view choice that did not pass the settings\' checks', async () => {
    for (const bad of [{ cityScale: 'sideways' }, { mapIndicator: '../../etc' }, { mapIndicator: 'x'.repeat(101) }]) {
      const exporter = createExportService(deps({ ...DEFAULT_SETTINGS, ...bad } as Settings, join(dir, 'never.svg')))
      await expect(exporter.chart(svgRequest('cities-map'))).rejects.toMatchObject({ code: 'bad-request' })
      await expect(exporter.pack({ formats: ['svg'], scale: 1, theme: 'light' })).rejects.toMatchObject({ code: 'bad-request' })
    }
  })
})

describe('the briefing pack and the deck draw the view choices', () => {
  it('the pack\'s map SVG and the PDF\'s table under the map are the chosen figure\'s', async () => {
    const out = join(dir, 'pack')
    const pack = await exportBriefingPack(out, data, { formats: ['svg', 'pdf'], scale: 1, width: 640, height: 360, theme: 'light', lang: 'en', compressPdf: false, cityScale: 'log', mapIndicator: 'population' })
    const map = textOf(await readFile(pack.files.find((f) => f.endsWith('cities-map-en.svg'))!, 'utf8'))
    expect(map).toContain('Resident population')
    const gdp = textOf(await readFile(pack.files.find((f) => f.endsWith('cities-gdp-en.svg'))!, 'utf8'))
    expect(gdp).toContain('(log scale)')
    const pdf = pdfText(await readFile(pack.files.find((f) => f.endsWith('.pdf'))!))
    // The map's page names the chosen figure in its table; the city GDP page's caption names the log scale.
    expect(pdf).toMatch(/Hefei · Resident population · 2022 · [\d,.]+ /)
    expect(pdf).toContain('(log scale)')
  })

  it('the deck\'s map slide describes the chosen figure', async () => {
    const path = join(dir, 'deck.pptx')
    await createExportService(deps(CHOSEN, path, { slides: () => [{ kind: 'chart', chartId: 'cities-map' }] })).deck({ aspect: '16:9', theme: 'light' })
    const deck = await readDeck(await readFile(path))
    const slide = deck.slides[0]!
    expect(slide.shape('Takeaway')?.text).toContain('Resident population')
    expect(slide.pictures[0]!.alt).toContain('Resident population')
  })
})
