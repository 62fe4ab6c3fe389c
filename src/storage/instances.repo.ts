import { and, eq, gte, lt } from 'drizzle-orm'
import type { Db } from './database.js'
import { instances } from './schema.js'

/** One process that uses the master keys, as its heartbeat row says. */
export type InstanceRow = typeof instances.$inferSelect

/** Which kind of process a heartbeat belongs to. */
export type InstanceRole = 'bot' | 'rotate-key'

/**
 * Heartbeat rows of the processes that use the master keys (see `instances` in schema.ts).
 * The check-then-register step must run inside one IMMEDIATE transaction, so two processes
 * cannot both pass the check.
 */
export function createInstancesRepo(db: Db) {
  return {
    register(row: InstanceRow): void {
      db.insert(instances).values(row).onConflictDoUpdate({ target: instances.id, set: { heartbeatAt: row.heartbeatAt, sealKeyId: row.sealKeyId } }).run()
    },
    /** Refreshes a heartbeat; false when the row is gone (then the caller registers again). */
    beat(id: string, at: number): boolean {
      return db.update(instances).set({ heartbeatAt: at }).where(eq(instances.id, id)).run().changes > 0
    },
    remove(id: string): void {
      db.delete(instances).where(eq(instances.id, id)).run()
    },
    /** Rows of `role` whose heartbeat is at or after `since` (still alive, as far as we can tell). */
    fresh(role: InstanceRole, since: number): InstanceRow[] {
      return db.select().from(instances).where(and(eq(instances.role, role), gte(instances.heartbeatAt, since))).all()
    },
    /** Drops rows left by processes that stopped without cleaning up (crash, kill -9). */
    removeStale(before: number): number {
      return db.delete(instances).where(lt(instances.heartbeatAt, before)).run().changes
    },
  }
}

/** The instances repository's type, for injection. */
export type InstancesRepo = ReturnType<typeof createInstancesRepo>
