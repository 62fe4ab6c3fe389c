import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { Sqlite } from '../../src/storage/sqlite-driver.js'
import { startE2E, type E2E } from './e2e.js'

/** An e2e world whose app can be killed and started again on the same database, key and fakes. */
export type RestartableE2E = E2E

/** `startE2E` with the monitor off; its `restart()` builds a second app over the same file and key. */
export const startRestartableE2E = (opts: Parameters<typeof startE2E>[0] = {}): Promise<RestartableE2E> => startE2E({ ...opts, monitor: false })

/** Every file under `dir` (the SQLite file, its WAL, journal and SHM, a key file, anything else the app wrote). */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    return statSync(p).isDirectory() ? filesUnder(p) : [p]
  })
}

/** Where each secret was found: file bytes under the app's folder, log lines, Bot API payloads, extra stores. Empty means no leak. */
export function findLeaks(e: E2E, secrets: readonly string[], extra: Record<string, string> = {}): string[] {
  const files = filesUnder(e.dir).map((p) => [p.slice(e.dir.length + 1), readFileSync(p)] as const)
  const logs = e.logs()
  const payloads = e.tg.calls.map((c) => `${c.method} ${JSON.stringify(c.payload)}`).join('\n')
  const found: string[] = []
  for (const s of secrets) {
    const needle = Buffer.from(s)
    const short = `${s.slice(0, 4)}…(${s.length})`
    for (const [name, bytes] of files) if (bytes.includes(needle)) found.push(`${short} in file ${name}`)
    if (logs.includes(s)) found.push(`${short} in a log line`)
    if (payloads.includes(s)) found.push(`${short} in a Bot API call the bot made`)
    for (const [where, text] of Object.entries(extra)) if (text.includes(s)) found.push(`${short} in ${where}`)
  }
  return found
}

/** The raw connections table, read through a separate connection (what is really committed). */
export function connectionsTable(dbPath: string): string {
  const db = new Sqlite(dbPath, { readonly: true, fileMustExist: true })
  try {
    return JSON.stringify(db.prepare('SELECT * FROM connections ORDER BY id').all())
  } finally {
    db.close()
  }
}

/** One raw connections row by id (undefined when gone), for byte-identical comparisons. */
export function connectionRow(dbPath: string, id: string): Record<string, unknown> | undefined {
  const db = new Sqlite(dbPath, { readonly: true, fileMustExist: true })
  try {
    return db.prepare('SELECT * FROM connections WHERE id = ?').get(id) as Record<string, unknown> | undefined
  } finally {
    db.close()
  }
}

/** Bot API calls the fake refused for broken HTML ("can't parse entities"), as readable lines. */
export function htmlBreaks(e: E2E): string[] {
  return e.tg.calls.filter((c) => c.outcome === 'error' && /can't parse entities/i.test(c.description ?? '')).map((c) => `${c.method}: ${c.description}`)
}

/** Log lines at error level or above (pino level ≥ 50), parsed. */
export function errorLogs(e: E2E): Array<Record<string, unknown>> {
  return e.logs().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => typeof l.level === 'number' && l.level >= 50)
}

/** Any read-only query on the app's file through a separate connection, serialized for equality checks. */
export function queryJson(dbPath: string, sql: string, ...params: unknown[]): string {
  const db = new Sqlite(dbPath, { readonly: true, fileMustExist: true })
  try {
    return JSON.stringify(db.prepare(sql).all(...params))
  } finally {
    db.close()
  }
}
