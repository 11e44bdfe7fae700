import {
  INVOKE_CHANNELS,
  type ArgsOf,
  type InvokeChannel,
  type IpcError,
  type Result,
  type ResultOf,
} from '../../src-shared/ipc-contract'
import { checkSender, type SenderInfo, type TrustPolicy } from './sender'

/** A handler's own refusal, turned into `{ ok: false }` with its code. */
export class HandlerError extends Error {
  constructor(
    readonly code: IpcError['code'],
    message: string,
  ) {
    super(message)
  }
}

/** One handler per invoke channel, typed from the contract; a handler may answer synchronously or with a promise. */
export type Handlers = {
  [C in InvokeChannel]: (...args: ArgsOf<C>) => Promise<ResultOf<C>> | ResultOf<C>
}

/** The single entry for every invoke: checks the sender and channel, runs the handler, and always resolves to a `Result`. */
export interface Gateway {
  handle(channel: string, sender: SenderInfo, args: unknown[]): Promise<Result<unknown>>
}

/**
 * The one door into main: checks the sender, then the channel, then runs the
 * handler and wraps whatever happens into a `Result`. Nothing thrown in a
 * handler crosses IPC as an exception.
 */
export function createGateway(handlers: Handlers, policy: TrustPolicy, log: (msg: string) => void = () => undefined): Gateway {
  return {
    async handle(channel, sender, args) {
      const trust = checkSender(sender, policy)
      if (!trust.ok) {
        log(`refused ${channel}: ${trust.reason}`)
        return { ok: false, error: { code: 'forbidden', message: trust.reason } }
      }
      if (!(INVOKE_CHANNELS as readonly string[]).includes(channel)) {
        return { ok: false, error: { code: 'not-found', message: `unknown channel ${channel}` } }
      }
      if (!Array.isArray(args)) return { ok: false, error: { code: 'bad-request', message: 'arguments must be an array' } }
      try {
        const handler = handlers[channel as InvokeChannel] as (...a: unknown[]) => unknown
        return { ok: true, value: await handler(...args) }
      } catch (err) {
        if (err instanceof HandlerError) return { ok: false, error: { code: err.code, message: err.message } }
        log(`handler ${channel} failed: ${(err as Error).stack ?? String(err)}`)
        return { ok: false, error: { code: 'internal', message: (err as Error).message ?? String(err) } }
      }
    },
  }
}
