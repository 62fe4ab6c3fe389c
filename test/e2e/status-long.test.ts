import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fakeCredentials } from '../fakes/exchange-server.js'
import { startE2E, type E2E } from '../helpers/e2e.js'

describe('/status with many failing connections', () => {
  let e: E2E
  beforeAll(async () => {
    e = await startE2E()
  })
  afterAll(() => e.close())

  it('splits the cards over several messages instead of failing with "message is too long"', async () => {
    const user = e.tg.createUser({ id: 7701, firstName: 'Bia', languageCode: 'pt-BR' })
    await e.say(user, '/start')
    for (let i = 0; i < 8; i++) {
      const exchange = i % 2 === 0 ? 'mexc' : 'kucoin'
      const creds = fakeCredentials(exchange)
      // Read-only keys: several failing checks, each with its fix. KuCoin's whitelist then drops
      // our IP (a key refused for its IP before the exchange checks the secret is never saved).
      e.ex.addAccount({ exchange, ...creds, permissions: exchange === 'mexc' ? ['SPOT_ACCOUNT_READ'] : ['General'], ...(exchange === 'kucoin' ? { ipWhitelist: ['203.0.113.7'] } : {}) })
      const r = await e.app.connections.connect({ userId: user.id, exchange, market: 'both', name: `Conta ${i}`, credentials: creds })
      expect(r.outcome).toBe('saved')
      if (exchange === 'kucoin' && r.outcome === 'saved') {
        e.ex.updateAccount(creds.apiKey, { ipWhitelist: ['198.51.100.9'] })
        await e.app.connections.test(user.id, r.connection.id, 'manual')
      }
    }
    const before = e.tg.botMessages(user).length
    e.tg.sendCommand(user, '/status')
    await e.tg.waitFor(() => e.tg.botMessages(user).some((m) => m.text.includes('Conta 7')) || null, 10_000)
    const sent = e.tg.botMessages(user).slice(before)
    expect(sent.length).toBeGreaterThan(1)
    const all = sent.map((m) => m.text).join('\n')
    for (let i = 0; i < 8; i++) expect(all).toContain(`Conta ${i}`)
    expect(e.tg.callsTo('sendMessage').filter((c) => c.outcome === 'error')).toEqual([])
    expect(e.logs()).not.toContain('update failed')
  })
})
