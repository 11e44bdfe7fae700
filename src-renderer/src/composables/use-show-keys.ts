import { onBeforeUnmount, ref } from 'vue'
import { usePresentStore } from '../stores/present'

/** How long the first Esc waits for the second, ms (issue 10: "a second within 3 s ends"). */
export const ESC_WINDOW_MS = 3000

const FORWARD = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Enter', 'n', 'N'])
const BACK = new Set(['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace', 'p', 'P'])

/**
 * The show's keys, as clickers and presentation programs use them: forward
 * and back, Home and End, a number then Enter, B/. black and W/, white (any
 * key returns, Esc included), Esc twice to end (a clicker's start button alternates F5 and
 * Esc, so one Esc must not end the show), F5 harmless, ? for help, K for
 * auto-advance. Used by the slide show and the presenter view alike.
 */
export function useShowKeys() {
  const present = usePresentStore()
  const escArmed = ref(false)
  const digits = ref('')
  const helpOpen = ref(false)
  let escTimer: ReturnType<typeof setTimeout> | undefined

  function disarm(): void {
    clearTimeout(escTimer)
    escArmed.value = false
  }

  /** Handles one key; returns true when it was the show's (the caller then prevents the default). */
  function onKey(event: KeyboardEvent): boolean {
    if (event.ctrlKey || event.metaKey || event.altKey) return false
    const key = event.key
    const s = present.state
    if (key === 'F5') return true // Already presenting: nothing to start, and no reload.
    if (key === 'Escape') {
      if (helpOpen.value) {
        helpOpen.value = false
        return true
      }
      if (s.blank) {
        // As in PowerPoint: on a black or white screen Esc first brings the slide back (like any key), and does not arm the end.
        disarm()
        void present.update({ blank: null })
        return true
      }
      if (escArmed.value) {
        disarm()
        void present.end()
      } else {
        escArmed.value = true
        escTimer = setTimeout(disarm, ESC_WINDOW_MS)
      }
      return true
    }
    if (['Shift', 'Control', 'Alt', 'Meta'].includes(key)) return false
    disarm()
    if (s.blank) {
      // Any key brings the slide back, and does nothing else.
      void present.update({ blank: null })
      return true
    }
    if (/^[0-9]$/.test(key)) {
      digits.value = (digits.value + key).slice(-4)
      return true
    }
    if (key === 'Enter' && digits.value) {
      const n = Number(digits.value)
      digits.value = ''
      if (n >= 1) void present.go(n - 1)
      return true
    }
    digits.value = ''
    if (key === '?') {
      helpOpen.value = !helpOpen.value
      return true
    }
    helpOpen.value = false
    if (FORWARD.has(key)) void present.forward()
    else if (BACK.has(key)) void present.back()
    else if (key === 'Home') void present.go(0)
    else if (key === 'End') void present.go(present.count - 1)
    else if (key === 'b' || key === 'B' || key === '.') void present.update({ blank: 'black' })
    else if (key === 'w' || key === 'W' || key === ',') void present.update({ blank: 'white' })
    else if (key === 'k' || key === 'K') void present.update({ paused: !s.paused })
    else return false
    return true
  }

  onBeforeUnmount(disarm)
  return { onKey, escArmed, digits, helpOpen }
}
