import { asc, desc, eq, sql } from 'drizzle-orm'
import type { Db } from './database.js'
import { platformAudit } from './schema.js'

/** One audited credential request. */
export type AuditRow = typeof platformAudit.$inferSelect
/** What an audit record is written with. */
export type NewAuditRow = Omit<typeof platformAudit.$inferInsert, 'id'>

/** The audit trail of credential requests to the platform gate (never a credential in it). */
export function createPlatformAuditRepo(db: Db) {
  const insert = db.insert(platformAudit).values({
    at: sql.placeholder('at'),
    tokenId: sql.placeholder('tokenId'),
    connectionId: sql.placeholder('connectionId'),
    outcome: sql.placeholder('outcome'),
    httpStatus: sql.placeholder('httpStatus'),
    remoteAddress: sql.placeholder('remoteAddress'),
  }).prepare()
  return {
    add(row: NewAuditRow): void {
      insert.run({ tokenId: null, connectionId: null, remoteAddress: null, ...row })
    },
    listForConnection(connectionId: string): AuditRow[] {
      return db.select().from(platformAudit).where(eq(platformAudit.connectionId, connectionId)).orderBy(asc(platformAudit.id)).all()
    },
    /** The newest records first (operators, tests). */
    recent(limit = 100): AuditRow[] {
      return db.select().from(platformAudit).orderBy(desc(platformAudit.id)).limit(limit).all()
    },
  }
}

/** The audit repository's type, for injection. */
export type PlatformAuditRepo = ReturnType<typeof createPlatformAuditRepo>
