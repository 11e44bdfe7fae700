import type { Result } from '../../src-shared/ipc-contract'
import type { G60Api } from '../../src-shared/preload-api'

/** The preload's API. Absent only if the page was opened outside the app. */
export function useApi(): G60Api {
  const api = window.g60
  if (!api) throw new Error('G60 Briefing must be opened by the desktop app (the preload API is missing).')
  return api
}

/** Unwraps a `Result`, turning `{ ok: false }` into an Error with the main process's message. */
export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending
  if (result.ok) return result.value
  throw new Error(result.error.message)
}
