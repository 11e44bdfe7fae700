/**
 * Makes sure Electron's binary is installed before `npm start`, `npm run dev`
 * and `npm run dist` (their `pre…` scripts run this file with tsx).
 *
 * Since Electron 42 the `electron` package has no `postinstall` script: `npm
 * install` fetches no binary, and electron-vite (which reads
 * `node_modules/electron/path.txt` itself) stops with "Error: Electron
 * uninstall". So this checks for the binary electron-vite will start and,
 * when it is missing, runs the package's own `install-electron` bin once.
 * When that download fails (offline, behind a proxy, GitHub blocked) it says
 * why and what to do, and exits 1 so npm does not go on to the command.
 *
 * Installs (`npm ci`, with or without `ELECTRON_SKIP_BINARY_DOWNLOAD=1`),
 * builds and tests never run this file and never need the binary.
 *
 * Hand-written because no library does this check: it mirrors what
 * electron-vite 6 (`getElectronPath`) and electron's `install.js`
 * (`isInstalled`) look at.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

/** The installed `electron` npm package. */
export interface ElectronPackage {
  /** Its folder, `node_modules/electron`. */
  dir: string
  /** Its version, e.g. `45.5.0`: the binary must be the same version. */
  version: string
  /** Absolute path of its `install-electron` bin (`install.js`). */
  installScript: string
}

/** Outcome of a download attempt; `reason` is one line, e.g. `TypeError: fetch failed`. */
export type DownloadResult = { ok: true } | { ok: false; reason: string }

/** Fetches the binary for `pkg`; the real one runs `install-electron`, tests pass a stand-in. */
export type Download = (pkg: ElectronPackage) => Promise<DownloadResult>

/** Node.js version from which Electron's installer is supported (its `engines` field). */
export const INSTALLER_NODE = '22.12.0'

/**
 * Finds the `electron` package the project at `root` resolves to.
 * Throws when it is not installed (no `npm install` yet).
 */
export function readElectronPackage(root: string): ElectronPackage {
  const manifest = createRequire(join(resolve(root), 'package.json')).resolve('electron/package.json')
  const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string; bin?: Record<string, string> }
  const dir = dirname(manifest)
  return { dir, version: pkg.version, installScript: join(dir, pkg.bin?.['install-electron'] ?? 'install.js') }
}

/**
 * The Electron executable electron-vite would start, or `null` when it is
 * missing: `ELECTRON_EXEC_PATH` if set, otherwise `dist/<path.txt>` inside the
 * package, and only if `dist/version` (when present) matches the package.
 */
export function installedBinary(pkg: ElectronPackage, env: NodeJS.ProcessEnv = process.env): string | null {
  const override = env.ELECTRON_EXEC_PATH
  if (override) return existsSync(override) ? override : null
  let relative: string
  try {
    relative = readFileSync(join(pkg.dir, 'path.txt'), 'utf8')
  } catch {
    return null
  }
  if (!relative) return null
  const binary = join(pkg.dir, 'dist', relative)
  if (!existsSync(binary)) return null
  try {
    const distVersion = readFileSync(join(pkg.dir, 'dist', 'version'), 'utf8').trim().replace(/^v/, '')
    if (distVersion !== pkg.version) return null
  } catch {
    // Older archives carry no version file; path.txt and the binary are enough.
  }
  return binary
}

/** The line of a failed run's output that names the error (`TypeError: fetch failed`), or its last line. */
export function failureReason(stderr: string, exitCode: number | null): string {
  const lines = stderr.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)
  const error = lines.find((l) => /^([A-Z]\w*)?Error\b/.test(l))
  // Node's fetch says only "fetch failed"; the cause it prints under it names the real fault (DNS, refused, TLS).
  const cause = lines.map((l) => /^\[cause\]:\s*(.+?)\s*\{?$/.exec(l)?.[1]).find(Boolean)
  if (error && cause) return `${error} (${cause})`
  return error ?? lines.at(-1) ?? `install-electron exited with code ${exitCode}`
}

/** Runs the package's `install-electron` bin with this Node, showing its output as it comes. */
export const runInstallElectron: Download = (pkg) =>
  new Promise((done) => {
    const child = spawn(process.execPath, [pkg.installScript], { cwd: pkg.dir, stdio: ['ignore', 'inherit', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
      process.stderr.write(chunk)
    })
    child.on('error', (err) => done({ ok: false, reason: err.message }))
    child.on('close', (code) => done(code === 0 ? { ok: true } : { ok: false, reason: failureReason(stderr, code) }))
  })

function olderThan(version: string, minimum: string): boolean {
  const a = version.replace(/^v/, '').split('.').map(Number)
  const b = minimum.split('.').map(Number)
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0)
  return false
}

/** What the user reads when the download failed: why, then what to do. */
export function downloadFailedMessage(pkg: ElectronPackage, reason: string, nodeVersion = process.version): string {
  const lines = [
    '',
    `Could not download Electron ${pkg.version}, which this command needs to open the app.`,
    `  Why: ${reason}`,
    `  The binary is fetched once, into ${join(pkg.dir, 'dist')}; after that the app needs no network.`,
    '',
    'What to do:',
    '  - Check the network connection: the download comes from GitHub (github.com/electron/electron/releases).',
    '  - Behind a proxy: set HTTPS_PROXY (and NO_PROXY if needed) and ELECTRON_GET_USE_PROXY=1.',
    '  - Where GitHub cannot be reached: use a mirror, e.g. ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/',
    '  - Then run the same command again, or fetch the binary on its own with: npx --no install-electron',
  ]
  if (olderThan(nodeVersion, INSTALLER_NODE)) {
    lines.push(`  - Electron's installer supports Node.js ${INSTALLER_NODE} or newer; this is Node.js ${nodeVersion.replace(/^v/, '')}.`)
  }
  lines.push('')
  return lines.join('\n')
}

export interface EnsureOptions {
  /** The project folder (where package.json is). */
  root: string
  download?: Download
  env?: NodeJS.ProcessEnv
  /** Where messages go (stderr by default). */
  log?: (message: string) => void
  nodeVersion?: string
}

/**
 * Returns the process exit code: 0 when the binary is there (downloading it
 * first if needed), 1 with a message saying why and what to do otherwise.
 */
export async function ensureElectron(options: EnsureOptions): Promise<number> {
  const log = options.log ?? ((m: string) => console.error(m))
  const env = options.env ?? process.env
  let pkg: ElectronPackage
  try {
    pkg = readElectronPackage(options.root)
  } catch {
    log(`The electron package is not installed in ${options.root}. Run npm install first, then this command again.`)
    return 1
  }
  if (installedBinary(pkg, env)) return 0
  if (env.ELECTRON_EXEC_PATH) {
    log(`ELECTRON_EXEC_PATH is set to ${env.ELECTRON_EXEC_PATH}, but there is no file there. Point it at an Electron ${pkg.version} executable, or unset it.`)
    return 1
  }

  log(`Electron ${pkg.version}'s binary is not installed yet (npm install does not fetch it). Downloading it once with install-electron…`)
  const result = await (options.download ?? runInstallElectron)(pkg)
  if (!result.ok) {
    log(downloadFailedMessage(pkg, result.reason, options.nodeVersion))
    return 1
  }
  const binary = installedBinary(pkg, env)
  if (!binary) {
    log(downloadFailedMessage(pkg, `install-electron finished, but ${join(pkg.dir, 'path.txt')} does not point at an Electron ${pkg.version} binary`, options.nodeVersion))
    return 1
  }
  log(`Electron ${pkg.version} is installed: ${binary}`)
  return 0
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await ensureElectron({ root: process.cwd() })
}
