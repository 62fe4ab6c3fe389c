/**
 * One run per key at a time: a second caller for the same key joins the run in progress
 * instead of starting another. The monitor and a manual /test share one of these, so a
 * connection is never tested twice at once and a double tap costs one exchange round.
 */
export function createSingleFlight<T>() {
  const running = new Map<string, Promise<T>>()
  return {
    run(key: string, fn: () => Promise<T>): Promise<T> {
      const inFlight = running.get(key)
      if (inFlight) return inFlight
      const p = fn().finally(() => running.delete(key))
      running.set(key, p)
      return p
    },
    isRunning: (key: string) => running.has(key),
  }
}

/** The shared lock's type, for injection. */
export type SingleFlight<T> = ReturnType<typeof createSingleFlight<T>>
