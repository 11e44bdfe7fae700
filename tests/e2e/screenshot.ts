import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { ROOT } from './build'

/** Saves a full-page screenshot under tests/.artifacts for a person to look at. */
export async function snapshot(page: Page, name: string): Promise<string> {
  const dir = join(ROOT, 'tests/.artifacts')
  await mkdir(dir, { recursive: true })
  const path = join(dir, `${name}.png`)
  await page.screenshot({ path, fullPage: true })
  return path
}
