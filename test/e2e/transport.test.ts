import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fakeCredentials } from '../fakes/exchange-server.js'
import { startE2E, type E2E } from '../helpers/e2e.js'

// The real transport (throttler + auto-retry below the conversations plugin's replay log).
describe('Bot API transport inside flows', () => {
  let e: E2E
  beforeAll(async () => {
    e = await startE2E({ throttle: true })
  })
  afterAll(() => e.close())

  it('retries a 429 inside a conversation, sends nothing twice, and replays are not re-throttled', async () => {
    const creds = fakeCredentials('mexc')
    e.ex.addAccount({ exchange: 'mexc', ...creds })
    const user = e.tg.createUser({ id: 3001, firstName: 'Rita', languageCode: 'en' })
    const pick = await e.say(user, '/connect')
    const checklist = await e.tap(user, pick, 'MEXC')
    // Telegram starts refusing sends mid-flow: the flow must go on after retry_after.
    e.tg.rateLimit({ retryAfter: 0.3, count: 2, methods: ['sendMessage'] })
    const name = await e.tap(user, checklist, 'Spot')
    expect(name.text).toContain('Name this connection')
    const askKey = await e.tap(user, name, 'Use "MEXC spot"')
    expect(askKey.text).toContain('API key')
    e.tg.sendText(user, creds.apiKey)
    await e.next(user)
    e.tg.sendText(user, creds.secret)
    const testing = await e.next(user)
    const report = await e.tg.waitFor(() => (testing.history.length > 0 ? testing : null), 10_000)
    expect(report.text).toContain('Saved as MEXC spot')
    const refused = e.tg.callsTo('sendMessage').filter((c) => c.errorCode === 429)
    expect(refused).toHaveLength(2)
    const texts = e.tg.botMessages(user).map((m) => m.text)
    expect(new Set(texts).size).toBe(texts.length)
  })
})
