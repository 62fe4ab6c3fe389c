import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fakeCredentials } from '../fakes/exchange-server.js'
import type { ChatMessage, FakeUser } from '../fakes/telegram-server.js'
import { startE2E, type E2E } from '../helpers/e2e.js'
import { runConnect, tr } from '../helpers/e2e-flows.js'

type Locale = 'en' | 'pt-BR'
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Issue 11.4: no idle timer runs while the trader is on the exchange creating the key (2FA,
 * e-mail codes, a trading password); the short timer starts only once a credential is held. And a
 * tap on an old button of a flow that ended resumes the setup at that step.
 */
describe('no timeout while the trader is on the exchange', () => {
  let e: E2E
  let nextId = 11_400
  beforeAll(async () => {
    // The idle limit once a credential is held, made short: steps before the key must not feel it.
    e = await startE2E({ flowTimeoutMs: 300 })
  })
  afterAll(() => e.close())
  const newUser = (languageCode: Locale) => e.tg.createUser({ id: nextId++, firstName: 'Slow', languageCode })

  for (const l of ['en', 'pt-BR'] as const) {
    it(`${l}: idle far past the idle limit at the checklist, the name and the key prompt, the flow is still there`, async () => {
      const user = newUser(l)
      const c = fakeCredentials('mexc')
      const pick = await e.say(user, '/connect')
      const checklist = await e.tap(user, pick, 'MEXC')
      await pause(1200) // creating the key on MEXC
      const market = await e.tap(user, checklist, tr(l, 'button-key-ready'))
      expect(market.text).toBe(tr(l, 'connect-ask-market').replace(/<[^>]+>/g, ''))
      const name = await e.tap(user, market, tr(l, 'market-spot'))
      await pause(1200)
      const ask = await e.tap(user, name, name.keyboard![0]![0]!.text)
      await pause(1200)
      expect(e.tg.botMessages(user).at(-1)).toBe(ask) // no timeout notice came
      const key = e.tg.sendText(user, c.apiKey)
      expect((await e.next(user)).text).toBe(tr(l, 'credential-received', { field: tr(l, 'field-apiKey') }))
      expect(e.tg.isDeleted(user, key.messageId)).toBe(true)
      await e.next(user) // the secret prompt
      // Now a credential is held: the short idle limit applies and the flow is closed.
      expect((await e.next(user, 5000)).text).toBe(tr(l, 'flow-timeout'))
      expect(e.app.intake.size()).toBe(0)
      // Back from the exchange: the old checklist button picks the setup up at the market question.
      const resumed = await e.tap(user, checklist, tr(l, 'button-key-ready'))
      expect(resumed.text).toBe(tr(l, 'connect-ask-market').replace(/<[^>]+>/g, ''))
      await e.say(user, '/cancel')
    })
  }
})

describe('old buttons of a flow that ended resume it at their step', () => {
  let e: E2E
  let nextId = 11_450
  beforeAll(async () => {
    e = await startE2E()
  })
  afterAll(() => e.close())
  const newUser = (languageCode: Locale) => e.tg.createUser({ id: nextId++, firstName: 'Back', languageCode })

  /** The bot messages of one finished /connect, found by their buttons. */
  function flowMessages(user: FakeUser, l: Locale): { picker: ChatMessage; checklist: ChatMessage; market: ChatMessage; name: ChatMessage } {
    const has = (label: string) => e.tg.botMessages(user).find((m) => m.keyboard?.flat().some((b) => b.text === label))!
    return { picker: has('KuCoin'), checklist: has(tr(l, 'button-key-ready')), market: has(tr(l, 'market-spot')), name: e.tg.botMessages(user).find((m) => m.keyboard?.flat().some((b) => b.text.startsWith(tr(l, 'button-use-name', { name: '' }).slice(0, 4))))! }
  }

  for (const l of ['en', 'pt-BR'] as const) {
    it(`${l}: after a finished connect, the checklist, market, exchange and name buttons each open a new setup at their step`, async () => {
      const user = newUser(l)
      const c = fakeCredentials('mexc')
      e.ex.addAccount({ exchange: 'mexc', ...c })
      const done = await runConnect(e, user, { exchange: 'mexc', credentials: c, locale: l })
      expect(done.report.text).toContain(l === 'en' ? 'Connection works' : 'A conexão funciona')
      const old = flowMessages(user, l)

      const market = await e.tap(user, old.checklist, tr(l, 'button-key-ready'))
      expect(market.text).toBe(tr(l, 'connect-ask-market').replace(/<[^>]+>/g, ''))
      expect((await e.say(user, '/cancel')).text).toBe(tr(l, 'flow-cancelled'))

      const name = await e.tap(user, old.market, tr(l, 'market-spot'))
      expect(name.text).toContain(l === 'en' ? 'Name this connection' : 'Dê um nome a esta conexão')
      // The suggested name is a new one: the first is taken by the connection just saved.
      expect(name.keyboard![0]![0]!.text).toBe(tr(l, 'button-use-name', { name: 'MEXC spot 2' }))
      expect((await e.say(user, '/cancel')).text).toBe(tr(l, 'flow-cancelled'))

      const checklist = await e.tap(user, old.picker, 'KuCoin')
      expect(checklist.text).toContain('KuCoin')
      expect(checklist.keyboard!.flat().map((b) => b.text)).toContain(tr(l, 'button-key-ready'))
      expect((await e.say(user, '/cancel')).text).toBe(tr(l, 'flow-cancelled'))

      const again = await e.tap(user, old.name, old.name.keyboard![0]![0]!.text)
      expect(again.text).toContain(l === 'en' ? 'Name this connection' : 'Dê um nome a esta conexão')
      expect((await e.say(user, '/cancel')).text).toBe(tr(l, 'flow-cancelled'))
    })
  }

  it('after a setup timed out, "I have created the key" picks up at the market question', async () => {
    const user = newUser('pt-BR')
    const pick = await e.say(user, '/connect')
    const checklist = await e.tap(user, pick, 'KuCoin')
    // What the intake's timer does when it fires (minus the notice): the flow's time is up.
    e.app.intake.wipe(user.id)
    const market = await e.tap(user, checklist, tr('pt-BR', 'button-key-ready'))
    expect(market.text).toBe(tr('pt-BR', 'connect-ask-market').replace(/<[^>]+>/g, ''))
    // Its buttons belong to the new flow: the setup goes on from there.
    const name = await e.tap(user, market, tr('pt-BR', 'market-spot'))
    expect(name.keyboard![0]![0]!.text).toBe(tr('pt-BR', 'button-use-name', { name: 'KuCoin spot' }))
    await e.say(user, '/cancel')
  })
})
