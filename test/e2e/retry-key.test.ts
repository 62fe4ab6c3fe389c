import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fakeCredentials } from '../fakes/exchange-server.js'
import type { FakeUser } from '../fakes/telegram-server.js'
import { startE2E, EGRESS_IP, type E2E } from '../helpers/e2e.js'
import { promptHead, reportOf, runConnect, sendCredentials, tr } from '../helpers/e2e-flows.js'

type Locale = 'en' | 'pt-BR'
const strip = (html: string) => html.replace(/<[^>]+>/g, '')

/**
 * Issue 11.6: retry in place. After a refused key (it can withdraw; the exchange did not accept
 * it), a key that is already connected, or a /replace whose key failed, one button, "🔑 Try
 * another key", goes straight to the key prompt with the exchange, market and name kept.
 */
describe('"Try another key" keeps exchange, market and name', () => {
  let e: E2E
  let nextId = 11_600
  beforeAll(async () => {
    e = await startE2E()
  })
  afterAll(() => e.close())
  const newUser = (languageCode: Locale): FakeUser => e.tg.createUser({ id: nextId++, firstName: 'Retry', languageCode })
  const kucoinKey = (permissions?: string[]) => {
    const a = e.ex.addAccount({ exchange: 'kucoin', ipWhitelist: [EGRESS_IP], ...(permissions ? { permissions } : {}) })
    return { apiKey: a.apiKey, secret: a.secret, passphrase: a.passphrase }
  }

  for (const l of ['en', 'pt-BR'] as const) {
    it(`${l}: a KuCoin key that can move funds is refused; one tap later a safe key is saved under the same name and market`, async () => {
      const user = newUser(l)
      const { report } = await runConnect(e, user, { exchange: 'kucoin', credentials: kucoinKey(['General', 'Spot', 'Futures', 'Transfer']), market: 'futures', name: 'Desk', locale: l })
      expect(report.text).toContain(strip(tr(l, 'connect-refused-unsafe')))
      expect(report.keyboard!.flat().map((b) => b.text)).toEqual([tr(l, 'button-try-another-key')])
      expect(e.app.connections.list(user.id)).toEqual([])
      const ask = await e.tap(user, report, tr(l, 'button-try-another-key'))
      expect(report.keyboard, 'the button is used once').toBeUndefined()
      // No exchange, checklist, market or name question: the key prompt, saying what is kept.
      expect(ask.text).toContain(strip(tr(l, 'retry-intro', { name: 'Desk', exchange: 'KuCoin', market: tr(l, 'market-futures') })))
      expect(ask.text).toContain(promptHead(l, 'apiKey'))
      const { after } = await sendCredentials(e, user, ask, kucoinKey(['General', 'Spot', 'Futures']), l)
      const saved = await reportOf(e, after)
      expect(saved.text).toContain(l === 'en' ? 'Saved as Desk' : 'Salva como Desk')
      expect(e.app.connections.list(user.id)).toMatchObject([{ name: 'Desk', exchange: 'kucoin', market: 'futures' }])
      // A late second tap on the used button starts nothing.
      const sent = e.tg.botMessages(user).length
      const again = e.tg.forgeCallback(user, report, report.history.at(-1)!.keyboard!.flat().map((b) => ('callback_data' in b ? b.callback_data : ''))[0]!)
      expect((await e.tg.waitFor(() => e.tg.callbackAnswer(again))).text).toBe(tr(l, 'flow-over-refused'))
      expect(e.tg.botMessages(user).length).toBe(sent)
    })

    it(`${l}: a key already connected: "Try another key" asks only for the key, and the second connection is saved`, async () => {
      const user = newUser(l)
      const first = kucoinKey()
      await runConnect(e, user, { exchange: 'kucoin', credentials: first, name: 'First', locale: l })
      const { report } = await runConnect(e, user, { exchange: 'kucoin', credentials: first, name: 'Second', locale: l })
      expect(report.text).toContain(tr(l, 'error-KEY_ALREADY_YOURS', { name: 'First' }))
      expect(report.text).toContain(tr(l, 'connect-nothing-saved-retry'))
      const ask = await e.tap(user, report, tr(l, 'button-try-another-key'))
      const { after } = await sendCredentials(e, user, ask, kucoinKey(), l)
      expect((await reportOf(e, after)).text).toContain(l === 'en' ? 'Saved as Second' : 'Salva como Second')
      expect(e.app.connections.list(user.id).map((c) => c.name).sort()).toEqual(['First', 'Second'])
    })
  }

  it('a key the exchange did not accept (wrong secret): the retry keeps the suggested name too', async () => {
    const user = newUser('en')
    const a = e.ex.addAccount({ exchange: 'mexc', ipWhitelist: [EGRESS_IP] })
    const { report } = await runConnect(e, user, { exchange: 'mexc', credentials: { apiKey: a.apiKey, secret: fakeCredentials('mexc').secret } })
    expect(report.text).toContain(tr('en', 'connect-refused-unproven'))
    const ask = await e.tap(user, report, tr('en', 'button-try-another-key'))
    expect(ask.text).toContain('MEXC spot')
    const { after } = await sendCredentials(e, user, ask, { apiKey: a.apiKey, secret: a.secret })
    expect((await reportOf(e, after)).text).toContain('Saved as MEXC spot')
  })

  it('a failed /replace: "Try another key" asks for the new key again; the old key stays until one passes', async () => {
    const user = newUser('en')
    const old = kucoinKey()
    await runConnect(e, user, { exchange: 'kucoin', credentials: old, name: 'Main' })
    const ask = await e.say(user, '/replace Main')
    const { after } = await sendCredentials(e, user, ask, { ...kucoinKey(), secret: fakeCredentials('kucoin').secret })
    const failed = await reportOf(e, after)
    expect(failed.text).toContain(tr('en', 'replace-refused-not-online'))
    const again = await e.tap(user, failed, tr('en', 'button-try-another-key'))
    expect(again.text).toContain(strip(tr('en', 'replace-intro', { name: 'Main', exchange: 'KuCoin' })).split('\n')[0]!)
    const fresh = kucoinKey()
    const done = await sendCredentials(e, user, again, fresh)
    expect((await reportOf(e, done.after)).text).toContain('Main')
    expect(e.app.connections.list(user.id)).toMatchObject([{ name: 'Main', status: 'online' }])
    expect(e.app.connections.list(user.id)[0]!.maskedKey.slice(0, 4)).toBe(fresh.apiKey.slice(0, 4))
  })
})
