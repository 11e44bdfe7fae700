import type { G60Api } from '../../src-shared/preload-api'

// The page's `window.g60`, for `page.evaluate` callbacks; the renderer declares the same in src-renderer/src/env.d.ts.
declare global {
  interface Window {
    g60: G60Api
  }
}
