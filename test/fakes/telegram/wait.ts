import type { TelegramState } from './state.js'

/**
 * Resolves with the predicate's first truthy value, re-checking on every state change (no
 * polling sleeps). On timeout it rejects with `explain()`, so a failing test shows what the bot
 * actually did instead of a bare "timed out".
 */
export function waitForState<T>(
  state: TelegramState,
  predicate: () => T | undefined | null | false,
  timeoutMs: number,
  explain: () => string,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const check = (): boolean => {
      let value: T | undefined | null | false
      try {
        value = predicate()
      } catch (err) {
        done()
        reject(err)
        return true
      }
      if (value === undefined || value === null || value === false) return false
      done()
      resolve(value)
      return true
    }
    const timer = setTimeout(() => {
      done()
      reject(new Error(`fake telegram: timed out after ${timeoutMs} ms\n${explain()}`))
    }, timeoutMs)
    const onChange = (): void => void check()
    state.on('change', onChange)
    function done(): void {
      clearTimeout(timer)
      state.off('change', onChange)
    }
    check()
  })
}
