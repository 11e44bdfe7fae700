/**
 * Per-test lifecycle for browser test files that open a fresh app in each
 * test: every app a test opens is closed after it (unless the test closed it
 * itself), then every temporary folder it made is removed, in that order so
 * that no app still watches a folder being removed.
 *
 * ```ts
 * const { openApp, tempDir } = perTest()
 * it('…', async () => {
 *   const dir = await tempDir('g60-data-')
 *   const app = await openApp({ lang: 'en', dataDir: dir })
 * })
 * ```
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { openApp, type AppHandle, type OpenAppOptions } from './harness'

/** What `perTest()` gives a test file. */
export interface PerTest {
  /** The harness's `openApp`; the app is closed after the test unless the test closed it. */
  openApp(options?: OpenAppOptions): Promise<AppHandle>
  /** A new empty folder under the system's temporary folder, removed after the test. */
  tempDir(prefix: string): Promise<string>
}

/** Registers the clean-up hook (call it once, at the top level of a test file or of a `describe` block, whose tests it then serves). */
export function perTest(): PerTest {
  const apps = new Set<AppHandle>()
  const dirs: string[] = []
  afterEach(async () => {
    for (const app of apps) await app.close()
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true })
  })
  return {
    async openApp(options) {
      const app = await openApp(options)
      const close = app.close
      apps.add(app)
      app.close = async () => {
        apps.delete(app)
        await close()
      }
      return app
    },
    async tempDir(prefix) {
      const dir = await mkdtemp(join(tmpdir(), prefix))
      dirs.push(dir)
      return dir
    },
  }
}
