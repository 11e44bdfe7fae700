import { describe, expect, it } from 'vitest'
import { DEFAULT_WINDOW_SIZE, MIN_VISIBLE_PX, placeWindow, type Rect } from '../../src-main/window-placement'
import type { WindowBounds } from '../../src-shared/settings'

/** A laptop's work area (task bar at the bottom) and a projector to its right. */
const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1040 }
const projector: Rect = { x: 1920, y: 0, width: 1280, height: 800 }

const saved = (b: Partial<WindowBounds>): WindowBounds => ({ x: 100, y: 80, width: 1400, height: 900, maximized: false, fullScreen: false, ...b })

describe('placeWindow', () => {
  it('opens where it was while that place is on a display', () => {
    expect(placeWindow(saved({}), [laptop, projector], laptop)).toEqual({ bounds: { x: 100, y: 80, width: 1400, height: 900 }, maximized: false, fullScreen: false })
    const onProjector = saved({ x: 2000, y: 40, width: 1100, height: 700 })
    expect(placeWindow(onProjector, [laptop, projector], laptop).bounds).toEqual({ x: 2000, y: 40, width: 1100, height: 700 })
  })

  it('centres on the primary display when the projector it was on is unplugged', () => {
    const onProjector = saved({ x: 2000, y: 40, width: 1100, height: 700, maximized: true })
    expect(placeWindow(onProjector, [laptop], laptop)).toEqual({
      bounds: { x: (1920 - 1100) / 2, y: (1040 - 700) / 2, width: 1100, height: 700 },
      maximized: true,
      fullScreen: false,
    })
  })

  it('does not count a sliver at a screen edge as on screen', () => {
    const sliver = saved({ x: 1920 - (MIN_VISIBLE_PX - 1), y: 100 })
    expect(placeWindow(sliver, [laptop], laptop).bounds).toEqual({ x: 260, y: 70, width: 1400, height: 900 })
    const grabbable = saved({ x: 1920 - MIN_VISIBLE_PX, y: 100 })
    expect(placeWindow(grabbable, [laptop], laptop).bounds).toEqual({ x: 1920 - MIN_VISIBLE_PX, y: 100, width: 1400, height: 900 })
    const aboveTheTop = saved({ y: -900 + (MIN_VISIBLE_PX - 1) })
    expect(placeWindow(aboveTheTop, [laptop], laptop).bounds.y).toBe(70)
  })

  it('shrinks a window saved on a larger display to the one it now overlaps, and moves it inside', () => {
    const fromA4kScreen = saved({ x: 1800, y: 0, width: 3000, height: 1600 })
    expect(placeWindow(fromA4kScreen, [laptop, projector], laptop).bounds).toEqual({ x: 1920, y: 0, width: 1280, height: 800 })
  })

  it('shrinks a window too big for the primary display when it is centred there', () => {
    const small: Rect = { x: 0, y: 0, width: 1366, height: 728 }
    expect(placeWindow(saved({ x: 5000, width: 1800, height: 1000 }), [small], small).bounds).toEqual(small)
  })

  it('centres the default size on the primary display on a first start', () => {
    const primary: Rect = { x: 1920, y: 0, width: 2560, height: 1400 }
    expect(placeWindow(null, [laptop, primary], primary)).toEqual({
      bounds: { x: 1920 + (2560 - DEFAULT_WINDOW_SIZE.width) / 2, y: (1400 - DEFAULT_WINDOW_SIZE.height) / 2, width: DEFAULT_WINDOW_SIZE.width, height: DEFAULT_WINDOW_SIZE.height },
      maximized: false,
      fullScreen: false,
    })
  })

  it('keeps full-screen state, also when the display it was on is gone', () => {
    expect(placeWindow(saved({ fullScreen: true }), [laptop], laptop).fullScreen).toBe(true)
    expect(placeWindow(saved({ x: 2100, fullScreen: true }), [laptop], laptop)).toMatchObject({ fullScreen: true, bounds: { x: 260, y: 70 } })
  })

  it('handles a display left of or above the primary one (negative coordinates)', () => {
    const left: Rect = { x: -1280, y: -200, width: 1280, height: 1024 }
    expect(placeWindow(saved({ x: -1200, y: -150, width: 1000, height: 700 }), [laptop, left], laptop).bounds).toEqual({ x: -1200, y: -150, width: 1000, height: 700 })
  })
})
