import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const ROOT = resolve(import.meta.dirname, '../..')
export const RENDERER_OUT = join(ROOT, 'out/renderer')
export const PRELOAD_OUT = join(ROOT, 'out/preload/index.cjs')
/** The main process's entry in the build. */
export const MAIN_OUT = join(ROOT, 'out/main/index.js')

function newest(dir: string): number {
  let latest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name)
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs)
  }
  return latest
}

/** Builds the app with electron-vite unless the build is newer than every source file. */
export function ensureBuild(): void {
  const outputs = [join(RENDERER_OUT, 'index.html'), PRELOAD_OUT, MAIN_OUT]
  if (outputs.every((f) => existsSync(f))) {
    const built = Math.min(...outputs.map((f) => statSync(f).mtimeMs))
    const sources = Math.max(
      newest(join(ROOT, 'src-renderer')),
      newest(join(ROOT, 'src-preload')),
      newest(join(ROOT, 'src-shared')),
      newest(join(ROOT, 'src-main')),
      statSync(join(ROOT, 'electron.vite.config.ts')).mtimeMs,
      // Which packages are bundled and which are left external follows package.json.
      statSync(join(ROOT, 'package.json')).mtimeMs,
    )
    if (built > sources) return
  }
  execFileSync(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}
