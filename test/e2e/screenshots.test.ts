import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fakeCredentials } from '../fakes/exchange-server.js'
import type { ChatMessage, FakeUser } from '../fakes/telegram-server.js'
import { startE2E, type E2E } from '../helpers/e2e.js'
import { reportOf, tr } from '../helpers/e2e-flows.js'

type Locale = 'en' | 'pt-BR'
const strip = (html: string) => html.replace(/<[^>]+>/g, '')

/**
 * Issue 11.8: traders screenshot the exchange's "API created" dialog, which shows the secret. A
 * picture or file sent while a credential is expected is deleted, the trader is told the key may
 * be exposed and how to rotate it, and the setup asks for the new key.
 */
describe('screenshots at a credential prompt are treated as leaks', () => {
  let e: E2E
  let nextId = 11_800
  beforeAll(async () => {
    e = await startE2E()
  })
  afterAll(() => e.close())
  const newUser = (languageCode: Locale) => e.tg.createUser({ id: nextId++, firstName: 'Shot', languageCode })
  async function keyPrompt(user: FakeUser, l: Locale, exchange: 'MEXC' | 'KuCoin'): Promise<ChatMessage> {
    const pick = await e.say(user, '/connect')
    const market = await e.tap(user, await e.tap(user, pick, exchange), tr(l, 'button-key-ready'))
    const name = await e.tap(user, market, tr(l, 'market-spot'))
    return e.tap(user, name, name.keyboard![0]![0]!.text)
  }

  it('en: a photo at the key prompt is deleted; the warning says how to rotate the key; the key is asked again', async () => {
    const user = newUser('en')
    await keyPrompt(user, 'en', 'MEXC')
    const photo = e.tg.sendPhoto(user)
    const warning = await e.next(user)
    expect(warning.text).toBe(strip(tr('en', 'credential-screenshot', { exchange: 'MEXC' })))
    expect(warning.text).toContain('treat this key as exposed')
    expect(warning.text).toContain('create a new API key')
    expect(warning.text).toContain('Delete the old key')
    expect(e.tg.isDeleted(user, photo.messageId)).toBe(true)
    expect((await e.next(user)).text).toContain('Paste the MEXC API key')
    await e.say(user, '/cancel')
  })

  it('pt-BR: a file at the secret prompt is deleted, the key already given is dropped (it is exposed), and a new key connects', async () => {
    const user = newUser('pt-BR')
    const exposed = fakeCredentials('kucoin')
    const fresh = fakeCredentials('kucoin')
    e.ex.addAccount({ exchange: 'kucoin', ...fresh, ipWhitelist: ['203.0.113.7'] })
    await keyPrompt(user, 'pt-BR', 'KuCoin')
    e.tg.sendText(user, exposed.apiKey)
    await e.next(user)
    expect((await e.next(user)).text).toContain(strip(tr('pt-BR', 'credential-ask-secret').split('\n')[0]!))
    expect(e.app.intake.held(user.id).values).toBe(1)
    const doc = e.tg.sendDocument(user, { fileName: 'Screenshot_2026.png' })
    expect((await e.next(user)).text).toBe(strip(tr('pt-BR', 'credential-screenshot', { exchange: 'KuCoin' })))
    expect(e.tg.isDeleted(user, doc.messageId)).toBe(true)
    expect(e.app.intake.held(user.id).values).toBe(0)
    expect((await e.next(user)).text).toContain(strip(tr('pt-BR', 'credential-ask-apiKey', { exchange: 'KuCoin', keyTerm: '' }).split('\n')[0]!))
    e.tg.sendText(user, `${fresh.apiKey}\n${fresh.secret}\n${fresh.passphrase!}`)
    await e.next(user)
    expect((await reportOf(e, await e.next(user))).text).toContain('A conexão funciona')
  })

  it('when Telegram refuses the deletion, the trader is told to delete the picture too', async () => {
    const user = newUser('en')
    await keyPrompt(user, 'en', 'KuCoin')
    e.tg.refuseDeletes(user)
    try {
      const photo = e.tg.sendPhoto(user, { caption: 'my new key' })
      expect((await e.next(user)).text).toBe(strip(tr('en', 'credential-screenshot-kept', { exchange: 'KuCoin' })))
      expect(e.tg.isDeleted(user, photo.messageId)).toBe(false)
    } finally {
      e.tg.allowDeletes()
    }
    await e.next(user)
    await e.say(user, '/cancel')
  })

  it('a sticker at a credential prompt is not a leak: the prompt just asks for text', async () => {
    const user = newUser('en')
    await keyPrompt(user, 'en', 'MEXC')
    e.tg.sendSticker(user)
    expect((await e.next(user)).text).toBe(tr('en', 'credential-send-text', { field: 'API key' }))
    await e.say(user, '/cancel')
  })
})
