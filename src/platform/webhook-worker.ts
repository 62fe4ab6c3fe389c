import { createHmac } from 'node:crypto'
import type { AppLogger } from '../logger.js'
import { systemClock, type Clock } from '../monitor/clock.js'
import { scrubText } from '../secrets/redact.js'
import { toPlatformEvent } from '../services/events.js'
import type { PlatformEventRow, PlatformEventsRepo } from '../storage/platform-events.repo.js'
import { eventDto } from './dto.js'

/** Delivery rules; the same shape and defaults as the Telegram outbox worker's. */
export interface WebhookSettings {
  /** Failed attempts (429 waits not counted) before an event's push is dead-lettered. */
  maxAttempts: number
  backoffBaseMs: number
  backoffCapMs: number
  /** How long a row stays claimed while being pushed; a worker that died releases it after this. */
  leaseMs: number
  /** How often the worker looks for due rows when nothing wakes it. */
  pollMs: number
  /** Bound on one POST. */
  timeoutMs: number
}

const DEFAULTS: WebhookSettings = { maxAttempts: 10, backoffBaseMs: 2000, backoffCapMs: 10 * 60_000, leaseMs: 60_000, pollMs: 1000, timeoutMs: 10_000 }

/** What the worker needs: the feed, where to push, the signing secret. */
export interface WebhookWorkerDeps {
  events: PlatformEventsRepo
  url: string
  secret: string
  logger: AppLogger
  settings?: Partial<WebhookSettings>
  clock?: Clock
  random?: () => number
  fetch?: typeof fetch
}

/**
 * The signature header a receiver checks: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`
 * under PLATFORM_WEBHOOK_SECRET. The time inside the MAC lets a receiver refuse replays.
 */
export function signWebhook(secret: string, body: string, unixSeconds: number): string {
  return `t=${unixSeconds},v1=${createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex')}`
}

type Outcome = { kind: 'sent' } | { kind: 'retry'; afterMs: number } | { kind: 'transient'; error: string } | { kind: 'permanent'; error: string }

/**
 * Pushes platform events to PLATFORM_WEBHOOK_URL, one at a time in id order (a receiver sees
 * them in the feed's order), following the outbox worker's rules: a row is leased before the
 * POST and marked sent right after a 2xx, so a restart re-pushes nothing confirmed and loses
 * nothing unconfirmed (receivers dedupe on X-BFC-Event-Id for the one crash window); network
 * errors, 408 and 5xx back off exponentially with jitter up to `maxAttempts`, a 429 waits its
 * Retry-After without costing an attempt, any other 4xx dead-letters the push. The feed itself
 * is unaffected: a dead push is still an event in /v1/events.
 */
export function createWebhookWorker(deps: WebhookWorkerDeps) {
  const s: WebhookSettings = { ...DEFAULTS, ...deps.settings }
  const { events, logger } = deps
  const clock = deps.clock ?? systemClock
  const random = deps.random ?? Math.random
  const doFetch = deps.fetch ?? fetch
  const stats = { sent: 0, retried: 0, dead: 0 }
  let stop = new AbortController()
  let waker: AbortController | undefined
  let kicked = false
  let loop: Promise<void> | undefined

  async function push(row: PlatformEventRow): Promise<Outcome> {
    const body = JSON.stringify(eventDto(toPlatformEvent(row)))
    try {
      const res = await doFetch(deps.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-bfc-event-id': String(row.id), 'x-bfc-event-kind': row.kind, 'x-bfc-signature': signWebhook(deps.secret, body, Math.floor(clock.now() / 1000)) },
        body,
        redirect: 'manual',
        signal: AbortSignal.any([AbortSignal.timeout(s.timeoutMs), stop.signal]),
      })
      await res.body?.cancel().catch(() => {})
      if (res.status >= 200 && res.status < 300) return { kind: 'sent' }
      if (res.status === 429) return { kind: 'retry', afterMs: Math.min(s.backoffCapMs, Math.max(1, Number(res.headers.get('retry-after')) || 1) * 1000) }
      if (res.status === 408 || res.status >= 500) return { kind: 'transient', error: `HTTP ${res.status}` }
      return { kind: 'permanent', error: `HTTP ${res.status}` }
    } catch (err) {
      return { kind: 'transient', error: scrubText(err instanceof Error ? `${err.name}: ${err.message}` : String(err)) }
    }
  }

  function settle(row: PlatformEventRow, outcome: Outcome): void {
    const now = clock.now()
    const log = { eventId: row.id, kind: row.kind }
    if (outcome.kind === 'sent') {
      events.markPushed(row.id)
      stats.sent++
      return
    }
    if (outcome.kind === 'retry') {
      events.retryPush(row.id, now + outcome.afterMs, row.pushAttempts, 'rate limited (429)')
      logger.warn({ ...log, retryAfterMs: outcome.afterMs }, 'platform webhook asked us to wait')
      return
    }
    const attempts = row.pushAttempts + 1
    if (outcome.kind === 'transient' && attempts < s.maxAttempts) {
      const backoff = Math.min(s.backoffCapMs, s.backoffBaseMs * 2 ** (attempts - 1)) * (0.5 + random() / 2)
      events.retryPush(row.id, now + backoff, attempts, outcome.error)
      stats.retried++
      logger.warn({ ...log, attempts, backoffMs: Math.round(backoff), error: outcome.error }, 'platform webhook push failed; will retry')
      return
    }
    events.markPushDead(row.id, attempts, outcome.error)
    stats.dead++
    logger.error({ ...log, attempts, error: outcome.error }, 'platform webhook push dead-lettered (the event stays in the feed)')
  }

  /** One step; returns how long to idle (0: look again at once). */
  async function step(): Promise<number> {
    const now = clock.now()
    const head = events.pushHead(now)
    if (!head) {
      const next = events.nextPushAt()
      return next === null ? s.pollMs : Math.max(1, Math.min(s.pollMs, next - now))
    }
    if (!events.claimPush(head.id, head.pushNextAt, now + s.leaseMs)) return 0
    const outcome = await push(head)
    // Cut short by shutdown: hand the row back at once, at no cost, instead of waiting out the lease.
    if (stop.signal.aborted && outcome.kind !== 'sent') events.retryPush(head.id, clock.now(), head.pushAttempts, 'interrupted by shutdown')
    else settle(head, outcome)
    return 0
  }

  async function run(): Promise<void> {
    while (!stop.signal.aborted) {
      kicked = false
      let wait: number
      try {
        wait = await step()
      } catch (err) {
        logger.error({ err }, 'platform webhook pass failed')
        wait = s.pollMs
      }
      if (wait > 0 && !kicked) {
        waker = new AbortController()
        await clock.sleep(wait, AbortSignal.any([waker.signal, stop.signal]))
        waker = undefined
      }
    }
  }

  return {
    /** Starts pushing; a second call does nothing. */
    start(): void {
      if (loop) return
      stop = new AbortController()
      loop = run()
    },
    /** Stops; a push in flight is aborted and its lease lets the next start retry it. */
    async stop(): Promise<void> {
      stop.abort()
      await loop
      loop = undefined
    },
    /** Wakes the worker now (an event was just recorded) instead of at the next poll. */
    kick(): void {
      kicked = true
      waker?.abort()
    },
    stats: () => ({ ...stats }),
  }
}

/** The webhook worker's type, for the composition root. */
export type WebhookWorker = ReturnType<typeof createWebhookWorker>
