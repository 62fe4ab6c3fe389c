import type { AppLogger } from '../logger.js'

/** What the scrubber needs: one non-blocking TRUNCATE checkpoint (`Database.truncateWal`). */
export interface WalScrubberDeps {
  truncateWal: () => boolean
  logger: AppLogger
  /** Wait before trying again while a reader or writer keeps the WAL busy; doubles up to `maxRetryMs`. */
  retryMs?: number
  maxRetryMs?: number
  /** Timer seam (tests fire retries by hand); defaults to an unref'd setTimeout. */
  setTimer?: (fn: () => void, ms: number) => unknown
  clearTimer?: (timer: unknown) => void
}

/**
 * Empties the WAL right after a delete or a replace commits, so the old ciphertext leaves
 * bot.sqlite-wal (and, through secure_delete, bot.sqlite) at once instead of at the next stop.
 * The checkpoint never blocks the bot and never fails the user's action: when the database is
 * busy it is logged and retried with backoff until it succeeds. Requests while a retry is
 * pending are merged into it, so a burst of deletes costs one checkpoint.
 */
export function createWalScrubber(deps: WalScrubberDeps) {
  const base = deps.retryMs ?? 1000
  const cap = deps.maxRetryMs ?? 60_000
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms).unref())
  const clearTimer = deps.clearTimer ?? ((t) => clearTimeout(t as NodeJS.Timeout))
  let timer: unknown
  let delay = base
  let stopped = false
  let failures = 0

  function attempt(): void {
    timer = undefined
    if (stopped) return
    let done = false
    try {
      done = deps.truncateWal()
    } catch (err) {
      deps.logger.warn({ err }, 'WAL checkpoint failed; will retry')
    }
    if (done) {
      if (failures > 0) deps.logger.info({ attempts: failures + 1 }, 'WAL checkpoint done after retries')
      failures = 0
      delay = base
      return
    }
    failures++
    if (failures === 1 || failures % 10 === 0) deps.logger.warn({ retryMs: delay, attempts: failures }, 'WAL busy: deleted ciphertext stays in the WAL until the checkpoint succeeds; retrying')
    timer = setTimer(attempt, delay)
    delay = Math.min(cap, delay * 2)
  }

  return {
    /** Checkpoints now (or joins the pending retry); never throws. */
    request(): void {
      if (stopped || timer) return
      attempt()
    },
    /** True while a retry is waiting (the WAL may still hold deleted ciphertext). */
    pending: (): boolean => timer !== undefined,
    /** Cancels the pending retry (the app's stop runs a final checkpoint itself). */
    stop(): void {
      stopped = true
      if (timer) clearTimer(timer)
      timer = undefined
    },
  }
}

/** The scrubber's type, for injection into the connection service. */
export type WalScrubber = ReturnType<typeof createWalScrubber>
