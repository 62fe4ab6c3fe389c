import { createRequire } from 'node:module'
import type BetterSqlite3 from 'better-sqlite3'

const require = createRequire(import.meta.url)
const major = Number(process.versions.node.split('.')[0])

/**
 * Which better-sqlite3 build this Node runs. Version 12 (the only one that runs on Node 20)
 * aborts the process on Node 24 when the garbage collector frees a statement outside a
 * JavaScript context (`Assertion failed: (env) != nullptr`, seen here under load); version 13
 * is built on Node-API without that flaw but needs Node 22. Both ship in package.json (13 under
 * the alias `better-sqlite3-napi`, prebuilt inside its package); this picks by runtime.
 */
export const SQLITE_DRIVER_MODULE = major >= 22 ? 'better-sqlite3-napi' : 'better-sqlite3'

/** The SQLite driver for this Node is not installed; one line telling the operator how to get it. */
export class SqliteDriverError extends Error {
  override readonly name = 'SqliteDriverError'
}

function load(): typeof BetterSqlite3 {
  try {
    return require(SQLITE_DRIVER_MODULE) as typeof BetterSqlite3
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code !== 'MODULE_NOT_FOUND' && !/bindings file|\.node/.test(String((err as Error).message))) throw err
    // better-sqlite3 12 is an optional dependency built from source at install (see README
    // "What an install executes"): without a C++ toolchain npm skips it. Importing still
    // works; opening a database then fails with one line for the operator.
    const message = `${SQLITE_DRIVER_MODULE} is not installed or not built for Node ${process.versions.node}: install python3, make and a C++ compiler, then run: npm rebuild better-sqlite3 --build-from-source (or use Node 22 or 24)`
    return class Missing {
      constructor() {
        throw new SqliteDriverError(message)
      }
    } as unknown as typeof BetterSqlite3
  }
}

/** The Database class of the chosen build; both expose the same API. */
export const Sqlite = load()

/** A raw connection's type, for the few places (tests, storage) that need one. */
export type SqliteConnection = BetterSqlite3.Database
