import { spawnSync } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseCliArgs } from '../../../src-main/export/cli-args'
import { HEAVY_TEST_TIMEOUT_MS } from '../../budgets'
import { readDeck } from '../export/pptx-reader'

const root = resolve(import.meta.dirname, '../../..')
let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'g60-cli-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'src-main/cli/export.ts', ...args], { cwd: root, encoding: 'utf8', timeout: HEAVY_TEST_TIMEOUT_MS - 10_000 })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('parseCliArgs', () => {
  it('takes the defaults', () => {
    expect(parseCliArgs(['--out', 'x'])).toEqual({
      ok: true,
      help: false,
      options: { out: 'x', data: null, formats: ['png', 'svg', 'pdf'], scale: 2, width: 1920, height: 1080, lang: 'zh-CN', theme: 'light', aspect: '16:9', marking: null, cityScale: 'absolute', mapIndicator: null },
    })
  })

  it('takes the screen\'s view choices: the city GDP scale and the map\'s figure', () => {
    expect(parseCliArgs(['--out', 'x', '--city-scale', 'log', '--map', 'population'])).toMatchObject({ ok: true, options: { cityScale: 'log', mapIndicator: 'population' } })
  })

  it.each([
    [['--out', 'x', '--bogus'], /Unknown option '--bogus'/],
    [[], /--out <dir> is required/],
    [['--out', 'x', '--scale', '5'], /scale must be from 1 to 4/],
    [['--out', 'x', '--scale', 'big'], /--scale must be a number/],
    [['--out', 'x', '--size', '1920by1080'], /--size must be WIDTHxHEIGHT/],
    [['--out', 'x', '--size', '50x50'], /width must be/],
    [['--out', 'x', '--lang', 'fr'], /unknown language "fr"/],
    [['--out', 'x', '--theme', 'neon'], /unknown theme "neon"/],
    [['--out', 'x', '--format', 'png,gif'], /unknown format "gif"/],
    [['--out', 'x', 'stray'], /positional/],
    [['--out', 'x', '--aspect', '21:9'], /unknown slide shape "21:9": use 16:9 or 4:3/],
    [['--out', 'x', '--marking', 'x'.repeat(81)], /--marking must be one line of at most 80 characters/],
    [['--out', 'x', '--city-scale', 'sideways'], /city scale must be one of absolute, indexed, log, got sideways/],
    [['--out', 'x', '--map', '../etc'], /map figure must be an indicator id/],
  ])('refuses %j', (args, message) => {
    expect(parseCliArgs(args)).toEqual({ ok: false, message: expect.stringMatching(message) })
  })
})

describe('npm run export', () => {
  it('exits 2 with the reason and the usage on a bad argument', () => {
    const r = run(['--out', join(dir, 'bad'), '--scale', '9'])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/scale must be from 1 to 4/)
    expect(r.stderr).toContain('Usage: npm run export -- --out <dir>')
  })

  it('exports the SVGs of every chart and exits 0', async () => {
    const out = join(dir, 'out')
    const r = run(['--out', out, '--format', 'svg', '--lang', 'en'])
    expect(r.stderr.replace(/export: warning[\s\S]*/, '')).toBe('')
    expect(r.status).toBe(0)
    const files = await readdir(out)
    expect(files.length).toBeGreaterThan(5)
    expect(files.every((f) => /^\d\d-[a-z0-9-]+-en\.svg$/.test(f))).toBe(true)
    expect(r.stdout).toMatch(/\[ *1\/\d+\] /)
    expect(r.stdout).toMatch(/Done: \d+ file\(s\)/)
  })

  it('exports only the PowerPoint deck with --format pptx, in the asked shape and with the marking', async () => {
    const out = join(dir, 'deck')
    const r = run(['--out', out, '--format', 'pptx', '--lang', 'en', '--aspect', '4:3', '--marking', 'For internal briefing only'])
    expect(r.status).toBe(0)
    expect(await readdir(out)).toEqual(['00-briefing-en.pptx'])
    const deck = await readDeck(await readFile(join(out, '00-briefing-en.pptx')))
    expect(deck.slides.length).toBeGreaterThan(10)
    for (const s of deck.slides) expect(s.shape('Marking')?.text).toBe('For internal briefing only')
    const version = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')).version
    expect(deck.slides[0]!.shape('Dates')!.text).toContain(version)
  })

  it('exits 1 and points at the cell when --data holds a bad file', async () => {
    const data = join(dir, 'data')
    await rm(data, { recursive: true, force: true })
    await import('node:fs/promises').then((fs) => fs.mkdir(data))
    await writeFile(join(data, 'broken.json'), '{ "id": "broken", ')
    const r = run(['--out', join(dir, 'never'), '--data', data, '--format', 'svg'])
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/problem/)
    expect(r.stderr).toContain('broken.json')
    await expect(readdir(join(dir, 'never'))).rejects.toMatchObject({ code: 'ENOENT' })
  })
})
