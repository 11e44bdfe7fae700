/**
 * The main-process build as electron-builder ships it. `out/main` may import
 * only Node's built-ins, `electron` and the packages in `dependencies` (which
 * electron-vite leaves external and electron-builder copies into app.asar);
 * everything else must be bundled. And the build must run: loaded against the
 * stand-in for `electron`, it opens its window, serves data, and exports a
 * chart, the PowerPoint deck and a PDF through IPC, in its own render worker,
 * with the ECharts, jpeg-js and pptxgenjs bundled into it and resvg and
 * pdfkit from node_modules.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatasetSnapshot, Result } from '../../src-shared/ipc-contract'
import { ensureBuild, ROOT } from '../e2e/build'
import { chartRequest } from '../main/export/fixtures'

type ElectronMock = typeof import('../mocks/electron')

const MAIN_OUT = join(ROOT, 'out/main')
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }

/** The package a bare specifier names: `@scope/name` or `name`, without a subpath. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

/**
 * Every package the built files load: their top-level `import … from "x"` lines
 * and `import("x")` calls, as rolldown writes them (bundled code's comments
 * and strings are never at the start of a line in that form). Node's built-ins
 * are left out; `require()` inside bundled CommonJS only reaches built-ins.
 */
function runtimeImports(dir: string): Set<string> {
  const found = new Set<string>()
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue
    const code = readFileSync(join(entry.parentPath, entry.name), 'utf8')
    const specifiers = [
      ...code.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']/gm),
      ...code.matchAll(/^import\s*["']([^"']+)["']/gm),
      ...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
    ].map((m) => m[1])
    for (const s of specifiers) {
      if (s.startsWith('.') || s.startsWith('node:') || builtinModules.includes(packageOf(s))) continue
      found.add(packageOf(s))
    }
  }
  return found
}

beforeAll(() => ensureBuild())

describe('out/main', () => {
  it('loads only electron and the production dependencies, and every one of them: the rest is bundled', () => {
    expect([...runtimeImports(MAIN_OUT)].sort()).toEqual(['electron', ...Object.keys(pkg.dependencies)].sort())
  })

  describe('running against the stand-in for electron', () => {
    let E: ElectronMock
    let userData: string
    let exportDir: string

    beforeAll(async () => {
      userData = await mkdtemp(join(tmpdir(), 'g60-built-main-'))
      exportDir = await mkdtemp(join(tmpdir(), 'g60-built-export-'))
      E = (await import('electron')) as unknown as ElectronMock
      E.resetElectronMock()
      E.app.getPath = () => userData
      E.app.getAppPath = () => ROOT
      await import(pathToFileURL(join(MAIN_OUT, 'index.js')).href)
      E.app.becomeReady()
      // main() runs on after whenReady(); wait for its window (a start-up failure would exit instead).
      for (let i = 0; i < 600 && E.BrowserWindow.created.length === 0 && E.app.exitCode === null; i++) await new Promise((r) => setTimeout(r, 50))
    })
    afterAll(async () => {
      E.app.emit('will-quit')
      await rm(userData, { recursive: true, force: true })
      await rm(exportDir, { recursive: true, force: true })
    })

    /** Calls an IPC channel the way our window's page does. */
    function invoke(channel: string, ...args: unknown[]): Promise<Result<unknown>> {
      const win = E.BrowserWindow.created[0]
      const event = { sender: { id: win.webContents.id }, senderFrame: { url: 'app://g60/index.html', parent: null } }
      const handler = E.ipcMain.handlers.get(channel)
      if (!handler) throw new Error(`no handler for ${channel}`)
      return handler(event, ...args) as Promise<Result<unknown>>
    }

    it('opens its window on app://, with the code cache on', () => {
      expect(E.BrowserWindow.created[0].loadedUrl).toBe('app://g60/index.html')
      expect(E.protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }])
      expect(E.app.exitCode).toBeNull()
    })

    it('serves the bundled datasets', async () => {
      const r = await invoke('datasets:get')
      expect(r.ok).toBe(true)
      const snapshot = (r as { value: DatasetSnapshot }).value
      expect(snapshot.problems).toEqual([])
      expect(snapshot.datasets.length).toBeGreaterThan(0)
    })

    it('exports a chart as JPEG with the bundled ECharts and jpeg-js, and resvg from node_modules', async () => {
      E.dialog.answers.save = { canceled: false, filePath: join(exportDir, 'chart') }
      const r = await invoke('export:chart', chartRequest({ format: 'jpeg' }))
      expect(r).toMatchObject({ ok: true, value: { path: join(exportDir, 'chart.jpg'), width: 1920, height: 1080 } })
      expect([...(await readFile(join(exportDir, 'chart.jpg'))).subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff])
    })

    it('exports the PowerPoint deck with the bundled pptxgenjs', async () => {
      E.dialog.answers.save = { canceled: false, filePath: join(exportDir, 'deck') }
      const r = await invoke('export:deck', { aspect: '16:9', theme: 'light' })
      expect(r).toMatchObject({ ok: true, value: { path: join(exportDir, 'deck.pptx') } })
      // A .pptx is a ZIP archive.
      expect((await readFile(join(exportDir, 'deck.pptx'))).subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004')
    })

    it('exports a dashboard as PDF with pdfkit from node_modules', async () => {
      E.dialog.answers.save = { canceled: false, filePath: join(exportDir, 'cities.pdf') }
      const r = await invoke('export:dashboard', { dashboard: 'cities', page: 'slide', format: 'pdf', theme: 'light' })
      expect(r).toMatchObject({ ok: true, value: { path: join(exportDir, 'cities.pdf') } })
      expect((await readFile(join(exportDir, 'cities.pdf'))).subarray(0, 5).toString('latin1')).toBe('%PDF-')
    })
  })
})
