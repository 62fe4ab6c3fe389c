import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fakeCredentials } from '../fakes/exchange-server.js'
import type { FakeUser } from '../fakes/telegram-server.js'
import { startE2E, type E2E } from '../helpers/e2e.js'
import { botMessagesDuring, reportOf, runConnect, sendCredentials, tr } from '../helpers/e2e-flows.js'

type Locale = 'en' | 'pt-BR'

/**
 * Issue 11.11: fewer messages. Each acknowledgement is its prompt, edited; each answered question
 * becomes its answer. These are the bot's new messages per flow (edits not counted), measured
 * through the real bot: BENCHMARKS.md "Messages per flow" lists the same numbers.
 */
describe('bot messages per flow', () => {
  let e: E2E
  let nextId = 11_110
  beforeAll(async () => {
    e = await startE2E()
  })
  afterAll(() => e.close())
  const newUser = (languageCode: Locale): FakeUser => e.tg.createUser({ id: nextId++, firstName: 'Count', languageCode })
  const counts: string[] = []
  afterAll(() => console.log(`messages per flow:\n${counts.join('\n')}`))

  for (const l of ['en', 'pt-BR'] as const) {
    it(`${l}: MEXC connect in 6 messages, KuCoin connect in 7 (picker, checklist with the market, name, one per credential, testing → report)`, async () => {
      const user = newUser(l)
      const mexc = fakeCredentials('mexc')
      e.ex.addAccount({ exchange: 'mexc', ...mexc })
      const m = await botMessagesDuring(e, user, l, () => runConnect(e, user, { exchange: 'mexc', credentials: mexc, locale: l }))
      const kucoin = fakeCredentials('kucoin')
      e.ex.addAccount({ exchange: 'kucoin', ...kucoin })
      const k = await botMessagesDuring(e, user, l, () => runConnect(e, user, { exchange: 'kucoin', credentials: kucoin, locale: l }))
      counts.push(`${l} connect MEXC ${m}`, `${l} connect KuCoin ${k}`)
      expect(m).toBe(6)
      expect(k).toBe(7)
    })

    it(`${l}: key and secret pasted in one message: MEXC connect in 5`, async () => {
      const user = newUser(l)
      const c = fakeCredentials('mexc')
      e.ex.addAccount({ exchange: 'mexc', ...c })
      const n = await botMessagesDuring(e, user, l, async () => {
        const checklist = await e.tap(user, await e.say(user, '/connect'), 'MEXC')
        const name = await e.tap(user, checklist, tr(l, 'market-spot'))
        const ask = await e.tap(user, name, name.keyboard![0]![0]!.text)
        e.tg.sendText(user, `${c.apiKey}\n${c.secret}`)
        await e.tg.waitFor(() => (ask.history.length > 0 ? ask : null))
        return reportOf(e, await e.next(user))
      })
      counts.push(`${l} connect MEXC, key+secret in one paste ${n}`)
      expect(n).toBe(5)
    })

    it(`${l}: a KuCoin key pasted under MEXC, switched in one tap: 7 messages, as many as a KuCoin connect`, async () => {
      const user = newUser(l)
      const c = fakeCredentials('kucoin')
      e.ex.addAccount({ exchange: 'kucoin', ...c })
      const n = await botMessagesDuring(e, user, l, async () => {
        const checklist = await e.tap(user, await e.say(user, '/connect'), 'MEXC')
        const name = await e.tap(user, checklist, tr(l, 'market-spot'))
        const ask = await e.tap(user, name, name.keyboard![0]![0]!.text)
        e.tg.sendText(user, c.apiKey)
        const question = await e.tg.waitFor(() => (ask.keyboard && ask.keyboard.flat().length > 1 ? ask : null))
        await e.tap(user, question, tr(l, 'button-switch-exchange', { exchange: 'KuCoin' }))
        e.tg.sendText(user, c.secret)
        await e.next(user)
        e.tg.sendText(user, c.passphrase!)
        expect((await reportOf(e, await e.next(user))).text).toContain('KuCoin spot')
      })
      counts.push(`${l} connect, wrong exchange switched ${n}`)
      expect(n).toBe(7)
    })

    it(`${l}: /test, /status, /rename, /replace and /delete of one connection`, async () => {
      const user = newUser(l)
      const c = fakeCredentials('mexc')
      e.ex.addAccount({ exchange: 'mexc', ...c })
      await runConnect(e, user, { exchange: 'mexc', credentials: c, locale: l, name: 'Main' })
      const test = await botMessagesDuring(e, user, l, async () => reportOf(e, await e.say(user, '/test Main')))
      const status = await botMessagesDuring(e, user, l, () => e.say(user, '/status Main'))
      const rename = await botMessagesDuring(e, user, l, async () => {
        await e.say(user, '/rename Main')
        return e.say(user, 'Primary')
      })
      const fresh = fakeCredentials('mexc')
      e.ex.addAccount({ exchange: 'mexc', ...fresh })
      const replace = await botMessagesDuring(e, user, l, async () => {
        const ask = await e.say(user, '/replace Primary')
        const { after } = await sendCredentials(e, user, ask, fresh, l)
        return reportOf(e, after)
      })
      const del = await botMessagesDuring(e, user, l, async () => {
        const confirm = await e.say(user, '/delete Primary')
        await e.tap(user, confirm, tr(l, 'button-delete-yes')).catch(() => confirm)
        await e.tg.waitFor(() => (confirm.history.length > 0 ? confirm : null))
      })
      counts.push(`${l} /test ${test}`, `${l} /status name ${status}`, `${l} /rename ${rename}`, `${l} /replace MEXC ${replace}`, `${l} /delete ${del}`)
      expect({ test, status, rename, replace, del }).toEqual({ test: 1, status: 1, rename: 2, replace: 3, del: 1 })
    })
  }
})
