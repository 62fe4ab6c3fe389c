import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { fakeCredentials } from '../fakes/exchange-server.js'
import type { ChatMessage, FakeUser } from '../fakes/telegram-server.js'
import { EGRESS_IP, startE2E, type E2E } from '../helpers/e2e.js'
import { allBotText, refusedCalls, reportOf, tr } from '../helpers/e2e-flows.js'

type Locale = 'en' | 'pt-BR'

/**
 * Issue 11.3, paste as people paste: spaces and newlines around a value are trimmed silently,
 * labels copied from the exchange's dialog are stripped, and key + secret (+ passphrase) in one
 * message, on one line or several, fill every field at once; the flow skips the prompts it no
 * longer needs. Only a genuinely bad value gets an error, naming the field and the problem.
 */
describe('pasting credentials the way traders paste them', () => {
  let e: E2E
  let nextId = 11_300
  beforeAll(async () => {
    e = await startE2E()
  })
  afterEach(() => expect(refusedCalls(e)).toEqual([]))
  afterAll(() => e.close())

  const newUser = (languageCode: Locale) => e.tg.createUser({ id: nextId++, firstName: 'Paste', languageCode })
  /** Walks /connect in `l` to the API key prompt. */
  async function keyPrompt(user: FakeUser, l: Locale, exchange: 'MEXC' | 'KuCoin'): Promise<ChatMessage> {
    const pick = await e.say(user, '/connect')
    const checklist = await e.tap(user, pick, exchange)
    const market = await e.tap(user, checklist, tr(l, 'button-key-ready'))
    const name = await e.tap(user, market, tr(l, 'market-spot'))
    const ask = await e.tap(user, name, name.keyboard![0]![0]!.text)
    const keyTerm = exchange === 'MEXC' ? tr(l, 'credential-key-term', { term: 'Access Key' }) : ''
    expect(ask.text).toContain(tr(l, 'credential-ask-apiKey', { exchange, keyTerm }).split('\n')[0]!.replace(/<[^>]+>/g, ''))
    return ask
  }
  const both = (l: Locale, fields: string[]) => tr(l, 'list-and', { first: fields.slice(0, -1).map((f) => tr(l, `field-${f}`)).join(', '), last: tr(l, `field-${fields.at(-1)!}`) })

  for (const l of ['en', 'pt-BR'] as const) {
    it(`${l}: MEXC key and secret on one line: both taken, the secret prompt skipped, the key connects`, async () => {
      const user = newUser(l)
      const c = fakeCredentials('mexc')
      e.ex.addAccount({ exchange: 'mexc', ...c })
      await keyPrompt(user, l, 'MEXC')
      const sent = e.tg.sendText(user, `  ${c.apiKey} ${c.secret}\n`)
      expect((await e.next(user)).text).toBe(tr(l, 'credential-received', { field: both(l, ['apiKey', 'secret']) }))
      const report = await reportOf(e, await e.next(user))
      expect(report.text).toContain(l === 'en' ? 'Connection works' : 'A conexão funciona')
      expect(e.tg.isDeleted(user, sent.messageId)).toBe(true)
      expect(allBotText(e, user)).not.toContain(c.secret)
    })

    it(`${l}: KuCoin key, secret and passphrase copied with their labels on separate lines`, async () => {
      const user = newUser(l)
      const c = fakeCredentials('kucoin')
      e.ex.addAccount({ exchange: 'kucoin', ...c, ipWhitelist: [EGRESS_IP] })
      await keyPrompt(user, l, 'KuCoin')
      const labels = l === 'en' ? ['API Key', 'API Secret', 'API Passphrase'] : ['Chave de API', 'Chave secreta', 'Senha da API']
      e.tg.sendText(user, `${labels[0]}\n${c.apiKey}\n${labels[1]}:\n${c.secret}\n${labels[2]}: ${c.passphrase!}`)
      expect((await e.next(user)).text).toBe(tr(l, 'credential-received', { field: both(l, ['apiKey', 'secret', 'passphrase']) }))
      const report = await reportOf(e, await e.next(user))
      expect(report.text).toContain(l === 'en' ? 'Connection works' : 'A conexão funciona')
      expect(allBotText(e, user)).not.toContain(c.passphrase!)
    })
  }

  it('spaces, newlines and zero-width characters around a value are trimmed silently; a label is stripped', async () => {
    const user = newUser('en')
    const c = fakeCredentials('mexc')
    e.ex.addAccount({ exchange: 'mexc', ...c })
    await keyPrompt(user, 'en', 'MEXC')
    e.tg.sendText(user, `\u200b  Access Key: ${c.apiKey}  \n`)
    expect((await e.next(user)).text).toBe(tr('en', 'credential-received', { field: 'API key' }))
    expect((await e.next(user)).text).toContain('Now paste the secret key')
    e.tg.sendText(user, `\n\tSecret Key:\n${c.secret}\ufeff`)
    expect((await e.next(user)).text).toBe(tr('en', 'credential-received', { field: 'secret key' }))
    expect((await reportOf(e, await e.next(user))).text).toContain('Connection works')
  })

  it('secret and key in the wrong order are still assigned to the right fields', async () => {
    const user = newUser('pt-BR')
    const c = fakeCredentials('mexc')
    e.ex.addAccount({ exchange: 'mexc', ...c })
    await keyPrompt(user, 'pt-BR', 'MEXC')
    e.tg.sendText(user, `${c.secret}\n${c.apiKey}`)
    expect((await e.next(user)).text).toBe(tr('pt-BR', 'credential-received', { field: both('pt-BR', ['apiKey', 'secret']) }))
    expect((await reportOf(e, await e.next(user))).text).toContain('A conexão funciona')
  })

  it('a key inside a sentence is found; the rest of the sentence is ignored', async () => {
    const user = newUser('en')
    const c = fakeCredentials('mexc')
    await keyPrompt(user, 'en', 'MEXC')
    e.tg.sendText(user, `ok here it is: ${c.apiKey} thanks!`)
    expect((await e.next(user)).text).toBe(tr('en', 'credential-received', { field: 'API key' }))
    expect((await e.next(user)).text).toContain('Now paste the secret key')
    await e.say(user, '/cancel')
  })

  it('a good key with a bad secret: the key is kept, the secret refused by field and problem (never echoed), then asked again', async () => {
    for (const l of ['en', 'pt-BR'] as const) {
      const user = newUser(l)
      const c = fakeCredentials('mexc')
      e.ex.addAccount({ exchange: 'mexc', ...c })
      await keyPrompt(user, l, 'MEXC')
      const badSecret = c.secret.slice(0, 20)
      e.tg.sendText(user, `${c.apiKey} ${badSecret}`)
      const reply = await e.next(user)
      expect(reply.text).toContain(tr(l, 'credential-received', { field: tr(l, 'field-apiKey') }))
      expect(reply.text).toContain(tr(l, 'credential-problem', { field: tr(l, 'field-secret'), reason: tr(l, 'format-WRONG_LENGTH') }))
      expect(reply.text).not.toContain(badSecret)
      expect((await e.next(user)).text).toContain(tr(l, 'credential-ask-secret').split('\n')[0]!.replace(/<[^>]+>/g, ''))
      e.tg.sendText(user, c.secret)
      await e.next(user)
      expect((await reportOf(e, await e.next(user))).text).toContain(l === 'en' ? 'Connection works' : 'A conexão funciona')
    }
  })

  it('a key with a space inside is still a genuine problem, named without the value', async () => {
    const user = newUser('pt-BR')
    const c = fakeCredentials('mexc')
    await keyPrompt(user, 'pt-BR', 'MEXC')
    const spaced = `${c.apiKey.slice(0, 9)} ${c.apiKey.slice(9)}`
    e.tg.sendText(user, spaced)
    const reply = await e.next(user)
    expect(reply.text).toBe(tr('pt-BR', 'credential-problem', { field: tr('pt-BR', 'field-apiKey'), reason: tr('pt-BR', 'format-WHITESPACE') }))
    await e.say(user, '/cancel')
  })
})
