import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { fakeCredentials } from '../fakes/exchange-server.js'
import { startE2E, type E2E } from '../helpers/e2e.js'
import { allBotText, refusedCalls, runConnect, toKeyPrompt, toNamePrompt, tr } from '../helpers/e2e-flows.js'

/** Bad input mid-flow gets a clear prompt and the flow goes on (issue 4, item 2). */
describe('bad input in the middle of /connect', () => {
  let e: E2E
  let nextUser = 4000
  const newUser = (languageCode = 'en') => e.tg.createUser({ id: nextUser++, firstName: 'Bad', languageCode })
  beforeAll(async () => {
    e = await startE2E()
  })
  afterEach(() => {
    // Any formatting break (user text in HTML) makes the fake refuse the call.
    expect(refusedCalls(e)).toEqual([])
  })
  afterAll(() => e.close())

  it('a sticker, photo, voice note or file where a button tap is expected is answered and the step repeats', async () => {
    const user = newUser()
    const pick = await e.say(user, '/connect')
    e.tg.sendSticker(user)
    expect((await e.next(user)).text).toBe(tr('en', 'flow-tap-button'))
    e.tg.sendVoice(user)
    expect((await e.next(user)).text).toBe(tr('en', 'flow-tap-button'))
    expect((await e.say(user, 'mexc please')).text).toBe(tr('en', 'flow-tap-button'))
    const checklist = await e.tap(user, pick, 'MEXC')
    expect(checklist.text).toContain('Create the API key on MEXC')
    await e.say(user, '/cancel')
  })

  it('non-text messages where the name or a credential is expected get a prompt, and the flow goes on', async () => {
    const user = newUser()
    const creds = fakeCredentials('mexc')
    e.ex.addAccount({ exchange: 'mexc', ...creds })
    await toNamePrompt(e, user)
    e.tg.sendPhoto(user)
    expect((await e.next(user)).text).toBe(tr('en', 'connect-name-as-text'))
    e.tg.forwardText(user, 'Forwarded name', { from: 'Someone' })
    expect((await e.next(user)).text).toBe(tr('en', 'connect-name-as-text'))
    const ask = await e.say(user, 'Typed Name')
    expect(ask.text).toContain('Paste the MEXC API key')
    const sendText = tr('en', 'credential-send-text', { field: 'API key' })
    e.tg.sendSticker(user)
    expect((await e.next(user)).text).toBe(sendText)
    e.tg.sendVoice(user)
    expect((await e.next(user)).text).toBe(sendText)
    // A photo or file may be a screenshot of the key: deleted, and the key is asked for again
    // (see test/e2e/screenshots.test.ts for the warning itself).
    const photo = e.tg.sendPhoto(user)
    expect((await e.next(user)).text).toContain('📸')
    expect((await e.next(user)).text).toContain('Paste the MEXC API key')
    expect(e.tg.isDeleted(user, photo.messageId)).toBe(true)
    e.tg.sendText(user, creds.apiKey)
    expect((await e.next(user)).text).toContain('Got the API key')
    expect((await e.next(user)).text).toContain('Now paste the secret key')
    e.tg.sendText(user, creds.secret)
    await e.next(user)
    const testing = await e.next(user)
    await e.tg.waitFor(() => testing.history.length > 0, 10_000)
    expect(testing.text).toContain('Saved as Typed Name')
  })

  it('a photo or file whose caption is a credential is deleted', async () => {
    const user = newUser()
    const creds = fakeCredentials('mexc')
    await toKeyPrompt(e, user)
    const photo = e.tg.sendPhoto(user, { caption: creds.apiKey })
    expect((await e.next(user)).text).toContain(tr('en', 'credential-screenshot', { exchange: 'MEXC' }).split('\n')[0]!)
    await e.next(user) // the key prompt again
    expect(e.tg.isDeleted(user, photo.messageId)).toBe(true)
    const doc = e.tg.sendDocument(user, { caption: creds.secret })
    await e.next(user)
    await e.next(user)
    expect(e.tg.isDeleted(user, doc.messageId)).toBe(true)
    await e.say(user, '/cancel')
    expect(allBotText(e, user)).not.toContain(creds.apiKey)
  })

  it('an edited message mid-flow is not read; the user is asked for a new message', async () => {
    const user = newUser()
    const pick = await e.say(user, '/connect')
    const typed = e.tg.sendText(user, 'hello')
    expect((await e.next(user)).text).toBe(tr('en', 'flow-tap-button'))
    e.tg.editUserMessage(user, typed, 'MEXC')
    expect((await e.next(user)).text).toBe(tr('en', 'flow-edit-ignored'))
    expect((await e.tap(user, pick, 'MEXC')).text).toContain('Create the API key on MEXC')
    await e.say(user, '/cancel')
  })

  it('a command typed mid-flow is not run (a reading one is answered), and the flow continues', async () => {
    const user = newUser()
    const pick = await e.say(user, '/connect')
    // /status only reads: it answers and the flow stays where it was (test/e2e/mid-setup.test.ts).
    expect((await e.say(user, '/status')).text).toBe(tr('en', 'no-connections'))
    expect((await e.say(user, '/rename')).text).toBe(tr('en', 'flow-command-mid-flow'))
    expect((await e.say(user, '/connect')).text).toBe(tr('en', 'flow-restart-offer'))
    const checklist = await e.tap(user, pick, 'KuCoin')
    expect(checklist.text).toContain('Create the API key on KuCoin')
    // Mid-credential, every text is the credential (a passphrase may start with "/"); only /cancel is a command.
    const ask = await e.tap(user, await e.tap(user, await e.tap(user, checklist, '✅ I have created the key'), 'Spot'), 'Use "KuCoin spot"')
    expect(ask.text).toContain('Paste the KuCoin API key')
    const cmd = e.tg.sendText(user, '/help')
    expect((await e.next(user)).text).toContain(tr('en', 'credential-command-taken', { field: 'API key' }))
    expect(e.tg.isDeleted(user, cmd.messageId)).toBe(true)
    await e.say(user, '/cancel')
  })

  it('a double tap on a button moves the flow once; the second tap is answered quietly', async () => {
    const user = newUser()
    const pick = await e.say(user, '/connect')
    const first = e.tg.tapButton(user, pick, 'MEXC')
    const second = e.tg.tapButton(user, pick, 'MEXC')
    const checklist = await e.next(user)
    expect(checklist.text).toContain('Create the API key on MEXC')
    await e.tg.waitFor(() => e.tg.callbackAnswer(second))
    expect(e.tg.callbackAnswer(first)).toBeDefined()
    const market = await e.tap(user, checklist, '✅ I have created the key')
    expect(market.text).toContain('Which market')
    // Nothing else was sent in between: no second checklist.
    expect(e.tg.botMessages(user).filter((m) => m.text.includes('Create the API key on MEXC'))).toHaveLength(1)
    await e.say(user, '/cancel')
  })

  it('a double tap on the suggested name does not disturb the credential step that follows', async () => {
    const user = newUser()
    const creds = fakeCredentials('mexc')
    const name = await toNamePrompt(e, user)
    e.tg.tapButton(user, name, 'Use "MEXC spot"')
    const second = e.tg.tapButton(user, name, 'Use "MEXC spot"')
    const ask = await e.next(user)
    expect(ask.text).toContain('Paste the MEXC API key')
    await e.tg.waitFor(() => e.tg.callbackAnswer(second))
    e.tg.sendText(user, creds.apiKey)
    // The very next message is the acknowledgement: the second tap produced no prompt.
    expect((await e.next(user)).text).toContain('Got the API key')
    await e.next(user)
    await e.say(user, '/cancel')
  })

  it('a stale button from an older flow is refused mid-flow; after the flow ended it resumes at its step', async () => {
    const user = newUser()
    const oldPick = await e.say(user, '/connect')
    await e.say(user, '/cancel')
    const pick = await e.say(user, '/connect')
    const stale = e.tg.tapButton(user, oldPick, 'KuCoin')
    const answer = await e.tg.waitFor(() => e.tg.callbackAnswer(stale))
    expect(answer.text).toBe(tr('en', 'flow-button-stale'))
    const checklist = await e.tap(user, pick, 'MEXC')
    expect(checklist.text).toContain('MEXC') // the stale KuCoin tap did not pick KuCoin
    await e.say(user, '/cancel')
    // The flow ended: "I have created the key" now means "go on", not "this setup has ended".
    expect((await e.tap(user, checklist, '✅ I have created the key')).text).toContain('Which market')
    await e.say(user, '/cancel')
    const ended = e.tg.tapButton(user, checklist, '✖️ Cancel')
    expect(await e.tg.waitFor(() => e.tg.callbackAnswer(ended))).toMatchObject({ text: tr('en', 'flow-ended'), showAlert: true })
    expect(e.tg.botMessages(user).at(-1)!.text).toContain('Cancelled')
  })

  it('names: too long, huge, markup, empty-ish and duplicates are refused with the reason; the flow goes on', async () => {
    const user = newUser()
    const existing = fakeCredentials('mexc')
    e.ex.addAccount({ exchange: 'mexc', ...existing })
    await runConnect(e, user, { exchange: 'mexc', credentials: existing, name: 'Main' })
    expect(e.app.connections.list(user.id).map((c) => c.name)).toEqual(['Main'])

    await toNamePrompt(e, user)
    expect((await e.say(user, 'x'.repeat(33))).text).toBe(tr('en', 'name-TOO_LONG'))
    const huge = await e.say(user, 'N'.repeat(10_000))
    expect(huge.text).toBe(tr('en', 'name-TOO_LONG'))
    expect((await e.say(user, '<b>x</b>')).text).toBe(tr('en', 'name-BAD_CHARS'))
    expect((await e.say(user, '&amp; <i>')).text).toBe(tr('en', 'name-BAD_CHARS'))
    expect((await e.say(user, '   ')).text).toBe(tr('en', 'name-EMPTY'))
    expect((await e.say(user, 'Main')).text).toContain('You already have a connection called "Main"')
    expect((await e.say(user, 'main')).text).toContain('You already have a connection called')
    const ask = await e.say(user, 'Second  one')
    expect(ask.text).toContain('Paste the MEXC API key')
    await e.say(user, '/cancel')
    expect(allBotText(e, user)).not.toContain('N'.repeat(100))
  })

  it('the same API key cannot be connected twice, by the same user or by another', async () => {
    const a = newUser()
    const b = newUser('pt-BR')
    const creds = fakeCredentials('kucoin')
    e.ex.addAccount({ exchange: 'kucoin', ...creds })
    const full = { apiKey: creds.apiKey, secret: creds.secret, passphrase: creds.passphrase! }
    const first = await runConnect(e, a, { exchange: 'kucoin', credentials: full })
    expect(first.report.text).toContain('Saved as KuCoin spot')
    const requests = e.ex.requests.length

    // The same user: told which of their connections holds it.
    const again = await runConnect(e, a, { exchange: 'kucoin', credentials: full, name: 'Again' })
    expect(again.report.text).toContain(tr('en', 'error-KEY_ALREADY_YOURS', { name: 'KuCoin spot' }))
    expect(again.report.text).toContain('Nothing was saved')
    // Another user: "already connected", naming nothing about whose.
    const other = await runConnect(e, b, { exchange: 'kucoin', credentials: full, locale: 'pt-BR' })
    expect(other.report.text).toContain(tr('pt-BR', 'error-KEY_ALREADY_CONNECTED'))
    expect(other.report.text).not.toContain('KuCoin spot')
    expect(e.app.connections.list(a.id)).toHaveLength(1)
    expect(e.app.connections.list(b.id)).toEqual([])
    // Refused only after the exchange accepted the secret (review F6: the check is no oracle for who lacks it).
    expect(e.ex.requests.length).toBeGreaterThan(requests)
    for (const m of [...again.sent, ...other.sent]) expect(e.tg.isDeleted(m.chatId, m.messageId)).toBe(true)
  })
})
