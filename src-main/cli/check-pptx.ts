/**
 * `npm run check:pptx [-- --out <dir>] [--theme light|dark|projector] [--without-font]`: the
 * PowerPoint deck as another program sees it. Writes the deck in Chinese
 * (16:9) and English (4:3) with a marking, converts each with LibreOffice
 * Impress headless (`soffice --convert-to pdf`), and checks the PDF with
 * poppler's tools: one page per slide; every chart slide's picture decoded at
 * the size it was written (a broken image would not be); the bundled Noto
 * Sans SC embedded and the Chinese titles extractable as text (glyphs, not
 * boxes); no text block drawn over another or off the page (`pdf-layout.ts`).
 * Each page is also drawn as a PNG (pdftoppm) for a person to look at.
 *
 * LibreOffice finds Noto Sans SC through a private fontconfig file naming the
 * bundled font's folder, as on a machine where the font is installed; the
 * deck itself names the font and does not embed it (pptxgenjs cannot).
 * Needs `soffice` (Debian: libreoffice-impress) and poppler-utils. Exit 0 all
 * checks pass, 1 a check fails, 2 a tool is missing or an argument is bad.
 * `--without-font` leaves the bundled font out of that fontconfig file, as on
 * a viewer's machine without Noto Sans SC: LibreOffice substitutes a wider
 * font (DejaVu Sans, Droid Sans Fallback for Chinese), the font-embedding
 * check is skipped, and every layout check still runs.
 * A manual check, not part of `npm test`: a conversion takes tens of seconds.
 */
import { spawnSync } from 'node:child_process'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { pathToFileURL } from 'node:url'
import { THEMES, type Lang, type Theme } from '../../src-shared/settings'
import { bundledData } from '../export/data-index'
import { fontPaths } from '../export/fonts'
import { exportDeck } from '../export/pptx'
import type { DeckAspect } from '../export/pptx-layout'
import { buildChart, chartContext } from '../export/render'
import { defaultDeck } from '../export/deck'
import { DASHBOARDS } from '../../src-shared/charts/index'
import { layoutFaults, readBboxLayout } from './pdf-layout'

const ROOT = join(import.meta.dirname, '..', '..')
const CASES: { lang: Lang; aspect: DeckAspect; marking: string }[] = [
  { lang: 'zh-CN', aspect: '16:9', marking: '内部资料' },
  { lang: 'en', aspect: '4:3', marking: 'For internal briefing only' },
]

function tool(cmd: string, args: string[], env?: NodeJS.ProcessEnv): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 300_000, maxBuffer: 64 * 1024 * 1024 })
  if (r.error || r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.error?.message ?? r.stderr}`)
  return r.stdout
}

function have(cmd: string): boolean {
  return spawnSync(cmd, ['--version'], { encoding: 'utf8' }).status === 0 || spawnSync(cmd, ['-v'], { encoding: 'utf8' }).status === 0
}

/** A fontconfig file: the system's configuration plus the bundled font's folders (left out `withoutFont`). */
function fontsConf(dir: string, withoutFont: boolean): string {
  const f = fontPaths()
  const dirs = withoutFont ? '' : `\n  <dir>${dirname(f.regular)}</dir>\n  <dir>${dirname(f.bold)}</dir>`
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>${dirs}
  <cachedir>${join(dir, 'fontconfig-cache')}</cachedir>
</fontconfig>
`
}

/** Runs the check; returns the exit code. */
export async function main(argv: string[], out = console.log, err = console.error): Promise<number> {
  let values
  try {
    ;({ values } = parseArgs({ args: argv, options: { out: { type: 'string', default: join(ROOT, 'tests/.artifacts/pptx-check') }, theme: { type: 'string', default: 'light' }, 'without-font': { type: 'boolean', default: false } } }))
  } catch (e) {
    err(`check:pptx: ${(e as Error).message}`)
    return 2
  }
  if (!(THEMES as readonly string[]).includes(values.theme)) {
    err(`check:pptx: unknown theme "${values.theme}": use ${THEMES.join(', ')}`)
    return 2
  }
  const missing = ['soffice', 'pdftoppm', 'pdfinfo', 'pdfimages', 'pdffonts', 'pdftotext'].filter((c) => !have(c))
  if (missing.length) {
    err(`check:pptx: missing ${missing.join(', ')}; on Debian: apt-get install -y libreoffice-impress poppler-utils`)
    return 2
  }
  const dir = resolve(values.out)
  await rm(dir, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })
  const withoutFont = values['without-font']
  await writeFile(join(dir, 'fonts.conf'), fontsConf(dir, withoutFont))
  const env = { FONTCONFIG_FILE: join(dir, 'fonts.conf') }
  const data = await bundledData(join(ROOT, 'resources', 'datasets'))
  const failures: string[] = []

  for (const c of CASES) {
    const name = `deck-${c.lang.toLowerCase()}-${c.aspect.replace(':', 'x')}-${values.theme}`
    const pptx = join(dir, `${name}.pptx`)
    const started = performance.now()
    const deck = await exportDeck(pptx, data, { aspect: c.aspect, theme: values.theme as Theme, lang: c.lang, appVersion: 'check', marking: c.marking })
    out(`${pptx}: ${deck.slides} slides, ${(deck.bytes / 1024 / 1024).toFixed(2)} MB, written in ${((performance.now() - started) / 1000).toFixed(1)} s`)

    const t0 = performance.now()
    tool('soffice', [`-env:UserInstallation=${pathToFileURL(join(dir, 'lo-profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, pptx], env)
    const pdf = join(dir, `${name}.pdf`)
    out(`${pdf}: converted by LibreOffice in ${((performance.now() - t0) / 1000).toFixed(1)} s`)

    const pages = Number(/Pages:\s+(\d+)/.exec(tool('pdfinfo', [pdf]))?.[1])
    if (pages !== deck.slides) failures.push(`${name}: ${pages} PDF pages for ${deck.slides} slides`)

    // Chart slides, in deck order: their pages must each hold a picture at the size written.
    const ctx = chartContext({ lang: c.lang, theme: values.theme as Theme })
    const byId = new Map(Object.values(DASHBOARDS).flatMap((d) => d.charts.map((s) => [s.id, s] as const)))
    const chartPages = defaultDeck().flatMap((s, i) => (s.kind === 'chart' && !('error' in buildChart(byId.get(s.chartId)!, data, ctx)) ? [i + 1] : []))
    const images = tool('pdfimages', ['-list', pdf])
      .split('\n')
      .slice(2)
      .map((l) => l.trim().split(/\s+/))
      .filter((f) => f[2] === 'image')
      .map((f) => ({ page: Number(f[0]), width: Number(f[3]), height: Number(f[4]) }))
    for (const page of chartPages) {
      const img = images.filter((i) => i.page === page)
      if (img.length !== 1 || img[0]!.width < 1500) failures.push(`${name}: page ${page} should show one chart picture about 2× the slide's size, found ${JSON.stringify(img)}`)
    }
    const extra = images.filter((i) => !chartPages.includes(i.page))
    if (extra.length) failures.push(`${name}: pictures on pages without a chart: ${extra.map((i) => i.page).join(', ')}`)

    const fonts = tool('pdffonts', [pdf])
    if (withoutFont) out(`${pdf}: without the bundled font, LibreOffice drew it with:\n${fonts}`)
    else if (!/NotoSansSC-Regular\s.*\syes\s/.test(fonts) || !/NotoSansSC-Bold\s.*\syes\s/.test(fonts)) failures.push(`${name}: Noto Sans SC is not embedded:\n${fonts}`)
    const text = tool('pdftotext', ['-layout', pdf, '-'])
    const title = (spec: string): string => byId.get(spec)!.title(ctx)
    for (const want of [c.marking, title('industry-gdp'), title('cities-map')]) {
      if (!text.includes(want)) failures.push(`${name}: "${want}" is not in the PDF's text`)
    }
    const layout = join(dir, `${name}-layout.html`)
    tool('pdftotext', ['-bbox-layout', pdf, layout])
    for (const f of layoutFaults(readBboxLayout(await readFile(layout, 'utf8')))) {
      failures.push(`${name}: page ${f.page}: ${f.kind === 'overlap' ? 'text drawn over other text' : 'text off the page'}: ${f.texts.map((t) => `"${t}"`).join(' / ')}`)
    }
    tool('pdftoppm', ['-r', '60', '-png', pdf, join(dir, name)])
    out(`${join(dir, name)}-NN.png: every page drawn at 60 dpi, to look at`)
  }

  if (failures.length) {
    for (const f of failures) err(`FAIL ${f}`)
    return 1
  }
  out(`check:pptx: every page converted, every chart picture decoded at full size, ${withoutFont ? 'drawn with substitute fonts (no Noto Sans SC)' : 'Noto Sans SC embedded'}, Chinese extractable as text, no text over other text or off the page`)
  return 0
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      console.error(`check:pptx: ${e instanceof Error ? e.message : String(e)}`)
      process.exitCode = 1
    },
  )
}
