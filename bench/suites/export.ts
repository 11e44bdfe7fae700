/**
 * Issue 5 §7: the briefing pack of every chart at 2× to PNG (1920×1080 →
 * 3840×2160), per chart, against rasterising a hand-built SVG of the same
 * size and about as much text (axis labels, legend, a three-line caption)
 * with the same rasteriser and font in the same run. Peak memory is the
 * largest RSS sampled while the pack runs.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bundledData } from '../../src-main/export/data-index'
import { exportBriefingPack } from '../../src-main/export/pack'
import { rasterize } from '../../src-main/export/raster'
import type { BenchResult } from '../run'

const W = 1920
const H = 1080
const SCALE = 2

/** A bar chart drawn by hand: grid, 12 bars, 40 text elements, caption, as ECharts would lay it out at 1280×720. */
function handBuiltSvg(): string {
  const parts: string[] = [`<rect width="1280" height="720" fill="#ffffff"/>`]
  const font = `font-family="'Noto Sans SC', sans-serif"`
  for (let i = 0; i <= 6; i++) {
    const y = 60 + i * 90
    parts.push(`<path d="M80 ${y}L1240 ${y}" stroke="#e3e7ec"/>`, `<text x="72" y="${y + 4}" text-anchor="end" font-size="12" ${font} fill="#4a5360">${(6 - i) * 50}</text>`)
  }
  for (let i = 0; i < 12; i++) {
    const h = 60 + ((i * 37) % 400)
    parts.push(`<path d="M${100 + i * 95} ${600 - h}h60v${h}h-60Z" fill="#0072B2"/>`, `<text x="${130 + i * 95}" y="620" text-anchor="middle" font-size="12" ${font} fill="#4a5360">${2011 + i}</text>`)
    parts.push(`<text x="${130 + i * 95}" y="${592 - h}" text-anchor="middle" font-size="12" ${font} fill="#1b1f24">${h}.5</text>`)
  }
  for (let i = 0; i < 6; i++) parts.push(`<text x="${100 + i * 160}" y="30" font-size="12" ${font} fill="#1b1f24">Series 系列 ${i + 1}</text>`)
  parts.push(
    `<text x="16" y="660" font-size="15" font-weight="700" ${font} fill="#1b1f24">松江区地区生产总值 Songjiang GDP (billion yuan)</text>`,
    `<text x="16" y="682" font-size="12.5" ${font} fill="#4a5360">Sources — Official: Songjiang Yearbook 2018, page 197 · Secondary: sjrcw.com news 22683</text>`,
    `<text x="16" y="700" font-size="12.5" ${font} fill="#4a5360">Data as of 2021 · Unit: billion yuan · includes secondary figures</text>`,
  )
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 1280 720">${parts.join('')}</svg>`
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

export default async function exportBench(): Promise<BenchResult[]> {
  const data = await bundledData(join(import.meta.dirname, '../../resources/datasets'))
  const dir = await mkdtemp(join(tmpdir(), 'g60-bench-export-'))
  try {
    // Warm-up: module loading, ECharts registration, the font's first read.
    rasterize(handBuiltSvg(), W * SCALE).png()

    let peak = process.memoryUsage().rss
    const sample = (): void => {
      peak = Math.max(peak, process.memoryUsage().rss)
    }
    const timer = setInterval(sample, 10)
    const t0 = performance.now()
    const { files } = await exportBriefingPack(dir, data, { formats: ['png'], scale: SCALE, width: W, height: H, theme: 'light', lang: 'zh-CN', onProgress: sample })
    const packMs = performance.now() - t0
    clearInterval(timer)
    sample()
    const perChart = packMs / files.length

    const svg = handBuiltSvg()
    const base: number[] = []
    for (let i = 0; i < Math.max(5, files.length); i++) {
      const t = performance.now()
      rasterize(svg, W * SCALE).png()
      base.push(performance.now() - t)
    }
    const baseMs = median(base)
    return [
      {
        name: 'export: briefing pack to PNG at 2×, per chart',
        ratio: perChart / baseMs,
        target: 4,
        detail: `${files.length} charts at ${W * SCALE}×${H * SCALE} in ${(packMs / 1000).toFixed(1)} s, ${perChart.toFixed(0)} ms per chart (ECharts SSR, caption, rasterise, PNG, atomic write) vs ${baseMs.toFixed(0)} ms to rasterise a hand-built ${W}×${H} SVG with 40 text elements; peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB`,
      },
    ]
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
