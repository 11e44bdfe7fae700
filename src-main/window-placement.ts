/**
 * Where the main window opens. Saved bounds are reused only while they still
 * overlap a display's work area (the screen minus task bars and docks); after
 * a projector or second monitor is unplugged the window is centred on the
 * primary display instead of opening somewhere no one can see it.
 *
 * Plain geometry, no Electron: `window.ts` passes in `screen`'s displays.
 */
import type { WindowBounds } from '../src-shared/settings'

/** A rectangle in screen DIP (Electron's `Rectangle`). */
export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

/** Where to open and in which state. */
export interface WindowPlacement {
  bounds: Rect
  maximized: boolean
  fullScreen: boolean
}

/** Size of a first window, before anything was saved (DIP); shrunk to fit a smaller work area. */
export const DEFAULT_WINDOW_SIZE = { width: 1440, height: 900 } as const

/**
 * How much of a saved window must lie on a display, each way, for it to count
 * as on screen (DIP): enough of its title bar to grab with the pointer. A
 * window smaller than this needs only to be wholly on the display.
 */
export const MIN_VISIBLE_PX = 48

function intersection(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return { width: Math.max(0, width), height: Math.max(0, height) }
}

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), Math.max(lo, hi))

function centred(size: { width: number; height: number }, area: Rect): Rect {
  const width = Math.min(size.width, area.width)
  const height = Math.min(size.height, area.height)
  return {
    x: Math.round(area.x + (area.width - width) / 2),
    y: Math.round(area.y + (area.height - height) / 2),
    width: Math.round(width),
    height: Math.round(height),
  }
}

/**
 * Picks the window's bounds and state.
 *
 * - `saved` overlaps a work area by at least {@link MIN_VISIBLE_PX} each way:
 *   its position is kept; if it is larger than the work area it overlaps most,
 *   it is shrunk to that area and moved inside it.
 * - otherwise (no display there any more, or nothing saved): its size (or
 *   {@link DEFAULT_WINDOW_SIZE}), at most the primary work area, centred on it.
 *
 * Maximised and full-screen state are kept either way.
 */
export function placeWindow(saved: WindowBounds | null, workAreas: readonly Rect[], primaryWorkArea: Rect): WindowPlacement {
  const state = { maximized: saved?.maximized ?? false, fullScreen: saved?.fullScreen ?? false }
  if (!saved) return { bounds: centred(DEFAULT_WINDOW_SIZE, primaryWorkArea), ...state }

  let best: { area: Rect; overlap: number } | null = null
  for (const area of workAreas) {
    const o = intersection(saved, area)
    const visible = o.width >= Math.min(MIN_VISIBLE_PX, saved.width) && o.height >= Math.min(MIN_VISIBLE_PX, saved.height)
    if (visible && (!best || o.width * o.height > best.overlap)) best = { area, overlap: o.width * o.height }
  }
  if (!best) return { bounds: centred(saved, primaryWorkArea), ...state }

  const { area } = best
  const width = Math.min(saved.width, area.width)
  const height = Math.min(saved.height, area.height)
  if (width === saved.width && height === saved.height) {
    return { bounds: { x: saved.x, y: saved.y, width, height }, ...state }
  }
  return {
    bounds: {
      x: Math.round(clamp(saved.x, area.x, area.x + area.width - width)),
      y: Math.round(clamp(saved.y, area.y, area.y + area.height - height)),
      width: Math.round(width),
      height: Math.round(height),
    },
    ...state,
  }
}
