import { readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { defaultDeck, validateDeck, type Deck } from '../src-shared/deck'
import { writeFileAtomic } from './fs/atomic-write'

/** The deck's file name in the user data folder. */
export const DECK_FILE = 'deck.json'

/** What loading the deck file gave: the deck, and whether a damaged file was set aside. */
export interface DeckLoad {
  deck: Deck
  /** Set when the file was unreadable or invalid and was set aside. */
  recovered?: { backupPath: string; problems: string[] }
}

/**
 * Owns `deck.json` (slide order, notes, auto-advance times, presentation
 * options) in the user data folder. Reads validate against the slides that
 * exist; a damaged file is kept aside as a backup and the repaired deck (the
 * default deck if nothing was usable) is written, as settings are.
 */
export class DeckStore {
  #deck: Deck
  #writes: Promise<void> = Promise.resolve()
  readonly file: string

  constructor(
    readonly dir: string,
    /** Every slide id that exists, in default order. */
    readonly ids: readonly string[],
  ) {
    this.file = join(dir, DECK_FILE)
    this.#deck = defaultDeck(ids)
  }

  get current(): Deck {
    return structuredClone(this.#deck)
  }

  async load(now: () => Date = () => new Date()): Promise<DeckLoad> {
    let text: string
    try {
      text = await readFile(this.file, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { deck: this.current }
      throw err
    }
    let problems: string[]
    try {
      const result = validateDeck(JSON.parse(text), this.ids)
      this.#deck = result.deck
      problems = result.problems.map((p) => `${p.where}: ${p.message}`)
    } catch (err) {
      this.#deck = defaultDeck(this.ids)
      problems = [`not valid JSON (${(err as Error).message})`]
    }
    if (problems.length === 0) return { deck: this.current }
    const stamp = now().toISOString().replace(/[:.]/g, '-')
    const backupPath = join(this.dir, `deck.corrupt-${stamp}.json`)
    await rename(this.file, backupPath)
    await this.save()
    return { deck: this.current, recovered: { backupPath, problems } }
  }

  /**
   * Replaces the deck with one already validated by the caller, once it is on
   * disk: memory changes only after the write succeeded, so what the app shows
   * is what a restart reads. Rejects with the write's error (memory unchanged).
   */
  async replace(deck: Deck): Promise<Deck> {
    const next = structuredClone(deck)
    await this.write(next)
    this.#deck = next
    return this.current
  }

  /** Writes the deck in memory (after a recovery on load). */
  save(): Promise<void> {
    return this.write(this.#deck)
  }

  /** Serialises writes so that two quick edits cannot land out of order. */
  private write(deck: Deck): Promise<void> {
    const text = JSON.stringify(deck, null, 2) + '\n'
    const written = this.#writes.catch(() => undefined).then(() => writeFileAtomic(this.file, text))
    this.#writes = written
    return written
  }
}
