import { join } from 'node:path'
import { Sqlite, type SqliteConnection } from '../../src/storage/sqlite-driver.js'
import { openDatabase, type Database } from '../../src/storage/database.js'
import { makeTmpDir } from './tmp.js'

/**
 * A real SQLite file built by the real migrations, in a temp folder; `path` lets tests scan its
 * bytes and `sql` is a second raw connection for playing an attacker with write access.
 */
export function openTestDb(): Database & { path: string; dir: string; sql: SqliteConnection; cleanup: () => void } {
  const tmp = makeTmpDir('bfc-db-')
  const path = join(tmp.dir, 'bot.sqlite')
  const database = openDatabase(path)
  const sql = new Sqlite(path)
  sql.pragma('foreign_keys = ON')
  return {
    ...database,
    path,
    dir: tmp.dir,
    sql,
    cleanup: () => {
      try {
        sql.close()
        database.close()
      } catch {}
      tmp.cleanup()
    },
  }
}
