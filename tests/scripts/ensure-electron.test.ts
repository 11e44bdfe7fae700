import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { downloadFailedMessage, ensureElectron, failureReason, installedBinary, readElectronPackage, type Download } from '../../scripts/ensure-electron'

const ROOT = resolve(import.meta.dirname, '../..')
const VERSION = '45.5.0'

let project: string
let electronDir: string
let messages: string[]

/** A project whose node_modules/electron is the npm package as installed: no dist/, no path.txt. */
function makeProject(installJs = 'process.exit(0)\n'): void {
  project = mkdtempSync(join(tmpdir(), 'g60-ensure-'))
  electronDir = join(project, 'node_modules/electron')
  mkdirSync(electronDir, { recursive: true })
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'p', private: true }))
  writeFileSync(join(electronDir, 'package.json'), JSON.stringify({ name: 'electron', version: VERSION, bin: { electron: 'cli.js', 'install-electron': 'install.js' } }))
  writeFileSync(join(electronDir, 'install.js'), installJs)
}

/** What a successful `install-electron` leaves behind. */
function installBinary(dir = electronDir, version = VERSION): void {
  mkdirSync(join(dir, 'dist'), { recursive: true })
  writeFileSync(join(dir, 'dist/electron'), '')
  writeFileSync(join(dir, 'dist/version'), version)
  writeFileSync(join(dir, 'path.txt'), 'electron')
}

const log = (m: string) => void messages.push(m)

beforeEach(() => {
  messages = []
  makeProject()
})
afterEach(() => rmSync(project, { recursive: true, force: true }))

describe('ensureElectron', () => {
  it('starts at once when the binary is there: no download', async () => {
    installBinary()
    const download = vi.fn<Download>()
    await expect(ensureElectron({ root: project, download, log, env: {} })).resolves.toBe(0)
    expect(download).not.toHaveBeenCalled()
    expect(messages).toEqual([])
  })

  it('runs install-electron when the binary is missing, then lets the command go on', async () => {
    const download = vi.fn<Download>(async (pkg) => {
      installBinary(pkg.dir)
      return { ok: true }
    })
    await expect(ensureElectron({ root: project, download, log, env: {} })).resolves.toBe(0)
    expect(download).toHaveBeenCalledTimes(1)
    expect(download.mock.calls[0][0]).toEqual({ dir: electronDir, version: VERSION, installScript: join(electronDir, 'install.js') })
    expect(messages[0]).toMatch(/^Electron 45\.5\.0's binary is not installed yet .*Downloading it once with install-electron/)
    expect(messages.at(-1)).toBe(`Electron 45.5.0 is installed: ${join(electronDir, 'dist/electron')}`)
  })

  it('says why and what to do, and exits 1, when the download fails', async () => {
    const download = vi.fn<Download>(async () => ({ ok: false, reason: 'TypeError: fetch failed' }))
    await expect(ensureElectron({ root: project, download, log, env: {}, nodeVersion: 'v22.12.0' })).resolves.toBe(1)
    const text = messages.join('\n')
    expect(text).toContain('Could not download Electron 45.5.0, which this command needs to open the app.')
    expect(text).toContain('Why: TypeError: fetch failed')
    expect(text).toMatch(/HTTPS_PROXY .*ELECTRON_GET_USE_PROXY=1/)
    expect(text).toContain('ELECTRON_MIRROR=')
    expect(text).toContain('run the same command again')
    expect(text).not.toContain('Electron uninstall')
    expect(text).not.toContain('Node.js 22.12.0 or newer')
  })

  it('names the Node.js version when it is older than the installer supports', () => {
    const text = downloadFailedMessage(readElectronPackage(project), 'TypeError: fetch failed', 'v20.20.2')
    expect(text).toContain("Electron's installer supports Node.js 22.12.0 or newer; this is Node.js 20.20.2.")
  })

  it('fails when install-electron reports success but left no binary', async () => {
    await expect(ensureElectron({ root: project, download: async () => ({ ok: true }), log, env: {} })).resolves.toBe(1)
    expect(messages.join('\n')).toMatch(/install-electron finished, but .*path\.txt does not point at an Electron 45\.5\.0 binary/)
  })

  it('downloads again when dist/ holds another version', async () => {
    installBinary(electronDir, 'v44.0.0')
    expect(installedBinary(readElectronPackage(project), {})).toBeNull()
    installBinary(electronDir, `v${VERSION}`)
    expect(installedBinary(readElectronPackage(project), {})).toBe(join(electronDir, 'dist/electron'))
  })

  it('takes ELECTRON_EXEC_PATH as electron-vite does, and refuses one that points nowhere', async () => {
    const exec = join(project, 'my-electron')
    writeFileSync(exec, '')
    const download = vi.fn<Download>()
    await expect(ensureElectron({ root: project, download, log, env: { ELECTRON_EXEC_PATH: exec } })).resolves.toBe(0)
    await expect(ensureElectron({ root: project, download, log, env: { ELECTRON_EXEC_PATH: join(project, 'nowhere') } })).resolves.toBe(1)
    expect(download).not.toHaveBeenCalled()
    expect(messages.join('\n')).toContain('ELECTRON_EXEC_PATH is set to')
  })

  it('asks for npm install when the electron package itself is missing', async () => {
    rmSync(electronDir, { recursive: true })
    await expect(ensureElectron({ root: project, log, env: {} })).resolves.toBe(1)
    expect(messages).toEqual([`The electron package is not installed in ${project}. Run npm install first, then this command again.`])
  })
})

describe('failureReason', () => {
  it('picks the error line out of a stack', () => {
    const stack = 'TypeError: fetch failed\n    at node:internal/deps/undici/undici:14976:13\n    at async FetchDownloader.download (file:///x.js:46:30)\n'
    expect(failureReason(stack, 1)).toBe('TypeError: fetch failed')
    expect(failureReason('HTTPError: Response code 404 (Not Found) for https://example/x.zip\n', 1)).toMatch(/^HTTPError: Response code 404/)
    expect(failureReason('something odd\nlast words\n', 1)).toBe('last words')
    // Node's fetch error with the cause it prints under it: the cause is kept, it names the real fault.
    const withCause = 'TypeError: fetch failed\n    at node:internal/deps/undici/undici:13502:13 {\n  [cause]: Error: getaddrinfo EAI_AGAIN github.com\n      at GetAddrInfoReqWrap.onlookup [as oncomplete] (node:dns:120:26) {\n    errno: -3001,\n'
    expect(failureReason(withCause, 1)).toBe('TypeError: fetch failed (Error: getaddrinfo EAI_AGAIN github.com)')
    expect(failureReason('', 7)).toBe('install-electron exited with code 7')
  })
})

/**
 * The real chain, through npm's own lifecycle: `npm start` runs the
 * `prestart` script (this file, with tsx) and only goes on to `start` when it
 * exits 0. The project's electron package carries a stand-in `install.js`.
 */
describe('npm start with the prestart check', () => {
  const tsx = join(ROOT, 'node_modules/tsx/dist/cli.mjs')
  const script = join(ROOT, 'scripts/ensure-electron.ts')

  function npmStart() {
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({
        name: 'p',
        private: true,
        scripts: {
          prestart: `node ${JSON.stringify(tsx)} ${JSON.stringify(script)}`,
          start: `node -e "require('fs').writeFileSync('started', '')"`,
        },
      }),
    )
    const env: NodeJS.ProcessEnv = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false' }
    delete env.ELECTRON_EXEC_PATH
    return spawnSync('npm', ['start'], { cwd: project, env, encoding: 'utf8', timeout: 60_000 })
  }

  it('downloads with install-electron, then starts', () => {
    rmSync(project, { recursive: true, force: true })
    makeProject(
      `const fs = require('fs'); const p = require('path');
       fs.mkdirSync(p.join(__dirname, 'dist'), { recursive: true });
       fs.writeFileSync(p.join(__dirname, 'dist/electron'), '');
       fs.writeFileSync(p.join(__dirname, 'dist/version'), '${VERSION}');
       fs.writeFileSync(p.join(__dirname, 'path.txt'), 'electron');\n`,
    )
    const run = npmStart()
    expect(run.stderr).toContain('Downloading it once with install-electron')
    expect(run.status).toBe(0)
    expect(existsSync(join(project, 'started'))).toBe(true)
  })

  it('offline: stops with the clear message and a non-zero exit, never reaching start', () => {
    rmSync(project, { recursive: true, force: true })
    makeProject(`console.error('TypeError: fetch failed\\n    at node:internal/deps/undici/undici:14976:13'); process.exit(1)\n`)
    const run = npmStart()
    expect(run.status).not.toBe(0)
    expect(run.stderr).toContain('Could not download Electron 45.5.0')
    expect(run.stderr).toContain('Why: TypeError: fetch failed')
    expect(run.stderr).toContain('ELECTRON_MIRROR')
    expect(existsSync(join(project, 'started'))).toBe(false)
  })
})
