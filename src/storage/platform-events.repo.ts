import { and, asc, count, eq, gt, lt, lte, sql } from 'drizzle-orm'
import type { Db } from './database.js'
import { platformEvents } from './schema.js'

/** A stored platform event. */
export type PlatformEventRow = typeof platformEvents.$inferSelect
/** An event to append; its dedupe key makes appending the same change twice a no-op. */
export type NewPlatformEventRow = Pick<PlatformEventRow, 'kind' | 'connectionId' | 'userId' | 'exchange' | 'status' | 'paused' | 'dedupeKey' | 'createdAt'> & { push: boolean }

/** The platform event feed and its webhook delivery state. */
export function createPlatformEventsRepo(db: Db) {
  // The long-poll's hot read: prepared once.
  const after = db.select().from(platformEvents).where(gt(platformEvents.id, sql.placeholder('after'))).orderBy(asc(platformEvents.id)).limit(sql.placeholder('limit')).prepare()
  const insert = db
    .insert(platformEvents)
    .values({
      kind: sql.placeholder('kind'),
      connectionId: sql.placeholder('connectionId'),
      userId: sql.placeholder('userId'),
      exchange: sql.placeholder('exchange'),
      status: sql.placeholder('status'),
      paused: sql.placeholder('paused'),
      dedupeKey: sql.placeholder('dedupeKey'),
      createdAt: sql.placeholder('createdAt'),
      pushStatus: sql.placeholder('pushStatus'),
      pushNextAt: sql.placeholder('pushNextAt'),
    })
    .returning({ id: platformEvents.id })
    .prepare()
  const byDedupe = db.select({ id: platformEvents.id }).from(platformEvents).where(eq(platformEvents.dedupeKey, sql.placeholder('key'))).prepare()
  return {
    /**
     * Appends in the caller's transaction; returns the new id, or null when the dedupe key exists.
     * It looks before inserting (an INSERT that hits the unique key would still use up an id), so
     * ids stay contiguous and a gap below the oldest row can only mean pruned events.
     */
    append(row: NewPlatformEventRow): number | null {
      const { push, ...rest } = row
      if (byDedupe.get({ key: row.dedupeKey })) return null
      // Placeholders bypass the column's boolean mapping: SQLite stores it as 0/1.
      return insert.get({ ...rest, paused: rest.paused ? 1 : 0, pushStatus: push ? 'pending' : null, pushNextAt: push ? row.createdAt : null })!.id
    },
    after(cursor: number, limit: number): PlatformEventRow[] {
      return after.all({ after: cursor, limit })
    },
    /** Lowest id still stored and the highest id ever given (AUTOINCREMENT's counter), to tell a stale cursor. */
    bounds(): { oldest: number | null; newest: number } {
      const oldest = db.select({ id: sql<number | null>`min(${platformEvents.id})` }).from(platformEvents).get()?.id ?? null
      const seq = db.get<{ seq: number } | undefined>(sql`SELECT seq FROM sqlite_sequence WHERE name = 'platform_events'`)
      return { oldest, newest: seq?.seq ?? 0 }
    },
    /** Deletes events created before `before`; ids are never reused, so cursors stay meaningful. */
    pruneBefore(before: number): number {
      return db.delete(platformEvents).where(lt(platformEvents.createdAt, before)).run().changes
    },
    /** The oldest event still waiting for the webhook, if it is due: events are pushed in order. */
    pushHead(now: number): PlatformEventRow | undefined {
      const head = db.select().from(platformEvents).where(eq(platformEvents.pushStatus, 'pending')).orderBy(asc(platformEvents.id)).limit(1).get()
      return head && (head.pushNextAt ?? 0) <= now ? head : undefined
    },
    /** When the oldest pending push is due (null: nothing pending). */
    nextPushAt(): number | null {
      const head = db.select({ at: platformEvents.pushNextAt }).from(platformEvents).where(eq(platformEvents.pushStatus, 'pending')).orderBy(asc(platformEvents.id)).limit(1).get()
      return head ? (head.at ?? 0) : null
    },
    /** Leases a due row until `until`; false when another worker took it or it changed since it was read. */
    claimPush(id: number, seenNextAt: number | null, until: number): boolean {
      const seen = seenNextAt === null ? sql`${platformEvents.pushNextAt} IS NULL` : eq(platformEvents.pushNextAt, seenNextAt)
      return db.update(platformEvents).set({ pushNextAt: until }).where(and(eq(platformEvents.id, id), eq(platformEvents.pushStatus, 'pending'), seen)).run().changes > 0
    },
    markPushed(id: number): void {
      db.update(platformEvents).set({ pushStatus: 'sent', pushError: null }).where(eq(platformEvents.id, id)).run()
    },
    retryPush(id: number, at: number, attempts: number, error: string): void {
      db.update(platformEvents).set({ pushNextAt: at, pushAttempts: attempts, pushError: error.slice(0, 200) }).where(eq(platformEvents.id, id)).run()
    },
    markPushDead(id: number, attempts: number, error: string): void {
      db.update(platformEvents).set({ pushStatus: 'dead', pushAttempts: attempts, pushError: error.slice(0, 200) }).where(eq(platformEvents.id, id)).run()
    },
    pushBacklog(): number {
      return db.select({ n: count() }).from(platformEvents).where(eq(platformEvents.pushStatus, 'pending')).get()?.n ?? 0
    },
    get(id: number): PlatformEventRow | undefined {
      return db.select().from(platformEvents).where(eq(platformEvents.id, id)).get()
    },
    /** Every event up to `upTo`, oldest first (tests, operators). */
    all(upTo = Number.MAX_SAFE_INTEGER): PlatformEventRow[] {
      return db.select().from(platformEvents).where(lte(platformEvents.id, upTo)).orderBy(asc(platformEvents.id)).all()
    },
  }
}

/** The platform events repository's type, for injection. */
export type PlatformEventsRepo = ReturnType<typeof createPlatformEventsRepo>
