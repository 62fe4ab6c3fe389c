import { and, asc, count, eq, ne, sql } from 'drizzle-orm'
import type { Db } from './database.js'
import { connections } from './schema.js'

/** A stored connection row (credentials sealed). */
export type ConnectionRow = typeof connections.$inferSelect
/** The fields a new connection is inserted with. */
export type NewConnectionRow = typeof connections.$inferInsert
/** The sealed credential columns, replaced together (replace, rotation). */
export type SealedFields = Pick<ConnectionRow, 'sealKeyId' | 'sealedApiKey' | 'sealedSecret' | 'sealedPassphrase' | 'keyFingerprint'>
/** The status columns the connection test and the monitor write. */
export type StatusFields = Pick<ConnectionRow, 'status' | 'consecutiveFailures' | 'lastTestedAt' | 'lastReport'> & { statusChangedAt?: number | null }

/**
 * Queries on connections. Every query a user can trigger takes the owner's id, so ownership is
 * enforced in SQL, not remembered by callers. This code never sees plaintext credentials.
 */
export function createConnectionsRepo(db: Db) {
  const owned = (id: string, userId: number) => and(eq(connections.id, id), eq(connections.userId, userId))
  // Hot paths (/status, /connections, name look-ups, every monitor check): prepared once, not
  // rebuilt by drizzle and re-prepared by SQLite on every call.
  const p = <N extends string>(name: N) => sql.placeholder(name)
  const byUser = db.select().from(connections).where(eq(connections.userId, p('userId'))).orderBy(asc(connections.createdAt), asc(connections.name)).prepare()
  const byId = db.select().from(connections).where(eq(connections.id, p('id'))).prepare()
  const byOwner = db.select().from(connections).where(and(eq(connections.id, p('id')), eq(connections.userId, p('userId')))).prepare()
  const byName = db.select().from(connections).where(and(eq(connections.userId, p('userId')), eq(connections.name, p('name')))).prepare()
  // Plain text and integer columns: a placeholder needs no encoder (drizzle's set() types want SQL here).
  const v = (name: string) => sql`${p(name)}`
  const statusSet = { status: v('status'), consecutiveFailures: v('consecutiveFailures'), lastTestedAt: v('lastTestedAt'), lastReport: v('lastReport'), updatedAt: v('updatedAt') }
  const setStatus = db.update(connections).set(statusSet).where(eq(connections.id, p('id'))).prepare()
  const setStatusChanged = db.update(connections).set({ ...statusSet, statusChangedAt: v('statusChangedAt') }).where(eq(connections.id, p('id'))).prepare()
  return {
    insert(row: NewConnectionRow): ConnectionRow {
      return db.insert(connections).values(row).returning().get()
    },
    getOwned(id: string, userId: number): ConnectionRow | undefined {
      return byOwner.get({ id, userId })
    },
    getByName(userId: number, name: string): ConnectionRow | undefined {
      return byName.get({ userId, name })
    },
    /** For the monitor only (system context, no user request behind it). */
    getById(id: string): ConnectionRow | undefined {
      return byId.get({ id })
    },
    listByUser(userId: number): ConnectionRow[] {
      return byUser.all({ userId })
    },
    countByUser(userId: number): number {
      return db.select({ n: count() }).from(connections).where(eq(connections.userId, userId)).get()?.n ?? 0
    },
    fingerprintTaken(fingerprint: string, exceptId?: string): boolean {
      const where = exceptId ? and(eq(connections.keyFingerprint, fingerprint), ne(connections.id, exceptId)) : eq(connections.keyFingerprint, fingerprint)
      return db.select({ id: connections.id }).from(connections).where(where).get() !== undefined
    },
    rename(id: string, userId: number, name: string): boolean {
      return db.update(connections).set({ name, updatedAt: Date.now() }).where(owned(id, userId)).run().changes > 0
    },
    replaceCredentials(id: string, userId: number, fields: SealedFields & { maskedKey: string } & StatusFields): boolean {
      return db.update(connections).set({ ...fields, updatedAt: Date.now() }).where(owned(id, userId)).run().changes > 0
    },
    /** Deletes the row and with it the sealed credentials (secure_delete zeroes the pages). */
    delete(id: string, userId: number): boolean {
      return db.delete(connections).where(owned(id, userId)).run().changes > 0
    },
    updateStatus(id: string, fields: StatusFields): boolean {
      const values = { id, status: fields.status, consecutiveFailures: fields.consecutiveFailures, lastTestedAt: fields.lastTestedAt, lastReport: fields.lastReport, updatedAt: Date.now() }
      const r = fields.statusChangedAt === undefined ? setStatus.run(values) : setStatusChanged.run({ ...values, statusChangedAt: fields.statusChangedAt })
      return r.changes > 0
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
    /** Every connection's id and exchange, least recently tested first: the monitor's sweep plan. */
    listForSweep(): Array<{ id: string; exchange: string }> {
      return db.select({ id: connections.id, exchange: connections.exchange }).from(connections).orderBy(sql`${connections.lastTestedAt} IS NOT NULL`, asc(connections.lastTestedAt)).all()
    },
    /** Ids of every connection, for the monitor's sweep. */
    listAllIds(): string[] {
      return db.select({ id: connections.id }).from(connections).orderBy(sql`${connections.lastTestedAt} IS NOT NULL`, asc(connections.lastTestedAt)).all().map((r) => r.id)
    },
  }
}

/** The connections repository's type, for injection. */
export type ConnectionsRepo = ReturnType<typeof createConnectionsRepo>
