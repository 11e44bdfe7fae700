import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createExportService, type ExportDeps } from '../../../src-main/export/service'
import { DEFAULT_SETTINGS } from '../../../src-shared/settings'
import type { PackExportRequest } from '../../../src-shared/export-contract'
import { NO_DATA } from './fixtures'

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

function service(chooseFolder: ExportDeps['chooseFolder']) {
  return createExportService({
    data: () => NO_DATA,
    lang: () => 'en',
    settings: () => ({ ...DEFAULT_SETTINGS }),
    chooseSavePath: async () => null,
    chooseFolder,
    onProgress: () => undefined,
  })
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
