import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resourcesDir } from '../../src-main/paths'

describe('resourcesDir', () => {
  it('is Electron’s resources folder in a packaged app, beside app.asar', () => {
    const resources = '/opt/G60 Briefing/resources'
    expect(resourcesDir(true, `${resources}/app.asar`, resources)).toBe(resources)
    expect(join(resourcesDir(true, `${resources}/app.asar`, resources), 'datasets')).toBe('/opt/G60 Briefing/resources/datasets')
  })

  it('is the repository’s resources folder in development, not Electron’s', () => {
    const electronResources = '/repo/node_modules/electron/dist/resources'
    expect(resourcesDir(false, '/repo', electronResources)).toBe('/repo/resources')
    expect(join(resourcesDir(false, '/repo', electronResources), 'maps')).toBe('/repo/resources/maps')
  })
})
