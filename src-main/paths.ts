import { join } from 'node:path'

/**
 * The folder holding what electron-builder ships as `extraResources`
 * (`datasets/`, `maps/`): `process.resourcesPath` in a packaged app, the
 * repository's `resources/` folder in development.
 *
 * ```ts
 * const datasets = join(resourcesDir(app.isPackaged, app.getAppPath(), process.resourcesPath), 'datasets')
 * ```
 */
export function resourcesDir(isPackaged: boolean, appPath: string, resourcesPath: string): string {
  return isPackaged ? resourcesPath : join(appPath, 'resources')
}
