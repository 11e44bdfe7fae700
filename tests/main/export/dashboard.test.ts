import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { DASHBOARDS } from '../../../src-shared/charts/index'
import { chartRows, dashboardSvg, renderDashboard } from '../../../src-main/export/dashboard'
import { bundledData } from '../../../src-main/export/data-index'
import { pdfPageCount, pngSize, xmlWellFormed } from './helpers'

let data: Awaited<ReturnType<typeof bundledData>>
beforeAll(async () => {
  data = await bundledData(join(import.meta.dirname, '../../../resources/datasets'))
})

describe('chartRows', () => {
  it('fills every cell, at most three a row, with the fuller rows last', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(chartRows)).toEqual([[1], [2], [3], [2, 2], [2, 3], [3, 3], [2, 2, 3], [2, 3, 3]])
    for (let n = 1; n <= 12; n++) expect(chartRows(n).reduce((a, b) => a + b, 0)).toBe(n)
  })

  it('gives the first row of a five-chart dashboard cells wide enough for the charts as planned', () => {
    const ctx = { lang: 'zh-CN' as const, theme: 'light' as const, breakYear: 2016, decals: false }
    const svg = dashboardSvg('industry', data, { page: 'a4', ...ctx })
    // Each chart is placed in a <g transform="translate(x y)">; two in the first row, three in the second.
    const places = [...svg.matchAll(/<g transform="translate\(([\d.]+) ([\d.]+)\)">/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }))
    const rows = [...new Set(places.map((p) => p.y))]
    expect(rows.map((y) => places.filter((p) => p.y === y).length)).toEqual([2, 3])
    // 1360 px of layout less margins and a gap, halved: 645 px, wider than the 570 px the builders plan for.
    const firstRow = places.filter((p) => p.y === rows[0]).map((p) => p.x)
    expect(firstRow[1]! - firstRow[0]!).toBeGreaterThanOrEqual(570)
  })
})

describe('renderDashboard', () => {
  it('lays a dashboard out on a 16:9 slide, 1920×1080 at 1×', async () => {
    expect(pngSize(await renderDashboard('rectification', data, { page: 'slide', format: 'png', theme: 'light', lang: 'zh-CN' }))).toEqual({ width: 1920, height: 1080 })
  })

  it('and on A4 landscape, 1754×1240', async () => {
    expect(pngSize(await renderDashboard('cities', data, { page: 'a4', format: 'png', theme: 'dark', lang: 'en' }))).toEqual({ width: 1754, height: 1240 })
  })

  it('as a one-page PDF', async () => {
    const pdf = await renderDashboard('industry', data, { page: 'a4', format: 'pdf', theme: 'projector', lang: 'en', scale: 1 })
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
    expect(pdfPageCount(pdf)).toBe(1)
  })

  it('holds the title, takeaway, KPIs and every chart with its caption, whatever the window', () => {
    const ctx = { lang: 'en' as const, theme: 'light' as const, breakYear: 2016, decals: false }
    const svg = dashboardSvg('industry', data, { page: 'slide', ...ctx })
    expect(xmlWellFormed(svg)).toBe(true)
    expect(svg).toContain(DASHBOARDS.industry.title(ctx))
    // Long titles wrap, so look for their start.
    for (const c of DASHBOARDS.industry.charts) expect(svg).toContain(c.title(ctx).slice(0, 12).replace(/&/g, '&amp;'))
    expect((svg.match(/class="g60-caption"/g) ?? []).length).toBeGreaterThan(0)
    // The page is a fixed size: no input depends on a window.
    expect(svg).toMatch(/^<svg[^>]* width="1920" height="1080"/)
  })
})
