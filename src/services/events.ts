import { statusEventKind, type PlatformEventKind } from '../domain/platform-events.js'
import type { ExchangeId } from '../domain/types.js'
import type { PlatformEventRow, PlatformEventsRepo } from '../storage/platform-events.repo.js'
import type { ConnectionView } from './connection-view.js'
import type { ConnectionEventSink, TestedEvent } from './connections.js'

/** One event as the platform reads it: what happened and the connection's state after it. */
export interface PlatformEvent {
  id: number
  kind: PlatformEventKind
  connectionId: string
  userId: number
  exchange: ExchangeId
  status: string
  paused: boolean
  at: number
}

/** A page of the feed, or why the cursor cannot be served (the consumer must resync from the listing). */
export type FeedPage = { ok: true; events: PlatformEvent[]; cursor: number } | { ok: false; reason: 'CURSOR_EXPIRED' | 'CURSOR_AHEAD'; oldest: number | null; newest: number }

/** What the recorder needs; `onAppended` wakes long polls and the webhook worker after the commit. */
export interface EventRecorderDeps {
  events: PlatformEventsRepo
  /** True when `PLATFORM_WEBHOOK_URL` is set: each new event is queued for the webhook too. */
  push: boolean
  now?: () => number
  /** Told after each appended event, inside its transaction (listeners must re-read later, not now). */
  onAppended?: (kind: PlatformEventKind) => void
}

/** Every way the recorder is told about a change; each call runs inside the change's transaction. */
export interface EventRecorder extends ConnectionEventSink {
  /** The connection service's `onTested`: a status change the platform must hear about. */
  tested(e: TestedEvent): void
  paused(c: ConnectionView, userId: number, at: number): void
  resumed(c: ConnectionView, userId: number, at: number): void
}

/** A stored event row as the feed shows it. */
export const toPlatformEvent = (r: PlatformEventRow): PlatformEvent => ({
  id: r.id,
  kind: r.kind as PlatformEventKind,
  connectionId: r.connectionId,
  userId: r.userId,
  exchange: r.exchange as ExchangeId,
  status: r.status,
  paused: r.paused,
  at: r.createdAt,
})

/**
 * Writes the platform's events. It is called inside the transaction that makes the change, so
 * the event and the change commit together or not at all (like the notification outbox); each
 * event has a dedupe key derived from the change, so recording one change twice adds one row.
 */
export function createEventRecorder(deps: EventRecorderDeps): EventRecorder {
  const now = deps.now ?? Date.now
  const append = (kind: PlatformEventKind, c: ConnectionView, userId: number, dedupeKey: string, status = c.status as string, paused = c.pausedAt != null): void => {
    const id = deps.events.append({ kind, connectionId: c.id, userId, exchange: c.exchange, status, paused, dedupeKey, createdAt: now(), push: deps.push })
    // Woken listeners re-read on a later tick, after this transaction has committed (or rolled back).
    if (id !== null) deps.onAppended?.(kind)
  }
  return {
    tested(e) {
      if (e.before.status === e.after.status) return
      const kind = statusEventKind(e.after.status)
      if (kind) append(kind, e.after, e.userId, `${e.after.id}:${kind}:${e.statusChangedAt ?? e.report.startedAt}`)
    },
    connected(c, userId) {
      const kind = statusEventKind(c.status)
      if (kind) append(kind, c, userId, `${c.id}:created`)
    },
    replaced(c, userId) {
      append('key_replaced', c, userId, `${c.id}:key_replaced:${c.lastTestedAt ?? now()}`)
    },
    removed(c, userId) {
      append('deleted', c, userId, `${c.id}:deleted`)
    },
    paused(c, userId, at) {
      append('paused', c, userId, `${c.id}:paused:${at}`, c.status, true)
    },
    resumed(c, userId, at) {
      append('resumed', c, userId, `${c.id}:resumed:${at}`, c.status, false)
    },
  }
}

/**
 * Reads the feed after a cursor (the id of the last event the consumer handled; 0 from the
 * start). Ids are contiguous (see the repo's append), so a cursor below the oldest kept event
 * means pruned events were missed, and one above the newest id ever given means the database
 * was restored from an older copy: both are refused so nothing is silently lost.
 */
export function readFeed(events: PlatformEventsRepo, after: number | undefined, limit: number): FeedPage {
  // No cursor: a new consumer starts at the oldest event kept (it has no position to lose).
  if (after === undefined) {
    const rows = events.after(0, limit)
    return { ok: true, events: rows.map(toPlatformEvent), cursor: rows.at(-1)?.id ?? events.bounds().newest }
  }
  const rows = events.after(after, limit)
  if (rows.length > 0 && rows[0]!.id === after + 1) return { ok: true, events: rows.map(toPlatformEvent), cursor: rows.at(-1)!.id }
  const { oldest, newest } = events.bounds()
  if (after > newest) return { ok: false, reason: 'CURSOR_AHEAD', oldest, newest }
  if (after < (oldest ?? newest + 1) - 1) return { ok: false, reason: 'CURSOR_EXPIRED', oldest, newest }
  return { ok: true, events: rows.map(toPlatformEvent), cursor: rows.at(-1)?.id ?? after }
}
