import { afterEach, describe, expect, it } from 'vitest'
import { openApp } from './harness'

const unhandled: unknown[] = []
const onUnhandled = (reason: unknown) => void unhandled.push(reason)

afterEach(() => {
  process.off('unhandledRejection', onUnhandled)
  unhandled.length = 0
})

describe('the browser-test harness', () => {
  it('drops events main sends after the page closed, without an unhandled rejection', async () => {
    process.on('unhandledRejection', onUnhandled)
    const app = await openApp()
    // An event already on its way while the test closes the app (a pack's late progress)…
    const inFlight = app.emit('export:progress', { done: 1, total: 2, file: '01-x.png' })
    const closing = app.close()
    // …and events main sends while and after the page goes away.
    app.core.notices.post({ id: 'late', level: 'info', message: 'late', details: [] })
    await closing
    app.core.notices.post({ id: 'later', level: 'info', message: 'later', details: [] })
    await expect(inFlight).resolves.toBeUndefined()
    await expect(app.emit('notices:changed', [])).resolves.toBeUndefined()
    await new Promise((r) => setTimeout(r, 200))
    expect(unhandled).toEqual([])
  })
})
