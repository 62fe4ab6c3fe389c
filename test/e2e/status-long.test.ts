import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fakeCredentials } from '../fakes/exchange-server.js'
import { startE2E, type E2E } from '../helpers/e2e.js'

describe('/status with many failing connections', () => {
  let e: E2E
  beforeAll(async () => {
    e = await startE2E()
  })
  afterAll(() => e.close())

  it('lists many failing connections one line each, and opens every long card without "message is too long"', async () => {
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
    // A phone screen: one line per connection, no fix texts, a button to open each card.
    const list = await e.say(user, '/status')
    for (let i = 0; i < 8; i++) expect(list.text).toContain(`🔴 Conta ${i} · `)
    expect(list.text).not.toContain('1. ')
    expect(list.keyboard?.flat().map((b) => b.text)).toEqual(Array.from({ length: 8 }, (_, i) => `Conta ${i}`))
    for (let i = 0; i < 8; i++) {
      const card = await e.tap(user, list, `Conta ${i}`)
      expect(card.text).toContain(`Conta ${i} · `)
      expect(card.text).toContain('Estado: Offline')
    }
    expect(e.tg.callsTo('sendMessage').filter((c) => c.outcome === 'error')).toEqual([])
    expect(e.logs()).not.toContain('update failed')
  })
})
