import type { AppLogger } from '../logger.js'
import type { OutboxRepo, OutboxRow } from '../storage/outbox.repo.js'
import type { UsersRepo } from '../storage/users.repo.js'
import { systemClock, type Clock } from './clock.js'
import { Semaphore, TokenBucket } from './limits.js'
import { parsePayload, type ClassifyFn, type NotificationPayload, type SendFailure, type SendFn } from './notification.js'
import { scrubText } from '../secrets/redact.js'

/** Delivery limits; the defaults keep us under Telegram's broadcast and per-chat limits. */
export interface OutboxSettings {
  /** Messages per second over all chats (Telegram allows about 30; `NOTIFY_RATE_PER_SECOND`). */
  ratePerSecond: number
  /** Minimum time between two messages to one chat (Telegram: about one per second). */
  perChatGapMs: number
  /** Failed attempts (not counting 429 waits) before a row is dead-lettered (`NOTIFY_MAX_ATTEMPTS`). */
  maxAttempts: number
  backoffBaseMs: number
  backoffCapMs: number
  /** How long a row stays claimed while being sent; a worker that died releases it after this. */
  leaseMs: number
  /** How often the worker looks for due rows when nothing wakes it. */
  pollMs: number
  maxInFlight: number
  batch: number
  /** Settled rows (sent, dead, skipped, cancelled) older than this are deleted, checked hourly. */
  keepSettledMs: number
  /** First wait before retrying an outbox write the database refused (busy, full); doubles up to `storeRetryCapMs`. */
  storeRetryMs: number
  storeRetryCapMs: number
}

const DEFAULTS: OutboxSettings = {
  ratePerSecond: 25,
  perChatGapMs: 1000,
  maxAttempts: 10,
  backoffBaseMs: 2000,
  backoffCapMs: 10 * 60_000,
  leaseMs: 60_000,
  pollMs: 1000,
  maxInFlight: 8,
  batch: 100,
  keepSettledMs: 30 * 24 * 3_600_000,
  storeRetryMs: 200,
  storeRetryCapMs: 10_000,
}

/** What the worker needs: the outbox, the users (active/opt-out), and the bot layer's sender. */
export interface OutboxWorkerDeps {
  outbox: OutboxRepo
  users: UsersRepo
  send: SendFn
  classify: ClassifyFn
  logger: AppLogger
  settings?: Partial<OutboxSettings>
  clock?: Clock
  random?: () => number
}

/** Running totals since start, for logs and tests. */
export interface OutboxStats {
  sent: number
  retried: number
  rateLimited: number
  blocked: number
  skipped: number
  dead: number
  /** Rows not sent because their connection was deleted meanwhile. */
  cancelled: number
  /** Outbox writes the database refused and that were retried. */
  storeRetries: number
}

// Stored in the outbox row: scrubbed, since a transport error could quote a URL with the bot token.
const reason = (err: unknown): string => scrubText(err instanceof Error ? err.message : String(err)).slice(0, 200)

/**
 * Sends the outbox. Rows are claimed with a lease before sending and marked sent right after
 * Telegram accepts them, so a restart resends nothing that was confirmed and loses nothing that
 * was not (a crash between Telegram's answer and the mark is the one window for a duplicate).
 * A database error after a send never crashes the process and never causes a resend: the mark
 * is retried with backoff while the row stays claimed by this worker (its chat stays busy, so
 * no pass picks it again), until it is stored or the worker stops. A row whose connection was
 * deleted meanwhile (its link is gone) is cancelled, never sent.
 * One user's rows go out in order, one at a time, at most one per `perChatGapMs`; all chats
 * share one token bucket; a 429 pauses every send for its retry_after; a 403 marks the user
 * inactive and settles their rows as skipped until they write to the bot again.
 */
export function createOutboxWorker(deps: OutboxWorkerDeps) {
  const s: OutboxSettings = { ...DEFAULTS, ...deps.settings }
  const { outbox, users, logger } = deps
  const clock = deps.clock ?? systemClock
  const random = deps.random ?? Math.random
  const bucket = new TokenBucket(s.ratePerSecond, 1, clock)
  const slots = new Semaphore(s.maxInFlight)
  const stats: OutboxStats = { sent: 0, retried: 0, rateLimited: 0, blocked: 0, skipped: 0, dead: 0, cancelled: 0, storeRetries: 0 }
  const busyChats = new Set<number>()
  const lastStart = new Map<number, number>()
  const inFlight = new Set<Promise<void>>()
  let pausedUntil = 0
  let prunedAt = 0
  let stop = new AbortController()
  let waker: AbortController | undefined
  let kicked = false
  let loop: Promise<void> | undefined

  const kick = (): void => {
    kicked = true
    waker?.abort()
  }
  async function idle(ms: number): Promise<void> {
    if (kicked) return
    waker = new AbortController()
    await clock.sleep(ms, AbortSignal.any([waker.signal, stop.signal]))
    waker = undefined
  }

  /**
   * Runs one outbox write until the database takes it: on an error (SQLITE_BUSY, SQLITE_FULL...)
   * it waits with backoff and tries again, holding the row's claim. Once the worker is stopping
   * it makes one last try and then gives up loudly (the row's lease will let it be retried).
   */
  async function store(what: string, row: OutboxRow, write: () => void): Promise<boolean> {
    let wait = s.storeRetryMs
    for (let attempt = 1; ; attempt++) {
      try {
        write()
        return true
      } catch (err) {
        if (stop.signal.aborted) {
          logger.error({ err, outboxId: row.id, userId: row.userId, what, attempts: attempt }, 'outbox write failed while stopping; the row is left to its lease')
          return false
        }
        stats.storeRetries++
        logger.warn({ err, outboxId: row.id, what, attempts: attempt, retryMs: wait }, 'outbox write failed; retrying')
        await clock.sleep(wait, stop.signal)
        wait = Math.min(s.storeRetryCapMs, wait * 2)
      }
    }
  }

  async function settle(row: OutboxRow, failure: SendFailure, err: unknown): Promise<void> {
    const now = clock.now()
    const log = { outboxId: row.id, userId: row.userId, kind: row.kind, failure: failure.kind }
    switch (failure.kind) {
      case 'retry':
        // Flood control is Telegram pacing us, not a failure: it pauses everyone and costs no attempt.
        pausedUntil = Math.max(pausedUntil, now + failure.afterMs)
        stats.rateLimited++
        logger.warn({ ...log, retryAfterMs: failure.afterMs }, 'telegram flood control: pausing notifications')
        await store('retry later', row, () => outbox.retryLater(row.id, now + failure.afterMs, row.attempts, 'rate limited (429)'))
        return
      case 'blocked':
        stats.blocked++
        logger.info(log, 'user blocked the bot: notifications stop until they write again')
        await store('mark user inactive', row, () => users.setActive(row.userId, false))
        await store('skip', row, () => outbox.markSkipped(row.id, 'blocked by user (403)'))
        return
      case 'transient': {
        const attempts = row.attempts + 1
        if (attempts < s.maxAttempts) {
          const backoff = Math.min(s.backoffCapMs, s.backoffBaseMs * 2 ** (attempts - 1)) * (0.5 + random() / 2)
          stats.retried++
          logger.warn({ ...log, attempts, backoffMs: Math.round(backoff) }, 'notification send failed; will retry')
          await store('retry later', row, () => outbox.retryLater(row.id, now + backoff, attempts, reason(err)))
          return
        }
        await store('count attempt', row, () => outbox.retryLater(row.id, row.nextAttemptAt, attempts, reason(err)))
        break
      }
      case 'permanent':
        break
    }
    stats.dead++
    logger.error({ ...log, attempts: row.attempts + 1 }, 'notification dead-lettered')
    await store('dead-letter', row, () => outbox.markDead(row.id, reason(err)))
  }

  async function deliver(row: OutboxRow): Promise<void> {
    busyChats.add(row.userId)
    lastStart.set(row.userId, clock.now())
    try {
      let payload: NotificationPayload
      try {
        payload = parsePayload(row.payload)
      } catch (err) {
        await settle(row, { kind: 'permanent' }, err)
        return
      }
      try {
        await deps.send({ outboxId: row.id, userId: row.userId, chatId: row.userId, payload })
      } catch (err) {
        await settle(row, deps.classify(err), err)
        return
      }
      const sentAt = clock.now()
      stats.sent++
      // Telegram has it: from here on, only marking it sent is left, never a second send.
      await store('mark sent', row, () => outbox.markSent(row.id, sentAt))
    } finally {
      busyChats.delete(row.userId)
      slots.release()
      kick()
    }
  }

  /** Why a due row must not go out at all, or null when it may be sent. */
  function refusal(userId: number): string | null {
    const user = users.get(userId)
    if (!user) return 'user gone'
    if (!user.active) return 'user inactive (blocked the bot)'
    return user.notifications ? null : 'notifications off'
  }

  /** One pass over the due rows; returns how long to idle, or 0 to look again at once. */
  async function pass(): Promise<number> {
    const now = clock.now()
    if (pausedUntil > now) return pausedUntil - now
    if (lastStart.size > 10_000) for (const [chat, at] of lastStart) if (now - at > s.perChatGapMs) lastStart.delete(chat)
    if (now - prunedAt > 3_600_000) {
      prunedAt = now
      const pruned = outbox.pruneSettled(now - s.keepSettledMs)
      if (pruned > 0) logger.info({ pruned }, 'old settled notifications deleted')
    }
    let wait = s.pollMs
    let progressed = false
    for (const row of outbox.dueHeads(now, s.batch)) {
      if (stop.signal.aborted || pausedUntil > clock.now()) break
      if (busyChats.has(row.userId)) continue
      const gap = (lastStart.get(row.userId) ?? -Infinity) + s.perChatGapMs - clock.now()
      if (gap > 0) {
        wait = Math.min(wait, gap)
        continue
      }
      if (row.connectionId === null) {
        // Its connection was deleted (the link is set to null) after this row was queued, by a
        // path that did not cancel it: never tell a user about a connection they removed.
        outbox.markCancelled(row.id, 'connection deleted')
        stats.cancelled++
        progressed = true
        logger.info({ outboxId: row.id, userId: row.userId, kind: row.kind }, 'notification cancelled: its connection is gone')
        continue
      }
      const refused = refusal(row.userId)
      if (refused) {
        outbox.markSkipped(row.id, refused)
        stats.skipped++
        progressed = true
        continue
      }
      await slots.acquire()
      const ready = (await bucket.take(1, stop.signal)) && pausedUntil <= clock.now()
      let claimed = false
      try {
        claimed = ready && outbox.claim(row.id, row.nextAttemptAt, clock.now() + s.leaseMs)
      } finally {
        if (!claimed) slots.release() // also when the claim threw (the pass's error is logged by run)
      }
      if (!claimed) {
        if (!ready) break
        continue
      }
      progressed = true
      const p = deliver(row).catch((err: unknown) => logger.error({ err, outboxId: row.id }, 'notification delivery failed'))
      inFlight.add(p)
      void p.finally(() => inFlight.delete(p))
    }
    return progressed ? 0 : wait
  }

  async function run(): Promise<void> {
    while (!stop.signal.aborted) {
      kicked = false
      let wait: number
      try {
        wait = await pass()
      } catch (err) {
        logger.error({ err }, 'outbox pass failed')
        wait = s.pollMs
      }
      if (wait > 0) await idle(wait)
    }
  }

  return {
    /** Starts delivering; a second call does nothing. */
    start(): void {
      if (loop) return
      stop = new AbortController()
      loop = run()
    },
    /** Stops claiming rows and waits for the sends in flight to be settled in the outbox. */
    async stop(): Promise<void> {
      stop.abort()
      await loop
      loop = undefined
      await Promise.allSettled([...inFlight])
    },
    /** Wakes the worker now (a row was just queued) instead of at the next poll. */
    kick,
    stats: (): Readonly<OutboxStats> => ({ ...stats }),
  }
}

/** The outbox worker's type, for the composition root. */
export type OutboxWorker = ReturnType<typeof createOutboxWorker>
