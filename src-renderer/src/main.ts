import '@fontsource/noto-sans-sc/400.css'
import '@fontsource/noto-sans-sc/700.css'
import './styles.css'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import { echarts, registerG60 } from '../../src-shared/charts/echarts'
import { themeStyleSheet } from '../../src-shared/theme'
import App from './App.vue'
import { useDataStore } from './stores/data'
import { createAppI18n } from './i18n'
import { useNoticesStore } from './stores/notices'
import { useSettingsStore } from './stores/settings'
import { useDeckStore } from './stores/deck'
import { usePresentStore } from './stores/present'

/** The theme's custom properties, from the one token module, as a constructed style sheet (no inline <style>). */
function adoptThemeVariables(): void {
  const sheet = new CSSStyleSheet()
  sheet.replaceSync(themeStyleSheet())
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
}

async function start(): Promise<void> {
  adoptThemeVariables()
  registerG60(echarts)
  const pinia = createPinia()
  const app = createApp(App).use(pinia)
  const settings = useSettingsStore(pinia)
  await settings.init()
  await useNoticesStore(pinia).init()
  await useDataStore(pinia).init()
  await useDeckStore(pinia).init()
  await usePresentStore(pinia).init()
  app.use(createAppI18n(settings.effectiveLang))
  app.mount('#app')
}

start().catch((err: unknown) => {
  const el = document.getElementById('app')
  if (el) {
    el.setAttribute('role', 'alert')
    el.textContent = `G60 Briefing could not start: ${(err as Error).message ?? String(err)}`
  }
})
