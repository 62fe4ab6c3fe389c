import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fakeCredentials } from '../fakes/exchange-server.js'
import { startE2E, type E2E } from '../helpers/e2e.js'

/** Waits for a condition on state the fake Telegram does not watch (the exchange's request log). */
async function until(pred: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!pred()) {
    if (Date.now() > end) throw new Error('condition not reached in time')
    await new Promise((r) => setTimeout(r, 50))
  }
}

// The whole product loop through the real app: the monitor re-tests in the background, the
// transition goes through the outbox, and the bot's own sender pushes it to the user.
describe('monitor and push notifications through the running app', () => {
  let e: E2E
  beforeAll(async () => {
    e = await startE2E({ monitor: true, env: { CHECK_INTERVAL_SECONDS: '1', OFFLINE_AFTER_FAILURES: '2' } })
  })
  afterAll(() => e.close())

  it('tells the user once when a key is revoked, offers Test again, and tells them once when it recovers', async () => {
    const user = e.tg.createUser({ id: 8801, firstName: 'Caio', languageCode: 'pt-BR' })
    await e.say(user, '/start')
    const creds = fakeCredentials('kucoin')
    e.ex.addAccount({ exchange: 'kucoin', ...creds, ipWhitelist: ['203.0.113.7'] })
    const saved = await e.app.connections.connect({ userId: user.id, exchange: 'kucoin', market: 'spot', name: 'Principal', credentials: creds })
    expect(saved.outcome === 'saved' && saved.connection.status).toBe('online')
    const before = e.tg.botMessages(user).length

    // Someone removes our IP from the key's whitelist on KuCoin: a key-level failure.
    e.ex.updateAccount(creds.apiKey, { ipWhitelist: ['198.51.100.1'] })
    const alert = await e.tg.waitFor(() => e.tg.botMessages(user).slice(before).find((m) => m.text.includes('Principal')), 8_000)
    expect(alert.text).toContain('203.0.113.7') // the fix names the IP to whitelist, in Portuguese
    expect(alert.text).toMatch(/offline/i)
    expect((alert.keyboard ?? []).flat().map((b) => b.text).join()).toContain('Testar de novo')
    expect(e.app.connections.get(user.id, saved.outcome === 'saved' ? saved.connection.id : '').status).toBe('offline')

    // Two more sweeps: nothing repeats while the state holds.
    const sweeps = e.ex.requests.length
    await until(() => e.ex.requests.length >= sweeps + 6, 8_000)
    expect(e.tg.botMessages(user).slice(before)).toHaveLength(1)

    // The whitelist is fixed: exactly one recovery notice.
    e.ex.updateAccount(creds.apiKey, { ipWhitelist: ['203.0.113.7'] })
    await e.tg.waitFor(() => e.tg.botMessages(user).slice(before).length >= 2 || null, 8_000)
    const sent = e.tg.botMessages(user).slice(before)
    expect(sent).toHaveLength(2)
    expect(sent[1]!.text).toContain('Principal')
    await until(() => e.app.repos.outbox.pendingCount() === 0, 2_000)
  })
})
