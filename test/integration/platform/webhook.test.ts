import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { createLogger } from '../../../src/logger.js'
import { createWebhookWorker, type WebhookWorker } from '../../../src/platform/webhook-worker.js'
import { createPlatformEventsRepo, type PlatformEventsRepo } from '../../../src/storage/platform-events.repo.js'
import { startWebhookReceiver } from '../../fakes/webhook-receiver.js'
import type { E2E } from '../../helpers/e2e.js'
import { connectOnline, startPlatformE2E } from '../../helpers/platform.js'
import { openTestDb } from '../../helpers/test-db.js'
import { until } from '../../helpers/until.js'

const SECRET = randomBytes(32).toString('hex')
const FAST = { pollMs: 20, backoffBaseMs: 5, backoffCapMs: 20, leaseMs: 5_000, maxAttempts: 3 }

/** Events pushed to PLATFORM_WEBHOOK_URL: signed, in order, each confirmed once, retried by the outbox's rules. */
describe('platform webhook push', () => {
  const cleanup: Array<() => Promise<void> | void> = []
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c()
  })

  async function world(settings: Partial<typeof FAST> = {}) {
    const db = openTestDb()
    const repo = createPlatformEventsRepo(db.db)
    const receiver = await startWebhookReceiver(SECRET)
    const workers: WebhookWorker[] = []
    const worker = () => {
      const w = createWebhookWorker({ events: repo, url: receiver.url, secret: SECRET, logger: createLogger({ level: 'silent' }), settings: { ...FAST, ...settings } })
      workers.push(w)
      return w
    }
    cleanup.push(() => db.cleanup(), () => receiver.close(), async () => {
      for (const w of workers) await w.stop()
    })
    let n = 0
    const append = (kind = 'paused', push = true) => db.transaction(() => repo.append({ kind, connectionId: `c${++n}`, userId: 7, exchange: 'mexc', status: 'online', paused: kind === 'paused', dedupeKey: `k${n}`, createdAt: Date.now(), push }))!
    return { db, repo, receiver, worker, append }
  }
  const pushState = (repo: PlatformEventsRepo) => repo.all().map((r) => [r.id, r.pushStatus, r.pushAttempts])

  it('pushes each event once, in id order, signed with HMAC; a 5xx is retried before the next event goes', async () => {
    const w = await world()
    for (let i = 0; i < 3; i++) w.append()
    w.receiver.answers.push(200, 503)
    w.worker().start()
    await until(() => w.repo.pushBacklog() === 0 && w.receiver.received.length === 4, 'every push confirmed')
    expect(w.receiver.received.map((r) => [r.id, r.answered])).toEqual([['1', 200], ['2', 503], ['2', 200], ['3', 200]])
    expect(w.receiver.received.every((r) => r.signatureValid)).toBe(true)
    expect(w.receiver.received[0]!.body).toMatchObject({ id: '1', kind: 'paused', connectionId: 'c1', telegramUserId: 7, paused: true })
    expect(pushState(w.repo)).toEqual([[1, 'sent', 0], [2, 'sent', 1], [3, 'sent', 0]])
  })

  it('the receiver checks the signature: a push signed with another secret does not verify', async () => {
    const w = await world()
    w.append()
    const wrong = createWebhookWorker({ events: w.repo, url: w.receiver.url, secret: 'x'.repeat(40), logger: createLogger({ level: 'silent' }), settings: FAST })
    cleanup.push(() => wrong.stop())
    wrong.start()
    await until(() => w.receiver.received.length === 1, 'one push')
    expect(w.receiver.received[0]!.signatureValid).toBe(false)
  })

  it('a 429 waits its Retry-After without costing an attempt; a 4xx dead-letters the push and the next event still goes', async () => {
    const w = await world()
    w.append()
    w.append()
    w.receiver.answers.push({ status: 429, headers: { 'retry-after': '1' } }, 200, 400)
    w.worker().start()
    await until(() => w.repo.pushBacklog() === 0, 'nothing pending')
    expect(w.receiver.received.map((r) => [r.id, r.answered])).toEqual([['1', 429], ['1', 200], ['2', 400]])
    expect(pushState(w.repo)).toEqual([[1, 'sent', 0], [2, 'dead', 1]])
    expect(w.repo.get(2)!.pushError).toBe('HTTP 400')
  })

  it('an unreachable receiver: retried up to the limit, then dead; the event stays in the feed', async () => {
    const w = await world()
    await w.receiver.close()
    w.append()
    w.worker().start()
    await until(() => w.repo.get(1)!.pushStatus === 'dead', 'the push to die')
    expect(pushState(w.repo)).toEqual([[1, 'dead', FAST.maxAttempts]])
    expect(w.repo.after(0, 10).map((r) => r.id)).toEqual([1])
  })

  it('two workers on one database never push the same event twice (the lease)', async () => {
    const w = await world()
    for (let i = 0; i < 20; i++) w.append()
    w.worker().start()
    w.worker().start()
    await until(() => w.repo.pushBacklog() === 0, 'all pushed')
    expect(w.receiver.received.map((r) => r.id)).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)))
  })

  it('events written while no webhook is configured are not pushed later', async () => {
    const w = await world()
    w.append('paused', false)
    w.append('paused', true)
    w.worker().start()
    await until(() => w.repo.pushBacklog() === 0, 'all pushed')
    expect(w.receiver.received.map((r) => r.id)).toEqual(['2'])
  })

  describe('wired in the app', () => {
    let e: E2E
    afterEach(() => e?.close())

    it('with PLATFORM_WEBHOOK_URL set, the app pushes what the feed holds, signed, as it happens', async () => {
      const receiver = await startWebhookReceiver(SECRET)
      cleanup.push(() => receiver.close())
      e = await startPlatformE2E({ env: { PLATFORM_WEBHOOK_URL: receiver.url, PLATFORM_WEBHOOK_SECRET: SECRET } })
      const { id } = await connectOnline(e, 73_001)
      e.app.platform.gate.pause(73_001, id)
      await until(() => receiver.received.length === 2, 'two pushes')
      expect(receiver.received.map((r) => [r.kind, r.body['connectionId'], r.signatureValid])).toEqual([['online', id, true], ['paused', id, true]])
      expect(receiver.received.map((r) => r.id)).toEqual(e.app.repos.platformEvents.all().map((r) => String(r.id)))
    })
  })
})
