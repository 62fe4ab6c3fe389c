import type { Update } from 'grammy/types'
import { DESCRIPTIONS, TelegramApiError } from './errors.js'
import { type MethodHandler, int } from './method-context.js'
import type { TelegramState } from './state.js'

/**
 * getUpdates with real long polling: answers at once when updates are pending, otherwise holds
 * the request until one arrives or `timeout` seconds pass. A second concurrent poll terminates
 * the first with Telegram's 409, which is how two running bot instances show up in production.
 */
export function createGetUpdates(state: TelegramState): MethodHandler {
  let current: { conflict: () => void } | undefined
  return ({ params, signal }) => {
    if (state.webhook) throw new TelegramApiError(409, DESCRIPTIONS.webhookActive)
    const offset = int(params.offset, 0)
    const limit = Math.min(100, Math.max(1, int(params.limit, 100)))
    const timeout = Math.max(0, Number(params.timeout ?? 0) || 0)
    if (Array.isArray(params.allowed_updates)) {
      state.allowedUpdates = params.allowed_updates.length > 0 ? params.allowed_updates.map(String) : undefined
    }
    current?.conflict()
    const first = state.takeUpdates(offset, limit)
    if (first.length > 0 || timeout === 0) return first
    return new Promise<Update[]>((resolve, reject) => {
      const me = { conflict: () => finish(new TelegramApiError(409, DESCRIPTIONS.pollConflict)) }
      current = me
      const onUpdate = (): void => {
        const batch = state.takeUpdates(offset, limit)
        if (batch.length > 0) finish(undefined, batch)
      }
      const onGone = (): void => finish(undefined, [])
      const timer = setTimeout(() => finish(undefined, state.takeUpdates(offset, limit)), timeout * 1000)
      state.on('update', onUpdate)
      state.on('close', onGone)
      signal.addEventListener('abort', onGone)
      function finish(err: TelegramApiError | undefined, batch: Update[] = []): void {
        clearTimeout(timer)
        state.off('update', onUpdate)
        state.off('close', onGone)
        signal.removeEventListener('abort', onGone)
        if (current === me) current = undefined
        if (err) reject(err)
        else resolve(batch)
      }
    })
  }
}
