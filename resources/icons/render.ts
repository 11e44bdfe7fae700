/**
 * Draws the app icon PNGs from icon.svg (run `npm run icons`). electron-builder
 * takes the Linux set from this folder (file names carry the size) and turns
 * the 1024 px one into .icns and .ico for macOS and Windows.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Resvg } from '@resvg/resvg-js'

const dir = import.meta.dirname
const svg = readFileSync(join(dir, 'icon.svg'), 'utf8')

for (const size of [1024, 512, 256, 128, 64, 32, 16]) {
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render().asPng()
  writeFileSync(join(dir, `${size}x${size}.png`), png)
  console.log(`${size}x${size}.png  ${png.length} bytes`)
}
