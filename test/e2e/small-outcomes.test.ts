import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fakeCredentials } from '../fakes/exchange-server.js'
import { startE2E, type E2E } from '../helpers/e2e.js'
import { runConnect, toKeyPrompt, tr } from '../helpers/e2e-flows.js'

describe('what the user is offered and told in edge outcomes', () => {
  let e: E2E
  beforeAll(async () => {
    e = await startE2E()
  })
  afterAll(() => e.close())

  it('after an outage, the saved key offers "Test again" only: a new key would not help', async () => {
    const user = e.tg.createUser({ id: 9301, firstName: 'Out', languageCode: 'en' })
    const creds = fakeCredentials('kucoin')
    e.ex.addAccount({ exchange: 'kucoin', ...creds })
    // The outage hits after KuCoin accepted the key (an outage before that saves nothing: F6).
    e.ex.setScenario('outage', { exchange: 'kucoin', path: '/api/v1/accounts' })
    try {
      const { report } = await runConnect(e, user, { exchange: 'kucoin', credentials: { apiKey: creds.apiKey, secret: creds.secret, passphrase: creds.passphrase! } })
      expect(report.text).toContain(tr('en', 'verdict-offline-transient'))
      expect(report.text).toContain('Saved as KuCoin spot')
      // No "Enter a new key": the key is not at fault. The account's key has no IP whitelist (a
      // warning), so the API-management link stays.
      expect(report.keyboard?.flat().map((b) => b.text)).toEqual([tr('en', 'button-test-again'), tr('en', 'button-open-api-page', { exchange: 'KuCoin' })])
    } finally {
      e.ex.clearScenarios()
    }
  })

  it('a forwarded key that could not be deleted is not described as deleted', async () => {
    const user = e.tg.createUser({ id: 9302, firstName: 'Fwd', languageCode: 'en' })
    await toKeyPrompt(e, user)
    e.tg.refuseDeletes(user)
    try {
      e.tg.forwardText(user, fakeCredentials('mexc').apiKey)
      const warn = await e.next(user)
      expect(warn.text).toBe(tr('en', 'credential-not-deleted'))
      const told = await e.next(user)
      expect(told.text).toBe(tr('en', 'credential-forwarded-kept', { field: tr('en', 'field-apiKey') }))
      expect(told.text).not.toContain('deleted')
    } finally {
      e.tg.allowDeletes()
    }
  })
})
