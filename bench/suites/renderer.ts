/**
 * Issue 4 §6: the renderer's speed and size, each against a baseline measured
 * in the same run.
 *
 * 1. Data in hand → every chart of a dashboard finished (ECharts' `finished`
 *    event, animation included), in Chromium at 1920×1080 (light theme,
 *    English). App: the real renderer build through the browser-test harness;
 *    the clock starts in the page just before the dashboard's tab is clicked
 *    (the data is already in the store, so this is: view mounted, options
 *    built, charts drawn) and stops when a MutationObserver sees the last
 *    `[data-chart]` panel turn `data-rendered="true"`. Baseline: a bare page
 *    (bench/fixtures/renderer-bare) bundled by this suite with the same vite
 *    and electron-vite settings, the same `echarts.ts` registration, themes,
 *    fonts and columnar datasets, which runs the same option builders and
 *    `echarts.init(div, theme, { renderer: 'svg' })` + `setOption` on divs of
 *    the panels' measured sizes, and stops at the last `finished`. Runs
 *    alternate between the two pages; medians are compared.
 * 2. Gzip size (level 9, per file) of all JS and CSS the renderer build emits
 *    (fonts excluded), against the same build with `shared/charts/echarts.ts`
 *    swapped by a plugin for a module importing all of ECharts. Both builds go
 *    to temporary folders, never out/.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { extname, join, normalize, sep } from 'node:path'
import { gzipSync } from 'node:zlib'
import { resolveConfig } from 'electron-vite'
import type { BrowserContext, Page } from 'playwright-core'
import { build as viteBuild, type InlineConfig, type Plugin } from 'vite'
import { DASHBOARDS, type ChartContext, type DashboardId } from '../../src-shared/charts'
import { DEFAULT_SETTINGS } from '../../src-shared/settings'
import { ROOT } from '../../tests/e2e/build'
import { openApp } from '../../tests/e2e/harness'
import type { BareApi, BareRun } from '../fixtures/renderer-bare/api'
import type { BenchResult } from '../run'

const VIEWPORT = { width: 1920, height: 1080 }
const CTX: ChartContext = { lang: 'en', theme: 'light', breakYear: DEFAULT_SETTINGS.breakYear, decals: DEFAULT_SETTINGS.decals }
const ROUNDS = 9
const ECHARTS_TS = join(ROOT, 'src-shared/charts/echarts.ts')
const BARE_ROOT = join(ROOT, 'bench/fixtures/renderer-bare')
const BARE_ORIGIN = 'https://bare.test'

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`

// ---------------------------------------------------------------- builds

/** The renderer's vite config exactly as `electron-vite build` resolves it (built-in presets included). */
async function rendererConfig(): Promise<InlineConfig> {
  // resolveConfig sets NODE_ENV for the whole process; keep it to this suite's builds.
  const nodeEnv = process.env.NODE_ENV
  const { config } = await resolveConfig({ configFile: join(ROOT, 'electron.vite.config.ts'), logLevel: 'warn' }, 'build', 'production')
  if (nodeEnv === undefined) delete process.env.NODE_ENV
  else process.env.NODE_ENV = nodeEnv
  if (!config?.renderer) throw new Error('electron.vite.config.ts has no renderer config')
  return config.renderer as InlineConfig
}

/** Gzipped size of each npm package's (or the app's own) code in a build, to say what dominates. */
type Shares = Map<string, number>
function sharesPlugin(shares: Shares): Plugin {
  return {
    name: 'g60-bench-shares',
    generateBundle(_options, bundle) {
      const code = new Map<string, string[]>()
      for (const out of Object.values(bundle)) {
        if (out.type !== 'chunk') continue
        for (const [id, m] of Object.entries(out.modules)) {
          const nm = id.lastIndexOf('node_modules/')
          const pkg = nm < 0 ? 'app code' : id.slice(nm + 13).split('/').slice(0, id.slice(nm + 13).startsWith('@') ? 2 : 1).join('/')
          const list = code.get(pkg) ?? []
          list.push(m.code ?? '')
          code.set(pkg, list)
        }
      }
      for (const [pkg, parts] of code) shares.set(pkg, gzipSync(parts.join('\n'), { level: 9 }).length)
    },
  }
}

/** Replaces `shared/charts/echarts.ts` with a module that imports (and so registers) all of ECharts. */
function fullEchartsPlugin(): Plugin {
  const id = `${ECHARTS_TS}?g60-bench-full-echarts`
  const code = `import * as echarts from 'echarts'
import { THEMES } from '../settings'
import { ECHARTS_THEMES, echartsThemeName } from './themes'
import { CORRIDOR_MAP_NAME, corridorGeoJson } from './map'
export { echarts }
const registered = new WeakSet()
export function registerG60(ec) {
  if (registered.has(ec)) return
  registered.add(ec)
  for (const t of THEMES) ec.registerTheme(echartsThemeName(t), ECHARTS_THEMES[t])
  ec.registerMap(CORRIDOR_MAP_NAME, corridorGeoJson())
}
`
  let swapped = false
  return {
    name: 'g60-bench-full-echarts',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !/(^|\/)echarts(\.ts)?$/.test(source) || source === 'echarts') return null
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true })
      return resolved && normalize(resolved.id) === ECHARTS_TS ? id : null
    },
    load(loadId) {
      if (loadId !== id) return null
      swapped = true
      return code
    },
    buildEnd() {
      if (!swapped) this.error('shared/charts/echarts.ts was never imported: the full-ECharts variant would be the same build')
    },
  }
}

async function buildRenderer(outDir: string, plugins: Plugin[], minify?: boolean): Promise<void> {
  const base = await rendererConfig()
  await viteBuild({
    ...base,
    root: join(ROOT, 'src-renderer'),
    logLevel: 'error',
    plugins: [...(base.plugins ?? []), ...plugins],
    build: { ...base.build, outDir, emptyOutDir: true, ...(minify === undefined ? {} : { minify }) },
  })
}

/** Builds the bare page into `outDir`, with the renderer's build settings (target, minify, assets) but its own entry. */
export async function buildBare(outDir: string): Promise<void> {
  const base = await rendererConfig()
  const input = join(BARE_ROOT, 'index.html')
  await viteBuild({
    ...base,
    root: BARE_ROOT,
    logLevel: 'error',
    build: { ...base.build, outDir, emptyOutDir: true, rollupOptions: { input }, rolldownOptions: { input } },
  })
}

interface Sizes {
  gzip: number
  raw: number
  files: number
  /** The CSS's share of `gzip`. */
  cssGzip: number
}
async function assetSizes(dir: string): Promise<Sizes> {
  const assets = join(dir, 'assets')
  const names = (await readdir(assets)).filter((f) => ['.js', '.mjs', '.css'].includes(extname(f)))
  const sizes: Sizes = { gzip: 0, raw: 0, files: names.length, cssGzip: 0 }
  for (const name of names) {
    const buf = await readFile(join(assets, name))
    const gz = gzipSync(buf, { level: 9 }).length
    sizes.raw += buf.length
    sizes.gzip += gz
    if (extname(name) === '.css') sizes.cssGzip += gz
  }
  return sizes
}

// ---------------------------------------------------------------- render timing

/**
 * In the app page: clicks the dashboard's tab and resolves with the ms until every chart has
 * drawn its first frame (text in its SVG) and until every panel is `data-rendered`. Plain JS
 * source, so tsx's name-keeping helpers never reach the page.
 */
const APP_RUN = `(dash, expected) => new Promise((resolve, reject) => {
  const tab = document.querySelector('[data-view="' + dash + '"]')
  if (!tab) return reject(new Error('no tab for ' + dash))
  const panels = () => {
    const list = Array.from(document.querySelectorAll('main[data-active-view="' + dash + '"] [data-chart]'))
    return list.length === expected ? list : null
  }
  let t0 = 0
  let firstFrame = null
  const frameObserver = new MutationObserver(() => {
    const list = panels()
    if (!list || !list.every((p) => p.getAttribute('data-state') !== 'chart' || p.querySelector('svg text'))) return
    firstFrame = performance.now() - t0
    frameObserver.disconnect()
  })
  const doneObserver = new MutationObserver(() => {
    const list = panels()
    if (!list || !list.every((p) => p.getAttribute('data-rendered') === 'true')) return
    const ms = performance.now() - t0
    frameObserver.disconnect()
    doneObserver.disconnect()
    clearTimeout(timer)
    resolve({ ms, firstFrame })
  })
  frameObserver.observe(document.body, { subtree: true, childList: true })
  doneObserver.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-rendered', 'data-active-view'] })
  const timer = setTimeout(() => {
    frameObserver.disconnect()
    doneObserver.disconnect()
    reject(new Error(dash + ': charts not all rendered after 30 s'))
  }, 30000)
  t0 = performance.now()
  tab.click()
})`

interface AppRun {
  ms: number
  /** Until every chart's SVG holds text, i.e. its first frame is drawn; null if one never did. */
  firstFrame: number | null
}

function appRun(page: Page, dashboard: DashboardId): Promise<AppRun> {
  return page.evaluate(`(${APP_RUN})(${JSON.stringify(dashboard)}, ${DASHBOARDS[dashboard].charts.length})`) as Promise<AppRun>
}

async function showOverview(page: Page): Promise<void> {
  await page.locator('[data-view="overview"]').click()
  await page.waitForSelector('main[data-active-view="overview"]')
  // Let the unmounted dashboard's teardown and a frame pass outside the timed region.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
}

/** The drawn size of each chart in the app (the vue-echarts host element). */
function chartSizes(page: Page): Promise<Record<string, { width: number; height: number }>> {
  return page.evaluate(() => {
    const sizes: Record<string, { width: number; height: number }> = {}
    for (const panel of document.querySelectorAll<HTMLElement>('[data-chart][data-state="chart"]')) {
      const host = panel.querySelector('.chart')
      if (!host) continue
      const r = host.getBoundingClientRect()
      sizes[panel.dataset.chart!] = { width: Math.round(r.width), height: Math.round(r.height) }
    }
    return sizes
  })
}

/** Opens the built bare page in `context`, serving only its own files. */
export async function openBare(context: BrowserContext, dir: string): Promise<Page> {
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url())
    if (url.origin !== BARE_ORIGIN) return route.abort('blockedbyclient')
    const file = normalize(join(dir, decodeURIComponent(url.pathname)))
    if (!file.startsWith(dir + sep)) return route.fulfill({ status: 404 })
    const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2', '.woff': 'font/woff' }
    try {
      return route.fulfill({ status: 200, contentType: types[extname(file)] ?? 'application/octet-stream', body: await readFile(file) })
    } catch {
      return route.fulfill({ status: 404 })
    }
  })
  const page = await context.newPage()
  await page.goto(`${BARE_ORIGIN}/index.html`)
  await page.waitForSelector('html[data-ready="true"]')
  return page
}

function bareRun(page: Page, dashboard: DashboardId, sizes: Record<string, { width: number; height: number }>): Promise<BareRun> {
  return page.evaluate(
    ([dash, ctx, s]) => (window as unknown as { __bare: BareApi }).__bare.render(dash, ctx, s),
    [dashboard, CTX, sizes] as const,
  )
}

interface DashboardTiming {
  dashboard: DashboardId
  app: number
  appFirstFrame: number | null
  bare: number
  build: number
  sync: number
  charts: number
}

async function timeDashboards(bareDir: string): Promise<DashboardTiming[]> {
  const app = await openApp({ viewport: VIEWPORT, theme: CTX.theme, lang: CTX.lang })
  const bareContext = await app.context.browser()!.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 })
  try {
    const bare = await openBare(bareContext, bareDir)
    const out: DashboardTiming[] = []
    for (const dashboard of Object.keys(DASHBOARDS) as DashboardId[]) {
      // Warm-up: code paths, fonts' unicode-range files, theme objects; also gives the panels' sizes.
      await app.page.bringToFront()
      await showOverview(app.page)
      await appRun(app.page, dashboard)
      const sizes = await chartSizes(app.page)
      await bare.bringToFront()
      const check = await bareRun(bare, dashboard, sizes)
      if (check.charts !== Object.keys(sizes).length) throw new Error(`${dashboard}: the app drew ${Object.keys(sizes).length} charts, the bare page ${check.charts}`)

      const appRuns: AppRun[] = []
      const bareRuns: BareRun[] = []
      for (let i = 0; i < ROUNDS; i++) {
        const runApp = async (): Promise<void> => {
          await app.page.bringToFront()
          await showOverview(app.page)
          appRuns.push(await appRun(app.page, dashboard))
        }
        const runBare = async (): Promise<void> => {
          await bare.bringToFront()
          bareRuns.push(await bareRun(bare, dashboard, sizes))
        }
        // Alternate which goes first, so drift over the run weighs on both.
        if (i % 2) {
          await runBare()
          await runApp()
        } else {
          await runApp()
          await runBare()
        }
      }
      out.push({
        dashboard,
        app: median(appRuns.map((r) => r.ms)),
        appFirstFrame: appRuns.every((r) => r.firstFrame !== null) ? median(appRuns.map((r) => r.firstFrame!)) : null,
        bare: median(bareRuns.map((r) => r.ms)),
        build: median(bareRuns.map((r) => r.buildMs)),
        sync: median(bareRuns.map((r) => r.syncMs)),
        charts: bareRuns[0]!.charts,
      })
    }
    if (app.pageErrors.length) throw new Error(`the app logged errors: ${app.pageErrors.join('; ')}`)
    return out
  } finally {
    await bareContext.close()
    await app.close()
  }
}

// ---------------------------------------------------------------- suite

export default async function rendererBench(): Promise<BenchResult[]> {
  const tmp = await mkdtemp(join(tmpdir(), 'g60-bench-renderer-'))
  try {
    const t0 = performance.now()
    const dir = (name: string): string => join(tmp, name)
    const normalShares: Shares = new Map()
    const fullShares: Shares = new Map()
    // As shipped (electron-vite's renderer preset leaves the code unminified), then minified for reference.
    await buildRenderer(dir('app'), [sharesPlugin(normalShares)])
    await buildRenderer(dir('app-full'), [fullEchartsPlugin(), sharesPlugin(fullShares)])
    await buildRenderer(dir('app-min'), [], true)
    await buildRenderer(dir('app-full-min'), [fullEchartsPlugin()], true)
    await buildBare(dir('bare'))
    const buildS = (performance.now() - t0) / 1000

    const timings = await timeDashboards(dir('bare'))

    const [normal, full, normalMin, fullMin] = await Promise.all(['app', 'app-full', 'app-min', 'app-full-min'].map((d) => assetSizes(dir(d))))
    const chartLib = (shares: Shares): number => (shares.get('echarts') ?? 0) + (shares.get('zrender') ?? 0)
    const top = [...normalShares]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([pkg, n]) => `${pkg} ${kb(n)}${fullShares.has(pkg) && fullShares.get(pkg) !== n ? ` (full ${kb(fullShares.get(pkg)!)})` : ''}`)
      .join(', ')

    const results: BenchResult[] = timings.map((t) => ({
      name: `renderer: ${t.dashboard} dashboard, data to every chart finished`,
      ratio: t.app / t.bare,
      target: 1.3,
      detail:
        `app ${t.app.toFixed(0)} ms (tab click → all ${DASHBOARDS[t.dashboard].charts.length} panels data-rendered) vs bare ECharts ${t.bare.toFixed(0)} ms ` +
        `(${t.charts} charts: options built ${t.build.toFixed(1)} ms, + init/setOption ${(t.sync - t.build).toFixed(0)} ms, then animation until the last 'finished'); ` +
        `app overhead ${(t.app - t.bare).toFixed(0)} ms. First frame of every chart (no animation): app ${t.appFirstFrame === null ? 'n/a' : `${t.appFirstFrame.toFixed(0)} ms`} ` +
        `(tab click → text in every chart's SVG) vs bare ${t.sync.toFixed(0)} ms (options built + init/setOption returned)${t.appFirstFrame === null ? '' : ` = ${(t.appFirstFrame / t.sync).toFixed(2)}×`}. ` +
        `Medians of ${ROUNDS}, 1920×1080, light, en, SVG renderer`,
    }))
    const worst = timings.reduce((a, b) => (b.app / b.bare > a.app / a.bare ? b : a))
    results.push({
      name: 'renderer: data to every chart finished, worst dashboard',
      ratio: worst.app / worst.bare,
      target: 1.3,
      detail: `max of ${timings.map((t) => `${t.dashboard} ${(t.app / t.bare).toFixed(3)}×`).join(', ')}`,
    })
    results.push({
      name: 'renderer: bundle gzip size vs the same app with all of ECharts',
      ratio: normal.gzip / full.gzip,
      target: 0.6,
      detail:
        `${kb(normal.gzip)} gzip (${kb(normal.raw)} raw; CSS ${kb(normal.cssGzip)} of it) vs ${kb(full.gzip)} gzip (${kb(full.raw)} raw) with \`import * as echarts from 'echarts'\`; ` +
        `electron-vite's renderer build (unminified), gzip -9 per JS/CSS file in assets/, fonts excluded. ` +
        `Minified: ${kb(normalMin.gzip)} vs ${kb(fullMin.gzip)} = ${(normalMin.gzip / fullMin.gzip).toFixed(3)}×. ` +
        `ECharts + zrender alone: ${kb(chartLib(normalShares))} vs ${kb(chartLib(fullShares))} = ${(chartLib(normalShares) / chartLib(fullShares)).toFixed(3)}×. ` +
        `Largest parts (each gzipped alone, before minification): ${top}; builds ${buildS.toFixed(0)} s`,
    })
    return results
  } finally {
    await rm(tmp, { recursive: true, force: true })
  }
}
