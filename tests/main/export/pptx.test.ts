/**
 * The PowerPoint deck, opened as a zip the way PowerPoint reads it: slide
 * count, each slide's title and source text, a PNG per chart slide at twice
 * the picture's size on the slide, its alt text, the speaker notes with every
 * source and its address, the marking on every slide, cancel and the
 * atomic write. Both languages, both slide shapes.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DASHBOARDS, OVERVIEW_KPIS } from '../../../src-shared/charts/index'
import type { Lang } from '../../../src-shared/settings'
import { bundledData } from '../../../src-main/export/data-index'
import { defaultDeck } from '../../../src-main/export/deck'
import { t } from '../../../src-shared/i18n'
import { buildDeck, exportDeck, type DeckResult } from '../../../src-main/export/pptx'
import { CHART_PIXEL_RATIO, PX_PER_INCH, SLIDE_SIZES, type DeckAspect } from '../../../src-main/export/pptx-layout'
import { buildChart, chartContext } from '../../../src-main/export/render'
import { chartSummary } from '../../../src-main/export/summary'
import type { ChartData } from '../../../src-main/export/compose'
import { WORDS } from '../../../src-main/export/labels'
import { noAddress, sourceTierText } from '../../../src-shared/format'
import { sourceTitle } from '../../../src-shared/dataset'
import { pngSize } from './helpers'
import { EMU_PER_INCH, readDeck } from './pptx-reader'

type Data = Awaited<ReturnType<typeof bundledData>>
let data: Data
let dir: string
const NOW = new Date(2026, 10, 30, 19, 5)
const MARKING: Record<Lang, string> = { 'zh-CN': '内部资料', en: 'For internal briefing only' }
const CASES: { lang: Lang; aspect: DeckAspect }[] = [
  { lang: 'zh-CN', aspect: '16:9' },
  { lang: 'en', aspect: '4:3' },
]
const decks = new Map<Lang, { result: DeckResult; read: Awaited<ReturnType<typeof readDeck>>; progress: [number, number][] }>()

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'g60-pptx-'))
  data = await bundledData(join(import.meta.dirname, '../../../resources/datasets'))
  for (const { lang, aspect } of CASES) {
    const progress: [number, number][] = []
    const result = await buildDeck(data, { aspect, theme: 'light', lang, appVersion: '9.8.7', marking: MARKING[lang], now: NOW, onSlide: (d, t) => progress.push([d, t]) })
    decks.set(lang, { result, read: await readDeck(result.bytes), progress })
  }
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const SPECS = new Map(Object.values(DASHBOARDS).flatMap((d) => d.charts.map((c) => [c.id, c] as const)))

type Expected = { kind: 'kpis' | 'section'; title: string } | { kind: 'chart'; title: string; result: ChartData }

/** The slides of the default deck after the title slide, in order, charts built as the deck builds them. */
function expectedCharts(lang: Lang): Expected[] {
  const ctx = chartContext({ lang, theme: 'light' })
  return defaultDeck()
    .slice(1)
    .flatMap((s): Expected[] => {
      if (s.kind === 'kpis') return [{ kind: 'kpis' as const, title: t(lang, 'present.kpisTitle') }]
      if (s.kind === 'section') return [{ kind: 'section' as const, title: DASHBOARDS[s.dashboard].title(ctx) }]
      if (s.kind !== 'chart') return []
      const b = buildChart(SPECS.get(s.chartId)!, data, ctx)
      return 'error' in b ? [] : [{ kind: 'chart' as const, title: b.title, result: b.result }]
    })
}

describe.each(CASES)('the deck in $lang ($aspect)', ({ lang, aspect }) => {
  it('has a title slide, the headline figures, then per dashboard a section slide and a slide per drawn chart', () => {
    const { read, result } = decks.get(lang)!
    const expected = expectedCharts(lang)
    expect(expected.filter((e) => e.kind === 'chart').length).toBeGreaterThanOrEqual(10)
    expect(read.slides).toHaveLength(1 + expected.length)
    expect(result.slides).toBe(read.slides.length)
    expect(result.skipped).toEqual([])
    expected.forEach((e, i) => expect(read.slides[i + 1]!.shape('Title')?.text, `slide ${i + 2}`).toBe(e.title))
  })

  it('is laid out on the chosen slide shape', () => {
    const { read } = decks.get(lang)!
    const sz = (read.presentation['p:presentation'] as Record<string, Record<string, string>>)['p:sldSz']!
    expect(Number(sz['@cx']) / EMU_PER_INCH).toBeCloseTo(SLIDE_SIZES[aspect].width, 2)
    expect(Number(sz['@cy']) / EMU_PER_INCH).toBeCloseTo(SLIDE_SIZES[aspect].height, 2)
  })

  it('gives the title slide the as-of date, the export time and the app version', () => {
    const { read } = decks.get(lang)!
    const first = read.slides[0]!
    const latest = expectedCharts(lang).flatMap((e) => (e.kind === 'chart' && e.result.asOf ? [e.result.asOf] : [])).sort().pop()!
    const dates = first.shape('Dates')!.text
    expect(dates).toContain(WORDS[lang].asOf(latest))
    expect(dates).toContain('2026-11-30 19:05')
    expect(dates).toContain('9.8.7')
    expect(first.shape('Title')!.text).toBe(lang === 'en' ? 'G60 Briefing' : 'G60 简报')
  })

  it('puts the source line, with its tier marks, and the as-of date on every chart slide as text', () => {
    const { read } = decks.get(lang)!
    const charts = expectedCharts(lang)
    charts.forEach((e, i) => {
      if (e.kind !== 'chart') return
      const slide = read.slides[i + 1]!
      expect(slide.shape('Sources')!.text).toBe(e.result.sourceLine)
      expect(slide.shape('Sources')!.text).toMatch(lang === 'en' ? /Official|Secondary|Derived|Source article/ : /官方|二手|推算|原文/)
      if (e.result.asOf) expect(slide.shape('As of')!.text).toContain(WORDS[lang].asOf(e.result.asOf))
      // Editable text in the bundled font's family.
      for (const name of ['Title', 'Takeaway', 'Sources', 'As of']) expect(slide.shape(name)!.fonts).toEqual(['Noto Sans SC'])
    })
  })

  it('has one PNG per chart slide, drawn at twice the picture size on the slide, with alt text', () => {
    const { read } = decks.get(lang)!
    const charts = expectedCharts(lang)
    let pictures = 0
    read.slides.forEach((slide, i) => {
      const e = i === 0 ? null : charts[i - 1]!
      if (e?.kind !== 'chart') {
        expect(slide.pictures).toEqual([])
        return
      }
      expect(slide.pictures).toHaveLength(1)
      const pic = slide.pictures[0]!
      pictures++
      expect(pic.media).toMatch(/\.png$/)
      const px = (emu: number): number => Math.round((emu / EMU_PER_INCH) * PX_PER_INCH * CHART_PIXEL_RATIO)
      expect(pngSize(pic.bytes)).toEqual({ width: px(pic.cx), height: px(pic.cy) })
      // Wide enough to be sharp on a 1920-px projector: the picture spans most of the slide.
      expect(pngSize(pic.bytes).width).toBeGreaterThan(SLIDE_SIZES[aspect].width * 0.8 * PX_PER_INCH * 2)
      expect(pic.alt).toBe(`${e.title}. ${chartSummary(e.result, lang)}`)
    })
    expect(pictures).toBe(charts.filter((e) => e.kind === 'chart').length)
    expect(read.files.filter((f) => /\.svg$/i.test(f))).toEqual([])
  })

  it('lists every source of a chart slide in its speaker notes, in full, with its tier and address', () => {
    const { read } = decks.get(lang)!
    const charts = expectedCharts(lang)
    charts.forEach((e, i) => {
      if (e.kind !== 'chart') return
      const notes = read.slides[i + 1]!.notes
      expect(e.result.sources.length).toBeGreaterThan(0)
      for (const s of e.result.sources) {
        // A derived source is listed once per formula computed from it.
        const line = notes.split('\n').find((l) => l.includes(sourceTitle(s, lang)) && l.startsWith(lang === 'en' ? `[${sourceTierText(s, lang)}]` : `【${sourceTierText(s, lang)}】`) && (!s.formula || l.includes(s.formula)))
        expect(line, `${e.title}: ${sourceTitle(s, lang)}`).toBeDefined()
        // Only the seed article goes without an address; nothing else is called the article.
        if (s.url) expect(line).toContain(s.url)
        else if (s.tier !== 'article') expect(line).toContain(noAddress(lang))
        if (s.formula) expect(line).toContain(s.formula)
      }
    })
    expect(read.slides.flatMap((s) => s.notes.match(/https:\/\/\S+/g) ?? []).length).toBeGreaterThan(10)
  })

  it('shows the headline figures as text, each with its source, the sources listed in the notes', () => {
    const { read } = decks.get(lang)!
    const kpis = read.slides[1]!
    expect(kpis.shape('Title')!.text).toBe(t(lang, 'present.kpisTitle'))
    const values = kpis.shapes.filter((s) => / value$/.test(s.name))
    expect(values.length).toBeGreaterThanOrEqual(4)
    for (const v of values) expect(v.text).toMatch(/\d/)
    for (const s of kpis.shapes.filter((x) => / source$/.test(x.name))) expect(s.text.length).toBeGreaterThan(5)
    // Each card's context line names its year (or says none is given), as on the dashboard cards.
    const sources = kpis.shapes.filter((x) => / source$/.test(x.name)).map((s) => s.text)
    const cards = OVERVIEW_KPIS.map((k) => k.build(data, chartContext({ lang, theme: 'light' }))!)
    expect(sources).toHaveLength(cards.length)
    cards.forEach((k, i) => {
      expect(sources[i]).toContain(k.comparison!)
      if (k.figure?.year) expect(sources[i], k.id).toContain(String(k.figure.year))
    })
    expect(sources.join('\n')).toContain(lang === 'en' ? 'no year given' : '未注明年份')
    // A viewer without Noto Sans SC draws a wider font: every card text box may shrink its text rather than overflow.
    for (const s of kpis.shapes.filter((x) => /^KPI \d+ (label|value|source)$/.test(x.name))) expect(s.shrink, s.name).toBe(true)
    expect(kpis.notes).toContain(`${t(lang, 'exportText.slideSources')}:`)
    expect(kpis.notes).toMatch(/https:\/\/|\[/)
  })

  it('marks every slide with the marking, in a band across the top', () => {
    const { read } = decks.get(lang)!
    for (const slide of read.slides) {
      const band = slide.shape('Marking')
      expect(band?.text).toBe(MARKING[lang])
      expect(band?.fill).toMatch(/^[0-9A-F]{6}$/)
    }
  })

  it('reports progress once per slide', () => {
    const { progress, read } = decks.get(lang)!
    const n = read.slides.length
    expect(progress).toEqual(Array.from({ length: n }, (_, i) => [i + 1, n]))
  })
})

describe('exportDeck', () => {
  it('writes no marking band when there is no marking', async () => {
    const few = [{ kind: 'title' as const }, { kind: 'chart' as const, chartId: 'industry-gdp', takeaway: 'Growth slowed after 2016', note: 'Say where the 2016 break comes from.' }]
    const deck = await buildDeck(data, { aspect: '16:9', theme: 'dark', lang: 'en', appVersion: '1.0.0', slides: few })
    const read = await readDeck(deck.bytes)
    expect(read.slides).toHaveLength(2)
    for (const s of read.slides) expect(s.shape('Marking')).toBeUndefined()
    // A deck's own takeaway and note come first.
    expect(read.slides[1]!.shape('Takeaway')!.text).toBe('Growth slowed after 2016')
    expect(read.slides[1]!.notes.split('\n')[0]).toBe('Say where the 2016 break comes from.')
  })

  it('writes the file atomically and replaces an old one whole', async () => {
    const path = join(dir, 'g60-briefing-en.pptx')
    await writeFile(path, 'old')
    const slides = [{ kind: 'title' as const }, { kind: 'section' as const, dashboard: 'cities' as const }]
    const r = await exportDeck(path, data, { aspect: '4:3', theme: 'projector', lang: 'en', appVersion: '1.0.0', slides })
    const bytes = await readFile(path)
    expect(r).toMatchObject({ path, slides: 2, bytes: bytes.length })
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK')
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })

  it('stops when cancelled and leaves no file behind', async () => {
    const path = join(dir, 'cancelled.pptx')
    const controller = new AbortController()
    const run = exportDeck(path, data, { aspect: '16:9', theme: 'light', lang: 'zh-CN', appVersion: '1.0.0', signal: controller.signal, onSlide: (done) => done === 2 && controller.abort() })
    await expect(run).rejects.toMatchObject({ name: 'AbortError' })
    expect(await readdir(dir)).not.toContain('cancelled.pptx')
  })

  it('refuses a deck naming a chart that does not exist', async () => {
    await expect(buildDeck(data, { aspect: '16:9', theme: 'light', lang: 'en', appVersion: '1', slides: [{ kind: 'chart', chartId: 'no-such-chart' }] })).rejects.toThrow(/unknown chart "no-such-chart"/)
  })
})

describe('headline values on a 4:3 slide', () => {
  it('shrink to one line instead of wrapping over the source line below', async () => {
    const { kpiSlideLayout, oneLineSize, deckType } = await import('../../../src-main/export/pptx-layout')
    const { textWidth } = await import('../../../src-main/export/text')
    const box = kpiSlideLayout('4:3', 'light', null, 6).boxes[0]!
    const width = box.w - 0.3
    const max = deckType('light').title
    for (const value of ['over 4,000 enterprises', 'about 58 million people', '2.4 million m²', '6.7%']) {
      const size = oneLineSize(value, max, width, true)
      expect(size).toBeLessThanOrEqual(max)
      // What is drawn fits the box's inner width (insets of 0.1 in a side) on one line,
      // even in a substitute font 13% wider than the estimate (DejaVu Sans Bold, LibreOffice's choice without Noto Sans SC).
      expect((1.13 * textWidth(value, size, true)) / 72).toBeLessThanOrEqual(width - 0.2 + 1e-9)
    }
    expect(oneLineSize('6.7%', max, width, true)).toBe(max)
    expect(oneLineSize('over 4,000 enterprises', max, width, true)).toBeLessThan(max)
  })

  it('a long label takes at most two lines, in smaller type if need be, and the label, value and source line never overlap', async () => {
    const { kpiSlideLayout, kpiCardLayout, deckType } = await import('../../../src-main/export/pptx-layout')
    const { wrapText } = await import('../../../src-main/export/text')
    for (const theme of ['light', 'projector'] as const) {
      const type = deckType(theme)
      const card = kpiSlideLayout('4:3', theme, 'For internal briefing only', 6).boxes[2]!
      // The label LibreOffice drew over its value on a 4:3 slide before (three lines in a two-line box).
      const longLabel = 'GDP growth a year, 2015→2020, 5 years (computed)'
      const long = kpiCardLayout(card, longLabel, '10.5%', type)
      const short = kpiCardLayout(card, 'Corridor population', 'about 58 million people', type)
      expect(short.label.fontSize).toBe(type.takeaway - 2)
      expect(long.label.fontSize).toBeLessThanOrEqual(type.takeaway - 2)
      for (const [label, c] of [[longLabel, long], ['Corridor population', short]] as const) {
        expect(wrapText(label, (c.label.w - 0.2) * 72, c.label.fontSize).length).toBeLessThanOrEqual(2)
        // Still two lines in a substitute font 5% wider (DejaVu Sans against the estimate).
        expect(wrapText(label, ((c.label.w - 0.2) * 72) / 1.05, c.label.fontSize).length).toBeLessThanOrEqual(2)
        expect(c.label.y + c.label.h).toBeLessThanOrEqual(c.value.y + 1e-9)
        expect(c.value.y + c.value.h).toBeLessThanOrEqual(c.source.y + 1e-9)
        expect(c.source.y + c.source.h).toBeLessThanOrEqual(card.y + card.h + 1e-9)
        // Two lines of the label's type fit its box (leading 1.25, insets 0.05 in top and bottom).
        expect((2 * c.label.fontSize * 1.25) / 72 + 0.1).toBeLessThanOrEqual(c.label.h + 1e-9)
      }
    }
  })
})

