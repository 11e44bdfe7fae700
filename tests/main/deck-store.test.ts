import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DECK_FILE, DeckStore } from '../../src-main/deck-store'
import { defaultDeck, defaultSlideIds, updateSlide } from '../../src-shared/deck'

const IDS = defaultSlideIds({ rectification: ['a'], industry: ['b'], cities: ['c'] })
const fixedNow = () => new Date('2024-05-06T07:08:09.010Z')
let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'g60-deck-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('DeckStore', () => {
  it('starts from the default deck without writing a file', async () => {
    const store = new DeckStore(dir, IDS)
    expect(await store.load()).toEqual({ deck: defaultDeck(IDS) })
    expect(await readdir(dir)).toEqual([])
  })

  it('keeps notes and order across a restart', async () => {
    const store = new DeckStore(dir, IDS)
    await store.load()
    const edited = updateSlide(defaultDeck(IDS), 'chart:industry:b', { note: '先讲财政收入', included: false })
    await store.replace(edited)
    const again = new DeckStore(dir, IDS)
    expect(await again.load()).toEqual({ deck: edited })
    // Written whole: no temporary files left beside it.
    expect(await readdir(dir)).toEqual([DECK_FILE])
  })

  it('sets a damaged file aside with its bytes and falls back to the default deck', async () => {
    await writeFile(join(dir, DECK_FILE), '{"version": 1, "slides": [')
    const store = new DeckStore(dir, IDS)
    const loaded = await store.load(fixedNow)
    expect(loaded.deck).toEqual(defaultDeck(IDS))
    expect(loaded.recovered?.problems[0]).toMatch(/^not valid JSON/)
    const backup = join(dir, 'deck.corrupt-2024-05-06T07-08-09-010Z.json')
    expect(loaded.recovered?.backupPath).toBe(backup)
    expect(await readFile(backup, 'utf8')).toBe('{"version": 1, "slides": [')
    expect(JSON.parse(await readFile(join(dir, DECK_FILE), 'utf8'))).toEqual(defaultDeck(IDS))
  })

  it('repairs a deck with one bad field and keeps the rest', async () => {
    const deck = updateSlide(defaultDeck(IDS), 'title', { note: 'hello' })
    const raw = JSON.parse(JSON.stringify(deck))
    raw.options.overscanPercent = 50
    await writeFile(join(dir, DECK_FILE), JSON.stringify(raw))
    const loaded = await new DeckStore(dir, IDS).load(fixedNow)
    expect(loaded.recovered?.problems).toEqual(['options.overscanPercent: expected a number from 0 to 10'])
    expect(loaded.deck).toEqual(deck)
  })

  it('changes memory only once the deck is on disk, and not at all when the write fails', async () => {
    const store = new DeckStore(dir, IDS)
    await store.load()
    const first = updateSlide(defaultDeck(IDS), 'title', { note: 'one' })
    const second = updateSlide(first, 'title', { advanceSeconds: 30 })
    const pending = [store.replace(first), store.replace(second)]
    // Nothing is shown before it is written.
    expect(store.current).toEqual(defaultDeck(IDS))
    await pending[0]
    expect(JSON.parse(await readFile(join(dir, DECK_FILE), 'utf8'))).toEqual(store.current)
    await pending[1]
    expect(store.current).toEqual(second)
    expect(JSON.parse(await readFile(join(dir, DECK_FILE), 'utf8'))).toEqual(second)

    // A write that fails (the file's name taken by a folder, which fails even as root): memory stays.
    await rm(join(dir, DECK_FILE))
    await mkdir(join(dir, DECK_FILE))
    await expect(store.replace(defaultDeck(IDS))).rejects.toThrow()
    expect(store.current).toEqual(second)
  })
})
