/**
 * Starting one of the main process's worker threads (dataset parsing, export
 * rendering) from the build or, under tsx and vitest, from its TypeScript
 * source through tsx's loader.
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker, type WorkerOptions } from 'node:worker_threads'

/**
 * A worker from `built` (the electron-vite output beside the caller) when it
 * exists, else from `source` booted through tsx; `null` when neither can start.
 * Callers pass URLs made from their own `import.meta.url`.
 */
export function spawnModuleWorker(built: URL, source: URL, options: WorkerOptions = {}): Worker | null {
  if (built.protocol === 'file:' && existsSync(fileURLToPath(built))) return new Worker(built, options)
  if (source.protocol !== 'file:' || !existsSync(fileURLToPath(source))) return null
  let tsx: string
  try {
    // The ESM entry of tsx's API sits next to the CommonJS one that require.resolve finds.
    tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href
  } catch {
    return null
  }
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { (m.register ?? m.default.register)(); return import(${JSON.stringify(source.href)}) })`
  return new Worker(boot, { ...options, eval: true })
}
