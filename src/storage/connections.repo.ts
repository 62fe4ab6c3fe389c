import { and, asc, count, eq, isNotNull, isNull, ne, sql } from 'drizzle-orm'
import type { Db } from './database.js'
import { connections } from './schema.js'

/** A stored connection row (credentials sealed). */
export type ConnectionRow = typeof connections.$inferSelect
/** The fields a new connection is inserted with. */
export type NewConnectionRow = typeof connections.$inferInsert
/** The sealed credential columns, replaced together (replace, rotation). */
export type SealedFields = Pick<ConnectionRow, 'sealKeyId' | 'sealedApiKey' | 'sealedSecret' | 'sealedPassphrase' | 'keyFingerprint'>
/** The status columns the connection test and the monitor write. */
export type StatusFields = Pick<ConnectionRow, 'status' | 'consecutiveFailures' | 'lastTestedAt' | 'lastReport'> & {
  statusChangedAt?: number | null
  provenAt?: number | null
  authFailures?: number
  monitorPausedAt?: number | null
}
/** The proven connection that owns a key fingerprint: enough to say "yours, called X" or "someone's". */
export interface FingerprintOwner {
  id: string
  userId: number
  name: string
}

/**
 * Queries on connections. Every query a user can trigger takes the owner's id, so ownership is
 * enforced in SQL, not remembered by callers. This code never sees plaintext credentials.
 */
export function createConnectionsRepo(db: Db) {
  const owned = (id: string, userId: number) => and(eq(connections.id, id), eq(connections.userId, userId))
  // The hot read of /status, /connections and name look-ups: prepared once.
  const byUser = db.select().from(connections).where(eq(connections.userId, sql.placeholder('userId'))).orderBy(asc(connections.createdAt), asc(connections.name)).prepare()
  function fingerprintOwner(fingerprint: string, exceptId?: string): FingerprintOwner | undefined {
    const proven = and(eq(connections.keyFingerprint, fingerprint), isNotNull(connections.provenAt))
    const where = exceptId ? and(proven, ne(connections.id, exceptId)) : proven
    return db.select({ id: connections.id, userId: connections.userId, name: connections.name }).from(connections).where(where).get()
  }
  function listForSweep(): Array<{ id: string; exchange: string }> {
    return db
      .select({ id: connections.id, exchange: connections.exchange })
      .from(connections)
      .where(isNull(connections.monitorPausedAt))
      .orderBy(sql`${connections.lastTestedAt} IS NOT NULL`, asc(connections.lastTestedAt))
      .all()
  }
  return {
    insert(row: NewConnectionRow): ConnectionRow {
      return db.insert(connections).values(row).returning().get()
    },
    getOwned(id: string, userId: number): ConnectionRow | undefined {
      return db.select().from(connections).where(owned(id, userId)).get()
    },
    getByName(userId: number, name: string): ConnectionRow | undefined {
      return db.select().from(connections).where(and(eq(connections.userId, userId), eq(connections.name, name))).get()
    },
    /** For the monitor only (system context, no user request behind it). */
    getById(id: string): ConnectionRow | undefined {
      return db.select().from(connections).where(eq(connections.id, id)).get()
    },
    listByUser(userId: number): ConnectionRow[] {
      return byUser.all({ userId })
    },
    countByUser(userId: number): number {
      return db.select({ n: count() }).from(connections).where(eq(connections.userId, userId)).get()?.n ?? 0
    },
    /** The proven row holding this fingerprint (rows that never proved the secret own nothing). */
    fingerprintOwner,
    fingerprintTaken(fingerprint: string, exceptId?: string): boolean {
      return fingerprintOwner(fingerprint, exceptId) !== undefined
    },
    rename(id: string, userId: number, name: string): boolean {
      return db.update(connections).set({ name, updatedAt: Date.now() }).where(owned(id, userId)).run().changes > 0
    },
    replaceCredentials(id: string, userId: number, fields: SealedFields & { maskedKey: string } & StatusFields & { provenAt: number }): boolean {
      return db.update(connections).set({ ...fields, updatedAt: Date.now() }).where(owned(id, userId)).run().changes > 0
    },
    /** Deletes the row and with it the sealed credentials (secure_delete zeroes the pages). */
    delete(id: string, userId: number): boolean {
      return db.delete(connections).where(owned(id, userId)).run().changes > 0
    },
    updateStatus(id: string, fields: StatusFields): boolean {
      return db.update(connections).set({ ...fields, updatedAt: Date.now() }).where(eq(connections.id, id)).run().changes > 0
    },
    /** Rotation: rows still sealed under another key than `keyId`, oldest first. */
    listSealedWithOtherKey(keyId: string, limit: number): ConnectionRow[] {
      return db.select().from(connections).where(ne(connections.sealKeyId, keyId)).orderBy(asc(connections.id)).limit(limit).all()
    },
    /** Rotation: swaps the sealed columns only if the row has not changed key since it was read. */
    reseal(id: string, fromKeyId: string, fields: SealedFields): boolean {
      return db.update(connections).set(fields).where(and(eq(connections.id, id), eq(connections.sealKeyId, fromKeyId))).run().changes > 0
    },
    countByKeyId(): Array<{ keyId: string; n: number }> {
      return db.select({ keyId: connections.sealKeyId, n: count() }).from(connections).groupBy(connections.sealKeyId).all()
    },
    /**
     * Every monitored connection's id and exchange, least recently tested first: the monitor's
     * sweep plan. Keys whose credentials the exchange kept refusing are paused and left out.
     */
    listForSweep,
    /** Ids of every monitored connection, for the monitor's sweep. */
    listAllIds(): string[] {
      return listForSweep().map((r) => r.id)
    },
  }
}

/** The connections repository's type, for injection. */
export type ConnectionsRepo = ReturnType<typeof createConnectionsRepo>
