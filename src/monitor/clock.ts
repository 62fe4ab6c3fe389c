/** Time as the monitor sees it: injected so tests can drive it, real timers otherwise. */
export interface Clock {
  now(): number
  /** Resolves after `ms`, or at once when `signal` aborts; never rejects, so loops just re-check. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

/** Wall-clock time and `setTimeout`: what the running app uses. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve()
      const done = () => {
        clearTimeout(timer)
        signal?.removeEventListener('abort', done)
        resolve()
      }
      const timer = setTimeout(done, Math.max(0, ms))
      signal?.addEventListener('abort', done, { once: true })
    }),
}
