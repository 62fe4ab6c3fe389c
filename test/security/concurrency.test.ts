import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Credentials } from '../../src/domain/types.js'
import { maskKey } from '../../src/secrets/redact.js'
import { fakeCredentials } from '../fakes/exchange-server.js'
import type { ChatMessage, FakeUser } from '../fakes/telegram-server.js'
import { EGRESS_IP } from '../helpers/e2e.js'
import { reportOf, runConnect, toKeyPrompt } from '../helpers/e2e-flows.js'
import { connectionsTable, errorLogs, htmlBreaks, startRestartableE2E, type RestartableE2E } from '../helpers/hostile.js'
import { startLockHolder } from '../helpers/sqlite-lock.js'

type Exchange = 'mexc' | 'kucoin'
interface Planned {
  exchange: Exchange
  name: string
  credentials: Credentials
}

const USERS = 50
// Waits in this file only guard against a hang: 50 flows on a loaded 2-core machine may take
// minutes, and that is not a failure. What is asserted is who ends up with what, never how fast.
const HANG_GUARD_MS = 170_000

/** Issue 6, item 3: many users at once, a locked database, and a stop while work is in flight. */
describe('concurrency and restarts', () => {
  let e: RestartableE2E
  const account = (exchange: Exchange): Credentials => {
    const c = fakeCredentials(exchange)
    e.ex.addAccount({ exchange, ...c, ...(exchange === 'kucoin' ? { ipWhitelist: [EGRESS_IP] } : {}) })
    return exchange === 'mexc' ? { apiKey: c.apiKey, secret: c.secret } : { apiKey: c.apiKey, secret: c.secret, passphrase: c.passphrase! }
  }

  beforeAll(async () => {
    // Exchange timeouts at their maximum too: a request slowed by the load is not an exchange fault here.
    e = await startRestartableE2E({ waitTimeoutMs: HANG_GUARD_MS, env: { EXCHANGE_TIMEOUT_MS: '60000', TEST_TIMEOUT_MS: '120000' } })
    // Likewise a signed request delayed by the load is not a clock fault (the clock checks have their own tests).
    e.ex.timestampSlackMs = 10 * 60_000
  })
  afterAll(() => e.close())

  it(`${USERS} users run /connect at once, interleaved: each ends with exactly their own connections, sealed to their own credentials`, async () => {
    const plans = new Map<FakeUser, Planned[]>()
    for (let i = 0; i < USERS; i++) {
      const user = e.tg.createUser({ id: 50_000 + i, firstName: `U${i}`, languageCode: 'en' })
      const first: Exchange = i % 2 === 0 ? 'mexc' : 'kucoin'
      const list: Planned[] = [{ exchange: first, name: `User ${i} ${first}`, credentials: account(first) }]
      // Every fifth user connects both exchanges, one after the other in their own chat.
      if (i % 5 === 0) list.push({ exchange: 'kucoin', name: `User ${i} second`, credentials: account('kucoin') })
      plans.set(user, list)
    }
    const sent: Array<{ user: FakeUser; msg: ChatMessage }> = []
    await Promise.all(
      [...plans].map(async ([user, list]) => {
        for (const p of list) {
          const run = await runConnect(e, user, { exchange: p.exchange, credentials: p.credentials, name: p.name })
          expect(run.report.text, `${user.firstName}: ${p.name}`).toContain(`Saved as ${p.name}`)
          for (const msg of run.sent) sent.push({ user, msg })
        }
      }),
    )

    const total = [...plans.values()].reduce((n, l) => n + l.length, 0)
    expect((JSON.parse(connectionsTable(e.dbPath)) as unknown[]).length, 'no extra or missing rows').toBe(total)
    for (const [user, list] of plans) {
      const got = e.app.connections.list(user.id)
      expect(got.map((c) => ({ name: c.name, exchange: c.exchange, maskedKey: c.maskedKey, status: c.status })), `${user.firstName}'s connections`).toEqual(
        list.map((p) => ({ name: p.name, exchange: p.exchange, maskedKey: maskKey(p.credentials.apiKey), status: 'online' })),
      )
      for (const [i, c] of got.entries()) {
        const p = list[i]!
        const row = e.app.repos.connections.getOwned(c.id, user.id)!
        const open = (sealed: string, field: 'apiKey' | 'secret' | 'passphrase') => e.app.sealer.open(sealed, { connectionId: c.id, userId: user.id, field })
        expect(open(row.sealedApiKey, 'apiKey'), 'sealed key is this user\'s').toBe(p.credentials.apiKey)
        expect(open(row.sealedSecret, 'secret'), 'sealed secret is this user\'s').toBe(p.credentials.secret)
        if (p.credentials.passphrase) expect(open(row.sealedPassphrase!, 'passphrase')).toBe(p.credentials.passphrase)
      }
    }
    // The stored credentials work against each user's own exchange account (the fake checks signatures).
    const tests = await Promise.all([...plans.keys()].flatMap((user) => e.app.connections.list(user.id).map((c) => e.app.connections.test(user.id, c.id))))
    expect(tests.map((t) => t.after.status)).toEqual(tests.map(() => 'online'))
    for (const { user, msg } of sent) expect(e.tg.isDeleted(user, msg.messageId), `${user.firstName}'s credential message deleted`).toBe(true)
    expect(e.app.intake.size()).toBe(0)
    expect(htmlBreaks(e)).toEqual([])
    expect(errorLogs(e)).toEqual([])
  }, HANG_GUARD_MS + 10_000)

  it('SQLite busy: another writer holds the lock while the bot saves → the save waits and succeeds, the user sees no error', async () => {
    const user = e.tg.createUser({ id: 59_001, firstName: 'Busy', languageCode: 'en' })
    const creds = account('mexc')
    await toKeyPrompt(e, user)
    e.tg.sendText(user, creds.apiKey)
    await e.next(user) // got it
    await e.next(user) // secret prompt
    // Another writer takes the lock before the secret is sent, so the save surely meets it. It
    // is armed once the exchange has received the test's last request: from then on the next
    // thing the bot does is the save, so a stall of its main thread is the save waiting on the lock.
    const holder = startLockHolder(e.dbPath, { stallMs: 500, armed: false })
    const requestsBefore = e.ex.requestCount('mexc')
    try {
      const held = await holder.lock()
      // A MEXC spot test is exactly 3 requests (time, account, order/test): armed as the 3rd arrives.
      e.ex.onRequest = () => {
        if (e.ex.requestCount('mexc') >= requestsBefore + 3) held.arm()
      }
      e.tg.sendText(user, creds.secret)
      await e.next(user) // got it
      const testing = await e.next(user)
      expect(testing.text).toContain('Testing')
      const report = await reportOf(e, testing)
      const release = await held.released
      expect(release.reason, 'the lock was let go because the bot blocked on it, not by a timer').toBe('stall')
      expect(e.ex.requestCount('mexc')).toBe(requestsBefore + 3)
      // Ordering, not duration: the report (sent right after the save commits) came after the lock was let go.
      const edit = e.tg.calls.find((c) => c.method === 'editMessageText' && c.payload['message_id'] === testing.messageId)!
      expect(edit.at).toBeGreaterThanOrEqual(release.releasedAt)
      expect(report.text).toContain('Connection works')
      expect(report.text).toContain('Saved as MEXC spot')
      expect(e.app.connections.list(user.id)).toMatchObject([{ name: 'MEXC spot', status: 'online' }])
    } finally {
      e.ex.onRequest = undefined
      await holder.close()
    }
    // Plain updates of a known user only read (WAL readers never wait for a writer): with the
    // write lock held until after the reply, a write would have failed (SQLITE_BUSY after the busy
    // timeout, an error reply and an error log). The reply arriving while it is held proves none.
    const holder2 = startLockHolder(e.dbPath, {})
    try {
      const held = await holder2.lock()
      const list = await e.say(user, '/connections')
      expect(list.text).toContain('Your connections (1)')
      held.release()
      expect((await held.released).reason).toBe('released')
    } finally {
      await holder2.close()
    }
    expect(errorLogs(e)).toEqual([])
    expect(e.tg.botMessages(user).map((m) => m.text).join('\n')).not.toMatch(/went wrong|Saving failed/)
  }, HANG_GUARD_MS + 10_000)

  it('a stop while a connection test is in flight lets it finish and save before the database closes', async () => {
    const user = e.tg.createUser({ id: 59_002, firstName: 'Stop', languageCode: 'en' })
    const creds = account('mexc')
    await toKeyPrompt(e, user)
    e.tg.sendText(user, creds.apiKey)
    await e.next(user)
    await e.next(user)
    e.ex.setScenario('slow', { exchange: 'mexc', delayMs: 200 })
    try {
      e.tg.sendText(user, creds.secret)
      await e.next(user)
      const testing = await e.next(user)
      expect(testing.text).toContain('Testing')
      await e.restart() // graceful stop (SIGTERM) mid-test, then a new process on the same file
      const report = await reportOf(e, testing)
      expect(report.text).toContain('Saved as MEXC spot')
    } finally {
      e.ex.clearScenarios()
    }
    expect(e.app.connections.list(user.id)).toMatchObject([{ name: 'MEXC spot', status: 'online' }])
    expect(errorLogs(e)).toEqual([])
  }, HANG_GUARD_MS + 10_000)
})
