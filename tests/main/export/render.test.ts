import { describe, expect, it } from 'vitest'
import { renderChart, renderChartSvg, SIZE_PRESETS, type ChartExportOptions } from '../../../src-main/export/render'
import { EMPTY_CHART, FIXTURE_CHART, NO_DATA, OFFICIAL, SECONDARY } from './fixtures'
import { pngPixels, pngSize, xmlWellFormed } from './helpers'

const base: ChartExportOptions = { format: 'png', scale: 1, width: 800, height: 450, theme: 'light', lang: 'en', background: 'solid', caption: true }

describe('renderChart: PNG size for each preset', () => {
  it.each([
    ['slide at 1×', { ...SIZE_PRESETS.slide, scale: 1 }, 1920, 1080],
    ['slide at 2×', { ...SIZE_PRESETS.slide, scale: 2 }, 3840, 2160],
    ['4K at 1×', { ...SIZE_PRESETS['4k'], scale: 1 }, 3840, 2160],
    ['as shown (800×450) at 1×', { width: 800, height: 450, scale: 1 }, 800, 450],
    ['as shown (800×450) at 3×', { width: 800, height: 450, scale: 3 }, 2400, 1350],
  ])('%s', async (_name, size, w, h) => {
    const r = await renderChart(FIXTURE_CHART, NO_DATA, { ...base, ...size })
    expect(r.mime).toBe('image/png')
    expect(r.fileExt).toBe('png')
    expect(pngSize(r.bytes)).toEqual({ width: w, height: h })
    expect([r.width, r.height]).toEqual([w, h])
  })
})

describe('renderChartSvg', () => {
  it('is well-formed XML of the asked size, with the caption: title, sources with tiers, as-of date, unit', () => {
    const r = renderChartSvg(FIXTURE_CHART, NO_DATA, { ...base, format: 'svg' })
    if ('error' in r) throw new Error(r.error)
    expect(xmlWellFormed(r.svg)).toBe(true)
    expect(r.svg).toMatch(/^<svg[^>]* width="800" height="450"/)
    expect(r.svg).toContain('Land vacated per year')
    expect(r.svg).toContain(OFFICIAL.title)
    expect(r.svg).toContain('Official:')
    expect(r.svg).toContain(`Secondary: ${SECONDARY.title}`)
    expect(r.svg).toContain('Data as of 2017')
    expect(r.svg).toContain('Unit: ha')
    expect(r.svg).toContain('includes secondary figures')
  })

  it('captions in Chinese for zh-CN', () => {
    const r = renderChartSvg(FIXTURE_CHART, NO_DATA, { ...base, format: 'svg', lang: 'zh-CN' })
    if ('error' in r) throw new Error(r.error)
    expect(xmlWellFormed(r.svg)).toBe(true)
    expect(r.svg).toContain('每年腾退土地')
    expect(r.svg).toContain('数据截至 2017')
    expect(r.svg).toContain('单位：公顷')
  })

  it('leaves the caption out when asked', () => {
    const r = renderChartSvg(FIXTURE_CHART, NO_DATA, { ...base, format: 'svg', caption: false })
    if ('error' in r) throw new Error(r.error)
    expect(r.svg).not.toContain(OFFICIAL.title)
    expect(r.svg).not.toContain('g60-caption')
  })

  it('wraps a long source line inside the width instead of clipping it', () => {
    const long = { ...FIXTURE_CHART, build: (d: never, c: never) => ({ ...(FIXTURE_CHART.build(d, c) as object), sourceLine: 'Official: ' + 'Songjiang Yearbook, page 197; '.repeat(12) }) } as unknown as typeof FIXTURE_CHART
    const r = renderChartSvg(long, NO_DATA, { ...base, format: 'svg' })
    if ('error' in r) throw new Error(r.error)
    const caption = r.svg.slice(r.svg.indexOf('g60-caption'))
    expect((caption.match(/<text /g) ?? []).length).toBeGreaterThanOrEqual(4)
  })

  it('returns the reason instead of a blank picture when the chart has no data', () => {
    expect(renderChartSvg(EMPTY_CHART, NO_DATA, base)).toEqual({ error: 'Nothing here: dataset "cities" is not loaded' })
  })

  it.each([
    [{ scale: 0.5 }, /scale/],
    [{ scale: 5 }, /scale/],
    [{ width: 10 }, /width/],
    [{ height: 1.5 }, /height/],
    [{ theme: 'neon' }, /theme/],
    [{ lang: 'fr' }, /language/],
    [{ format: 'gif' }, /format/],
  ])('refuses bad options %j', (bad, message) => {
    const r = renderChartSvg(FIXTURE_CHART, NO_DATA, { ...base, ...bad } as ChartExportOptions)
    expect(r).toEqual({ error: expect.stringMatching(message) })
  })
})

describe('renderChart: backgrounds and formats', () => {
  it('leaves the corners transparent when asked', async () => {
    const r = await renderChart(FIXTURE_CHART, NO_DATA, { ...base, background: 'transparent' })
    const px = pngPixels(r.bytes)
    expect(px.at(0, 0)[3]).toBe(0)
    expect(px.at(px.width - 1, 0)[3]).toBe(0)
    expect(px.at(px.width - 1, px.height - 1)[3]).toBe(0)
  })

  it('fills the theme background when solid (dark theme: dark and opaque)', async () => {
    const r = await renderChart(FIXTURE_CHART, NO_DATA, { ...base, theme: 'dark' })
    const [red, green, blue, alpha] = pngPixels(r.bytes).at(0, 0)
    expect(alpha).toBe(255)
    expect(red + green + blue).toBeLessThan(150)
  })

  it('writes SVG and JPEG', async () => {
    const svg = await renderChart(FIXTURE_CHART, NO_DATA, { ...base, format: 'svg' })
    expect(svg).toMatchObject({ mime: 'image/svg+xml', fileExt: 'svg', width: 800, height: 450 })
    expect(xmlWellFormed(new TextDecoder().decode(svg.bytes))).toBe(true)
    const jpg = await renderChart(FIXTURE_CHART, NO_DATA, { ...base, format: 'jpeg', scale: 2, background: 'transparent' })
    expect(jpg).toMatchObject({ mime: 'image/jpeg', fileExt: 'jpg', width: 1600, height: 900 })
    expect([...jpg.bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff])
  })

  it('rejects with the reason for an empty chart', async () => {
    await expect(renderChart(EMPTY_CHART, NO_DATA, base)).rejects.toThrow('dataset "cities" is not loaded')
  })
})
