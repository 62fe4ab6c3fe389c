import { and, asc, count, eq, gt, isNotNull, isNull, ne, sql } from 'drizzle-orm'
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
/** The columns a connection is shown from: no sealed column, so listing a user's connections never reads a credential. */
export type ConnectionViewRow = Pick<ConnectionRow, (typeof VIEW_COLUMNS)[number]>
const VIEW_COLUMNS = ['id', 'exchange', 'name', 'market', 'maskedKey', 'keyFingerprint', 'status', 'consecutiveFailures', 'lastTestedAt', 'lastReport', 'pausedAt', 'lastCredentialReadAt', 'withdrawConfirmedAt', 'withdrawConfirmedFingerprint'] as const
const viewColumns = Object.fromEntries(VIEW_COLUMNS.map((k) => [k, connections[k]])) as { [K in (typeof VIEW_COLUMNS)[number]]: (typeof connections)[K] }

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
  // Hot paths (/status, /connections, name look-ups, every monitor check): prepared once, not
  // rebuilt by drizzle and re-prepared by SQLite on every call.
  const p = <N extends string>(name: N) => sql.placeholder(name)
  // /status, /connections and every picker: 14 of the 25 columns, none sealed (half the rows' bytes and mapping).
  const viewsByUser = db.select(viewColumns).from(connections).where(eq(connections.userId, p('userId'))).orderBy(asc(connections.createdAt), asc(connections.name)).prepare()
  const byId = db.select().from(connections).where(eq(connections.id, p('id'))).prepare()
  const byOwner = db.select().from(connections).where(and(eq(connections.id, p('id')), eq(connections.userId, p('userId')))).prepare()
  const byName = db.select().from(connections).where(and(eq(connections.userId, p('userId')), eq(connections.name, p('name')))).prepare()
  // Plain text and integer columns: a placeholder needs no encoder (drizzle's set() types want SQL here).
  const v = (name: string) => sql`${p(name)}`
  const statusSet = { status: v('status'), consecutiveFailures: v('consecutiveFailures'), lastTestedAt: v('lastTestedAt'), lastReport: v('lastReport'), updatedAt: v('updatedAt') }
  const setStatus = db.update(connections).set(statusSet).where(eq(connections.id, p('id'))).prepare()
  const setStatusChanged = db.update(connections).set({ ...statusSet, statusChangedAt: v('statusChangedAt') }).where(eq(connections.id, p('id'))).prepare()
  const setPause = db.update(connections).set({ pausedAt: sql`${sql.placeholder('at')}`, updatedAt: sql`${sql.placeholder('now')}` }).where(and(eq(connections.id, sql.placeholder('id')), eq(connections.userId, sql.placeholder('userId')), isNull(connections.pausedAt))).prepare()
  const clearPause = db.update(connections).set({ pausedAt: null, updatedAt: sql`${sql.placeholder('now')}` }).where(and(eq(connections.id, sql.placeholder('id')), eq(connections.userId, sql.placeholder('userId')), isNotNull(connections.pausedAt))).prepare()
  const gateRead = db
    .update(connections)
    .set({ lastCredentialReadAt: sql`${sql.placeholder('at')}` })
    .where(and(eq(connections.id, sql.placeholder('id')), eq(connections.status, 'online'), isNull(connections.pausedAt)))
    .returning()
    .prepare()
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
      return byOwner.get({ id, userId })
    },
    getByName(userId: number, name: string): ConnectionRow | undefined {
      return byName.get({ userId, name })
    },
    /** For the monitor only (system context, no user request behind it). */
    getById(id: string): ConnectionRow | undefined {
      return byId.get({ id })
    },
    /** The user's connections as shown (oldest first), without the sealed columns. */
    listViewRowsByUser(userId: number): ConnectionViewRow[] {
      return viewsByUser.all({ userId })
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
    /** New credentials: a withdrawal confirmation given for the old key never carries over to the new one. */
    replaceCredentials(id: string, userId: number, fields: SealedFields & { maskedKey: string } & StatusFields & { provenAt: number }): boolean {
      return db.update(connections).set({ ...fields, withdrawConfirmedAt: null, withdrawConfirmedFingerprint: null, updatedAt: Date.now() }).where(owned(id, userId)).run().changes > 0
    },
    /**
     * Records the trader's "withdraw is off on this key" for the key with `fingerprint`, with the
     * status it leads to, in one statement: a /replace committed in between changed the
     * fingerprint, so the confirmation cannot land on a key the trader never saw.
     */
    confirmWithdraw(id: string, userId: number, fingerprint: string, at: number, status: Pick<ConnectionRow, 'status'> & { statusChangedAt?: number }): boolean {
      const where = and(owned(id, userId), eq(connections.keyFingerprint, fingerprint))
      return db.update(connections).set({ ...status, withdrawConfirmedAt: at, withdrawConfirmedFingerprint: fingerprint, updatedAt: Date.now() }).where(where).run().changes > 0
    },
    /** Deletes the row and with it the sealed credentials (secure_delete zeroes the pages). */
    delete(id: string, userId: number): boolean {
      return db.delete(connections).where(owned(id, userId)).run().changes > 0
    },
    updateStatus(id: string, fields: StatusFields): boolean {
      // The prepared statements cover the monitor's every-check fields; proof, refusal counts and
      // monitor pauses (rarer) take the general update, so no field is ever dropped.
      if (fields.provenAt !== undefined || fields.authFailures !== undefined || fields.monitorPausedAt !== undefined) {
        return db.update(connections).set({ ...fields, updatedAt: Date.now() }).where(eq(connections.id, id)).run().changes > 0
      }
      const values = { id, status: fields.status, consecutiveFailures: fields.consecutiveFailures, lastTestedAt: fields.lastTestedAt, lastReport: fields.lastReport, updatedAt: Date.now() }
      const r = fields.statusChangedAt === undefined ? setStatus.run(values) : setStatusChanged.run({ ...values, statusChangedAt: fields.statusChangedAt })
      return r.changes > 0
    },
    /** Rotation: rows still sealed under another key than `keyId`, oldest first. */
    listSealedWithOtherKey(keyId: string, limit: number): ConnectionRow[] {
      return db.select().from(connections).where(ne(connections.sealKeyId, keyId)).orderBy(asc(connections.id)).limit(limit).all()
    },
    /**
     * Rotation: swaps the sealed columns only if they still hold exactly the values that were
     * read (key id and every ciphertext). A `/replace` that committed in between keeps the same
     * key id but new ciphertexts, so comparing the key id alone would put the old key back.
     */
    reseal(read: Pick<ConnectionRow, 'id' | 'sealKeyId' | 'sealedApiKey' | 'sealedSecret' | 'sealedPassphrase'>, fields: SealedFields): boolean {
      const unchanged = and(
        eq(connections.id, read.id),
        eq(connections.sealKeyId, read.sealKeyId),
        eq(connections.sealedApiKey, read.sealedApiKey),
        eq(connections.sealedSecret, read.sealedSecret),
        read.sealedPassphrase === null ? isNull(connections.sealedPassphrase) : eq(connections.sealedPassphrase, read.sealedPassphrase),
      )
      // The same key under a new fingerprint key: its withdrawal confirmation follows it (SQLite reads the old row here).
      const confirmedFor = sql`CASE WHEN ${connections.withdrawConfirmedFingerprint} = ${connections.keyFingerprint} THEN ${fields.keyFingerprint} ELSE ${connections.withdrawConfirmedFingerprint} END`
      return db.update(connections).set({ ...fields, withdrawConfirmedFingerprint: confirmedFor }).where(unchanged).run().changes > 0
    },
    countByKeyId(): Array<{ keyId: string; n: number }> {
      return db.select({ keyId: connections.sealKeyId, n: count() }).from(connections).groupBy(connections.sealKeyId).all()
    },
    /**
     * Platform gate: the row of a connection that is online and not paused, stamped with the read
     * time, in ONE statement. The check and the read cannot be split by a pause, an offline test
     * or a delete committing in between: whichever commits first wins.
     */
    gateRead(id: string, at: number): ConnectionRow | undefined {
      return gateRead.get({ id, at })
    },
    /** Pauses (at a time) or resumes (null) one of the user's connections; false when already so or not theirs. */
    setPaused(id: string, userId: number, at: number | null): boolean {
      const now = Date.now()
      return (at === null ? clearPause.run({ id, userId, now }) : setPause.run({ id, userId, at, now })).changes > 0
    },
    /** Platform listing: every user's connections by id (the cursor), optionally by status or exchange. */
    listForPlatform(opts: { status?: string | undefined; exchange?: string | undefined; after?: string | undefined; limit: number }): ConnectionRow[] {
      const where = and(
        opts.status ? eq(connections.status, opts.status) : undefined,
        opts.exchange ? eq(connections.exchange, opts.exchange) : undefined,
        opts.after ? gt(connections.id, opts.after) : undefined,
      )
      return db.select().from(connections).where(where).orderBy(asc(connections.id)).limit(opts.limit).all()
    },
    /** Connections counted by status, exchange and pause, for the metrics endpoint. */
    countByState(): Array<{ status: string; exchange: string; paused: boolean; n: number }> {
      const paused = sql<number>`${connections.pausedAt} IS NOT NULL`
      return db.select({ status: connections.status, exchange: connections.exchange, paused, n: count() }).from(connections).groupBy(connections.status, connections.exchange, paused).all().map((r) => ({ ...r, paused: Boolean(r.paused) }))
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
