/**
 * Asking where to save, so that the answer always carries the file's real
 * extension. GTK's save dialog returns the name as typed and Electron adds
 * nothing, so on Linux "briefing" would otherwise be written without `.png`.
 */
import { existsSync } from 'node:fs'
import { basename } from 'node:path'
import { withExtension } from './names'

/** Asks where to save: the system dialog with one filter per extension (the first is the default); `null` when cancelled. */
export type ChooseSavePath = (defaultName: string, extensions: readonly string[]) => Promise<string | null>

/** The extension of `extensions` that `path`'s name ends in (any case), or `null`. */
export function extensionOf(path: string, extensions: readonly string[]): string | null {
  const name = basename(path).toLowerCase()
  return extensions.find((e) => name.endsWith(`.${e.toLowerCase()}`) && name.length > e.length + 1) ?? null
}

/**
 * Asks where to save and returns the path with its extension: the one the
 * chosen name already ends in (one of `extensions`), else the first of
 * `extensions` added (see `withExtension`). If adding it names a file that
 * exists, the dialog never asked about replacing that file, so it is shown
 * again with the full name. `null` when the user cancels.
 */
export async function askSavePath(choose: ChooseSavePath, defaultName: string, extensions: readonly string[]): Promise<string | null> {
  let suggestion = defaultName
  for (;;) {
    const chosen = await choose(suggestion, extensions)
    if (chosen === null) return null
    if (extensionOf(chosen, extensions) !== null) return chosen
    const path = withExtension(chosen, extensions[0]!)
    if (path === chosen || !existsSync(path)) return path
    suggestion = path
  }
}
