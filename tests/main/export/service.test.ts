import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { loadFolder } from '../../../src-main/datasets/load-folder'
import { dataIndex } from '../../../src-main/export/data-index'
import type { Renderer } from '../../../src-main/export/render-host'
import { createExportService, type ExportDeps, type ExportService } from '../../../src-main/export/service'
import { toColumnar } from '../../../src-shared/dataset'
import { DEFAULT_SETTINGS } from '../../../src-shared/settings'
import type { PackExportRequest } from '../../../src-shared/export-contract'
import { chartRequest, NO_DATA } from './fixtures'
import { readDeck } from './pptx-reader'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'g60-service-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** A folder dialog the test answers when it likes, as a user who takes their time. */
function slowDialog() {
  const answers: ((folder: string | null) => void)[] = []
  const chooseFolder = vi.fn(() => new Promise<string | null>((resolve) => answers.push(resolve)))
  return { chooseFolder, answer: (folder: string | null) => answers.shift()!(folder) }
}

function deps(): ExportDeps {
  return {
    data: () => NO_DATA,
    lang: () => 'en',
    settings: () => ({ ...DEFAULT_SETTINGS }),
    appVersion: 'test',
    chooseSavePath: async () => null,
    chooseFolder: async () => null,
    onProgress: () => undefined,
  }
}

function service(chooseFolder: ExportDeps['chooseFolder'], more: Partial<ExportDeps> = {}) {
  return createExportService({ ...deps(), chooseFolder, ...more })
}

const request: PackExportRequest = { formats: ['svg'], scale: 1, theme: 'light' }

describe('one briefing pack at a time', () => {
  it('refuses a second pack while the first one waits for its folder dialog', async () => {
    const dialog = slowDialog()
    const exporter = service(dialog.chooseFolder)
    const first = exporter.pack(request)
    await expect(exporter.pack(request)).rejects.toMatchObject({ code: 'bad-request', message: 'a briefing pack is already being exported' })
    expect(dialog.chooseFolder).toHaveBeenCalledTimes(1)
    dialog.answer(null)
    await expect(first).resolves.toBeNull()
    // The dialog was cancelled, so the next pack may start.
    const third = exporter.pack(request)
    expect(dialog.chooseFolder).toHaveBeenCalledTimes(2)
    dialog.answer(null)
    await expect(third).resolves.toBeNull()
  })

  it('Cancel while the dialog is open stops that pack: nothing is written', async () => {
    const dialog = slowDialog()
    const exporter = service(dialog.chooseFolder)
    const first = exporter.pack(request)
    expect(exporter.cancel()).toBe(true)
    dialog.answer(join(dir, 'pack'))
    await expect(first).rejects.toMatchObject({ message: 'the briefing pack was cancelled' })
    expect(await readdir(dir)).toEqual([])
    expect(exporter.cancel()).toBe(false)
  })

  it('frees the guard when the dialog itself fails', async () => {
    const exporter = service(vi.fn(async () => Promise.reject(new Error('no display'))))
    await expect(exporter.pack(request)).rejects.toThrow('no display')
    await expect(exporter.pack(request)).rejects.toThrow('no display')
  })
})

describe('single exports', () => {
  const fourK = chartRequest({ preset: '4k', scale: 2 })

  it('refuses an image over the total-pixel cap with a clear message, before rendering', async () => {
    const save = vi.fn(async () => join(dir, 'x.png'))
    const exporter = createExportService({ ...deps(), chooseSavePath: save })
    await expect(exporter.chart({ ...fourK, scale: 3 })).rejects.toMatchObject({
      code: 'bad-request',
      message: '11520×6480 is 74.6 million pixels; an image may have at most 33.2 million (7680×4320). Choose a smaller size or scale.',
    })
    await expect(exporter.chart({ ...fourK, preset: 'shown', shown: { width: 8000, height: 4500 }, scale: 1 })).rejects.toMatchObject({ code: 'bad-request', message: expect.stringMatching(/^8000×4500 is 36.0 million pixels/) })
    expect(save).not.toHaveBeenCalled()
  })

  it('cancels a chart while it renders: it rejects as cancelled and nothing is saved', async () => {
    const save = vi.fn(async () => join(dir, 'x.png'))
    let started!: () => void
    const running = new Promise<void>((r) => (started = r))
    const renderer: Renderer = {
      // A render that only ends when cancelled, as a long 4K render would.
      run: (_job, signal) =>
        new Promise((_resolve, reject) => {
          started()
          signal.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })))
        }),
      close: () => undefined,
    }
    const exporter = createExportService({ ...deps(), chooseSavePath: save, renderer })
    const pending = exporter.chart(fourK)
    await running
    expect(exporter.cancel()).toBe(true)
    await expect(pending).rejects.toMatchObject({ code: 'bad-request', message: 'the export was cancelled' })
    expect(save).not.toHaveBeenCalled()
    expect(exporter.cancel()).toBe(false)
  })
})

describe('the PowerPoint deck', () => {
  it('is made of the slides the host gives (presentation mode\'s saved deck), with their notes', async () => {
    const path = join(dir, 'deck.pptx')
    const exporter = service(vi.fn(), { chooseSavePath: async () => path, slides: () => [{ kind: 'title', note: 'Opening words' }] })
    await expect(exporter.deck({ aspect: '16:9', theme: 'light' })).resolves.toMatchObject({ path, slides: 1 })
    const read = await readDeck(await readFile(path))
    expect(read.slides).toHaveLength(1)
    expect(read.slides[0]!.notes.split('\n')[0]).toBe('Opening words')
  })

  const deck = { aspect: '4:3', theme: 'dark' } as const

  it('is refused while a pack waits for its folder, and a pack while a deck waits for its file name', async () => {
    const dialog = slowDialog()
    let answerSave!: (path: string | null) => void
    const exporter = service(dialog.chooseFolder, { chooseSavePath: () => new Promise((resolve) => (answerSave = resolve)) })
    const pack = exporter.pack(request)
    await expect(exporter.deck(deck)).rejects.toMatchObject({ code: 'bad-request', message: 'a briefing pack is already being exported' })
    dialog.answer(null)
    await pack
    const first = exporter.deck(deck)
    await expect(exporter.pack(request)).rejects.toMatchObject({ code: 'bad-request', message: 'a PowerPoint deck is already being exported' })
    answerSave(null)
    await expect(first).resolves.toBeNull()
  })

  it('offers an ASCII-safe name, refuses a bad slide shape, and writes nothing when cancelled in its dialog', async () => {
    let answerSave!: (path: string | null) => void
    const chooseSavePath = vi.fn((_name: string, _ext: string) => new Promise<string | null>((resolve) => (answerSave = resolve)))
    const exporter = service(vi.fn(), { chooseSavePath })
    await expect(exporter.deck({ aspect: '21:9' as never, theme: 'light' })).rejects.toMatchObject({ code: 'bad-request', message: 'slide shape must be 16:9 or 4:3' })
    const run = exporter.deck(deck)
    expect(chooseSavePath).toHaveBeenCalledWith('briefing-deck-en-4x3.pptx', 'pptx')
    expect(exporter.cancel()).toBe(true)
    answerSave(join(dir, 'deck.pptx'))
    await expect(run).rejects.toMatchObject({ message: 'the deck export was cancelled' })
    expect(await readdir(dir)).toEqual([])
  })
})

describe('exports saved through a dialog that adds no extension', () => {
  let saveDir: string
  /** The dialog's answers, in order; the last one repeats. */
  let answers: string[]
  const asked: [string, string][] = []
  let withData: ExportService

  const slide = chartRequest()

  beforeAll(async () => {
    saveDir = await mkdtemp(join(tmpdir(), 'g60-export-save-'))
    const bundled = await loadFolder(resolve(import.meta.dirname, '../../../resources/datasets'))
    expect(bundled.problems).toEqual([])
    const data = dataIndex(bundled.datasets.map(toColumnar))
    withData = createExportService({
      data: () => data,
      lang: () => 'en',
      settings: () => ({ ...DEFAULT_SETTINGS }),
      // What GTK's save dialog hands back: the name exactly as the user typed it.
      chooseSavePath: async (name, ext) => {
        asked.push([name, ext])
        return answers.length > 1 ? answers.shift()! : answers[0]
      },
      chooseFolder: async () => null,
      onProgress: () => undefined,
      appVersion: 'test',
    })
  })
  afterAll(() => rm(saveDir, { recursive: true, force: true }))

  it('writes a chart typed as "briefing" to briefing.png', async () => {
    answers = [join(saveDir, 'briefing')]
    const done = await withData.chart(slide)
    expect(asked).toEqual([['industry-gdp-en.png', 'png']])
    expect(done?.path).toBe(join(saveDir, 'briefing.png'))
    expect((await readFile(join(saveDir, 'briefing.png'))).subarray(1, 4).toString('latin1')).toBe('PNG')
  })

  it('writes a dashboard typed as "briefing" to briefing.pdf', async () => {
    answers = [join(saveDir, 'briefing')]
    const done = await withData.dashboard({ dashboard: 'cities', page: 'slide', format: 'pdf', theme: 'light' })
    expect(done?.path).toBe(join(saveDir, 'briefing.pdf'))
    expect((await readFile(join(saveDir, 'briefing.pdf'))).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  })

  it('leaves a name that has the extension, in any case, as it is', async () => {
    answers = [join(saveDir, 'Chart.SVG')]
    const done = await withData.chart({ ...slide, format: 'svg' })
    expect(done?.path).toBe(join(saveDir, 'Chart.SVG'))
    expect((await readdir(saveDir)).sort()).toEqual(['Chart.SVG', 'briefing.pdf', 'briefing.png'])
  })

  it('asks again, with the full name, when the added extension names a file that exists', async () => {
    asked.length = 0
    // "briefing" → briefing.png exists (first test): the dialog never asked about replacing it.
    answers = [join(saveDir, 'briefing'), join(saveDir, 'briefing.png')]
    const done = await withData.chart(slide)
    expect(asked).toEqual([
      ['industry-gdp-en.png', 'png'],
      [join(saveDir, 'briefing.png'), 'png'],
    ])
    expect(done?.path).toBe(join(saveDir, 'briefing.png'))
  })
})
