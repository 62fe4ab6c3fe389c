import type { UploadedFile } from './body.js'
import { DESCRIPTIONS, TelegramApiError } from './errors.js'
import type { MethodHandler } from './method-context.js'
import { botMethods } from './methods-bot.js'
import { messageMethods } from './methods-messages.js'
import { createGetUpdates } from './polling.js'
import type { Scenarios } from './scenarios.js'
import type { TelegramState } from './state.js'

/** How a call ended: a result, a Telegram error, or a socket to destroy. */
export type Outcome =
  | { kind: 'ok', result: unknown }
  | { kind: 'error', error: TelegramApiError }
  | { kind: 'drop' }
  | { kind: 'raw', status: number, body: string }

/**
 * Runs one Bot API call through the fault scenarios and the method table, logging it. Shared
 * by the HTTP server and by webhook replies, so both paths behave and are recorded alike.
 */
export function createDispatcher(state: TelegramState, scenarios: Scenarios) {
  const methods: Record<string, MethodHandler> = {
    ...botMethods,
    ...messageMethods,
    getupdates: createGetUpdates(state),
  }
  return async function dispatch(method: string, params: Record<string, unknown>, files: UploadedFile[], signal: AbortSignal): Promise<Outcome> {
    const call = state.recordCall(method, params, files)
    const fault = scenarios.take(method)
    if (fault?.kind === 'drop') {
      state.settleCall(call, undefined, true)
      return { kind: 'drop' }
    }
    if (fault?.kind === 'raw') {
      state.settleCall(call, new TelegramApiError(fault.status, 'non-JSON answer'))
      return fault
    }
    try {
      if (fault) throw fault.error
      const handler = methods[method.toLowerCase()]
      if (!handler) throw new TelegramApiError(404, DESCRIPTIONS.notFound)
      const result = await handler({ state, scenarios, params, files, signal })
      state.settleCall(call)
      return { kind: 'ok', result }
    } catch (err) {
      const error = err instanceof TelegramApiError ? err : new TelegramApiError(500, DESCRIPTIONS.internal)
      state.settleCall(call, error)
      return { kind: 'error', error }
    }
  }
}

/** The dispatch function's type, for the server and webhook modules. */
export type Dispatch = ReturnType<typeof createDispatcher>
