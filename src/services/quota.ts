/**
 * A per-user sliding-window quota: at most `limit` uses in any `windowMs`. Each use is a
 * timestamp; a user's list never holds more than `limit` of them, and users with no use left in
 * the window are dropped when the map grows, so memory stays bounded by the active users.
 * Counts live in memory: a restart forgives, which is fine for a guard against floods (the
 * connection cap itself is counted in the database).
 */
export function createQuota(opts: { limit: number; windowMs: number; now?: () => number }) {
  const { limit, windowMs } = opts
  const now = opts.now ?? Date.now
  const uses = new Map<number, number[]>()

  const live = (key: number, at: number): number[] => {
    const list = (uses.get(key) ?? []).filter((t) => t > at - windowMs)
    if (list.length > 0) uses.set(key, list)
    else uses.delete(key)
    return list
  }

  function prune(at: number): void {
    if (uses.size < 10_000) return
    for (const key of [...uses.keys()]) live(key, at)
  }

  return {
    /** Milliseconds until `key` may act again, or 0 when it may act now (nothing is recorded). */
    waitMs(key: number): number {
      const at = now()
      const list = live(key, at)
      return list.length < limit ? 0 : list[0]! + windowMs - at
    },
    /** Records one use and returns 0, or returns the wait (> 0) and records nothing when over. */
    take(key: number): number {
      const at = now()
      prune(at)
      const list = live(key, at)
      if (list.length >= limit) return list[0]! + windowMs - at
      list.push(at)
      uses.set(key, list)
      return 0
    },
    limit,
  }
}

/** A quota's type, for injection. */
export type Quota = ReturnType<typeof createQuota>
