import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { buildMenuTemplate, type MenuActions } from '../../src-main/menu'
import { DEFAULT_SETTINGS, type Lang, type Settings } from '../../src-shared/settings'

function actions() {
  return {
    openDataFolder: vi.fn<MenuActions['openDataFolder']>(),
    exportPack: vi.fn<MenuActions['exportPack']>(),
    exportDeck: vi.fn<MenuActions['exportDeck']>(),
    saveDataset: vi.fn<MenuActions['saveDataset']>(),
    navigate: vi.fn<MenuActions['navigate']>(),
    setTheme: vi.fn<MenuActions['setTheme']>(),
    setLang: vi.fn<MenuActions['setLang']>(),
    about: vi.fn<MenuActions['about']>(),
  } satisfies MenuActions
}

/** Every item in the menu tree, depth first. */
function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])])
}

function build(settings: Partial<Settings> = {}, isMac = false, isDev = false, lang: Lang = 'en') {
  const a = actions()
  const items = flatten(buildMenuTemplate({ ...DEFAULT_SETTINGS, ...settings }, a, isMac, isDev, lang))
  const byId = (id: string) => {
    const item = items.find((i) => i.id === id)
    if (!item) throw new Error(`no menu item ${id}`)
    return item
  }
  const click = (id: string) => (byId(id).click as () => void)()
  return { a, items, byId, click, roles: items.map((i) => i.role).filter(Boolean) }
}

describe('the application menu', () => {
  it('has the standard roles', () => {
    const { roles } = build()
    for (const role of ['undo', 'copy', 'paste', 'selectAll', 'window', 'minimize', 'togglefullscreen', 'resetZoom', 'zoomIn', 'zoomOut', 'quit', 'help']) {
      expect(roles).toContain(role)
    }
    expect(roles).not.toContain('appMenu')
  })

  it('uses the macOS app menu and Close on a Mac', () => {
    const { roles } = build({}, true)
    expect(roles[0]).toBe('appMenu')
    expect(roles).toContain('close')
    expect(roles).not.toContain('quit')
  })

  it('offers reload and developer tools in development only', () => {
    expect(build().roles).not.toContain('toggleDevTools')
    expect(build().roles).not.toContain('reload')
    expect(build({}, false, true).roles).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']))
  })

  it('opens a data folder with CmdOrCtrl+O and exports a briefing pack with CmdOrCtrl+Shift+E and a PowerPoint deck with CmdOrCtrl+Shift+D', () => {
    const { byId, click, a } = build()
    expect(byId('export-pack')).toMatchObject({ label: 'Export Briefing Pack…', accelerator: 'CmdOrCtrl+Shift+E' })
    click('export-pack')
    expect(a.exportPack).toHaveBeenCalledOnce()
    expect(byId('export-deck')).toMatchObject({ label: 'Export PowerPoint Deck…', accelerator: 'CmdOrCtrl+Shift+D' })
    click('export-deck')
    expect(a.exportDeck).toHaveBeenCalledOnce()
    expect(byId('open-data-folder')).toMatchObject({ label: 'Open Data Folder…', accelerator: 'CmdOrCtrl+O' })
    click('open-data-folder')
    expect(a.openDataFolder).toHaveBeenCalledOnce()
  })

  it('asks the page to save one of the current view’s datasets with CmdOrCtrl+Shift+S', () => {
    const { byId, click, a } = build()
    expect(byId('save-dataset')).toMatchObject({ label: 'Save Dataset as Excel…', accelerator: 'CmdOrCtrl+Shift+S' })
    click('save-dataset')
    expect(a.saveDataset).toHaveBeenCalledOnce()
  })

  it('switches views with CmdOrCtrl+1…4', () => {
    const { byId, click, a } = build()
    const views = ['overview', 'rectification', 'industry', 'cities'] as const
    views.forEach((view, i) => {
      expect(byId(`view-${view}`).accelerator).toBe(`CmdOrCtrl+${i + 1}`)
      click(`view-${view}`)
      expect(a.navigate).toHaveBeenLastCalledWith(view)
    })
    expect(a.navigate).toHaveBeenCalledTimes(4)
  })

  it('checks the theme in the settings, and each theme radio sets its theme', () => {
    const { byId, click, a } = build({ theme: 'dark' })
    expect(['light', 'dark', 'projector'].map((t) => [byId(`theme-${t}`).type, byId(`theme-${t}`).checked])).toEqual([
      ['radio', false],
      ['radio', true],
      ['radio', false],
    ])
    click('theme-projector')
    expect(a.setTheme).toHaveBeenCalledWith('projector')
    expect(build({ theme: 'projector' }).byId('theme-projector').checked).toBe(true)
  })

  it('checks the language in the settings, "System Default" when none is set', () => {
    const system = build({ lang: null })
    expect(['lang-system', 'lang-zh-CN', 'lang-en'].map((id) => system.byId(id).checked)).toEqual([true, false, false])
    const zh = build({ lang: 'zh-CN' })
    expect(['lang-system', 'lang-zh-CN', 'lang-en'].map((id) => zh.byId(id).checked)).toEqual([false, true, false])
    zh.click('lang-en')
    expect(zh.a.setLang).toHaveBeenLastCalledWith('en')
    zh.click('lang-system')
    expect(zh.a.setLang).toHaveBeenLastCalledWith(null)
  })

  it('shows About under Help', () => {
    const { byId, click, a } = build()
    expect(byId('about').label).toBe('About G60 Briefing')
    click('about')
    expect(a.about).toHaveBeenCalledOnce()
  })

  it('speaks the UI language: every labelled item in Chinese when the UI is zh-CN, with the same ids and accelerators', () => {
    const en = build({}, false, false, 'en')
    const zh = build({}, false, false, 'zh-CN')
    expect(zh.byId('open-data-folder')).toMatchObject({ label: '打开数据文件夹…', accelerator: 'CmdOrCtrl+O' })
    expect(zh.byId('view-industry').label).toBe('2016 年前后的产业')
    expect(zh.byId('about').label).toBe('关于 G60 简报')
    const labelled = zh.items.filter((i) => i.type !== 'separator' && i.role !== 'appMenu')
    // Every item has a label of its own (Electron's role labels would be English), and none is left in English.
    for (const item of labelled) expect(item.label, JSON.stringify(item.role ?? item.id)).toMatch(/\p{Script=Han}|^English$|^G60/u)
    expect(zh.items.map((i) => i.id ?? i.role)).toEqual(en.items.map((i) => i.id ?? i.role))
    expect(en.items.find((i) => i.role === 'window')?.label).toBe('&Window')
  })
})
