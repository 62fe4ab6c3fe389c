import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLogger } from '../../src/logger.js'
import type { NotificationPayload, SendFn } from '../../src/monitor/notification.js'
import { createOutboxWorker, type OutboxWorker } from '../../src/monitor/outbox-worker.js'
import type { SqliteConnection } from '../../src/storage/sqlite-driver.js'
import { startHarness, type Harness } from '../integration/monitor/harness.js'

/**
 * Review F11: when the database refused the outbox write that follows a send Telegram had
 * accepted (SQLITE_BUSY, SQLITE_FULL), `deliver()` rejected, nothing caught it (`void
 * p.finally(...)`), the process died of an unhandled rejection, and the row, still pending, was
 * sent again after the restart. Real SQLite file, real fake Bot API, real sender.
 */
let h: Harness
let worker: OutboxWorker | undefined
const unhandled: unknown[] = []
const onUnhandled = (err: unknown) => void unhandled.push(err)

beforeEach(() => {
  unhandled.length = 0
  process.on('unhandledRejection', onUnhandled)
})
afterEach(async () => {
  process.off('unhandledRejection', onUnhandled)
  await worker?.stop()
  worker = undefined
  await h?.stop()
})

/** The app's own SQLite connection: its busy timeout set to 0 so a held lock fails a write at once (SQLITE_BUSY). */
const appSqlite = () => (h.db.db as unknown as { $client: SqliteConnection }).$client

/** One notification about a real stored connection of a new user; returns the row id and user. */
async function queueOne(name: string): Promise<{ userId: number; rowId: number }> {
  const u = await h.connectUser({ name })
  const payload: NotificationPayload = { kind: 'recovered', connectionId: u.connectionId, name, exchange: 'mexc', market: 'spot', since: Date.now(), checks: [] }
  h.repos.outbox.enqueue({ userId: u.userId, connectionId: u.connectionId, idempotencyKey: `f11:${name}`, kind: 'recovered', payload: JSON.stringify(payload) })
  return { userId: u.userId, rowId: h.repos.outbox.listForUser(u.userId)[0]!.id }
}

/** A worker like the app's, whose send takes a write lock on the database right after Telegram accepted the message. */
function workerLockingAfterSend(lock: () => void): OutboxWorker {
  const send: SendFn = async (job) => {
    await h.sender.send(job)
    lock()
  }
  return createOutboxWorker({
    outbox: h.repos.outbox,
    users: h.repos.users,
    send,
    classify: h.sender.classify,
    logger: createLogger({ level: 'silent' }),
    settings: { pollMs: 20, perChatGapMs: 50, leaseMs: 100, storeRetryMs: 10, storeRetryCapMs: 40 },
  })
}

const sendsTo = (userId: number) => h.telegram.callsTo('sendMessage').filter((c) => c.payload['chat_id'] === userId && c.outcome === 'ok')

describe('F11: a database error after Telegram accepted a notification', () => {
  it('SQLITE_BUSY on "mark sent": no crash, the mark is retried under the claim, the message goes out exactly once', async () => {
    h = await startHarness()
    const { userId, rowId } = await queueOne('Busy')
    appSqlite().pragma('busy_timeout = 0')
    let locked = false
    worker = workerLockingAfterSend(() => {
      if (locked) return
      h.db.sql.exec('BEGIN IMMEDIATE') // another writer (a maintenance script, a backup) holds the lock
      locked = true
    })
    worker.start()
    // Telegram has it, and the worker has failed to store that at least three times.
    await h.until(() => unhandled.length > 0 || ((worker!.stats().storeRetries ?? 0) >= 3 && sendsTo(userId).length === 1), 5_000, 'mark retried')
    expect(unhandled).toEqual([])
    expect(h.repos.outbox.get(rowId)!.status).toBe('pending')
    // Well past the 100 ms lease: the row is still held by the worker retrying its mark, never re-sent.
    const retriesBefore = worker.stats().storeRetries
    await h.until(() => worker!.stats().storeRetries >= retriesBefore + 3, 5_000, 'more retries')
    expect(sendsTo(userId)).toHaveLength(1)

    h.db.sql.exec('COMMIT') // the lock is released
    await h.until(() => h.repos.outbox.get(rowId)!.status === 'sent', 5_000, 'marked sent')
    expect(sendsTo(userId)).toHaveLength(1)
    expect(worker.stats()).toMatchObject({ sent: 1, dead: 0 })
    expect(unhandled).toEqual([])
  })

  it('the database refuses every outbox write (disk full): the process lives on and the row is marked sent once space is freed, never sent twice', async () => {
    h = await startHarness()
    const first = await queueOne('Full')
    // A real SQLite error on the real statement: a trigger fails every write that settles a row.
    h.db.sql.exec(`CREATE TABLE disk_full (x); INSERT INTO disk_full VALUES (1);
      CREATE TRIGGER disk_full_outbox BEFORE UPDATE OF status ON outbox WHEN EXISTS (SELECT 1 FROM disk_full)
      BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;`)
    worker = workerLockingAfterSend(() => {})
    worker.start()
    await h.until(() => unhandled.length > 0 || (worker!.stats().storeRetries ?? 0) >= 3, 5_000, 'mark retried')
    expect(unhandled).toEqual([])
    expect(sendsTo(first.userId)).toHaveLength(1)

    h.db.sql.exec('DELETE FROM disk_full') // space is freed
    await h.until(() => h.repos.outbox.get(first.rowId)!.status === 'sent', 5_000, 'marked sent')
    expect(sendsTo(first.userId)).toHaveLength(1)
    expect(unhandled).toEqual([])
  })

  it('a stop while the mark keeps failing returns instead of hanging, without an unhandled rejection', async () => {
    h = await startHarness()
    const { userId, rowId } = await queueOne('Stop')
    appSqlite().pragma('busy_timeout = 0')
    let locked = false
    worker = workerLockingAfterSend(() => {
      if (!locked) h.db.sql.exec('BEGIN IMMEDIATE')
      locked = true
    })
    worker.start()
    await h.until(() => unhandled.length > 0 || (worker!.stats().storeRetries ?? 0) >= 2, 5_000, 'mark retried')
    await worker.stop()
    worker = undefined
    h.db.sql.exec('COMMIT')
    expect(unhandled).toEqual([])
    expect(sendsTo(userId)).toHaveLength(1)
    // The one documented window: the row keeps its lease and is offered again after a restart.
    expect(h.repos.outbox.get(rowId)!.status).toBe('pending')
  })
})
