/**
 * The long-poll's wake-up: requests waiting for an event park here, and the event recorder's
 * `onAppended` wakes them all. A woken request re-reads the feed from SQLite, which is the only
 * source of truth (a wake-up carries no data), so a wake for a transaction that rolled back costs
 * one empty read and nothing else. Waits are also bounded by `recheckMs`, so events written by
 * another process on the same database are still seen.
 */
export function createEventWaiters(opts: { recheckMs?: number } = {}) {
  const recheckMs = opts.recheckMs ?? 1000
  const parked = new Set<() => void>()
  let closed = false

  const wakeAll = (): void => {
    const list = [...parked]
    parked.clear()
    for (const resolve of list) resolve()
  }

  return {
    /** Wakes every parked request on a later tick: after the appending transaction has ended. */
    wake(): void {
      if (parked.size > 0) setImmediate(wakeAll)
    },
    /** Resolves on the next wake, after `ms` (capped at `recheckMs`), on abort, or at once when closed. */
    park(ms: number, signal: AbortSignal): Promise<void> {
      if (closed || signal.aborted) return Promise.resolve()
      return new Promise<void>((resolve) => {
        const done = (): void => {
          clearTimeout(timer)
          signal.removeEventListener('abort', done)
          parked.delete(done)
          resolve()
        }
        const timer = setTimeout(done, Math.max(0, Math.min(ms, recheckMs)))
        signal.addEventListener('abort', done, { once: true })
        parked.add(done)
      })
    },
    /** Requests parked now (tests assert a long poll is waiting before they change anything). */
    size: (): number => parked.size,
    get closed(): boolean {
      return closed
    },
    /** Releases every parked request and refuses new waits (shutdown: long polls answer at once). */
    close(): void {
      closed = true
      wakeAll()
    },
  }
}

/** The waiters' type, for injection. */
export type EventWaiters = ReturnType<typeof createEventWaiters>
