/**
 * The bundled CJK font (Noto Sans SC, OFL-1.1, from `@expo-google-fonts/noto-sans-sc`)
 * that every export draws its text with, so Chinese never comes out as boxes
 * whatever fonts the machine has.
 *
 * In development the files are read from node_modules; in the packaged app
 * electron-builder copies them to `<resources>/fonts` (see docs/export.md).
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

/** The family name of the bundled font every export draws with. */
export const FONT_FAMILY = 'Noto Sans SC'
/** What an exported SVG asks for, so viewers without the font still pick a CJK one. */
export const CSS_FONT_STACK = "'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', 'Source Han Sans SC', sans-serif"

const FILES = {
  regular: '400Regular/NotoSansSC_400Regular.ttf',
  bold: '700Bold/NotoSansSC_700Bold.ttf',
} as const

/** Absolute paths of the bundled regular and bold TTF files. */
export interface FontPaths {
  regular: string
  bold: string
}

let cached: FontPaths | null = null

/** Paths of the regular and bold TTF files; throws with a clear message when they are missing. */
export function fontPaths(): FontPaths {
  if (cached) return cached
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath
  const candidates: FontPaths[] = []
  if (resourcesPath) {
    candidates.push({ regular: join(resourcesPath, 'fonts', 'NotoSansSC_400Regular.ttf'), bold: join(resourcesPath, 'fonts', 'NotoSansSC_700Bold.ttf') })
  }
  try {
    const require = createRequire(import.meta.url)
    const pkg = require.resolve('@expo-google-fonts/noto-sans-sc/package.json')
    const root = join(pkg, '..')
    candidates.push({ regular: join(root, FILES.regular), bold: join(root, FILES.bold) })
  } catch {
    // Not installed (packaged app): only the resources folder can have it.
  }
  const found = candidates.find((c) => existsSync(c.regular) && existsSync(c.bold))
  if (!found) {
    throw new Error(`The export font (Noto Sans SC) was not found; looked in: ${candidates.map((c) => c.regular).join(', ') || 'nowhere'}`)
  }
  cached = found
  return found
}

/**
 * Uses these font files from now on, instead of looking for them. A render
 * worker thread gets the paths main found, since only main is sure to see
 * Electron's `process.resourcesPath`.
 */
export function useFontPaths(paths: FontPaths): void {
  cached = { ...paths }
}
