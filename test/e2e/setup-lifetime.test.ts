import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fakeCredentials } from '../fakes/exchange-server.js'
import { startE2E, type E2E } from '../helpers/e2e.js'
import { dataOf, runConnect, tr } from '../helpers/e2e-flows.js'

type Locale = 'en' | 'pt-BR'
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))
const strip = (html: string) => html.replace(/<[^>]+>/g, '')

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
      const name = await e.tap(user, checklist, tr(l, 'market-spot'))
      expect(name.text).toContain(strip(tr(l, 'connect-ask-name', { suggestion: 'MEXC spot' })).split('\n')[0]!)
      await pause(1200)
      const ask = await e.tap(user, name, name.keyboard![0]![0]!.text)
      await pause(1200)
      expect(e.tg.botMessages(user).at(-1)).toBe(ask) // no timeout notice came
      const key = e.tg.sendText(user, c.apiKey)
      await e.next(user) // the secret prompt
      expect(ask.text).toBe(tr(l, 'credential-received', { field: tr(l, 'field-apiKey') }))
      expect(e.tg.isDeleted(user, key.messageId)).toBe(true)
      // Now a credential is held: the short idle limit applies and the flow is closed.
      expect((await e.next(user, 5000)).text).toBe(tr(l, 'flow-timeout'))
      expect(e.app.intake.size()).toBe(0)
      // Back from the exchange: a tap on the old checklist (a client still showing it) picks the
      // setup up at the name, and the old checklist shows what the tap answered.
      e.tg.forgeCallback(user, checklist, dataOf(checklist, tr(l, 'market-spot')))
      const resumed = await e.next(user)
      expect(resumed.text).toContain(strip(tr(l, 'connect-ask-name', { suggestion: 'MEXC spot' })).split('\n')[0]!)
      expect(checklist.text).toBe(strip(tr(l, 'answer-ready-market', { market: tr(l, 'market-spot') })))
      await e.say(user, '/cancel')
    })
  }
})

describe('old buttons of a flow that ended', () => {
  let e: E2E
  let nextId = 11_450
  beforeAll(async () => {
    e = await startE2E()
  })
  afterAll(() => e.close())
  const newUser = (languageCode: Locale) => e.tg.createUser({ id: nextId++, firstName: 'Back', languageCode })

  for (const l of ['en', 'pt-BR'] as const) {
    it(`${l}: after a finished connect every answered question is its answer, without buttons; a late tap says the setup finished`, async () => {
      const user = newUser(l)
      const c = fakeCredentials('mexc')
      e.ex.addAccount({ exchange: 'mexc', ...c })
      const done = await runConnect(e, user, { exchange: 'mexc', credentials: c, locale: l })
      expect(done.report.text).toContain(tr(l, 'verdict-needs-confirmation', { exchange: 'MEXC' }))
      const [picker, checklist, name] = e.tg.botMessages(user)
      expect(e.tg.botMessages(user).filter((m) => m !== done.report && m.keyboard)).toEqual([])
      const late = [dataOf(checklist!, tr(l, 'market-spot')), dataOf(picker!, 'KuCoin'), dataOf(name!, tr(l, 'button-use-name', { name: 'MEXC spot' })), dataOf(checklist!, tr(l, 'button-cancel'))]
      const sent = e.tg.botMessages(user).length
      for (const data of late) {
        const q = e.tg.forgeCallback(user, checklist!, data)
        expect(await e.tg.waitFor(() => e.tg.callbackAnswer(q)), data).toMatchObject({ text: tr(l, 'flow-over-waiting', { name: 'MEXC spot' }) })
      }
      expect(e.tg.botMessages(user).length, 'no setup was started').toBe(sent)
      // Renamed since: the answer says the name it has now; deleted since: it says so.
      const id = e.app.connections.list(user.id)[0]!.id
      e.app.connections.rename(user.id, id, 'Main')
      const renamed = e.tg.forgeCallback(user, checklist!, late[0]!)
      expect((await e.tg.waitFor(() => e.tg.callbackAnswer(renamed))).text).toBe(tr(l, 'flow-over-waiting', { name: 'Main' }))
      e.app.connections.remove(user.id, id)
      const gone = e.tg.forgeCallback(user, checklist!, late[0]!)
      expect((await e.tg.waitFor(() => e.tg.callbackAnswer(gone))).text).toBe(tr(l, 'flow-over-deleted'))
    })
  }

  it('after a setup timed out, the checklist\'s market button picks up at the name, and its buttons belong to the new flow', async () => {
    const user = newUser('pt-BR')
    const pick = await e.say(user, '/connect')
    const checklist = await e.tap(user, pick, 'KuCoin')
    // What the intake's timer does when it fires (minus the notice): the flow's time is up.
    e.app.intake.wipe(user.id)
    const name = await e.tap(user, checklist, tr('pt-BR', 'market-futures'))
    expect(checklist.text).toBe(strip(tr('pt-BR', 'answer-ready-market', { market: tr('pt-BR', 'market-futures') })))
    expect(checklist.keyboard).toBeUndefined()
    expect(name.keyboard![0]![0]!.text).toBe(tr('pt-BR', 'button-use-name', { name: 'KuCoin futuros' }))
    const ask = await e.tap(user, name, name.keyboard![0]![0]!.text)
    expect(ask.text).toContain('KuCoin')
    await e.say(user, '/cancel')
  })

  it('after the bot restarted (nothing known of the old setup), an old button still resumes its step', async () => {
    const user = newUser('en')
    const pick = await e.say(user, '/connect')
    const checklist = await e.tap(user, pick, 'MEXC')
    await e.restart()
    const name = await e.tap(user, checklist, 'Spot')
    expect(name.text).toContain('Name this connection')
    await e.say(user, '/cancel')
  })
})
