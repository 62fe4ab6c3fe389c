import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Credentials } from '../../src/domain/types.js'
import { fakeCredentials, type ScenarioKind } from '../fakes/exchange-server.js'
import type { ChatMessage, FakeUser } from '../fakes/telegram-server.js'
import { EGRESS_IP, startE2E, type E2E } from '../helpers/e2e.js'
import { allBotText, reportOf, runConnect, tr } from '../helpers/e2e-flows.js'
import { connectionRow, errorLogs, htmlBreaks } from '../helpers/hostile.js'

type Exchange = 'mexc' | 'kucoin'
const TRANSIENT = 'could not be checked right now (it is unavailable or busy)'
const EXCHANGE_TIMEOUT_MS = 500

/** Exchange faults as the fake produces them; `slow` answers after the bot's request timeout. */
const FAULTS: Array<{ kind: ScenarioKind; label: string; delayMs?: number; retryAfterS?: number }> = [
  { kind: 'outage', label: '5xx (gateway HTML)' },
  { kind: 'maintenance', label: 'maintenance' },
  { kind: 'rate-limit', label: '429', retryAfterS: 1 },
  { kind: 'malformed', label: 'malformed JSON' },
  { kind: 'reset', label: 'connection reset' },
  { kind: 'slow', label: `timeout (answers after ${EXCHANGE_TIMEOUT_MS * 2} ms)`, delayMs: EXCHANGE_TIMEOUT_MS * 2 },
]

/** Issue 6, item 4 (exchange side): faults are diagnosed as the exchange's, never as a bad key, and nothing is lost. */
describe('exchange faults during /connect and /test', () => {
  let e: E2E
  let nextId = 70_000
  const account = (exchange: Exchange): Credentials => {
    const c = fakeCredentials(exchange)
    e.ex.addAccount({ exchange, ...c, ...(exchange === 'kucoin' ? { ipWhitelist: [EGRESS_IP] } : {}) })
    return exchange === 'mexc' ? { apiKey: c.apiKey, secret: c.secret } : { apiKey: c.apiKey, secret: c.secret, passphrase: c.passphrase! }
  }
  const fault = (f: (typeof FAULTS)[number], exchange: Exchange) =>
    e.ex.setScenario(f.kind, { exchange, ...(f.delayMs ? { delayMs: f.delayMs } : {}), ...(f.retryAfterS ? { retryAfterS: f.retryAfterS } : {}) })
  const expectExchangeBlamed = (text: string) => {
    expect(text).toContain(TRANSIENT)
    expect(text).not.toContain('does not work yet')
    expect(text).not.toContain(tr('en', 'diag-INVALID_KEY-cause'))
    expect(text).not.toContain(tr('en', 'diag-INVALID_SECRET-cause'))
  }
  /** Runs /test by name and returns the "testing…" message once edited into the report. */
  const retest = async (user: FakeUser, name: string): Promise<ChatMessage> => reportOf(e, await e.say(user, `/test ${name}`))

  beforeAll(async () => {
    e = await startE2E({ env: { EXCHANGE_TIMEOUT_MS: String(EXCHANGE_TIMEOUT_MS), TEST_TIMEOUT_MS: '3000' } })
  })
  afterEach(() => {
    e.ex.clearScenarios()
    expect(htmlBreaks(e)).toEqual([])
    expect(errorLogs(e), 'no handler failed').toEqual([])
  })
  afterAll(() => e.close())

  for (const exchange of ['mexc', 'kucoin'] as const) {
    for (const f of FAULTS) {
      it(`${exchange} ${f.label}: /connect says "exchange unavailable", saves nothing it could not prove, and the next /connect goes Online`, async () => {
        const user = e.tg.createUser({ id: nextId++, firstName: 'Fault', languageCode: 'en' })
        const creds = account(exchange)
        fault(f, exchange)
        const { report, sent } = await runConnect(e, user, { exchange, credentials: creds, name: 'During' })
        expectExchangeBlamed(report.text)
        // The exchange never checked the secret, so nothing proves the key is this user's (review F6):
        // nothing is stored, and the user is told there is nothing to fix, only to come back.
        expect(report.text).toContain(tr('en', 'connect-refused-unreachable'))
        expect(e.app.connections.list(user.id)).toEqual([])
        for (const m of sent) expect(e.tg.isDeleted(user, m.messageId)).toBe(true)
        e.ex.clearScenarios()
        const again = await runConnect(e, user, { exchange, credentials: creds, name: 'During' })
        expect(again.report.text).toContain('Connection works')
        expect(e.app.connections.list(user.id)).toMatchObject([{ name: 'During', status: 'online' }])
      })

      it(`${exchange} ${f.label}: /test of an Online key shows "Checking", never invalid, and the sealed key is untouched`, async () => {
        const user = e.tg.createUser({ id: nextId++, firstName: 'Fault', languageCode: 'en' })
        await runConnect(e, user, { exchange, credentials: account(exchange), name: 'Stored' })
        const [c] = e.app.connections.list(user.id)
        expect(c!.status).toBe('online')
        const before = connectionRow(e.dbPath, c!.id)!
        fault(f, exchange)
        const report = await retest(user, 'Stored')
        expectExchangeBlamed(report.text)
        expect(report.text).toContain(`Stored: ${tr('en', 'status-checking')}`)
        const after = connectionRow(e.dbPath, c!.id)!
        for (const col of ['sealed_api_key', 'sealed_secret', 'sealed_passphrase', 'key_fingerprint', 'masked_key', 'name']) expect(after[col], col).toEqual(before[col])
        e.ex.clearScenarios()
        expect((await retest(user, 'Stored')).text).toContain('Connection works')
      })
    }
  }
})

/** Issue 6, item 4 (Telegram side): 429 storms, 5xx and dropped sockets from the Bot API. */
describe('Bot API faults while users use the bot', () => {
  let e: E2E
  let nextId = 80_000
  beforeAll(async () => {
    e = await startE2E()
  })
  afterEach(() => {
    e.tg.clearScenarios()
    expect(htmlBreaks(e)).toEqual([])
  })
  afterAll(() => e.close())

  it('a 429 storm, then 5xx, then dropped connections: every user gets every answer exactly once, a /connect inside the storm completes', async () => {
    const users = Array.from({ length: 6 }, () => e.tg.createUser({ id: nextId++, firstName: 'Storm', languageCode: 'en' }))
    const creds = fakeCredentials('mexc')
    e.ex.addAccount({ exchange: 'mexc', ...creds })
    e.tg.rateLimit({ retryAfter: 0.2, count: 12 })
    e.tg.serverError({ count: 2 })
    e.tg.serverError({ count: 1, html: true })
    e.tg.dropConnections({ count: 2 })
    const asks = ['/help', '/connections', '/settings', '/cancel']
    const [connector, ...others] = users
    // Each user sends the four commands one after another, waiting for each answer.
    await Promise.all(
      others.map(async (u) => {
        for (const a of asks) {
          e.tg.sendText(u, a)
          await e.tg.nextBotMessage(u, { timeoutMs: 20_000 })
        }
      }).concat(
        (async () => {
          const { report } = await runConnect(e, connector!, { exchange: 'mexc', credentials: { apiKey: creds.apiKey, secret: creds.secret } })
          expect(report.text).toContain('Saved as MEXC spot')
        })(),
      ),
    )
    const failed = e.tg.calls.filter((c) => c.outcome !== 'ok' && c.method !== 'getUpdates')
    expect(failed.filter((c) => c.errorCode === 429).length, 'the storm happened').toBe(12)
    expect(failed.filter((c) => c.errorCode !== 429 && c.outcome !== 'dropped').length, 'the 5xx (JSON and HTML) happened').toBe(3)
    expect(failed.filter((c) => c.outcome === 'dropped').length, 'sockets were dropped').toBe(2)
    for (const u of others) {
      const texts = e.tg.botMessages(u).map((m) => m.text)
      expect(texts, 'one answer per command, none twice').toHaveLength(asks.length)
      expect(texts[0]).toContain('Commands')
      expect(texts[1]).toContain('no connections yet')
      expect(texts[2]).toContain('Settings')
      expect(texts[3]).toBe(tr('en', 'cancel-nothing'))
    }
    const flow = e.tg.botMessages(connector!).map((m) => m.text)
    expect(new Set(flow).size, 'no flow message sent twice').toBe(flow.length)
    expect(e.app.connections.list(connector!.id)).toHaveLength(1)
    expect(allBotText(e, connector!)).not.toContain(creds.secret)
  }, 60_000)

  it('polling survives a 429 and a dropped getUpdates: updates sent meanwhile are handled once', async () => {
    const user = e.tg.createUser({ id: nextId++, firstName: 'Poll', languageCode: 'en' })
    e.tg.rateLimit({ retryAfter: 0.2, count: 1, methods: ['getUpdates'] })
    e.tg.dropConnections({ count: 1, methods: ['getUpdates'] })
    const sent = [e.tg.sendText(user, '/help'), e.tg.sendText(user, '/connections')]
    const first = await e.tg.nextBotMessage(user, { timeoutMs: 20_000 })
    const second = await e.tg.nextBotMessage(user, { timeoutMs: 20_000 })
    expect(first.text).toContain('Commands')
    expect(second.text).toContain('no connections yet')
    expect(e.tg.calls.some((c) => c.method === 'getUpdates' && c.outcome === 'dropped')).toBe(true)
    expect((await e.say(user, '/help')).text).toContain('Commands')
    expect(e.tg.botMessages(user)).toHaveLength(3)
    expect(sent).toHaveLength(2)
  }, 30_000)
})
