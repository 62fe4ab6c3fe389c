import { afterEach, describe, expect, it } from 'vitest'
import type { NotificationPayload } from '../../../src/monitor/notification.js'
import { createOutboxWorker } from '../../../src/monitor/outbox-worker.js'
import { createLogger } from '../../../src/logger.js'
import { openDatabase } from '../../../src/storage/database.js'
import { createOutboxRepo, type OutboxRepo } from '../../../src/storage/outbox.repo.js'
import { createUsersRepo } from '../../../src/storage/users.repo.js'
import type { ApiCall } from '../../fakes/telegram-server.js'
import { startHarness, type Harness } from './harness.js'

let h: Harness
afterEach(async () => {
  await h?.stop()
})

let nextUser = 5000
/** A Telegram user known to the bot (as after /start). */
function user(): number {
  const id = nextUser++
  h.telegram.createUser({ id, firstName: `U${id}` })
  h.repos.users.touch(id)
  return id
}

const payload = (name: string): NotificationPayload => ({ kind: 'recovered', connectionId: 'c1', name, exchange: 'mexc', market: 'spot', since: Date.now(), checks: [] })

/** Queues `n` notifications for a user, named "<userId>-0", "<userId>-1"... */
function queue(userId: number, n: number, outbox: OutboxRepo = h.repos.outbox): string[] {
  return Array.from({ length: n }, (_, i) => {
    const name = `${userId}-${i}`
    outbox.enqueue({ userId, connectionId: null, idempotencyKey: `test:${name}`, kind: 'recovered', payload: JSON.stringify(payload(name)) })
    return name
  })
}

/** The names, in order, of the notifications a chat received. */
const received = (userId: number) => h.telegram.botMessages(userId).map((m) => /^🟢 (\S+)/.exec(m.text)?.[1])
const sends = (): ApiCall[] => h.telegram.callsTo('sendMessage')
const allSettled = (outbox: OutboxRepo = h.repos.outbox) => () => outbox.pendingCount() === 0

describe('outbox worker against the fake Bot API', () => {
  it('a 429 storm: every notification arrives once, in order, and no send starts during a retry_after pause', async () => {
    h = await startHarness()
    const users = Array.from({ length: 6 }, user)
    const names = users.map((u) => queue(u, 2))
    h.telegram.rateLimit({ retryAfter: 0.2, count: 5, methods: ['sendMessage'] })
    h.worker.start()
    await h.until(allSettled(), 10_000, 'all delivered')

    users.forEach((u, i) => expect(received(u)).toEqual(names[i]))
    expect(sends().filter((c) => c.outcome === 'ok')).toHaveLength(12)
    const limited = sends().filter((c) => c.errorCode === 429)
    expect(limited).toHaveLength(5)
    for (const c of limited) {
      const during = sends().filter((x) => x.at > c.at + 10 && x.at < c.at + 190)
      expect(during, `a send started during the pause after ${c.at}`).toEqual([])
    }
    expect(h.worker.stats()).toMatchObject({ sent: 12, rateLimited: 5, dead: 0 })
  })

  it('paces: one message per chat per gap, and a global rate shared by all chats', async () => {
    h = await startHarness({ worker: { perChatGapMs: 150, ratePerSecond: 20 } })
    const busy = user()
    const names = queue(busy, 4)
    const others = Array.from({ length: 8 }, user)
    for (const u of others) queue(u, 1)
    h.worker.start()
    await h.until(allSettled(), 10_000, 'all delivered')

    expect(received(busy)).toEqual(names)
    const toBusy = sends().filter((c) => c.payload['chat_id'] === busy)
    for (let i = 1; i < toBusy.length; i++) expect(toBusy[i]!.at - toBusy[i - 1]!.at).toBeGreaterThanOrEqual(145)
    // 20/s is one start per 50 ms; arrival times at the fake wobble by a few ms around that.
    const all = sends()
    for (let i = 1; i < all.length; i++) expect(all[i]!.at - all[i - 1]!.at).toBeGreaterThanOrEqual(35)
    expect(all.at(-1)!.at - all[0]!.at).toBeGreaterThanOrEqual((all.length - 1) * 50 - 15)
  })

  it('a user who blocked the bot: one 403, marked inactive, the rest skipped; they write again and get the next one', async () => {
    h = await startHarness()
    const blocker = user()
    const other = user()
    queue(blocker, 3)
    queue(other, 1)
    h.telegram.blockBot({ id: blocker, firstName: 'B' })
    h.worker.start()
    await h.until(allSettled(), 5_000, 'all settled')

    expect(sends().filter((c) => c.payload['chat_id'] === blocker)).toHaveLength(1)
    expect(h.repos.users.get(blocker)?.active).toBe(false)
    expect(h.repos.outbox.listForUser(blocker).map((r) => r.status)).toEqual(['skipped', 'skipped', 'skipped'])
    expect(received(other)).toHaveLength(1)

    // They unblock and write: the bot's user tracker calls users.touch, which re-activates them.
    h.telegram.unblockBot({ id: blocker, firstName: 'B' })
    h.repos.users.touch(blocker)
    h.repos.outbox.enqueue({ userId: blocker, connectionId: null, idempotencyKey: 'test:again', kind: 'recovered', payload: JSON.stringify(payload('again')) })
    h.worker.kick()
    await h.until(() => received(blocker).length === 1, 3_000, 'delivery after coming back')
    expect(received(blocker)).toEqual(['again'])
  })

  it('a restart with a pending outbox: a new worker on the same file delivers each row exactly once', async () => {
    h = await startHarness({ worker: { ratePerSecond: 8 } })
    const users = Array.from({ length: 5 }, user)
    const names = users.map((u) => queue(u, 2))
    h.worker.start()
    await h.until(() => h.worker.stats().sent >= 3, 5_000, 'some sent')
    await h.worker.stop()
    const sentBefore = h.worker.stats().sent
    expect(h.repos.outbox.pendingCount()).toBeGreaterThan(0)
    // A worker that died mid-send left one row claimed: it is retried when its lease ends.
    const orphan = h.repos.outbox.dueHeads(Date.now(), 1)[0]!
    expect(h.repos.outbox.claim(orphan.id, orphan.nextAttemptAt, Date.now() + 300)).toBe(true)

    const reopened = openDatabase(h.db.path)
    const outbox = createOutboxRepo(reopened.db)
    const second = createOutboxWorker({ outbox, users: createUsersRepo(reopened.db), send: h.sender.send, classify: h.sender.classify, logger: createLogger({ level: 'silent' }), settings: { pollMs: 50, perChatGapMs: 100 } })
    try {
      second.start()
      await h.until(allSettled(outbox), 5_000, 'the rest delivered')
      await second.stop()
    } finally {
      reopened.close()
    }
    expect(sentBefore + second.stats().sent).toBe(10)
    users.forEach((u, i) => expect(received(u)).toEqual(names[i]))
    expect(sends().filter((c) => c.outcome === 'ok')).toHaveLength(10)
  })

  it('backs off on 5xx and dropped connections, dead-letters after the attempt cap, and a dead row does not hold up the next', async () => {
    h = await startHarness({ worker: { maxAttempts: 3, backoffBaseMs: 40 } })
    const flaky = user()
    const doomed = user()
    queue(flaky, 1)
    h.telegram.serverError({ count: 1, methods: ['sendMessage'] })
    h.telegram.dropConnections({ count: 1, methods: ['sendMessage'] })
    h.worker.start()
    await h.until(allSettled(), 5_000, 'flaky delivered')
    expect(received(flaky)).toHaveLength(1)
    expect(h.repos.outbox.listForUser(flaky)[0]).toMatchObject({ status: 'sent', attempts: 2 })
    const gaps = sends().map((c, i, all) => (i ? c.at - all[i - 1]!.at : 0)).slice(1)
    expect(gaps[0]).toBeGreaterThanOrEqual(18) // 40 ms × (0.5..1) jitter
    expect(gaps[1]).toBeGreaterThanOrEqual(38) // doubled

    h.telegram.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway', times: 3 })
    const [dead, after] = queue(doomed, 2)
    h.worker.kick()
    await h.until(allSettled(), 5_000, 'doomed settled')
    expect(h.repos.outbox.listForUser(doomed).map((r) => [r.status, r.attempts])).toEqual([['dead', 3], ['sent', 0]])
    expect(received(doomed)).toEqual([after])
    expect(dead).toBeDefined()
  })

  it('a message Telegram refuses (400) is dead at once; notifications switched off meanwhile are skipped unsent', async () => {
    h = await startHarness()
    const a = user()
    const b = user()
    queue(a, 1)
    queue(b, 1)
    h.repos.users.setNotifications(b, false)
    h.telegram.failNext('sendMessage', { error_code: 400, description: "Bad Request: can't parse entities: unexpected end tag" })
    h.worker.start()
    await h.until(allSettled(), 5_000, 'settled')
    expect(h.repos.outbox.listForUser(a)[0]).toMatchObject({ status: 'dead', attempts: 0 })
    expect(h.repos.outbox.listForUser(b)[0]).toMatchObject({ status: 'skipped', lastError: 'notifications off' })
    expect(sends().filter((c) => c.payload['chat_id'] === b)).toEqual([])
  })

  it('deletes settled rows older than the retention, never a pending one', async () => {
    h = await startHarness()
    const u = user()
    queue(u, 3)
    const [oldSent, oldPending, recentSent] = h.repos.outbox.listForUser(u)
    h.repos.outbox.markSent(oldSent!.id, Date.now())
    h.repos.outbox.markSent(recentSent!.id, Date.now())
    h.repos.outbox.retryLater(oldPending!.id, Date.now() + 60_000, 1, 'waiting')
    const longAgo = Date.now() - 31 * 24 * 3_600_000
    h.db.sql.prepare('UPDATE outbox SET created_at = ? WHERE id IN (?, ?)').run(longAgo, oldSent!.id, oldPending!.id)
    h.worker.start()
    await h.until(() => h.repos.outbox.listForUser(u).length === 2, 3_000, 'pruned')
    expect(h.repos.outbox.listForUser(u).map((r) => r.id)).toEqual([oldPending!.id, recentSent!.id])
  })
})
