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

/** The Database class of the chosen build; both expose the same API. */
export const Sqlite = require(SQLITE_DRIVER_MODULE) as typeof BetterSqlite3

/** A raw connection's type, for the few places (tests, storage) that need one. */
export type SqliteConnection = BetterSqlite3.Database
