import { describe, expect, it, vi } from 'vitest'
import { Presentation, type PresentationHooks } from '../../src-main/presentation'
import type { DatasetSnapshot } from '../../src-shared/ipc-contract'
import { IDLE_PRESENTATION } from '../../src-shared/presentation'

const snap = (loadedAt: string): DatasetSnapshot => ({ datasets: [], origins: {}, problems: [], folder: null, folderMissing: false, loadedAt })

function setup(displays = 1) {
  let latest = snap('v1')
  const published: string[] = []
  const states: unknown[] = []
  const hooks: Required<PresentationHooks> = {
    displayCount: () => displays,
    setFullScreen: vi.fn(),
    openPresenter: vi.fn(),
    closePresenter: vi.fn(),
    swapDisplays: vi.fn(),
  }
  const p = new Presentation({
    hooks,
    onChange: (s) => states.push(s),
    publishData: (s) => published.push(s.loadedAt),
    latestData: () => latest,
    now: () => 1000,
  })
  const change = (v: string) => {
    latest = snap(v)
    p.dataChanged(latest)
  }
  return { p, hooks, published, states, change }
}

describe('Presentation', () => {
  it('with one display: full screen, no presenter window; ends back to idle', () => {
    const { p, hooks } = setup(1)
    expect(p.start({ index: 2, mode: 'show' })).toMatchObject({ active: true, mode: 'show', index: 2, startedAt: 1000, presenterWindow: false, displays: 1 })
    expect(hooks.setFullScreen).toHaveBeenCalledWith(true)
    expect(hooks.openPresenter).not.toHaveBeenCalled()
    expect(p.end()).toEqual({ ...IDLE_PRESENTATION })
    expect(hooks.setFullScreen).toHaveBeenLastCalledWith(false)
  })

  it('with two displays: opens the presenter window, swaps, closes it at the end', () => {
    const { p, hooks } = setup(2)
    expect(p.start({ index: 0, mode: 'show' })).toMatchObject({ presenterWindow: true, displays: 2 })
    expect(hooks.openPresenter).toHaveBeenCalledWith(false)
    expect(p.swap().swapped).toBe(true)
    expect(hooks.swapDisplays).toHaveBeenCalledWith(true)
    p.end()
    expect(hooks.closePresenter).toHaveBeenCalledOnce()
  })

  it('when the user closes the presenter window, the show goes on without it, and ending does not close it twice', () => {
    const { p, hooks, states } = setup(2)
    p.start({ index: 3, mode: 'show' })
    expect(p.presenterClosed()).toMatchObject({ active: true, index: 3, presenterWindow: false })
    expect(states.at(-1)).toMatchObject({ presenterWindow: false })
    expect(p.swap().swapped).toBe(false)
    expect(hooks.swapDisplays).not.toHaveBeenCalled()
    p.end()
    expect(hooks.closePresenter).not.toHaveBeenCalled()
    expect(hooks.setFullScreen).toHaveBeenLastCalledWith(false)
  })

  it('a rehearsal is neither full screen nor in a second window', () => {
    const { p, hooks } = setup(2)
    expect(p.start({ index: 0, mode: 'rehearse' })).toMatchObject({ mode: 'rehearse', presenterWindow: false })
    expect(hooks.setFullScreen).not.toHaveBeenCalled()
    expect(hooks.openPresenter).not.toHaveBeenCalled()
  })

  it('moves, blanks and pauses only while active', () => {
    const { p } = setup()
    expect(p.update({ index: 3 }).index).toBe(0)
    p.start({ index: 0, mode: 'show' })
    expect(p.update({ index: 3, blank: 'black', paused: true })).toMatchObject({ index: 3, blank: 'black', paused: true })
  })

  it('freezes data during the show and applies it at the end', () => {
    const { p, published, change } = setup()
    change('v2')
    expect(published).toEqual(['v2'])
    p.start({ index: 0, mode: 'show' })
    change('v3')
    expect(published).toEqual(['v2'])
    expect(p.state.dataWaiting).toBe(true)
    expect(p.data().loadedAt).toBe('v2')
    p.end()
    expect(published).toEqual(['v2', 'v3'])
    expect(p.data().loadedAt).toBe('v3')
  })

  it('Apply now brings waiting data in and the show goes on', () => {
    const { p, published, change } = setup()
    p.start({ index: 1, mode: 'show' })
    change('v2')
    expect(p.applyData()).toMatchObject({ active: true, index: 1, dataWaiting: false })
    expect(published).toEqual(['v2'])
    expect(p.data().loadedAt).toBe('v2')
    change('v3')
    expect(p.data().loadedAt).toBe('v2')
  })
})
