import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Credentials } from '../../src/domain/types.js'
import type { FakeUser } from '../fakes/telegram-server.js'
import { startE2E, EGRESS_IP, type E2E } from '../helpers/e2e.js'
import { databaseBytes, refusedCalls, reportOf, sendCredentials, tr } from '../helpers/e2e-flows.js'

/** The connection commands, each driven through the real bot. */
describe('connection commands', () => {
  let e: E2E
  let nextUser = 5000
  const newUser = (languageCode = 'en') => e.tg.createUser({ id: nextUser++, firstName: 'Cmd', languageCode })
  beforeAll(async () => {
    e = await startE2E()
  })
  afterEach(() => {
    expect(refusedCalls(e)).toEqual([])
  })
  afterAll(() => e.close())

  /** A key on the fake exchange, connected for `user` through the service (the flow itself is tested in connect.test.ts). */
  async function seed(user: FakeUser, name: string, opts: { exchange?: 'mexc' | 'kucoin'; ipWhitelist?: string[] } = {}): Promise<{ id: string; creds: Credentials }> {
    const exchange = opts.exchange ?? 'mexc'
    const a = e.ex.addAccount({ exchange, ipWhitelist: [EGRESS_IP] })
    const creds: Credentials = { apiKey: a.apiKey, secret: a.secret, ...(exchange === 'kucoin' ? { passphrase: a.passphrase } : {}) }
    e.tg.sendText(user, '/start') // the user exists in the bot's database, as after any first contact
    await e.next(user)
    const r = await e.app.connections.connect({ userId: user.id, exchange, market: 'spot', name, credentials: creds })
    if (r.outcome !== 'saved') throw new Error('seed refused')
    if (opts.ipWhitelist) {
      // Our IP is removed from the key's whitelist after it was saved (a key whose IP was never
      // whitelisted is not saved at all: the exchange refuses it before checking the secret).
      e.ex.updateAccount(a.apiKey, { ipWhitelist: opts.ipWhitelist })
      await e.app.connections.test(user.id, r.connection.id, 'manual')
    }
    return { id: r.connection.id, creds }
  }

  it('/start shows the safety model and a Connect button that starts /connect; /help lists the commands', async () => {
    const user = newUser()
    const start = await e.say(user, '/start')
    expect(start.text).toContain('we refuse keys that can withdraw')
    expect(start.text).toContain('every message that carries one is deleted')
    const pick = await e.tap(user, start, '➕ Connect an exchange')
    expect(pick.text).toContain('Which exchange')
    await e.say(user, '/cancel')
    const help = await e.say(user, '/help')
    for (const c of ['/connect', '/connections', '/status', '/test', '/rename', '/replace', '/delete', '/settings', '/cancel']) expect(help.text).toContain(c)
    expect((await e.say(user, '/cancel')).text).toBe(tr('en', 'cancel-nothing'))
    expect((await e.say(user, '/nonsense')).text).toBe(tr('en', 'unknown-command'))
    expect((await e.say(user, 'hello')).text).toContain('I did not understand that')
  })

  it('/connections lists every connection with its status badge; empty list points to /connect', async () => {
    const user = newUser()
    expect((await e.say(user, '/connections')).text).toContain('You have no connections yet')
    await seed(user, 'Alpha')
    await seed(user, 'Beta', { exchange: 'kucoin', ipWhitelist: ['192.0.2.1'] })
    const list = await e.say(user, '/connections')
    expect(list.text).toContain('Your connections (2)')
    // The brand as the exchange writes it, the state, when it was tested; one button per connection.
    expect(list.text).toContain('🟢 Alpha · MEXC · Spot · online · tested 20')
    expect(list.text).toContain('🔴 Beta · KuCoin · Spot · offline · tested 20')
    expect(list.text).not.toContain('KUCOIN')
    expect(list.keyboard?.flat().map((b) => b.text)).toEqual(['Alpha', 'Beta'])
    expect((await e.tap(user, list, 'Beta')).text).toContain('State: Offline')
  })

  it('/status without a name lists one line per connection with a button each; with a name one card and its fixes; an unknown name offers a picker', async () => {
    const user = newUser()
    const alpha = await seed(user, 'Alpha')
    await seed(user, 'Beta', { exchange: 'kucoin', ipWhitelist: ['192.0.2.1'] })
    const all = await e.say(user, '/status')
    const lines = all.text.split('\n')
    expect(lines.filter((l) => l.includes(' · Spot · '))).toEqual([expect.stringMatching(/^🟢 Alpha · MEXC · Spot · online · tested 20\d\d-/), expect.stringMatching(/^🔴 Beta · KuCoin · Spot · offline · tested 20\d\d-/)])
    // A list, not every card: no fix text, no key; the cards open from the buttons.
    expect(all.text).not.toContain(tr('en', 'diag-IP_NOT_ALLOWED-cause'))
    expect(all.keyboard?.flat().map((b) => b.text)).toEqual(['Alpha', 'Beta'])
    const alphaCard = await e.tap(user, all, 'Alpha')
    expect(alphaCard.text).toContain(`${alpha.creds.apiKey.slice(0, 4)}…${alpha.creds.apiKey.slice(-4)}`)
    expect(alphaCard.text).not.toContain(alpha.creds.apiKey)

    const beta = await e.say(user, '/status beta')
    expect(beta.text).toContain('State: Offline')
    expect(beta.text).toContain('Last test:')
    expect(beta.text).toContain(`Under IP Restriction, add: ${EGRESS_IP}`)
    expect(beta.keyboard?.flat().map((b) => b.text)).toEqual(['🔁 Test again', '🔑 Enter a new key', '🌐 KuCoin API Management'])
    expect((beta.keyboard?.flat().find((b) => b.text.startsWith('🌐')) as { url?: string } | undefined)?.url).toBe('https://www.kucoin.com/account/api')

    const unknown = await e.say(user, '/status Gamma')
    expect(unknown.text).toBe('You have no connection with that name. Pick one:')
    expect(unknown.keyboard?.flat().map((b) => b.text)).toEqual(['Alpha', 'Beta'])
    const card = await e.tap(user, unknown, 'Alpha')
    expect(card.text).toContain('Alpha · MEXC · Spot')
    expect(card.text).toContain('State: Online')

    // A name with markup is not echoed at all (nothing typed after a command ever is).
    const markup = await e.say(user, '/status <b>x</b>')
    expect(markup.text).toBe('You have no connection with that name. Pick one:')
  })

  it('/status picks an exact name first and offers a picker when only case tells two names apart', async () => {
    const user = newUser()
    const upper = await seed(user, 'Alpha')
    const lower = await seed(user, 'Other')
    // Names are unique regardless of case now; rows from before that rule may still differ only in case.
    e.app.repos.connections.rename(lower.id, user.id, 'alpha')
    expect((await e.say(user, '/status alpha')).text).toContain(`${lower.creds.apiKey.slice(-4)}`)
    expect((await e.say(user, '/status Alpha')).text).toContain(`${upper.creds.apiKey.slice(-4)}`)
    const picker = await e.say(user, '/status ALPHA')
    expect(picker.text).toBe(tr('en', 'pick-status'))
    expect(picker.keyboard?.flat().map((b) => b.text)).toEqual(['Alpha', 'alpha'])
  })

  it('/test re-runs the test: the "testing…" message is edited into the report', async () => {
    const user = newUser()
    const beta = await seed(user, 'Beta', { exchange: 'kucoin', ipWhitelist: ['192.0.2.1'] })
    await seed(user, 'Alpha')
    const picker = await e.say(user, '/test')
    expect(picker.text).toBe(tr('en', 'pick-test'))
    const testing = await e.tap(user, picker, 'Beta')
    expect(testing.text).toBe('🔎 Testing Beta…')
    const report = await reportOf(e, testing)
    expect(report.text).toContain('Beta: Offline')
    expect(report.text).toContain(tr('en', 'diag-IP_NOT_ALLOWED-cause'))

    e.ex.updateAccount(beta.creds.apiKey, { ipWhitelist: [EGRESS_IP] })
    const again = await reportOf(e, await e.say(user, '/test Beta'))
    expect(again.text).toContain('Beta: Online')
    expect(again.text).toContain('Connection works')
    expect(e.app.connections.get(user.id, beta.id).status).toBe('online')
  })

  it('/rename asks for the new name, refuses bad ones, and renames; a picker when there are several', async () => {
    const user = newUser()
    const alpha = await seed(user, 'Alpha')
    const ask = await e.say(user, '/rename')
    expect(ask.text).toBe('Send the new name for Alpha.')
    expect((await e.say(user, '<i>x</i>')).text).toBe(tr('en', 'name-BAD_CHARS'))
    expect((await e.say(user, 'Renamed Alpha')).text).toBe('Renamed Alpha to Renamed Alpha.')
    expect(e.app.connections.get(user.id, alpha.id).name).toBe('Renamed Alpha')

    await seed(user, 'Beta')
    const picker = await e.say(user, '/rename')
    expect(picker.text).toBe(tr('en', 'pick-rename'))
    const ask2 = await e.tap(user, picker, 'Beta')
    expect(ask2.text).toBe('Send the new name for Beta.')
    expect((await e.say(user, 'renamed alpha')).text).toContain('You already have a connection called "Renamed Alpha"')
    expect((await e.say(user, 'Beta Two')).text).toBe('Renamed Beta to Beta Two.')
    expect(e.app.connections.list(user.id).map((c) => c.name).sort()).toEqual(['Beta Two', 'Renamed Alpha'])
    // By name, and the same name in another case is allowed for the connection itself.
    await e.say(user, '/rename beta two')
    expect((await e.say(user, 'BETA TWO')).text).toBe('Renamed Beta Two to BETA TWO.')
  })

  it('/replace keeps the old key when the new one fails, and replaces it (old ciphertext gone) when it passes', async () => {
    const user = newUser()
    const alpha = await seed(user, 'Alpha')
    const before = e.app.repos.connections.getById(alpha.id)!

    // A new key without trading permission: refused, the old one untouched.
    const weak = e.ex.addAccount({ exchange: 'mexc', permissions: ['SPOT_ACCOUNT_READ'], ipWhitelist: [EGRESS_IP] })
    const intro = await e.say(user, '/replace Alpha')
    expect(intro.text).toContain('New credentials for Alpha (MEXC)')
    const ask = await e.next(user)
    const failed = await sendCredentials(e, user, ask, { apiKey: weak.apiKey, secret: weak.secret })
    const refused = await reportOf(e, failed.after)
    expect(refused.text).toContain(tr('en', 'diag-NO_TRADE_PERMISSION-cause'))
    expect(refused.text).toContain('Your previous key is unchanged')
    const kept = e.app.repos.connections.getById(alpha.id)!
    expect(kept.sealedApiKey).toBe(before.sealedApiKey)
    expect(kept.sealedSecret).toBe(before.sealedSecret)
    expect(kept.status).toBe('online')
    for (const m of failed.sent) expect(e.tg.isDeleted(user, m.messageId)).toBe(true)

    // A healthy new key: replaced, Online, old ciphertext erased from the file.
    const fresh = e.ex.addAccount({ exchange: 'mexc', ipWhitelist: [EGRESS_IP] })
    const picker = await e.say(user, '/replace')
    await e.next(user) // the ask after the intro
    expect(picker.text).toContain('New credentials for Alpha') // one connection: picked without asking
    const ok = await sendCredentials(e, user, e.tg.botMessages(user).at(-1)!, { apiKey: fresh.apiKey, secret: fresh.secret })
    const done = await reportOf(e, ok.after)
    expect(done.text).toContain('Alpha now uses the new key')
    expect(done.text).toContain('The old credentials were erased')
    const after = e.app.repos.connections.getById(alpha.id)!
    expect(after.sealedApiKey).not.toBe(before.sealedApiKey)
    expect(after.maskedKey).toBe(`${fresh.apiKey.slice(0, 4)}…${fresh.apiKey.slice(-4)}`)
    expect(after.status).toBe('online')
    e.app.database.checkpoint()
    const bytes = databaseBytes(e.dbPath)
    for (const old of [before.sealedApiKey, before.sealedSecret]) expect(bytes.includes(Buffer.from(old.split('.').at(-1)!))).toBe(false)
    for (const secret of [fresh.apiKey, fresh.secret, alpha.creds.apiKey, alpha.creds.secret]) expect(bytes.includes(Buffer.from(secret))).toBe(false)
    // The old key is free again (its fingerprint left with it).
    expect(e.app.repos.connections.fingerprintTaken(e.app.sealer.fingerprint(alpha.creds.apiKey))).toBe(false)
  })

  it('/delete asks first; "Keep it" keeps it; "Yes, delete" removes the row and its sealed values', async () => {
    const user = newUser()
    const alpha = await seed(user, 'Alpha')
    await seed(user, 'Beta')
    const picker = await e.say(user, '/delete')
    expect(picker.text).toBe(tr('en', 'pick-delete'))
    const confirm = await e.tap(user, picker, 'Alpha')
    expect(confirm.text).toContain('Delete Alpha?')
    e.tg.tapButton(user, confirm, 'Keep it')
    await e.tg.waitFor(() => confirm.history.length > 0)
    expect(confirm.text).toBe(tr('en', 'delete-kept'))
    expect(e.app.connections.list(user.id)).toHaveLength(2)

    const row = e.app.repos.connections.getById(alpha.id)!
    const confirm2 = await e.say(user, '/delete alpha')
    e.tg.tapButton(user, confirm2, '🗑 Yes, delete')
    await e.tg.waitFor(() => confirm2.history.length > 0)
    expect(confirm2.text).toContain('Alpha was deleted and its keys erased')
    expect(e.app.repos.connections.getById(alpha.id)).toBeUndefined()
    expect(e.app.connections.list(user.id).map((c) => c.name)).toEqual(['Beta'])
    e.app.database.checkpoint()
    const bytes = databaseBytes(e.dbPath)
    for (const sealed of [row.sealedApiKey, row.sealedSecret]) expect(bytes.includes(Buffer.from(sealed.split('.').at(-1)!))).toBe(false)
    // Tapping "Yes, delete" again on the old confirmation: not found, nothing else removed.
    const id = e.tg.forgeCallback(user, confirm2, `dy:${alpha.id}`)
    expect((await e.tg.waitFor(() => e.tg.callbackAnswer(id))).text).toBe(tr('en', 'error-NOT_FOUND'))
    expect(e.app.connections.list(user.id)).toHaveLength(1)
  })

  it('/settings switches language and toggles notifications', async () => {
    const user = newUser('pt-BR')
    const settings = await e.say(user, '/settings')
    expect(settings.text).toContain('Idioma: Português (Brasil)')
    expect(settings.text).toContain('Notificações: ativadas')
    e.tg.tapButton(user, settings, '🔕 Desativar notificações')
    await e.tg.waitFor(() => settings.history.length > 0)
    expect(settings.text).toContain('Notificações: desativadas')
    expect(e.app.repos.users.get(user.id)?.notifications).toBe(false)
    e.tg.tapButton(user, settings, 'English')
    await e.tg.waitFor(() => settings.history.length > 1)
    expect(settings.text).toContain('Language: English')
    expect(settings.text).toContain('Notifications: off')
    e.tg.tapButton(user, settings, '🔔 Turn notifications on')
    await e.tg.waitFor(() => settings.history.length > 2)
    expect(settings.text).toContain('Notifications: on')
    expect(e.app.repos.users.get(user.id)).toMatchObject({ notifications: true, language: 'en' })
    expect((await e.say(user, '/help')).text).toContain('Commands')
  })
})
