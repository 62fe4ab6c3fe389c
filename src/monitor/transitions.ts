import type { AppLogger } from '../logger.js'
import type { TestedEvent } from '../services/connections.js'
import type { OutboxRepo } from '../storage/outbox.repo.js'
import type { UsersRepo } from '../storage/users.repo.js'
import type { NotificationKind, NotificationPayload } from './notification.js'

const DAY_MS = 86_400_000

/** Days before a stated key expiry when the trader is reminded, once each. */
export const EXPIRY_REMINDER_DAYS = [7, 1] as const

/** A notification to queue, with the key that makes queuing it twice a no-op. */
export interface Decision {
  kind: NotificationKind
  idempotencyKey: string
}

/**
 * The notification rules. Only the monitor's tests notify: after a manual /test the user is
 * already looking at the report. Transitions only: Online/Checking → Offline, anything →
 * Unsafe, Offline/Unsafe → Online. Checking is the grace state and never notifies, so an outage
 * shorter than the threshold stays silent; Unsafe → Offline stays silent too (the user was
 * told to delete that key). While a connection stays Offline, one reminder per `reminderMs`
 * (0 = never). Keys are derived from when the state began, so they are unique per transition
 * and a retried or replayed test cannot queue the same notification twice.
 */
export function decideNotification(e: TestedEvent, reminderMs: number): Decision | null {
  if (e.source !== 'monitor') return null
  const from = e.before.status
  const to = e.after.status
  const id = e.after.id
  const since = e.statusChangedAt ?? e.report.startedAt
  const key = (kind: NotificationKind, suffix = '') => ({ kind, idempotencyKey: `${id}:${kind}:${since}${suffix}` })
  if (from !== to) {
    if (to === 'unsafe') return key('unsafe')
    if (to === 'offline' && (from === 'online' || from === 'checking')) return key('offline')
    if (to === 'online' && (from === 'offline' || from === 'unsafe')) return key('recovered')
    return null
  }
  if (to !== 'offline' || reminderMs <= 0 || e.statusChangedAt === null) return null
  const periods = Math.floor((e.report.startedAt - e.statusChangedAt) / reminderMs)
  return periods >= 1 ? key('reminder', `:${periods}`) : null
}

/**
 * The expiry reminder a monitor test calls for: when the exchange states the day the key stops
 * working (check `expiry`, code KEY_EXPIRES) and that day is at most 7 days away, the 7-day
 * reminder; at most 1 day away, the 1-day reminder. The key names the connection, the date and
 * the threshold, so each reminder is queued once however often the monitor tests, and a new
 * date (the key was replaced or re-bound) starts over. Nothing for a key no longer in use.
 */
export function decideExpiryReminder(e: TestedEvent): Decision | null {
  if (e.source !== 'monitor' || e.after.status === 'unsafe') return null
  const expiresAt = e.report.checks?.find((c) => c.id === 'expiry' && c.code === 'KEY_EXPIRES')?.detail?.['expiresAt']
  if (typeof expiresAt !== 'number') return null
  const left = expiresAt - e.report.startedAt
  if (left <= 0) return null
  const threshold = [...EXPIRY_REMINDER_DAYS].sort((a, b) => a - b).find((d) => left <= d * DAY_MS)
  if (threshold === undefined) return null
  const day = new Date(expiresAt).toISOString().slice(0, 10)
  return { kind: 'expiry', idempotencyKey: `${e.after.id}:expiry:${day}:${threshold}d` }
}

/**
 * The one notice that the monitor stopped testing a key its exchange keeps refusing; keyed by
 * when it stopped, so it is queued once per stop (a passing test resumes, a later stop is new).
 */
export function decideStopNotice(e: TestedEvent): Decision | null {
  if (!e.monitorStopped) return null
  return { kind: 'stopped', idempotencyKey: `${e.after.id}:stopped:${e.report.startedAt}` }
}

/** What the recorder needs; `onQueued` lets the outbox worker wake at once instead of polling. */
export interface TransitionRecorderDeps {
  outbox: OutboxRepo
  users: UsersRepo
  /** `OFFLINE_REMINDER_HOURS`; 0 turns reminders off. */
  reminderHours: number
  logger: AppLogger
  onQueued?: () => void
}

/**
 * The connection service's `onTested` hook: runs inside the test's transaction, so the outbox
 * row and the state change commit together. Users who turned notifications off, or who blocked
 * the bot, get no row at all.
 */
export function createTransitionRecorder(deps: TransitionRecorderDeps): (e: TestedEvent) => void {
  const reminderMs = deps.reminderHours * 3_600_000
  return (e) => {
    const decisions = [decideNotification(e, reminderMs), decideExpiryReminder(e), decideStopNotice(e)].filter((d): d is Decision => d !== null)
    if (decisions.length === 0) return
    const user = deps.users.get(e.userId)
    if (!user?.notifications || !user.active) {
      deps.logger.debug({ connectionId: e.after.id, userId: e.userId, kinds: decisions.map((d) => d.kind) }, 'notification not queued: user opted out or blocked the bot')
      return
    }
    let queuedAny = false
    for (const decision of decisions) {
      const payload: NotificationPayload = {
        kind: decision.kind,
        connectionId: e.after.id,
        name: e.after.name,
        exchange: e.after.exchange,
        market: e.after.market,
        since: e.statusChangedAt ?? e.report.startedAt,
        checks: checksFor(decision.kind, e),
      }
      const queued = deps.outbox.enqueue({ userId: e.userId, connectionId: e.after.id, idempotencyKey: decision.idempotencyKey, kind: decision.kind, payload: JSON.stringify(payload) })
      if (!queued) continue
      queuedAny = true
      deps.logger.info({ connectionId: e.after.id, userId: e.userId, kind: decision.kind }, 'notification queued')
    }
    if (queuedAny) deps.onQueued?.()
  }
}

// The checks a notification explains: none for a recovery, only the expiry for its reminder.
function checksFor(kind: NotificationKind, e: TestedEvent): NotificationPayload['checks'] {
  if (kind === 'recovered') return []
  if (kind === 'expiry') return e.report.checks.filter((c) => c.id === 'expiry')
  return e.report.checks.filter((c) => c.state !== 'pass' && c.code !== undefined)
}
