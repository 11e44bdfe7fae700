import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { pngSize } from '../main/export/helpers'

const root = resolve(import.meta.dirname, '../..')
// electron-builder's own loader and schema check; `npm run dist` runs the same two steps first.
const require = createRequire(join(root, 'node_modules/electron-builder/package.json'))
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config')
const { DebugLogger } = require('builder-util/out/DebugLogger')
const { TmpDir } = require('builder-util')
const { NpmNodeModulesCollector } = require('app-builder-lib/out/node-module-collector/npmNodeModulesCollector')

/** The packages the renderer's sources import (`vue`, `@fontsource/noto-sans-sc`, …): Vite bundles them all. */
function rendererImports(dir: string): Set<string> {
  const found = new Set<string>()
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(ts|vue)$/.test(entry.name)) continue
    const code = readFileSync(join(entry.parentPath, entry.name), 'utf8')
    for (const m of code.matchAll(/^\s*import\b[^'"]*['"]([^'".][^'"]*)['"]/gm)) {
      const parts = m[1].split('/')
      found.add(m[1].startsWith('@') ? parts.slice(0, 2).join('/') : parts[0])
    }
  }
  return found
}

/** Width and height of a PNG file in the repository. */
const iconSize = (file: string) => pngSize(readFileSync(join(root, file)))

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
    expect(iconSize(config.mac.icon)).toEqual({ width: 1024, height: 1024 })
    expect(iconSize(config.win.icon)).toEqual({ width: 1024, height: 1024 })
    for (const size of [16, 32, 64, 128, 256, 512, 1024]) {
      expect(iconSize(join(config.linux.icon, `${size}x${size}.png`))).toEqual({ width: size, height: size })
    }
  })

  it('copies only what main leaves external: no package the renderer imports, nothing the build bundles', async () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; dependencies: Record<string, string> }
    // What main's build loads at run time is `dependencies`, exactly (tests/packaging/main-build.test.ts).
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['@resvg/resvg-js', 'pdfkit'])
    // electron-builder's own collector: the node_modules it copies into app.asar.
    const tmp = new TmpDir('g60-packaging-test')
    const { nodeModules } = await new NpmNodeModulesCollector(root, tmp).getNodeModules({ packageName: pkg.name })
    await tmp.cleanup()
    const packed = new Set<string>()
    const walk = (list: { name: string; dependencies?: unknown[] }[]) => {
      for (const m of list) {
        packed.add(m.name)
        if (m.dependencies) walk(m.dependencies as typeof list)
      }
    }
    walk(nodeModules)
    expect(packed).toContain('@resvg/resvg-js')
    expect(packed).toContain('pdfkit')
    const renderer = rendererImports(join(root, 'src-renderer'))
    expect(renderer).toContain('vue')
    expect([...renderer].filter((name) => packed.has(name))).toEqual([])
    const bundled = ['vue', 'pinia', 'vue-i18n', 'vue-echarts', '@fontsource/noto-sans-sc', 'echarts', 'zrender', 'jpeg-js', 'pptxgenjs', 'jszip', 'exceljs', 'iconv-lite', 'chardet', 'saxes', 'yauzl']
    expect(bundled.filter((name) => packed.has(name))).toEqual([])
    expect([...packed].filter((name) => /^@(vue|intlify)\//.test(name))).toEqual([])
  })
})
