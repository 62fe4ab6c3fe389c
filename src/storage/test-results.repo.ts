import { and, desc, eq, lt, sql } from 'drizzle-orm'
import type { Db } from './database.js'
import { testResults } from './schema.js'

/** A stored test result. */
export type TestResultRow = typeof testResults.$inferSelect
/** A test result to store. */
export type NewTestResultRow = typeof testResults.$inferInsert

/** History of connection tests, kept bounded per connection so the file cannot grow forever. */
export function createTestResultsRepo(db: Db, keep: number) {
  // Written after every test (the monitor's hot path): prepared once.
  const p = (name: string) => sql.placeholder(name)
  const insert = db
    .insert(testResults)
    .values({ connectionId: p('connectionId'), testedAt: p('testedAt'), source: p('source'), verdict: p('verdict'), transient: p('transient'), codes: p('codes'), report: p('report'), durationMs: p('durationMs') })
    .prepare()
  const cutoffOf = db.select({ id: testResults.id }).from(testResults).where(eq(testResults.connectionId, p('connectionId'))).orderBy(desc(testResults.id)).limit(1).offset(keep).prepare()
  const trim = db.delete(testResults).where(and(eq(testResults.connectionId, p('connectionId')), sql`${testResults.id} <= ${p('cutoff')}`)).prepare()
  return {
    /** Stores a result and prunes the connection's history to the newest `keep`. */
    add(row: NewTestResultRow): void {
      const { connectionId, testedAt, source, verdict, transient, codes, report, durationMs } = row
      insert.run({ connectionId, testedAt, source, verdict, transient, codes, report, durationMs })
      const cutoff = cutoffOf.get({ connectionId })
      if (cutoff) trim.run({ connectionId, cutoff: cutoff.id })
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
