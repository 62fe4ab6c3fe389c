import { afterEach, describe, expect, it } from 'vitest'
import type { NotificationPayload } from '../../../src/monitor/notification.js'
import { createOutboxWorker } from '../../../src/monitor/outbox-worker.js'
import { createLogger } from '../../../src/logger.js'
import { openDatabase } from '../../../src/storage/database.js'
import { createOutboxRepo, type OutboxRepo } from '../../../src/storage/outbox.repo.js'
import { createUsersRepo } from '../../../src/storage/users.repo.js'
import type { ApiCall } from '../../fakes/telegram-server.js'
import { ManualClock } from '../../helpers/manual-clock.js'
import { randomCredentials, seedConnection } from '../../helpers/seed.js'
import { startHarness, type Harness } from './harness.js'

let h: Harness
afterEach(async () => {
  await h?.stop()
})

let nextUser = 5000
/** Each user's one stored connection: notifications are about a connection, and a row whose connection is gone is never sent (F13). */
const connectionOf = new Map<number, string>()
/** A Telegram user known to the bot (as after /start), with one stored connection. */
function user(): number {
  const id = nextUser++
  h.telegram.createUser({ id, firstName: `U${id}` })
  h.repos.users.touch(id)
  connectionOf.set(id, seedConnection(h.repos.connections, h.sealer, { userId: id, name: 'Main', credentials: randomCredentials() }).id)
  return id
}

const payload = (userId: number, name: string): NotificationPayload => ({ kind: 'recovered', connectionId: connectionOf.get(userId)!, name, exchange: 'mexc', market: 'spot', since: Date.now(), checks: [] })

/** Queues one notification about the user's connection. */
function enqueue(userId: number, name: string, outbox: OutboxRepo = h.repos.outbox): void {
  outbox.enqueue({ userId, connectionId: connectionOf.get(userId)!, idempotencyKey: `test:${name}`, kind: 'recovered', payload: JSON.stringify(payload(userId, name)) })
}

/** Queues `n` notifications for a user, named "<userId>-0", "<userId>-1"... */
function queue(userId: number, n: number, outbox: OutboxRepo = h.repos.outbox): string[] {
  return Array.from({ length: n }, (_, i) => {
    const name = `${userId}-${i}`
    enqueue(userId, name, outbox)
    return name
  })
}

/** The names, in order, of the notifications a chat received. */
const received = (userId: number) => h.telegram.botMessages(userId).map((m) => /^🟢 (\S+)/.exec(m.text)?.[1])
const sends = (): ApiCall[] => h.telegram.callsTo('sendMessage')
const allSettled = (outbox: OutboxRepo = h.repos.outbox) => () => outbox.pendingCount() === 0

describe('outbox worker against the fake Bot API', () => {
  it('a 429 storm: every notification arrives once, in order, and no send starts during a retry_after pause (virtual clock)', async () => {
    h = await startHarness()
    const clock = new ManualClock()
    // Every send start and every 429 the worker learns of, in the order they happened, in virtual time.
    const events: Array<{ kind: 'start' | 'limited'; at: number }> = []
    const worker = createOutboxWorker({
      outbox: h.repos.outbox,
      users: h.repos.users,
      send: async (job) => {
        events.push({ kind: 'start', at: clock.now() })
        try {
          await h.sender.send(job)
        } catch (err) {
          if (h.sender.classify(err).kind === 'retry') events.push({ kind: 'limited', at: clock.now() })
          throw err
        }
      },
      classify: h.sender.classify,
      logger: createLogger({ level: 'silent' }),
      settings: { pollMs: 50, perChatGapMs: 100, backoffBaseMs: 30, backoffCapMs: 200 },
      clock,
    })
    const users = Array.from({ length: 6 }, user)
    const names = users.map((u) => queue(u, 2))
    h.telegram.rateLimit({ retryAfter: 0.2, count: 5, methods: ['sendMessage'] })
    worker.start()
    try {
      await clock.runUntil(allSettled())
    } finally {
      await worker.stop()
    }

    users.forEach((u, i) => expect(received(u)).toEqual(names[i]))
    expect(sends().filter((c) => c.outcome === 'ok')).toHaveLength(12)
    expect(sends().filter((c) => c.errorCode === 429)).toHaveLength(5)
    expect(events.filter((x) => x.kind === 'limited')).toHaveLength(5)
    // Once a 429 is known, no send starts until its retry_after (200 ms) has passed (sends already in flight may still answer).
    events.forEach((x, i) => {
      if (x.kind !== 'limited') return
      const during = events.slice(i + 1).filter((y) => y.kind === 'start' && y.at < x.at + 200)
      expect(during, `a send started during the pause from ${x.at}`).toEqual([])
    })
    expect(worker.stats()).toMatchObject({ sent: 12, rateLimited: 5, dead: 0 })
  })

  it('paces: one message per chat per gap, and a global rate shared by all chats (virtual clock: exact, whatever the load)', async () => {
    h = await startHarness()
    const clock = new ManualClock()
    const starts: Array<{ chat: number; at: number }> = []
    const worker = createOutboxWorker({
      outbox: h.repos.outbox,
      users: h.repos.users,
      send: (job) => {
        starts.push({ chat: job.chatId, at: clock.now() })
        return h.sender.send(job)
      },
      classify: h.sender.classify,
      logger: createLogger({ level: 'silent' }),
      settings: { perChatGapMs: 150, ratePerSecond: 20, pollMs: 50 },
      clock,
    })
    const busy = user()
    const names = queue(busy, 4)
    const others = Array.from({ length: 8 }, user)
    for (const u of others) queue(u, 1)
    worker.start()
    try {
      await clock.runUntil(allSettled())
    } finally {
      await worker.stop()
    }

    expect(received(busy)).toEqual(names)
    expect(starts).toHaveLength(12)
    // One chat: each send starts at least the per-chat gap after the previous one.
    const toBusy = starts.filter((s) => s.chat === busy).map((s) => s.at)
    expect(toBusy).toHaveLength(4)
    for (let i = 1; i < toBusy.length; i++) expect(toBusy[i]! - toBusy[i - 1]!).toBeGreaterThanOrEqual(150)
    // All chats share one bucket of 20/s with room for one: starts are at least 50 ms apart.
    for (let i = 1; i < starts.length; i++) expect(starts[i]!.at - starts[i - 1]!.at).toBeGreaterThanOrEqual(50)
    // And the pacing is the only wait: the busy chat's last send is not held back beyond its own gaps and the shared rate.
    expect(toBusy[3]! - starts[0]!.at).toBeLessThanOrEqual(3 * 150 + 12 * 50)
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
    enqueue(blocker, 'again')
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
