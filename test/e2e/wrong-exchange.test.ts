import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fakeCredentials } from '../fakes/exchange-server.js'
import type { ChatMessage, FakeUser } from '../fakes/telegram-server.js'
import { startE2E, type E2E } from '../helpers/e2e.js'
import { promptHead, reportOf, runConnect, tr } from '../helpers/e2e-flows.js'

type Locale = 'en' | 'pt-BR'
const strip = (html: string) => html.replace(/<[^>]+>/g, '')

/**
 * Issue 11.2: a key pasted under the wrong exchange is recognised when it is pasted, from the key
 * formats the adapters know, before anything is sent to an exchange. The trader switches exchange
 * in one tap, keeping the market and the name (a suggested name follows the new exchange), and the
 * key already pasted is used: nothing to paste again.
 */
describe('a key of another exchange, recognised at paste time', () => {
  let e: E2E
  let nextId = 11_200
  beforeAll(async () => {
    e = await startE2E()
  })
  afterAll(() => e.close())
  const newUser = (languageCode: Locale): FakeUser => e.tg.createUser({ id: nextId++, firstName: 'Wrong', languageCode })

  async function toKeyPrompt(user: FakeUser, l: Locale, exchange: string) {
    const checklist = await e.tap(user, await e.say(user, '/connect'), exchange)
    const name = await e.tap(user, checklist, tr(l, 'market-spot'))
    return e.tap(user, name, name.keyboard![0]![0]!.text)
  }
  /** The key prompt once it has turned into the wrong-exchange question (it shows the switch/keep buttons). */
  const asked = (prompt: ChatMessage) => e.tg.waitFor(() => (prompt.keyboard && prompt.keyboard.flat().length > 1 ? prompt : null))

  for (const l of ['en', 'pt-BR'] as const) {
    it(`${l}: a KuCoin key pasted in a MEXC setup is named as KuCoin's; "switch" keeps market and name and uses the key pasted`, async () => {
      const user = newUser(l)
      const c = fakeCredentials('kucoin')
      e.ex.addAccount({ exchange: 'kucoin', ...c })
      const requests = e.ex.requestCount('mexc') + e.ex.requestCount('kucoin')
      const ask = await toKeyPrompt(user, l, 'MEXC')
      const pasted = e.tg.sendText(user, c.apiKey)
      // The key prompt turns into the question: no message of its own.
      const question = await asked(ask)
      expect(e.tg.isDeleted(user, pasted.messageId)).toBe(true)
      const shapes = `${tr(l, 'key-shape-kucoin')}; ${tr(l, 'key-shape-mexc')}`
      expect(question.text).toBe(strip(tr(l, 'wrong-exchange', { found: 'KuCoin', picked: 'MEXC', shapes })))
      expect(question.keyboard!.flat().map((b) => b.text)).toEqual([tr(l, 'button-switch-exchange', { exchange: 'KuCoin' }), tr(l, 'button-keep-exchange', { exchange: 'MEXC' }), tr(l, 'button-cancel')])
      expect(e.ex.requestCount('mexc') + e.ex.requestCount('kucoin'), 'nothing was sent to any exchange').toBe(requests)
      // One tap: the question becomes what was switched; the key is read as KuCoin's and the secret is asked.
      const askSecret = await e.tap(user, question, tr(l, 'button-switch-exchange', { exchange: 'KuCoin' }))
      expect(question.text).toBe(strip(tr(l, 'answer-switched', { exchange: 'KuCoin', market: tr(l, 'market-spot'), name: 'KuCoin spot' })))
      expect(question.keyboard).toBeUndefined()
      expect(askSecret.text).toContain(tr(l, 'credential-received', { field: tr(l, 'field-apiKey') }))
      expect(askSecret.text).toContain(promptHead(l, 'secret'))
      e.tg.sendText(user, c.secret)
      const askPass = await e.next(user)
      expect(askPass.text).toContain(promptHead(l, 'passphrase'))
      e.tg.sendText(user, c.passphrase!)
      const report = await reportOf(e, await e.next(user))
      expect(report.text).toContain(l === 'en' ? 'Saved as KuCoin spot' : 'Salva como KuCoin spot')
      expect(e.app.connections.list(user.id)).toMatchObject([{ exchange: 'kucoin', name: 'KuCoin spot', market: 'spot' }])
    })

    it(`${l}: a Bitget key in a Binance setup and a MEXC key in a KuCoin setup are named too (every adapter's format)`, async () => {
      for (const [picked, owner, label, pickedLabel] of [['binance', 'bitget', 'Bitget', 'Binance'], ['kucoin', 'mexc', 'MEXC', 'KuCoin']] as const) {
        const user = newUser(l)
        const ask = await toKeyPrompt(user, l, pickedLabel)
        e.tg.sendText(user, fakeCredentials(owner).apiKey)
        const question = await asked(ask)
        expect(question.text, `${owner} key under ${picked}`).toContain(strip(tr(l, 'wrong-exchange', { found: label, picked: pickedLabel, shapes: '\u0000' })).split('\u0000')[0]!)
        await e.say(user, '/cancel')
      }
    })
  }

  for (const l of ['en', 'pt-BR'] as const) {
    it(`${l}: in /replace the exchange is fixed: the question names the connection and offers "use it anyway", no switch`, async () => {
      const user = newUser(l)
      const c = fakeCredentials('mexc')
      e.ex.addAccount({ exchange: 'mexc', ...c })
      await runConnect(e, user, { exchange: 'mexc', credentials: c, name: 'Main', locale: l })
      const prompt = await e.say(user, '/replace Main')
      e.tg.sendText(user, fakeCredentials('kucoin').apiKey)
      const question = await asked(prompt)
      const shapes = `${tr(l, 'key-shape-kucoin')}; ${tr(l, 'key-shape-mexc')}`
      expect(question.text).toBe(strip(tr(l, 'wrong-exchange-replace', { found: 'KuCoin', picked: 'MEXC', shapes, name: 'Main' })))
      expect(question.keyboard!.flat().map((b) => b.text)).toEqual([tr(l, 'button-use-anyway'), tr(l, 'button-cancel')])
      await e.tap(user, question, tr(l, 'button-cancel'))
      expect(e.app.connections.list(user.id)).toMatchObject([{ name: 'Main', exchange: 'mexc' }])
    })
  }

  it('"keep" reads the paste as the picked exchange\'s key after all, and the setup goes on', async () => {
    const user = newUser('en')
    const ask = await toKeyPrompt(user, 'en', 'MEXC')
    e.tg.sendText(user, fakeCredentials('kucoin').apiKey)
    const question = await asked(ask)
    const askSecret = await e.tap(user, question, tr('en', 'button-keep-exchange', { exchange: 'MEXC' }))
    expect(question.text).toBe(tr('en', 'credential-received', { field: tr('en', 'field-apiKey') }))
    expect(askSecret.text).toContain(promptHead('en', 'secret'))
    await e.say(user, '/cancel')
    expect(e.app.connections.list(user.id)).toEqual([])
  })

  it('the picked exchange\'s own secret pasted at the key step is not taken for another exchange\'s key', async () => {
    const user = newUser('en')
    await toKeyPrompt(user, 'en', 'MEXC')
    // A MEXC secret is 32 hex characters, like a Gate.io key: it could be MEXC's, so no question.
    e.tg.sendText(user, fakeCredentials('mexc').secret)
    const answer = await e.next(user)
    expect(answer.text).not.toContain('Gate.io')
    expect(answer.text).toContain(tr('en', 'format-LOOKS_LIKE_SECRET').slice(0, 20))
    await e.say(user, '/cancel')
  })
})
