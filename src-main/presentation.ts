/**
 * The running show, held in main so that the audience window and the
 * presenter view share one state. Also freezes the data on screen while
 * presenting: a changed data file waits and is applied at the end (or on
 * *Apply now*). Electron's parts (full screen, the second window, displays)
 * come in as hooks, so this is tested under Node and in the browser harness.
 */
import type { DatasetSnapshot } from '../src-shared/ipc-contract'
import { IDLE_PRESENTATION, type PresentationState, type PresentStart, type PresentUpdate } from '../src-shared/presentation'

/** What the Electron glue (or the test harness) does for a show. */
export interface PresentationHooks {
  /** Displays attached; 1 when unknown. */
  displayCount?(): number
  /** Puts the window showing the slides into, or out of, full screen. */
  setFullScreen?(on: boolean): void
  /** Opens the presenter view in its own window on the other display (`swapped`: on the primary display). */
  openPresenter?(swapped: boolean): void
  closePresenter?(): void
  /** Moves the slides and the presenter view to each other's display. */
  swapDisplays?(swapped: boolean): void
}

/** What the show needs from the core: the hooks, how to tell windows, and the data. */
export interface PresentationOptions {
  hooks: PresentationHooks
  /** Tells every window the new state. */
  onChange(state: PresentationState): void
  /** Sends data to the windows (the core's `datasets:changed`). */
  publishData(snapshot: DatasetSnapshot): void
  /** The data as loaded now. */
  latestData(): DatasetSnapshot
  now?: () => number
}

/** The one show state both windows share, and the frozen data while presenting. */
export class Presentation {
  #state: PresentationState = { ...IDLE_PRESENTATION }
  /** The data the windows show while presenting; `null` when not frozen. */
  #frozen: DatasetSnapshot | null = null

  constructor(private readonly o: PresentationOptions) {}

  get state(): PresentationState {
    return { ...this.#state }
  }

  #set(next: Partial<PresentationState>): PresentationState {
    this.#state = { ...this.#state, ...next }
    this.o.onChange(this.state)
    return this.state
  }

  /** The data windows should show: frozen during a show, the latest otherwise. */
  data(): DatasetSnapshot {
    return this.#frozen ?? this.o.latestData()
  }

  /** Called when the loaded data changed: passed on, or held while presenting. */
  dataChanged(snapshot: DatasetSnapshot): void {
    if (!this.#state.active) return this.o.publishData(snapshot)
    if (!this.#state.dataWaiting) this.#set({ dataWaiting: true })
  }

  start(request: PresentStart): PresentationState {
    const h = this.o.hooks
    const displays = Math.max(1, h.displayCount?.() ?? 1)
    if (!this.#state.active) this.#frozen = this.o.latestData()
    const presenterWindow = request.mode === 'show' && displays > 1
    if (request.mode === 'show') h.setFullScreen?.(true)
    if (presenterWindow && !this.#state.presenterWindow) h.openPresenter?.(false)
    return this.#set({
      active: true,
      mode: request.mode,
      index: request.index,
      blank: null,
      paused: false,
      startedAt: this.#state.active ? this.#state.startedAt : (this.o.now ?? Date.now)(),
      displays,
      presenterWindow,
      swapped: false,
    })
  }

  update(patch: PresentUpdate): PresentationState {
    if (!this.#state.active) return this.state
    return this.#set(patch)
  }

  swap(): PresentationState {
    if (!this.#state.presenterWindow) return this.state
    const swapped = !this.#state.swapped
    this.o.hooks.swapDisplays?.(swapped)
    return this.#set({ swapped })
  }

  /** The user closed the presenter window themselves: the show goes on in the audience window alone. */
  presenterClosed(): PresentationState {
    if (!this.#state.presenterWindow) return this.state
    return this.#set({ presenterWindow: false })
  }

  /** Applies waiting data now; the show goes on with it. */
  applyData(): PresentationState {
    if (this.#state.active) this.#frozen = this.o.latestData()
    if (this.#state.dataWaiting) this.o.publishData(this.o.latestData())
    return this.#set({ dataWaiting: false })
  }

  end(): PresentationState {
    if (!this.#state.active) return this.state
    const waiting = this.#state.dataWaiting
    const h = this.o.hooks
    if (this.#state.presenterWindow) h.closePresenter?.()
    if (this.#state.mode === 'show') h.setFullScreen?.(false)
    this.#frozen = null
    const state = this.#set({ ...IDLE_PRESENTATION, displays: this.#state.displays })
    if (waiting) this.o.publishData(this.o.latestData())
    return state
  }
}
