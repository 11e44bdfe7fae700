/**
 * Builds the main process exactly as `electron-vite build` does (the config in
 * electron.vite.config.ts with electron-vite's presets: target, bundling,
 * externals), but into a folder of the caller's, never `out/`. The benchmarks
 * run the dataset worker from that build, so they time the code the app
 * ships rather than the sources through tsx's loader (which measured about
 * 20% slower: docs/dataset-files.md).
 */
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { resolveConfig } from 'electron-vite'
import { build as viteBuild, type InlineConfig } from 'vite'

const ROOT = join(import.meta.dirname, '..')

/** Builds the main process into `<dir>/main`; resolves to that folder. */
export async function buildMain(dir: string): Promise<string> {
  // resolveConfig sets NODE_ENV for the whole process; keep it to this build.
  const nodeEnv = process.env.NODE_ENV
  const { config } = await resolveConfig({ configFile: join(ROOT, 'electron.vite.config.ts'), root: ROOT, logLevel: 'warn', build: { outDir: dir } }, 'build', 'production')
  if (!config?.main) throw new Error('electron.vite.config.ts has no main config')
  const main = config.main as InlineConfig
  const outDir = join(dir, 'main')
  await viteBuild({ ...main, logLevel: 'error', build: { ...main.build, outDir, emptyOutDir: true } })
  if (nodeEnv === undefined) delete process.env.NODE_ENV
  else process.env.NODE_ENV = nodeEnv
  return outDir
}

/** Starts the built dataset worker (`dataset-worker.js`) from a folder `buildMain` wrote. */
export function builtDatasetWorker(mainDir: string): Worker {
  return new Worker(join(mainDir, 'dataset-worker.js'))
}
