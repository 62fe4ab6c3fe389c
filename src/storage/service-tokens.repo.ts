import { and, asc, count, eq, isNull, ne, sql } from 'drizzle-orm'
import type { Db } from './database.js'
import { serviceTokens } from './schema.js'

/** A stored service token: its keyed digest, never the token. */
export type ServiceTokenRow = typeof serviceTokens.$inferSelect

/** Service tokens of the platform gate; looked up by their public id on every API request. */
export function createServiceTokensRepo(db: Db) {
  // The hot read of every authenticated request: prepared once.
  const byId = db.select().from(serviceTokens).where(eq(serviceTokens.id, sql.placeholder('id'))).prepare()
  return {
    insert(row: Pick<ServiceTokenRow, 'id' | 'name' | 'scopes' | 'digest' | 'digestKeyId'>): ServiceTokenRow {
      return db.insert(serviceTokens).values(row).returning().get()
    },
    get(id: string): ServiceTokenRow | undefined {
      return byId.get({ id })
    },
    /** Live and revoked tokens, oldest first (the CLI's `list`). */
    list(): ServiceTokenRow[] {
      return db.select().from(serviceTokens).orderBy(asc(serviceTokens.createdAt), asc(serviceTokens.id)).all()
    },
    /** Revokes the live token of that name; false when there is none. */
    revoke(name: string, at: number): boolean {
      return db.update(serviceTokens).set({ revokedAt: at }).where(and(eq(serviceTokens.name, name), isNull(serviceTokens.revokedAt))).run().changes > 0
    },
    touch(id: string, at: number): void {
      db.update(serviceTokens).set({ lastUsedAt: at }).where(eq(serviceTokens.id, id)).run()
    },
    /** Re-hashes a token under the current master key (done on its first use after a rotation). */
    rehash(id: string, digest: string, keyId: string): void {
      db.update(serviceTokens).set({ digest, digestKeyId: keyId }).where(eq(serviceTokens.id, id)).run()
    },
    /** Live tokens still hashed under another key than `keyId` (they stop working when that key is pruned). */
    liveUnderOtherKey(keyId: string): ServiceTokenRow[] {
      return db.select().from(serviceTokens).where(and(isNull(serviceTokens.revokedAt), ne(serviceTokens.digestKeyId, keyId))).all()
    },
    countLive(): number {
      return db.select({ n: count() }).from(serviceTokens).where(isNull(serviceTokens.revokedAt)).get()?.n ?? 0
    },
  }
}

/** The service tokens repository's type, for injection. */
export type ServiceTokensRepo = ReturnType<typeof createServiceTokensRepo>
