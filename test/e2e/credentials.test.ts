import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fakeCredentials } from '../fakes/exchange-server.js'
import type { FakeUser } from '../fakes/telegram-server.js'
import { startE2E, EGRESS_IP, type E2E } from '../helpers/e2e.js'
import { allBotText, databaseBytes, runConnect, toKeyPrompt, tr } from '../helpers/e2e-flows.js'

/** Fails when any of `secrets` appears in a bot message (any version), the logs or the database bytes. */
function expectNowhere(e: E2E, user: FakeUser, secrets: string[]): void {
  const bot = allBotText(e, user)
  const logs = e.logs()
  const db = databaseBytes(e.dbPath)
  for (const s of secrets) {
    expect(bot, 'bot messages').not.toContain(s)
    expect(logs, 'logs').not.toContain(s)
    expect(db.includes(Buffer.from(s)), 'database bytes').toBe(false)
  }
}

describe('credential messages are deleted and never echoed, stored or logged', () => {
  let e: E2E
  beforeAll(async () => {
    e = await startE2E()
  })
  afterAll(() => e.close())

  it('after full MEXC and KuCoin setups no credential is in any bot message, log line, or the SQLite file and WAL', async () => {
    const user = e.tg.createUser({ id: 3001, firstName: 'Scan', languageCode: 'en' })
    const m = fakeCredentials('mexc')
    const k = fakeCredentials('kucoin')
    e.ex.addAccount({ exchange: 'mexc', ...m })
    e.ex.addAccount({ exchange: 'kucoin', ...k, ipWhitelist: [EGRESS_IP] })
    const one = await runConnect(e, user, { exchange: 'mexc', credentials: m })
    const two = await runConnect(e, user, { exchange: 'kucoin', credentials: { apiKey: k.apiKey, secret: k.secret, passphrase: k.passphrase! } })
    expect(one.report.text).toContain('Connection works')
    expect(two.report.text).toContain('Connection works')
    for (const msg of [...one.sent, ...two.sent]) expect(e.tg.isDeleted(user, msg.messageId)).toBe(true)
    expect(e.app.connections.list(user.id).map((c) => c.status)).toEqual(['online', 'online'])
    const secrets = [m.apiKey, m.secret, k.apiKey, k.secret, k.passphrase!]
    expectNowhere(e, user, secrets) // WAL still holds the fresh pages
    e.app.database.checkpoint()
    expectNowhere(e, user, secrets)
    // The key is shown masked only.
    expect(one.report.text).toContain(`${m.apiKey.slice(0, 4)}…${m.apiKey.slice(-4)}`)
  })

  it('a key with a space is deleted, the problem named without the value, and the flow goes on', async () => {
    const user = e.tg.createUser({ id: 3002, firstName: 'Space', languageCode: 'en' })
    const creds = fakeCredentials('mexc')
    e.ex.addAccount({ exchange: 'mexc', ...creds })
    await toKeyPrompt(e, user)
    const spaced = `${creds.apiKey.slice(0, 8)} ${creds.apiKey.slice(8)}`
    const bad = e.tg.sendText(user, spaced)
    const problem = await e.next(user)
    expect(problem.text).toContain('does not look like a valid API key')
    expect(problem.text).toContain(tr('en', 'format-WHITESPACE'))
    expect(e.tg.isDeleted(user, bad.messageId)).toBe(true)

    const huge = e.tg.sendText(user, 'A'.repeat(10_240))
    const tooLong = await e.next(user)
    expect(tooLong.text).toContain(tr('en', 'format-TOO_LONG'))
    expect(e.tg.isDeleted(user, huge.messageId)).toBe(true)

    // A secret pasted where the key is asked: refused as swapped, still deleted.
    const swapped = e.tg.sendText(user, creds.secret)
    expect((await e.next(user)).text).toContain(tr('en', 'format-LOOKS_LIKE_SECRET'))
    expect(e.tg.isDeleted(user, swapped.messageId)).toBe(true)

    e.tg.sendText(user, creds.apiKey)
    expect((await e.next(user)).text).toContain('Got the API key')
    expect((await e.next(user)).text).toContain('Now paste the secret key')
    await e.say(user, '/cancel')
    expectNowhere(e, user, [spaced, creds.apiKey, creds.secret, 'A'.repeat(300)])
  })

  it('/cancel mid-flow deletes what was sent, wipes the held values, and a late paste is still deleted', async () => {
    const user = e.tg.createUser({ id: 3003, firstName: 'Cancel', languageCode: 'en' })
    const creds = fakeCredentials('mexc')
    await toKeyPrompt(e, user)
    const key = e.tg.sendText(user, creds.apiKey)
    await e.next(user) // got it
    await e.next(user) // secret prompt
    expect(e.app.intake.size()).toBe(1)
    const cancelled = await e.say(user, '/cancel')
    expect(cancelled.text).toContain('Cancelled. Nothing was saved')
    expect(e.tg.isDeleted(user, key.messageId)).toBe(true)
    expect(e.app.intake.size()).toBe(0)
    const late = e.tg.sendText(user, creds.secret)
    const stray = await e.next(user)
    expect(stray.text).toContain('I deleted that message because it looked like a key or secret')
    expect(e.tg.isDeleted(user, late.messageId)).toBe(true)
    expect(e.app.connections.list(user.id)).toEqual([])
    expectNowhere(e, user, [creds.apiKey, creds.secret])
  })

  it('the Cancel button under a credential prompt ends the flow the same way', async () => {
    const user = e.tg.createUser({ id: 3004, firstName: 'Btn', languageCode: 'en' })
    const ask = await toKeyPrompt(e, user)
    const key = e.tg.sendText(user, fakeCredentials('mexc').apiKey)
    await e.next(user)
    await e.next(user)
    const cancelled = await e.tap(user, ask, '✖️ Cancel')
    expect(cancelled.text).toContain('Cancelled')
    expect(e.tg.isDeleted(user, key.messageId)).toBe(true)
    expect(e.app.intake.size()).toBe(0)
  })

  it('when Telegram refuses the deletion the user is told to delete it and treat the key as exposed', async () => {
    const user = e.tg.createUser({ id: 3005, firstName: 'Kept', languageCode: 'en' })
    const creds = fakeCredentials('mexc')
    e.ex.addAccount({ exchange: 'mexc', ...creds })
    await toKeyPrompt(e, user)
    e.tg.refuseDeletes(user)
    try {
      const key = e.tg.sendText(user, creds.apiKey)
      const warning = await e.next(user)
      expect(warning.text).toContain('I could not delete your message. Please delete it yourself now')
      expect(warning.text).toContain('consider this key exposed')
      expect(e.tg.isDeleted(user, key.messageId)).toBe(false)
      const ack = await e.next(user)
      expect(ack.text).toContain('Got the API key')
      expect(ack.text).not.toContain('message deleted')
      await e.next(user) // secret prompt
      await e.say(user, '/cancel')
    } finally {
      e.tg.allowDeletes()
    }
    expect(allBotText(e, user)).not.toContain(creds.apiKey)
  })

  it('a forwarded credential is deleted and must be pasted instead', async () => {
    const user = e.tg.createUser({ id: 3006, firstName: 'Fwd', languageCode: 'en' })
    const creds = fakeCredentials('mexc')
    await toKeyPrompt(e, user)
    const fwd = e.tg.forwardText(user, creds.apiKey, { from: 'Someone' })
    const reply = await e.next(user)
    expect(reply.text).toContain('That was a forwarded message')
    expect(e.tg.isDeleted(user, fwd.messageId)).toBe(true)
    await e.say(user, '/cancel')
    expectNowhere(e, user, [creds.apiKey])
  })

  it('an earlier message edited into a credential while one is expected is deleted too', async () => {
    const user = e.tg.createUser({ id: 3007, firstName: 'Edit', languageCode: 'en' })
    const creds = fakeCredentials('mexc')
    const pick = await e.say(user, '/connect')
    const checklist = await e.tap(user, pick, 'MEXC')
    const market = await e.tap(user, checklist, '✅ I have created the key')
    await e.tap(user, market, 'Spot')
    const typed = e.tg.sendText(user, 'Edited name')
    expect((await e.next(user)).text).toContain('Paste the MEXC API key')
    e.tg.editUserMessage(user, typed, creds.apiKey)
    const reply = await e.next(user)
    expect(reply.text).toContain(tr('en', 'flow-edit-ignored'))
    expect(e.tg.isDeleted(user, typed.messageId)).toBe(true)
    // The edit was not taken as the key: the flow still waits for it.
    e.tg.sendText(user, creds.apiKey)
    expect((await e.next(user)).text).toContain('Got the API key')
    await e.next(user)
    await e.say(user, '/cancel')
    expectNowhere(e, user, [creds.apiKey])
  })

  it('a message edited into a key at any other step, or outside a flow, is deleted too', async () => {
    const user = e.tg.createUser({ id: 3008, firstName: 'Later', languageCode: 'en' })
    const creds = fakeCredentials('mexc')
    const early = e.tg.sendText(user, 'hello')
    expect((await e.next(user)).text).toContain('I did not understand that')
    e.tg.editUserMessage(user, early, creds.apiKey)
    expect((await e.next(user)).text).toContain('I deleted that message because it looked like a key or secret')
    expect(e.tg.isDeleted(user, early.messageId)).toBe(true)

    const other = e.tg.sendText(user, 'just chatting')
    await e.next(user)
    e.tg.editUserMessage(user, other, 'no longer chatting')
    expect((await e.say(user, '/connect')).text).toContain('Which exchange') // the ordinary edit got no answer
    const inFlow = e.tg.sendText(user, 'hi')
    await e.next(user) // tap a button, please
    e.tg.editUserMessage(user, inFlow, creds.secret)
    expect((await e.next(user)).text).toBe(tr('en', 'flow-edit-ignored'))
    expect(e.tg.isDeleted(user, inFlow.messageId)).toBe(true)
    expect(e.tg.isDeleted(user, other.messageId)).toBe(false)
    await e.say(user, '/cancel')
    expectNowhere(e, user, [creds.apiKey, creds.secret])
  })
})

describe('an idle flow times out', () => {
  let e: E2E
  beforeAll(async () => {
    e = await startE2E({ flowTimeoutMs: 1000 })
  })
  afterAll(() => e.close())

  it('wipes what it held, tells the user, deletes a credential pasted afterwards, and /connect starts afresh', async () => {
    const user = e.tg.createUser({ id: 3101, firstName: 'Slow', languageCode: 'en' })
    const creds = fakeCredentials('mexc')
    e.ex.addAccount({ exchange: 'mexc', ...creds })
    await toKeyPrompt(e, user)
    const key = e.tg.sendText(user, creds.apiKey)
    expect((await e.next(user)).text).toContain('Got the API key')
    expect(e.tg.isDeleted(user, key.messageId)).toBe(true)
    await e.next(user) // secret prompt
    const timeout = await e.next(user, 5000)
    expect(timeout.text).toContain('The setup was closed after a long pause')
    expect(e.app.intake.size()).toBe(0)

    const late = e.tg.sendText(user, creds.secret)
    expect((await e.next(user)).text).toContain('no setup was waiting for it')
    expect(e.tg.isDeleted(user, late.messageId)).toBe(true)
    expect(e.app.connections.list(user.id)).toEqual([])

    const again = await e.say(user, '/connect')
    expect(again.text).toContain('Which exchange')
    expectNowhere(e, user, [creds.apiKey, creds.secret])
  })
})

describe('a key pasted before it is asked for', () => {
  let e: E2E
  beforeAll(async () => {
    e = await startE2E()
  })
  afterAll(() => e.close())

  it('is deleted at a button step, and the flow goes on (a key of that exchange is kept for the key step)', async () => {
    const user = e.tg.createUser({ id: 9101, firstName: 'Early', languageCode: 'en' })
    const pick = await e.say(user, '/connect')
    const atPicker = e.tg.sendText(user, '64d1f0a2b3c4d5e6f7a8b9c0')
    expect((await e.next(user)).text).toBe(tr('en', 'flow-credential-kept-later'))
    const checklist = await e.tap(user, pick, 'KuCoin')
    const early = e.tg.sendText(user, '64d1f0a2b3c4d5e6f7a8b9c0')
    const kept = await e.next(user)
    expect(kept.text).toBe(tr('en', 'flow-credential-kept', { fields: 'API key' }))
    for (const m of [atPicker, early]) expect(e.tg.isDeleted(user, m.messageId)).toBe(true)
    const market = await e.tap(user, checklist, '✅ I have created the key')
    expect(market.text).toContain('Which market')
    await e.say(user, '/cancel')
  })
})
