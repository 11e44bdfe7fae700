import type { MenuItemConstructorOptions } from 'electron'
import { t, type MessageKey } from '../src-shared/i18n'
import type { ViewId } from '../src-shared/ipc-contract'
import { THEMES, type Lang, type Settings, type Theme } from '../src-shared/settings'

/** What the application menu's own items do; the glue in index.ts supplies them. */
export interface MenuActions {
  openDataFolder(): void
  exportPack(): void
  exportDeck(): void
  /** File ▸ Save Dataset as Excel…: the page asks which of the current view's datasets. */
  saveDataset(): void
  navigate(view: ViewId): void
  setTheme(theme: Theme): void
  setLang(lang: Lang | null): void
  about(): void
}

const THEME_KEYS: Record<Theme, MessageKey> = { light: 'settings.themes.light', dark: 'settings.themes.dark', projector: 'menu.projectorTheme' }
const VIEWS: [ViewId, MessageKey][] = [
  ['overview', 'nav.overview'],
  ['rectification', 'nav.rectification'],
  ['industry', 'nav.industry'],
  ['cities', 'nav.cities'],
]

/**
 * The application menu in `lang` (the UI's effective language): the
 * platform's standard roles, with their labels from the message catalogue so
 * the whole menu speaks one language, plus the app's own commands. A plain
 * function of settings and actions so it can be tested.
 */
export function buildMenuTemplate(settings: Settings, actions: MenuActions, isMac: boolean, isDev: boolean, lang: Lang = 'en'): MenuItemConstructorOptions[] {
  const w = (key: MessageKey, vars: Record<string, string | number> = {}): string => t(lang, key, vars)
  const file: MenuItemConstructorOptions = {
    label: w('menu.file'),
    submenu: [
      { id: 'open-data-folder', label: w('menu.openDataFolder'), accelerator: 'CmdOrCtrl+O', click: () => actions.openDataFolder() },
      { id: 'save-dataset', label: w('menu.saveDataset'), accelerator: 'CmdOrCtrl+Shift+S', click: () => actions.saveDataset() },
      { id: 'export-pack', label: w('menu.exportPack'), accelerator: 'CmdOrCtrl+Shift+E', click: () => actions.exportPack() },
      { id: 'export-deck', label: w('menu.exportDeck'), accelerator: 'CmdOrCtrl+Shift+D', click: () => actions.exportDeck() },
      { type: 'separator' },
      isMac ? { role: 'close', label: w('menu.close') } : { role: 'quit', label: w('menu.quit') },
    ],
  }
  const edit: MenuItemConstructorOptions = {
    label: w('menu.edit'),
    submenu: [
      { role: 'undo', label: w('menu.undo') },
      { role: 'redo', label: w('menu.redo') },
      { type: 'separator' },
      { role: 'cut', label: w('menu.cut') },
      { role: 'copy', label: w('menu.copy') },
      { role: 'paste', label: w('menu.paste') },
      { role: 'selectAll', label: w('menu.selectAll') },
    ],
  }
  const view: MenuItemConstructorOptions = {
    label: w('menu.view'),
    submenu: [
      ...VIEWS.map(([id, key], i): MenuItemConstructorOptions => ({
        id: `view-${id}`,
        label: w(key, { year: settings.breakYear }),
        accelerator: `CmdOrCtrl+${i + 1}`,
        click: () => actions.navigate(id),
      })),
      { type: 'separator' },
      {
        label: w('menu.theme'),
        submenu: THEMES.map((theme): MenuItemConstructorOptions => ({
          id: `theme-${theme}`,
          label: w(THEME_KEYS[theme]),
          type: 'radio',
          checked: settings.theme === theme,
          click: () => actions.setTheme(theme),
        })),
      },
      {
        label: w('menu.language'),
        submenu: [
          { id: 'lang-system', label: w('menu.systemLanguage'), type: 'radio', checked: settings.lang === null, click: () => actions.setLang(null) },
          // Each language is named in itself, as language pickers do.
          { id: 'lang-zh-CN', label: '中文（简体）', type: 'radio', checked: settings.lang === 'zh-CN', click: () => actions.setLang('zh-CN') },
          { id: 'lang-en', label: 'English', type: 'radio', checked: settings.lang === 'en', click: () => actions.setLang('en') },
        ],
      },
      { type: 'separator' },
      { role: 'resetZoom', label: w('menu.resetZoom') },
      { role: 'zoomIn', label: w('menu.zoomIn') },
      { role: 'zoomOut', label: w('menu.zoomOut') },
      { type: 'separator' },
      { role: 'togglefullscreen', label: w('menu.fullScreen') },
      ...(isDev
        ? [{ type: 'separator' } as const, { role: 'reload', label: w('menu.reload') } as const, { role: 'toggleDevTools', label: w('menu.devTools') } as const]
        : []),
    ],
  }
  const windowMenu: MenuItemConstructorOptions = {
    label: w('menu.window'),
    role: 'window',
    submenu: [{ role: 'minimize', label: w('menu.minimize') }, ...(isMac ? [{ role: 'zoom' } as const, { role: 'front' } as const] : [{ role: 'close', label: w('menu.close') } as const])],
  }
  const help: MenuItemConstructorOptions = {
    label: w('menu.help'),
    role: 'help',
    submenu: [{ id: 'about', label: w('menu.about'), click: () => actions.about() }],
  }
  return [...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []), file, edit, view, windowMenu, help]
}
