import { and, asc, count, eq, inArray, lt, lte, sql } from 'drizzle-orm'
import type { Db } from './database.js'
import { outbox } from './schema.js'

/** A notification waiting in (or sent from) the outbox. */
export type OutboxRow = typeof outbox.$inferSelect
/** A notification to enqueue; its idempotency key makes a second enqueue of the same event a no-op. */
export type NewOutboxRow = Pick<typeof outbox.$inferInsert, 'userId' | 'connectionId' | 'idempotencyKey' | 'kind' | 'payload'> & { nextAttemptAt?: number }

/** The notification outbox: written in the same transaction as the state change that causes it. */
export function createOutboxRepo(db: Db) {
  return {
    /** Returns false when a row with the same idempotency key exists (nothing doubles). */
    enqueue(row: NewOutboxRow): boolean {
      return db.insert(outbox).values({ ...row, nextAttemptAt: row.nextAttemptAt ?? Date.now() }).onConflictDoNothing({ target: outbox.idempotencyKey }).run().changes > 0
    },
    due(now: number, limit: number): OutboxRow[] {
      return db.select().from(outbox).where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now))).orderBy(asc(outbox.nextAttemptAt), asc(outbox.id)).limit(limit).all()
    },
    /**
     * Due rows that are the oldest pending row of their user, so one user's notifications go out
     * in the order they happened even when an earlier one is waiting for a retry.
     */
    dueHeads(now: number, limit: number): OutboxRow[] {
      const noOlder = sql`NOT EXISTS (SELECT 1 FROM outbox p WHERE p.user_id = "outbox"."user_id" AND p.status = 'pending' AND p.id < "outbox"."id")`
      return db.select().from(outbox).where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now), noOlder)).orderBy(asc(outbox.nextAttemptAt), asc(outbox.id)).limit(limit).all()
    },
    /**
     * Leases a due row until `until` (a worker that dies mid-send releases it when the lease
     * ends); false when another worker took it first or it changed since it was read.
     */
    claim(id: number, seenNextAttemptAt: number, until: number): boolean {
      return db.update(outbox).set({ nextAttemptAt: until }).where(and(eq(outbox.id, id), eq(outbox.status, 'pending'), eq(outbox.nextAttemptAt, seenNextAttemptAt))).run().changes > 0
    },
    /** Settles a row without sending it (user blocked the bot, or turned notifications off). */
    markSkipped(id: number, reason: string): void {
      db.update(outbox).set({ status: 'skipped', lastError: reason.slice(0, 200) }).where(eq(outbox.id, id)).run()
    },
    /**
     * Cancels a connection's pending notifications (it is being deleted, or its key replaced):
     * run in the same transaction as that change, so nothing stale about it goes out afterwards.
     */
    cancelForConnection(connectionId: string, reason: string): number {
      return db.update(outbox).set({ status: 'cancelled', lastError: reason.slice(0, 200) }).where(and(eq(outbox.connectionId, connectionId), eq(outbox.status, 'pending'))).run().changes
    },
    /** Cancels one row (its connection is gone): settled, never sent. */
    markCancelled(id: number, reason: string): void {
      db.update(outbox).set({ status: 'cancelled', lastError: reason.slice(0, 200) }).where(eq(outbox.id, id)).run()
    },
    markSent(id: number, at: number): void {
      db.update(outbox).set({ status: 'sent', sentAt: at, lastError: null }).where(eq(outbox.id, id)).run()
    },
    retryLater(id: number, at: number, attempts: number, error: string): void {
      db.update(outbox).set({ nextAttemptAt: at, attempts, lastError: error.slice(0, 200) }).where(eq(outbox.id, id)).run()
    },
    markDead(id: number, error: string): void {
      db.update(outbox).set({ status: 'dead', lastError: error.slice(0, 200) }).where(eq(outbox.id, id)).run()
    },
    /** Deletes settled rows (sent, dead, skipped, cancelled) created before `before`, so the table stays bounded. */
    pruneSettled(before: number): number {
      return db.delete(outbox).where(and(inArray(outbox.status, ['sent', 'dead', 'skipped', 'cancelled']), lt(outbox.createdAt, before))).run().changes
    },
    pendingCount(): number {
      return db.select({ n: count() }).from(outbox).where(eq(outbox.status, 'pending')).get()?.n ?? 0
    },
    get(id: number): OutboxRow | undefined {
      return db.select().from(outbox).where(eq(outbox.id, id)).get()
    },
    listForUser(userId: number): OutboxRow[] {
      return db.select().from(outbox).where(eq(outbox.userId, userId)).orderBy(asc(outbox.id)).all()
    },
  }
}

/** The outbox repository's type, for injection. */
export type OutboxRepo = ReturnType<typeof createOutboxRepo>
