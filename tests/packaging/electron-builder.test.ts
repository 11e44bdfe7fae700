import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
// electron-builder's own loader and schema check; `npm run dist` runs the same two steps first.
const require = createRequire(join(root, 'node_modules/electron-builder/package.json'))
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config')
const { DebugLogger } = require('builder-util/out/DebugLogger')

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(join(root, file))
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG')
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)]
}

describe('electron-builder.yml', async () => {
  const config = await getConfig(root, null, null)

  it("passes electron-builder's schema", async () => {
    // The check normalises the object it is given, so it gets its own copy.
    await expect(validateConfiguration(await getConfig(root, null, null), new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('names the app and packs only the build', () => {
    expect(config).toMatchObject({ appId: 'cn.g60.briefing', productName: 'G60 Briefing', asar: true, files: [{ filter: ['out/**', 'package.json'] }] })
  })

  it('ships datasets and maps beside app.asar, where src-main/paths.ts looks', () => {
    expect(config.extraResources).toEqual(
      expect.arrayContaining([
        { from: 'resources/datasets', to: 'datasets', filter: ['**/*'] },
        { from: 'resources/maps', to: 'maps', filter: ['**/*'] },
      ]),
    )
  })

  it('ships the export font where src-main/export/fonts.ts looks, and the font files exist', () => {
    const fonts = (config.extraResources as { from: string; to: string }[]).filter((r) => r.to.startsWith('fonts/'))
    expect(fonts.map((r) => r.to)).toEqual(['fonts/NotoSansSC_400Regular.ttf', 'fonts/NotoSansSC_700Bold.ttf', 'fonts/LICENSE-NotoSansSC-OFL.txt'])
    for (const r of fonts) expect(existsSync(join(root, r.from)), r.from).toBe(true)
    expect(config.asarUnpack).toContain('node_modules/@resvg/**')
  })

  it('builds AppImage and deb, nsis, and dmg', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.win.target).toBe('nsis')
    expect(config.mac.target).toBe('dmg')
    expect(config.linux.maintainer).toMatch(/<[^@\s]+@[^>\s]+>$/)
  })

  it('turns off the fuses that let Electron run as plain Node', () => {
    expect(config.electronFuses).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false, onlyLoadAppFromAsar: true })
  })

  it('has icons of the sizes each platform needs', () => {
    expect(pngSize(config.mac.icon)).toEqual([1024, 1024])
    expect(pngSize(config.win.icon)).toEqual([1024, 1024])
    for (const size of [16, 32, 64, 128, 256, 512, 1024]) {
      expect(pngSize(join(config.linux.icon, `${size}x${size}.png`))).toEqual([size, size])
    }
  })

  it('ships the PowerPoint writer: pptxgenjs is a production dependency, which the main build leaves external', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
    expect(pkg.dependencies).toHaveProperty('pptxgenjs')
    expect(pkg.devDependencies).not.toHaveProperty('pptxgenjs')
    // electron-vite externalises every production dependency unless told not to.
    expect(readFileSync(join(root, 'electron.vite.config.ts'), 'utf8')).not.toMatch(/externalizeDeps:\s*false/)
  })
})
