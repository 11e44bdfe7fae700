import { beforeEach, describe, expect, it, vi } from 'vitest'
import { BrowserWindow, resetElectronMock, screen } from '../mocks/electron'
import { createPresenterGlue } from '../../src-main/presenter-window'
import { secureWebPreferences } from '../../src-main/window'
import type { BrowserWindow as ElectronWindow } from 'electron'

const LAPTOP = { id: 1, bounds: { x: 0, y: 0, width: 1440, height: 900 }, workArea: { x: 0, y: 25, width: 1440, height: 875 } }
const PROJECTOR = { id: 7, bounds: { x: 1440, y: 0, width: 1024, height: 768 }, workArea: { x: 1440, y: 0, width: 1024, height: 768 } }

function setup() {
  const main = new BrowserWindow({})
  const closedByUser = vi.fn()
  const glue = createPresenterGlue({
    mainWindow: () => main as unknown as ElectronWindow,
    preloadPath: '/app/preload.cjs',
    entryUrl: 'app://g60/index.html',
    onPresenterClosed: closedByUser,
  })
  return { main, glue, closedByUser }
}

beforeEach(() => {
  resetElectronMock()
  screen.displays = [LAPTOP]
})

describe('presenter window glue', () => {
  it('with one display: full screen in place, restored to the old bounds at the end', () => {
    const { main, glue } = setup()
    expect(glue.displayCount!()).toBe(1)
    expect(glue.showing()).toBe(false)
    glue.setFullScreen!(true)
    expect(glue.showing()).toBe(true)
    expect(main.fullScreen).toBe(true)
    expect(main.bounds).toEqual(LAPTOP.bounds)
    glue.setFullScreen!(false)
    expect(glue.showing()).toBe(false)
    expect(main.fullScreen).toBe(false)
    expect(main.bounds).toEqual({ x: 10, y: 20, width: 1300, height: 800 })
  })

  it('with a projector: slides full screen on it, presenter view on the laptop with the same security settings', () => {
    screen.displays = [LAPTOP, PROJECTOR]
    const { main, glue, closedByUser } = setup()
    expect(glue.displayCount!()).toBe(2)
    glue.setFullScreen!(true)
    glue.openPresenter!(false)
    expect(main.bounds).toEqual(PROJECTOR.bounds)
    expect(main.fullScreen).toBe(true)
    const presenter = BrowserWindow.created[1]!
    expect(presenter.options).toMatchObject({ ...LAPTOP.workArea, webPreferences: secureWebPreferences('/app/preload.cjs') })
    expect(presenter.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false })
    expect(presenter.loadedUrl).toBe('app://g60/index.html#presenter')
    expect(glue.windows()).toHaveLength(2)

    glue.swapDisplays!(true)
    expect(main.bounds).toEqual(LAPTOP.bounds)
    expect(presenter.bounds).toEqual(PROJECTOR.workArea)

    glue.closePresenter!()
    expect(presenter.destroyed).toBe(true)
    expect(glue.windows()).toHaveLength(1)
    expect(closedByUser).not.toHaveBeenCalled()
  })

  it('tells the show when the user closes the presenter window with its close button', () => {
    screen.displays = [LAPTOP, PROJECTOR]
    const { glue, closedByUser } = setup()
    glue.setFullScreen!(true)
    glue.openPresenter!(false)
    BrowserWindow.created[1]!.close()
    expect(closedByUser).toHaveBeenCalledOnce()
    expect(glue.windows()).toHaveLength(1)
  })
})
