import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as schema from './schema.js'
import { Sqlite, SqliteDriverError, type SqliteConnection } from './sqlite-driver.js'

/** The drizzle handle every repository takes; better-sqlite3's types stay inside storage/. */
export type Db = BetterSQLite3Database<typeof schema>

/** An open database: the drizzle handle plus the few raw operations the app needs. */
export interface Database {
  db: Db
  /** Runs `fn` in one immediate write transaction (SQLite's busy timeout waits for other writers). */
  transaction<T>(fn: () => T): T
  /**
   * Like `transaction`, but never waits for another writer: returns undefined at once when the
   * write lock is taken (for a periodic write that can simply try again later, like a heartbeat,
   * and must never stall the event loop for the busy timeout).
   */
  transactionIfFree<T>(fn: () => T): T | undefined
  /** Flushes the WAL into the main file (backups, byte scans in tests). */
  checkpoint(): void
  /**
   * One non-blocking `wal_checkpoint(TRUNCATE)`: copies every WAL frame into the main file and
   * empties the WAL, so pages overwritten since (secure_delete zeroes deleted rows) leave both
   * files. Never waits on another connection (busy timeout 0 for this call): true when the WAL
   * is now empty, false when a reader or writer kept it busy and it must be tried again later.
   */
  truncateWal(): boolean
  /** Current values of the pragmas set at open, for start-up logs and tests. */
  pragmas(): Record<string, unknown>
  /** True when the file is open and answers a query (the readiness probe). */
  ping(): boolean
  close(): void
}

/** A start-up failure explained in one line for the operator (no stack trace). */
export class StorageOpenError extends Error {
  override readonly name = 'StorageOpenError'
}

const REASONS: Record<string, string> = {
  EEXIST: 'a parent path is a file, not a folder',
  ENOTDIR: 'a parent path is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOENT: 'the folder does not exist and cannot be created',
  SQLITE_CANTOPEN: 'SQLite cannot open the file',
  SQLITE_READONLY: 'the file is read-only',
}

function reasonOf(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code ?? ''
  return REASONS[code] ? `${code}: ${REASONS[code]}` : code || 'unknown error'
}

/** How long a write waits for another writer's lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000

const MIGRATIONS = fileURLToPath(new URL('../../db/migrations', import.meta.url))

/** SQLite's page cache per connection, in KiB (the pragma takes a negative number for KiB). */
const CACHE_KIB = 64 * 1024

/**
 * Opens (creating if needed) the SQLite file, sets the pragmas a concurrent bot needs (WAL,
 * foreign keys, busy timeout, secure_delete so removed ciphertext is zeroed) and applies the
 * committed migrations, so production and tests always run the same schema.
 */
export function openDatabase(path: string): Database {
  let sqlite: SqliteConnection
  try {
    // A folder we create is ours alone (the database holds user ids and sealed credentials).
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
    sqlite = new Sqlite(path)
    sqlite.pragma('journal_mode = WAL')
  } catch (err) {
    if (err instanceof SqliteDriverError) throw err
    throw new StorageOpenError(`DATABASE_PATH "${path}" cannot be opened for writing (${reasonOf(err)}); point it at a writable file`)
  }
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
  sqlite.pragma('secure_delete = ON')
  // When the WAL restarts after a checkpoint, cut it back to nothing: stale frames (old page
  // images, e.g. of a replaced credential) do not linger past the next reset.
  sqlite.pragma('journal_size_limit = 0')
  // Page cache: 64 MiB at most (better-sqlite3 builds SQLite with 16 MiB). A connection row
  // carries its last report (2 to 3 KB), so 10,000 connections make a 40 MB table, and with
  // 16 MiB the monitor's sweeps evicted what /status reads: measured on such a table, one user's
  // rows cost 28 µs from the OS against 10 µs from the cache. Memory is taken only as pages are read.
  sqlite.pragma(`cache_size = -${CACHE_KIB}`)
  const db = drizzle(sqlite, { schema })
  try {
    migrate(db, { migrationsFolder: MIGRATIONS })
  } catch (err) {
    sqlite.close()
    throw new StorageOpenError(`DATABASE_PATH "${path}" could not be migrated (${reasonOf(err)})`)
  }
  return {
    db,
    transaction: (fn) => sqlite.transaction(fn).immediate(),
    transactionIfFree: (fn) => {
      sqlite.pragma('busy_timeout = 0')
      try {
        return sqlite.transaction(fn).immediate()
      } catch (err) {
        if ((err as { code?: string }).code === 'SQLITE_BUSY') return undefined
        throw err
      } finally {
        sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
      }
    },
    checkpoint: () => void sqlite.pragma('wal_checkpoint(TRUNCATE)'),
    truncateWal: () => {
      if (path === ':memory:') return true
      const timeout = sqlite.pragma('busy_timeout', { simple: true }) as number
      sqlite.pragma('busy_timeout = 0')
      try {
        const [r] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number; log: number; checkpointed: number }>
        return r !== undefined && r.busy === 0 && r.log === 0
      } finally {
        sqlite.pragma(`busy_timeout = ${timeout}`)
      }
    },
    pragmas: () =>
      Object.fromEntries(['journal_mode', 'synchronous', 'foreign_keys', 'busy_timeout', 'secure_delete', 'journal_size_limit', 'cache_size'].map((p) => [p, sqlite.pragma(p, { simple: true })])),
    ping: () => {
      try {
        return sqlite.prepare('SELECT 1').pluck().get() === 1
      } catch {
        return false
      }
    },
    close: () => sqlite.close(),
  }
}
