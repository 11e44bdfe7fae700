/**
 * The state of a running show, held by main and mirrored by every window
 * (the audience window and the presenter view), and the requests that change
 * it, with their validation.
 */

/** `show`: slides full screen (presenter view on a second display if any); `rehearse`: the presenter view in the one window. */
export type PresentMode = 'show' | 'rehearse'

/** The running show as main holds it and every window mirrors it. */
export interface PresentationState {
  active: boolean
  mode: PresentMode | null
  /** Index into the deck's included slides. */
  index: number
  /** A blacked-out or whited-out screen, or the slide. */
  blank: 'black' | 'white' | null
  /** Auto-advance paused with K. */
  paused: boolean
  /** When the show started, ms since the epoch; `null` when not presenting. */
  startedAt: number | null
  /** Data changed during the show and waits to be applied. */
  dataWaiting: boolean
  /** Displays attached (1 when unknown). */
  displays: number
  /** The presenter view has its own window on the other display. */
  presenterWindow: boolean
  /** The slides and the presenter view have swapped displays. */
  swapped: boolean
  /** The audience window's slide size, CSS px, as that window reports it; `null` until it does. The presenter view draws its previews at this size, scaled down. */
  slideSize: SlideSize | null
}

/** A slide's size on the audience's screen, CSS px (whole numbers, 1 to {@link MAX_SLIDE_SIDE}). */
export interface SlideSize {
  width: number
  height: number
}

/** Largest slide side accepted across IPC, px (an 8K screen is 7680 wide). */
export const MAX_SLIDE_SIDE = 16_384

/** A request to start the show. */
export interface PresentStart {
  /** Included-slide index to start from. */
  index: number
  mode: PresentMode
}

/** A move during the show: slide, blackout/whiteout, auto-advance pause. */
export type PresentUpdate = Partial<Pick<PresentationState, 'index' | 'blank' | 'paused' | 'slideSize'>>

/** The state when no show runs. */
export const IDLE_PRESENTATION: Readonly<PresentationState> = Object.freeze({
  active: false,
  mode: null,
  index: 0,
  blank: null,
  paused: false,
  startedAt: null,
  dataWaiting: false,
  displays: 1,
  presenterWindow: false,
  swapped: false,
  slideSize: null,
})

/** Highest slide index accepted across IPC (a deck is far smaller). */
const MAX_INDEX = 10_000

const isSide = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= MAX_SLIDE_SIDE

/** A slide size from the page: exactly `{width, height}`, whole px from 1 to {@link MAX_SLIDE_SIDE}; `null` otherwise. */
function checkSlideSize(v: unknown): SlideSize | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null
  const keys = Object.keys(v)
  const r = v as Record<string, unknown>
  return keys.length === 2 && isSide(r.width) && isSide(r.height) ? { width: r.width, height: r.height } : null
}

const isIndex = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX_INDEX

/** Validates a start request from the page. */
export function checkStart(raw: unknown): PresentStart | string {
  if (typeof raw !== 'object' || raw === null) return 'expected {index, mode}'
  const r = raw as Record<string, unknown>
  if (!isIndex(r.index)) return 'index must be a whole number from 0'
  if (r.mode !== 'show' && r.mode !== 'rehearse') return 'mode must be "show" or "rehearse"'
  return { index: r.index, mode: r.mode }
}

/** Validates an update from the page; unknown keys are refused. */
export function checkUpdate(raw: unknown): PresentUpdate | string {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'expected {index?, blank?, paused?, slideSize?}'
  const out: PresentUpdate = {}
  for (const [k, v] of Object.entries(raw)) {
    if (k === 'index' && isIndex(v)) out.index = v
    else if (k === 'blank' && (v === null || v === 'black' || v === 'white')) out.blank = v
    else if (k === 'paused' && typeof v === 'boolean') out.paused = v
    else if (k === 'slideSize' && checkSlideSize(v)) out.slideSize = checkSlideSize(v)
    else return `bad or unknown field "${k}"`
  }
  return out
}
