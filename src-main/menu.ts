import type { MenuItemConstructorOptions } from 'electron'
import type { ViewId } from '../src-shared/ipc-contract'
import { THEMES, type Lang, type Settings, type Theme } from '../src-shared/settings'

/** What the application menu's own items do; the glue in index.ts supplies them. */
export interface MenuActions {
  openDataFolder(): void
  exportPack(): void
  exportDeck(): void
  navigate(view: ViewId): void
  setTheme(theme: Theme): void
  setLang(lang: Lang | null): void
  about(): void
}

const THEME_LABELS: Record<Theme, string> = { light: 'Light', dark: 'Dark', projector: 'Projector (high contrast)' }
const VIEWS: [ViewId, string][] = [
  ['overview', 'Overview'],
  ['rectification', 'Urban Rectification'],
  ['industry', 'Industry Before and After 2016'],
  ['cities', 'The Nine Cities'],
]

/**
 * The application menu: the platform's standard roles plus the app's own
 * commands. A plain function of settings and actions so it can be tested.
 */
export function buildMenuTemplate(settings: Settings, actions: MenuActions, isMac: boolean, isDev: boolean): MenuItemConstructorOptions[] {
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { id: 'open-data-folder', label: 'Open Data Folder…', accelerator: 'CmdOrCtrl+O', click: () => actions.openDataFolder() },
      { id: 'export-pack', label: 'Export Briefing Pack…', accelerator: 'CmdOrCtrl+Shift+E', click: () => actions.exportPack() },
      { id: 'export-deck', label: 'Export PowerPoint Deck…', accelerator: 'CmdOrCtrl+Shift+D', click: () => actions.exportDeck() },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  }
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...VIEWS.map(([id, label], i): MenuItemConstructorOptions => ({
        id: `view-${id}`,
        label,
        accelerator: `CmdOrCtrl+${i + 1}`,
        click: () => actions.navigate(id),
      })),
      { type: 'separator' },
      {
        label: 'Theme',
        submenu: THEMES.map((t): MenuItemConstructorOptions => ({
          id: `theme-${t}`,
          label: THEME_LABELS[t],
          type: 'radio',
          checked: settings.theme === t,
          click: () => actions.setTheme(t),
        })),
      },
      {
        label: 'Language',
        submenu: [
          { id: 'lang-system', label: 'System Default', type: 'radio', checked: settings.lang === null, click: () => actions.setLang(null) },
          { id: 'lang-zh-CN', label: '中文（简体）', type: 'radio', checked: settings.lang === 'zh-CN', click: () => actions.setLang('zh-CN') },
          { id: 'lang-en', label: 'English', type: 'radio', checked: settings.lang === 'en', click: () => actions.setLang('en') },
        ],
      },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(isDev ? [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const] : []),
    ],
  }
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [{ id: 'about', label: 'About G60 Briefing', click: () => actions.about() }],
  }
  return [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    file,
    { role: 'editMenu' },
    view,
    { role: 'windowMenu' },
    help,
  ]
}
