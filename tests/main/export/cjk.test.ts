import { Resvg } from '@resvg/resvg-js'
import { describe, expect, it } from 'vitest'
import { rasterize, resvgFontOptions } from '../../../src-main/export/raster'
import { renderChart } from '../../../src-main/export/render'
import { FIXTURE_CHART, NO_DATA } from './fixtures'
import { pngPixels } from './helpers'

const WORD = '松江科创走廊'
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="100"><rect width="400" height="100" fill="#fff"/><text x="20" y="70" font-size="48" font-family="sans-serif" fill="#000">${WORD}</text></svg>`

function darkPixels(rgba: Uint8Array, width: number, box: { x0: number; y0: number; x1: number; y1: number }): number {
  let n = 0
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = box.x0; x < box.x1; x++) {
      const i = (y * width + x) * 4
      if (rgba[i + 3]! > 128 && rgba[i]! + rgba[i + 1]! + rgba[i + 2]! < 300) n++
    }
  }
  return n
}

describe('CJK text in exports', () => {
  it('draws Chinese glyphs with the bundled font, where no font draws nothing', () => {
    const withFont = rasterize(svg, 400)
    const area = { x0: 20, y0: 20, x1: 320, y1: 80 }
    const drawn = darkPixels(withFont.pixels, 400, area)
    // Six 48 px ideographs cover thousands of pixels; a row of tofu boxes would be thin outlines.
    expect(drawn).toBeGreaterThan(2500)

    const noFont = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: [] }, fitTo: { mode: 'width', value: 400 } }).render()
    expect(darkPixels(noFont.pixels, 400, area)).toBe(0)
    expect(Buffer.compare(Buffer.from(withFont.pixels), Buffer.from(noFont.pixels))).not.toBe(0)
  })

  it('draws each character differently (real glyphs, not one repeated box)', () => {
    const one = (ch: string): Uint8Array => {
      const s = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><text x="8" y="52" font-size="48" font-family="sans-serif">${ch}</text></svg>`
      return new Resvg(s, { font: resvgFontOptions(), fitTo: { mode: 'width', value: 64 } }).render().pixels
    }
    const a = one('松')
    const b = one('江')
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).not.toBe(0)
  })

  it('draws the Chinese caption of an exported chart', async () => {
    const r = await renderChart(FIXTURE_CHART, NO_DATA, { format: 'png', scale: 1, width: 800, height: 450, theme: 'light', lang: 'zh-CN', background: 'solid', caption: true })
    const px = pngPixels(r.bytes)
    // The caption strip is the bottom part; its title (每年腾退土地) starts at the left.
    expect(darkPixels(px.rgba, px.width, { x0: 10, y0: 380, x1: 200, y1: 450 })).toBeGreaterThan(300)
  })
})
