/**
 * Rasterises SVG with resvg and the bundled Noto Sans SC, never with system
 * fonts, so the pixels are the same on every machine and CJK is always drawn.
 */
import { Resvg } from '@resvg/resvg-js'
import jpeg from 'jpeg-js'
import { FONT_FAMILY, fontPaths } from './fonts'

/** A rendered bitmap: size in px, RGBA pixels row by row, and its PNG encoding on demand. */
export interface Raster {
  width: number
  height: number
  /** RGBA, row by row. */
  pixels: Uint8Array
  png(): Uint8Array
}

/** Font options for resvg: only the bundled files, every generic family mapped to them. */
export function resvgFontOptions(): { loadSystemFonts: false; fontFiles: string[]; defaultFontFamily: string; sansSerifFamily: string; serifFamily: string; monospaceFamily: string } {
  const f = fontPaths()
  return { loadSystemFonts: false, fontFiles: [f.regular, f.bold], defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY, serifFamily: FONT_FAMILY, monospaceFamily: FONT_FAMILY }
}

/** Draws `svg` `pixelWidth` px wide (its height follows its aspect ratio). */
export function rasterize(svg: string, pixelWidth: number): Raster {
  const img = new Resvg(svg, { font: resvgFontOptions(), fitTo: { mode: 'width', value: Math.round(pixelWidth) }, logLevel: 'off' }).render()
  return { width: img.width, height: img.height, pixels: img.pixels, png: () => img.asPng() }
}

/** Encodes RGBA pixels as a baseline JPEG, flattened onto `background` (JPEG has no alpha). */
export function encodeJpeg(r: Raster, background: string, quality = 92): Uint8Array {
  const [br, bg, bb] = hexRgb(background)
  const data = Buffer.from(r.pixels)
  for (let i = 0; i < data.length; i += 4) {
    const a = data[i + 3]! / 255
    if (a === 1) continue
    data[i] = Math.round(data[i]! * a + br * (1 - a))
    data[i + 1] = Math.round(data[i + 1]! * a + bg * (1 - a))
    data[i + 2] = Math.round(data[i + 2]! * a + bb * (1 - a))
    data[i + 3] = 255
  }
  return jpeg.encode({ data, width: r.width, height: r.height }, quality).data
}

function hexRgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
  return m ? [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)] : [255, 255, 255]
}
