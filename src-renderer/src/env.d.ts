/// <reference types="vite/client" />
import type { G60Api } from '../../src-shared/preload-api'

declare global {
  interface Window {
    g60: G60Api
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}
