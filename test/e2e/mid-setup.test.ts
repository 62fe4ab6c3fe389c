import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fakeCredentials } from '../fakes/exchange-server.js'
import type { ChatMessage, FakeUser } from '../fakes/telegram-server.js'
import { EGRESS_IP, startE2E, type E2E } from '../helpers/e2e.js'
import { refusedCalls, reportOf, runConnect, tr } from '../helpers/e2e-flows.js'

type Locale = 'en' | 'pt-BR'
const strip = (html: string) => html.replace(/<[^>]+>/g, '')

/**
 * Issue 11.9: commands in the middle of a setup. /help, /status, /ips and /connections answer and
 * the setup stays where it was; /connect again offers to start over or continue; a valid key
 * pasted at the name (or a button step) is deleted, kept, and used at the key step.
 */
describe('commands and early keys in the middle of a setup', () => {
  let e: E2E
  let nextId = 11_900
  beforeAll(async () => {
    e = await startE2E()
  })
  afterAll(() => e.close())
  const newUser = (languageCode: Locale) => e.tg.createUser({ id: nextId++, firstName: 'Mid', languageCode })
  async function toChecklist(user: FakeUser, exchange: 'MEXC' | 'KuCoin'): Promise<ChatMessage> {
    return e.tap(user, await e.say(user, '/connect'), exchange)
  }

  for (const l of ['en', 'pt-BR'] as const) {
    it(`${l}: /help, /ips, /status and /connections answer at the checklist, and the setup goes on`, async () => {
      const user = newUser(l)
      const c = fakeCredentials('mexc')
      e.ex.addAccount({ exchange: 'mexc', ...c })
      await runConnect(e, user, { exchange: 'mexc', credentials: c, locale: l, name: 'Main' })
      const checklist = await toChecklist(user, 'KuCoin')
      const help = await e.say(user, '/help')
      expect(help.text).toBe(strip(tr(l, 'help-text')))
      expect(help.text).toContain('/ips')
      const ips = await e.say(user, '/ips')
      expect(ips.text).toContain(EGRESS_IP)
      expect(ips.entities.filter((x) => x.type === 'code').map((x) => ips.text.slice(x.offset, x.offset + x.length))).toEqual([EGRESS_IP])
      const status = await e.say(user, '/status Main')
      expect(status.text).toContain('Main')
      expect((await e.say(user, '/connections')).text).toContain('Main')
      // The setup did not move: the checklist's button still works.
      const market = await e.tap(user, checklist, tr(l, 'button-key-ready'))
      expect(market.text).toBe(strip(tr(l, 'connect-ask-market')))
      await e.say(user, '/cancel')
      expect(refusedCalls(e)).toEqual([])
    })

    it(`${l}: /connect again offers "start over" or "continue"`, async () => {
      const user = newUser(l)
      const checklist = await toChecklist(user, 'MEXC')
      const offer = await e.say(user, '/connect')
      expect(offer.text).toBe(tr(l, 'flow-restart-offer'))
      expect(offer.keyboard!.flat().map((b) => b.text)).toEqual([tr(l, 'button-restart'), tr(l, 'button-continue')])
      // Continue: the question on screen is asked again.
      const again = await e.tap(user, offer, tr(l, 'button-continue'))
      expect(again.text).toBe(checklist.text)
      // Start over: a new setup from the top; the old one's buttons are stale.
      const offer2 = await e.say(user, '/connect')
      const fresh = await e.tap(user, offer2, tr(l, 'button-restart'))
      expect(fresh.text).toBe(strip(tr(l, 'connect-intro')))
      const stale = e.tg.tapButton(user, checklist, tr(l, 'button-key-ready'))
      expect((await e.tg.waitFor(() => e.tg.callbackAnswer(stale))).text).toBe(tr(l, 'flow-button-stale'))
      expect((await e.tap(user, fresh, 'KuCoin')).text).toContain('KuCoin')
      await e.say(user, '/cancel')
    })

    it(`${l}: a valid key pasted at the name step is deleted, kept, and used at the key step`, async () => {
      const user = newUser(l)
      const c = fakeCredentials('mexc')
      e.ex.addAccount({ exchange: 'mexc', ...c })
      const market = await e.tap(user, await toChecklist(user, 'MEXC'), tr(l, 'button-key-ready'))
      await e.tap(user, market, tr(l, 'market-spot'))
      const early = e.tg.sendText(user, c.apiKey)
      expect((await e.next(user)).text).toBe(tr(l, 'flow-credential-kept-name', { fields: tr(l, 'field-apiKey') }))
      expect(e.tg.isDeleted(user, early.messageId)).toBe(true)
      // The name step goes on, then the key prompt is skipped: the secret is asked for.
      const ask = await e.say(user, 'Early bird')
      expect(ask.text).toContain(tr(l, 'credential-using-early', { fields: tr(l, 'field-apiKey') }))
      expect(ask.text).toContain(strip(tr(l, 'credential-ask-secret').split('\n')[0]!))
      e.tg.sendText(user, c.secret)
      await e.next(user)
      const report = await reportOf(e, await e.next(user))
      expect(report.text).toContain(l === 'en' ? 'Saved as Early bird' : 'Salva como Early bird')
    })
  }

  it('pt-BR: a key pasted at the exchange picker is set aside, checked once the exchange is picked, and used at the key step', async () => {
    const user = newUser('pt-BR')
    const c = fakeCredentials('mexc')
    e.ex.addAccount({ exchange: 'mexc', ...c })
    const pick = await e.say(user, '/connect')
    const early = e.tg.sendText(user, c.apiKey)
    expect((await e.next(user)).text).toBe(tr('pt-BR', 'flow-credential-kept-later'))
    expect(e.tg.isDeleted(user, early.messageId)).toBe(true)
    const market = await e.tap(user, await e.tap(user, pick, 'MEXC'), tr('pt-BR', 'button-key-ready'))
    const name = await e.tap(user, market, tr('pt-BR', 'market-spot'))
    const ask = await e.tap(user, name, name.keyboard![0]![0]!.text)
    expect(ask.text).toContain(tr('pt-BR', 'credential-using-early', { fields: tr('pt-BR', 'field-apiKey') }))
    e.tg.sendText(user, c.secret)
    await e.next(user)
    expect((await reportOf(e, await e.next(user))).text).toContain('A conexão funciona')
  })

  it('a key and secret pasted together at the checklist are both kept: after the name the key is tested at once', async () => {
    const user = newUser('en')
    const c = fakeCredentials('mexc')
    e.ex.addAccount({ exchange: 'mexc', ...c })
    const checklist = await toChecklist(user, 'MEXC')
    e.tg.sendText(user, `Access Key: ${c.apiKey}\nSecret Key: ${c.secret}`)
    expect((await e.next(user)).text).toBe(tr('en', 'flow-credential-kept', { fields: 'API key and secret key' }))
    const market = await e.tap(user, checklist, tr('en', 'button-key-ready'))
    const name = await e.tap(user, market, tr('en', 'market-spot'))
    const testing = await e.tap(user, name, name.keyboard![0]![0]!.text)
    expect((await reportOf(e, testing)).text).toContain('Connection works')
  })

  it('a credential no field of this exchange takes (a KuCoin secret in a MEXC setup) is deleted but not kept', async () => {
    const user = newUser('en')
    const market = await e.tap(user, await toChecklist(user, 'MEXC'), tr('en', 'button-key-ready'))
    const name = await e.tap(user, market, tr('en', 'market-spot'))
    const wrong = e.tg.sendText(user, fakeCredentials('kucoin').secret)
    expect((await e.next(user)).text).toBe(tr('en', 'flow-credential-not-now'))
    expect(e.tg.isDeleted(user, wrong.messageId)).toBe(true)
    expect(e.app.intake.held(user.id).values).toBe(0)
    expect((await e.tap(user, name, name.keyboard![0]![0]!.text)).text).toContain('Paste the MEXC API key')
    await e.say(user, '/cancel')
  })

  it('/ips outside a setup lists every server IP, each tap-to-copy', async () => {
    const user = newUser('pt-BR')
    const reply = await e.say(user, '/ips')
    expect(reply.text).toBe(strip(tr('pt-BR', 'ips-text', { ips: EGRESS_IP })))
  })
})
