/**
 * The app's export commands: validates what the page asks for, draws it with
 * the same engine as the CLI, and writes it where the user chose. Where to
 * save and the clipboard are injected, so this runs (and is tested) without Electron.
 */
import { DASHBOARDS } from '../../src-shared/charts'
import type { ChartSpec, DashboardId, DataIndex } from '../../src-shared/charts/types'
import {
  SIZE_PRESET_PX,
  type ChartExportRequest,
  type DashboardExportRequest,
  type DeckDone,
  type DeckExportRequest,
  type ExportDone,
  type ExportProgress,
  type PackDone,
  type PackExportRequest,
} from '../../src-shared/export-contract'
import { markingText, THEMES, type Lang, type Settings } from '../../src-shared/settings'
import { HandlerError } from '../ipc/gateway'
import { askSavePath } from './save-path'
import { chartFileName, dashboardFileName, deckFileName } from './names'
import { PACK_FORMATS } from './pack'
import { DECK_ASPECTS } from './pptx-layout'
import type { DeckSlide } from './deck'
import { checkChartOptions, checkViewChoices, type ViewChoices } from './render'
import { inThreadRenderer, type Renderer } from './render-host'
import { writeExport } from './write'

/** What the export handlers need from the host: current data, language and settings, dialogs, clipboard, and a progress sink. */
export interface ExportDeps {
  data(): DataIndex
  lang(): Lang
  settings(): Settings
  /** The app's version, printed on a deck's title slide. */
  appVersion: string
  /** The PowerPoint deck's slides: presentation mode's saved deck; the default deck when absent. */
  slides?(): DeckSlide[]
  /** Asks where to save; `null` when the user cancels. */
  chooseSavePath(defaultName: string, extension: string): Promise<string | null>
  /** Asks for the briefing pack's folder; `null` when the user cancels. */
  chooseFolder(): Promise<string | null>
  /** Puts a PNG on the system clipboard. */
  copyImage?(png: Uint8Array): Promise<void>
  onProgress(progress: ExportProgress): void
  /** Where rendering runs; by default in this thread over `data()`. The app passes a `WorkerRenderer`. */
  renderer?: Renderer
}

const CHARTS = new Map<string, { spec: ChartSpec; dashboard: DashboardId }>(
  Object.values(DASHBOARDS).flatMap((d) => d.charts.map((spec) => [spec.id, { spec, dashboard: d.id }] as const)),
)

function bad(message: string): never {
  throw new HandlerError('bad-request', message)
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/**
 * The view choices the screen draws with (the city GDP scale, the map's figure), taken from the
 * settings main holds — the page changes them only through `settings:update`, which checks them —
 * and checked again here, so an export never draws with a value that did not pass.
 */
function viewOf(settings: Settings): ViewChoices {
  const view = { cityScale: settings.cityScale, mapIndicator: settings.mapIndicator }
  const invalid = checkViewChoices(view)
  if (invalid) bad(invalid)
  return view
}

function checkTheme(v: unknown): void {
  if (!THEMES.includes(v as never)) bad(`export theme must be one of ${THEMES.join(', ')}`)
}

/** The export IPC handlers (chart, dashboard, pack, cancel). Every request field is checked; a bad one is a `bad-request` HandlerError. */
// eslint-disable-next-line max-lines-per-function -- the export handlers share the one running-job guard and its abort controller
export function createExportService(deps: ExportDeps) {
  let running: AbortController | null = null
  /** What `running` is, for the message refusing a second export. */
  let runningKind: 'pack' | 'deck' = 'pack'
  const busy = (): never => {
    throw new HandlerError('bad-request', runningKind === 'pack' ? 'a briefing pack is already being exported' : 'a PowerPoint deck is already being exported')
  }
  /** Single-chart and dashboard exports being rendered; `cancel` stops them too. */
  const rendering = new Set<AbortController>()
  const renderer = deps.renderer ?? inThreadRenderer(() => deps.data())

  /** Renders with a cancel handle; a cancelled render rejects with a `bad-request` saying so. */
  async function cancellable<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController()
    rendering.add(controller)
    try {
      return await work(controller.signal)
    } catch (err) {
      if (controller.signal.aborted) throw new HandlerError('bad-request', 'the export was cancelled')
      if (err instanceof RangeError) bad(err.message)
      throw err
    } finally {
      rendering.delete(controller)
    }
  }

  /** Asks where to save; the answer always ends in `.ext` (see `askSavePath`). */
  const savePath = (defaultName: string, ext: string): Promise<string | null> => askSavePath((name) => deps.chooseSavePath(name, ext), defaultName, [ext])

  async function chart(req: ChartExportRequest): Promise<ExportDone | null> {
    if (!isObject(req)) bad('export request must be an object')
    const found = CHARTS.get(req.chartId)
    if (!found) bad(`unknown chart "${String(req.chartId)}"`)
    if (!['png', 'svg', 'jpeg'].includes(req.format)) bad('format must be png, svg or jpeg')
    if (!['slide', '4k', 'shown'].includes(req.preset)) bad('size must be slide, 4k or shown')
    if (!['solid', 'transparent'].includes(req.background)) bad('background must be solid or transparent')
    if (!['file', 'clipboard'].includes(req.destination)) bad('destination must be file or clipboard')
    checkTheme(req.theme)
    const size = req.preset === 'shown' ? { width: Math.round(req.shown?.width), height: Math.round(req.shown?.height) } : SIZE_PRESET_PX[req.preset]
    const format = req.destination === 'clipboard' ? 'png' : req.format
    const settings = deps.settings()
    const opts = {
      format,
      scale: req.scale,
      ...size,
      theme: req.theme,
      lang: deps.lang(),
      background: req.background,
      caption: req.caption !== false,
      breakYear: settings.breakYear,
      decals: settings.decals,
      ...viewOf(settings),
      marking: markingText(settings.marking, deps.lang()),
    } as const
    const invalid = checkChartOptions(opts)
    if (invalid) bad(invalid)

    const file = await cancellable((signal) => renderer.run({ kind: 'chart', chartId: found.spec.id, opts }, signal))
    if (req.destination === 'clipboard') {
      if (!deps.copyImage) throw new HandlerError('not-found', 'the clipboard is not available here')
      await deps.copyImage(file.bytes)
      return { path: 'clipboard', width: file.width, height: file.height, bytes: file.bytes.length }
    }
    const path = await savePath(chartFileName(found.dashboard, found.spec.id, opts.lang, file.fileExt), file.fileExt)
    if (path === null) return null
    await writeExport(path, file.bytes)
    return { path, width: file.width, height: file.height, bytes: file.bytes.length }
  }

  async function dashboard(req: DashboardExportRequest): Promise<ExportDone | null> {
    if (!isObject(req)) bad('export request must be an object')
    if (!Object.hasOwn(DASHBOARDS, req.dashboard)) bad(`unknown dashboard "${String(req.dashboard)}"`)
    if (!['slide', 'a4'].includes(req.page)) bad('page must be slide or a4')
    if (!['png', 'pdf'].includes(req.format)) bad('format must be png or pdf')
    checkTheme(req.theme)
    const settings = deps.settings()
    const lang = deps.lang()
    const opts = { page: req.page, format: req.format, theme: req.theme, lang, breakYear: settings.breakYear, decals: settings.decals, ...viewOf(settings), marking: markingText(settings.marking, lang) } as const
    const bytes = await cancellable((signal) => renderer.run({ kind: 'dashboard', dashboard: req.dashboard, opts }, signal))
    const path = await savePath(dashboardFileName(req.dashboard, req.page, lang, req.format), req.format)
    if (path === null) return null
    await writeExport(path, bytes)
    const size = req.page === 'slide' ? SIZE_PRESET_PX.slide : { width: 1754, height: 1240 }
    return { path, ...size, bytes: bytes.length }
  }

  function checkAspect(v: unknown): void {
    if (!DECK_ASPECTS.includes(v as never)) bad(`slide shape must be ${DECK_ASPECTS.join(' or ')}`)
  }

  async function pack(req: PackExportRequest): Promise<PackDone | null> {
    if (!isObject(req)) bad('export request must be an object')
    if (running) busy()
    if (!Array.isArray(req.formats) || req.formats.length === 0 || !req.formats.every((f) => PACK_FORMATS.includes(f))) {
      bad(`formats must be some of ${PACK_FORMATS.join(', ')}`)
    }
    checkTheme(req.theme)
    if (req.aspect !== undefined) checkAspect(req.aspect)
    // The guard is set before the folder dialog: a second request while the dialog is open is refused too.
    const controller = new AbortController()
    running = controller
    runningKind = 'pack'
    try {
      const folder = await deps.chooseFolder()
      if (folder === null) return null
      controller.signal.throwIfAborted()
      const settings = deps.settings()
      const lang = deps.lang()
      const opts = {
        formats: req.formats,
        scale: req.scale,
        ...SIZE_PRESET_PX.slide,
        theme: req.theme,
        lang,
        aspect: req.aspect ?? '16:9',
        appVersion: deps.appVersion,
        slides: req.formats.includes('pptx') ? deps.slides?.() : undefined,
        marking: markingText(settings.marking, lang),
        breakYear: settings.breakYear,
        decals: settings.decals,
        ...viewOf(settings),
      }
      const result = await renderer.run({ kind: 'pack', folder, opts }, controller.signal, deps.onProgress)
      return { folder, files: result.files, skipped: result.skipped }
    } catch (err) {
      if (controller.signal.aborted) throw new HandlerError('bad-request', 'the briefing pack was cancelled')
      if (err instanceof RangeError) bad(err.message)
      throw err
    } finally {
      running = null
    }
  }

  async function deck(req: DeckExportRequest): Promise<DeckDone | null> {
    if (!isObject(req)) bad('export request must be an object')
    if (running) busy()
    checkAspect(req.aspect)
    checkTheme(req.theme)
    // As for the pack, the guard is set before the save dialog.
    const controller = new AbortController()
    running = controller
    runningKind = 'deck'
    try {
      const lang = deps.lang()
      const path = await savePath(deckFileName(lang, req.aspect), 'pptx')
      if (path === null) return null
      controller.signal.throwIfAborted()
      const settings = deps.settings()
      const opts = {
        aspect: req.aspect,
        theme: req.theme,
        lang,
        appVersion: deps.appVersion,
        marking: markingText(settings.marking, lang),
        breakYear: settings.breakYear,
        decals: settings.decals,
        ...viewOf(settings),
        slides: deps.slides?.(),
      }
      return await renderer.run({ kind: 'deck', path, opts }, controller.signal, deps.onProgress)
    } catch (err) {
      if (controller.signal.aborted) throw new HandlerError('bad-request', 'the deck export was cancelled')
      throw err
    } finally {
      running = null
    }
  }

  /** Cancels the running briefing pack or deck and any chart or dashboard being rendered; `false` when nothing runs. */
  function cancel(): boolean {
    const all = [...rendering, ...(running ? [running] : [])]
    for (const c of all) c.abort()
    return all.length > 0
  }

  return { chart, dashboard, pack, deck, cancel }
}

/** The export handlers `createExportService` returns. */
export type ExportService = ReturnType<typeof createExportService>
