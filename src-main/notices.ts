import type { Notice } from '../src-shared/ipc-contract'

/** The notices the user has not dismissed yet, with a change callback. */
export class NoticeBoard {
  #notices: Notice[] = []
  constructor(private readonly onChange: (notices: Notice[]) => void = () => undefined) {}

  list(): Notice[] {
    return this.#notices.map((n) => ({ ...n, details: [...n.details] }))
  }

  /** Adds a notice, replacing one with the same id. */
  post(notice: Notice): void {
    this.#notices = [...this.#notices.filter((n) => n.id !== notice.id), notice]
    this.onChange(this.list())
  }

  dismiss(id: string): Notice[] {
    const before = this.#notices.length
    this.#notices = this.#notices.filter((n) => n.id !== id)
    if (this.#notices.length !== before) this.onChange(this.list())
    return this.list()
  }
}
