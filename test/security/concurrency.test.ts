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

/** Issue 6, item 3: many users at once, a locked database, and a stop while work is in flight. */
describe('concurrency and restarts', () => {
  let e: RestartableE2E
  const account = (exchange: Exchange): Credentials => {
    const c = fakeCredentials(exchange)
    e.ex.addAccount({ exchange, ...c, ...(exchange === 'kucoin' ? { ipWhitelist: [EGRESS_IP] } : {}) })
    return exchange === 'mexc' ? { apiKey: c.apiKey, secret: c.secret } : { apiKey: c.apiKey, secret: c.secret, passphrase: c.passphrase! }
  }

  beforeAll(async () => {
    e = await startRestartableE2E()
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
  }, 60_000)

  it('SQLite busy: another writer holds the lock while the bot saves → the save waits and succeeds, the user sees no error', async () => {
    const user = e.tg.createUser({ id: 59_001, firstName: 'Busy', languageCode: 'en' })
    const creds = account('mexc')
    await toKeyPrompt(e, user)
    e.tg.sendText(user, creds.apiKey)
    await e.next(user) // secret prompt (the key prompt became "got it")
    // Every exchange answer is slowed, so the lock is surely held before the test ends and the save starts.
    e.ex.setScenario('slow', { exchange: 'mexc', delayMs: 150 })
    const holder = startLockHolder(e.dbPath, { stallMs: 300, maxMs: 4000 })
    try {
      e.tg.sendText(user, creds.secret)
      const testing = await e.next(user)
      expect(testing.text).toContain('Testing')
      const { released } = await holder.lock()
      const report = await reportOf(e, testing)
      const { stalledMs } = await released
      expect(stalledMs, 'the bot\'s write waited on the lock (main thread blocked in the busy wait)').toBeGreaterThanOrEqual(300)
      expect(report.text).toContain('Connection works')
      expect(report.text).toContain('Saved as MEXC spot')
      expect(e.app.connections.list(user.id)).toMatchObject([{ name: 'MEXC spot', status: 'online' }])
    } finally {
      e.ex.clearScenarios()
      await holder.close()
    }
    // Plain updates of a known user only read (WAL readers never wait for a writer): a held
    // write lock neither fails nor delays them.
    const holder2 = startLockHolder(e.dbPath, { stallMs: 300, maxMs: 1500 })
    try {
      const { released } = await holder2.lock()
      const list = await e.say(user, '/connections')
      expect(list.text).toContain('Your connections (1)')
      const r = await released
      expect(r.stalledMs, 'the main thread never sat in a busy wait').toBeLessThan(300)
      expect(r.heldMs).toBeGreaterThanOrEqual(1500)
    } finally {
      await holder2.close()
    }
    expect(errorLogs(e)).toEqual([])
    expect(e.tg.botMessages(user).map((m) => m.text).join('\n')).not.toMatch(/went wrong|Saving failed/)
  })

  it('a stop while a connection test is in flight lets it finish and save before the database closes', async () => {
    const user = e.tg.createUser({ id: 59_002, firstName: 'Stop', languageCode: 'en' })
    const creds = account('mexc')
    await toKeyPrompt(e, user)
    e.tg.sendText(user, creds.apiKey)
    await e.next(user)
    e.ex.setScenario('slow', { exchange: 'mexc', delayMs: 200 })
    try {
      e.tg.sendText(user, creds.secret)
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
  })
})
