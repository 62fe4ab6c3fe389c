import { and, desc, eq, lt, sql } from 'drizzle-orm'
import type { Db } from './database.js'
import { testResults } from './schema.js'

/** A stored test result. */
export type TestResultRow = typeof testResults.$inferSelect
/** A test result to store. */
export type NewTestResultRow = typeof testResults.$inferInsert

/** History of connection tests, kept bounded per connection so the file cannot grow forever. */
export function createTestResultsRepo(db: Db, keep: number) {
  return {
    /** Stores a result and prunes the connection's history to the newest `keep`. */
    add(row: NewTestResultRow): void {
      db.insert(testResults).values(row).run()
      const cutoff = db
        .select({ id: testResults.id })
        .from(testResults)
        .where(eq(testResults.connectionId, row.connectionId))
        .orderBy(desc(testResults.id))
        .limit(1)
        .offset(keep)
        .get()
      if (cutoff) db.delete(testResults).where(and(eq(testResults.connectionId, row.connectionId), sql`${testResults.id} <= ${cutoff.id}`)).run()
    },
    listForConnection(connectionId: string, limit = 20): TestResultRow[] {
      return db.select().from(testResults).where(eq(testResults.connectionId, connectionId)).orderBy(desc(testResults.id)).limit(limit).all()
    },
    /** Drops history older than `before` (ms) across all connections. */
    pruneOlderThan(before: number): number {
      return db.delete(testResults).where(lt(testResults.testedAt, before)).run().changes
    },
  }
}

/** The test results repository's type, for injection. */
export type TestResultsRepo = ReturnType<typeof createTestResultsRepo>
