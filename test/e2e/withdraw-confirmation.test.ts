import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { fakeCredentials } from '../fakes/exchange-server.js'
import type { ChatMessage, FakeUser } from '../fakes/telegram-server.js'
import { EGRESS_IP, type E2E } from '../helpers/e2e.js'
import { refusedCalls, runConnect, sendCredentials, reportOf, tr } from '../helpers/e2e-flows.js'
import { apiClient, startPlatformE2E } from '../helpers/platform.js'
import { queryJson } from '../helpers/hostile.js'

const plain = (html: string) => html.replace(/<\/?[a-z]+>/g, '')
const buttons = (m: ChatMessage) => (m.keyboard ?? []).flat().map((b) => b.text)

/**
 * Issue 11.1: where the exchange cannot prove a key's withdrawal permission off (MEXC), the key
 * is never shown green nor given to the platform until the trader taps "Withdraw is off on this
 * key"; the confirmation is per key, so /replace asks again. Driven through the real bot, the
 * real gate API and the fake MEXC; KuCoin, which proves it, stays as it was.
 */
describe('withdrawal the exchange cannot prove: Needs your confirmation', () => {
  let e: E2E
  let token: string
  let nextUser = 81_000
  const newUser = (languageCode = 'en'): FakeUser => e.tg.createUser({ id: nextUser++, firstName: 'Wd', languageCode })
  const api = () => apiClient(e)
  const gate = async (id: string) => api().credentials(token, id)
  const eventsOf = async (id: string) => {
    const r = await api().events(token)
    return (r.body as { events: Array<{ kind: string; connectionId: string; status: string }> }).events.filter((x) => x.connectionId === id).map((x) => `${x.kind}:${x.status}`)
  }
  const mexcKey = () => {
    const c = fakeCredentials('mexc')
    e.ex.addAccount({ exchange: 'mexc', ...c })
    return { apiKey: c.apiKey, secret: c.secret }
  }

  beforeAll(async () => {
    e = await startPlatformE2E()
    token = e.app.platform.tokens.create('engine', ['credentials', 'status']).token
  })
  afterEach(() => {
    expect(refusedCalls(e)).toEqual([])
  })
  afterAll(() => e.close())

  it('MEXC: the report asks for the confirmation (never "works"), the gate refuses, the tap makes it Online and the gate serves', async () => {
    const user = newUser()
    const { report } = await runConnect(e, user, { exchange: 'mexc', credentials: mexcKey(), name: 'Main' })
    const c = e.app.connections.list(user.id)[0]!
    expect(c.status).toBe('needs_confirmation')
    // Not green: neither the "works" verdict nor "the platform can use it now".
    expect(report.text).not.toContain(plain(tr('en', 'verdict-online')))
    expect(report.text).not.toContain('The platform can use it now')
    expect(report.text).toContain(plain(tr('en', 'verdict-needs-confirmation', { exchange: 'MEXC' })))
    expect(report.text).toContain(plain(tr('en', 'connect-saved-needs_confirmation', { name: 'Main', key: c.maskedKey })))
    // The withdraw line with MEXC's steps stays above it, and the button is the first one.
    expect(report.text).toContain(tr('en', 'diag-WITHDRAW_UNVERIFIED-cause'))
    expect(buttons(report)[0]).toBe(tr('en', 'button-confirm-withdraw'))
    // The platform: no credentials, and its feed says why.
    const refused = await gate(c.id)
    expect(refused.status).toBe(409)
    expect(refused.body).toMatchObject({ status: 'needs_confirmation' })
    expect(await eventsOf(c.id)).toEqual(['needs_confirmation:needs_confirmation'])
    expect(((await api().connection(token, c.id)).body as { withdrawal: string }).withdrawal).toBe('unverified')

    const before = Date.now()
    const done = await e.tap(user, report, tr('en', 'button-confirm-withdraw'))
    expect(done.text).toMatch(/You confirmed on \d{4}-\d\d-\d\d \d\d:\d\d UTC that Withdraw is off on Main/)
    expect(done.text).toContain('the platform can use it now')
    // The answered question loses its button; Test again stays.
    expect(buttons(report)).not.toContain(tr('en', 'button-confirm-withdraw'))
    expect(buttons(report)).toContain(tr('en', 'button-test-again'))
    // Recorded with its time, for this key.
    const row = JSON.parse(queryJson(e.dbPath, 'SELECT status, withdraw_confirmed_at AS at, withdraw_confirmed_fingerprint = key_fingerprint AS forThisKey FROM connections WHERE id = ?', c.id)) as Array<{ status: string; at: number; forThisKey: number }>
    expect(row).toEqual([{ status: 'online', at: expect.any(Number), forThisKey: 1 }])
    expect(row[0]!.at).toBeGreaterThanOrEqual(before - 1)
    const served = await gate(c.id)
    expect(served.status).toBe(200)
    expect(served.body).toMatchObject({ apiKey: expect.any(String) })
    expect(await eventsOf(c.id)).toEqual(['needs_confirmation:needs_confirmation', 'confirmed:online'])
    expect(((await api().connection(token, c.id)).body as { withdrawal: string; withdrawalConfirmedAt: string }).withdrawal).toBe('confirmed_by_trader')

    // The card shows the confirmation instead of asking again; a re-test keeps it Online.
    const card = await e.say(user, '/status')
    expect(card.text).toContain(`State: ${tr('en', 'status-online')}`)
    expect(card.text).toContain('Withdraw off: confirmed by you on')
    expect(card.text).not.toContain(tr('en', 'diag-WITHDRAW_UNVERIFIED-cause'))
    expect(buttons(card)).not.toContain(tr('en', 'button-confirm-withdraw'))
    expect((await e.app.connections.test(user.id, c.id, 'manual')).after.status).toBe('online')
    expect(e.logs()).toContain('withdrawal confirmed off by the trader')
  })

  it('the confirmation is per key: /replace asks again, and the old button cannot confirm the new key', async () => {
    const user = newUser()
    const { report: first } = await runConnect(e, user, { exchange: 'mexc', credentials: mexcKey(), name: 'Swap' })
    const c = e.app.connections.list(user.id)[0]!
    // Confirmed (the first report's button stays on screen, to be tapped after the key is replaced).
    expect(e.app.connections.confirmWithdrawOff(user.id, c.id, c.keyTag!).outcome).toBe('confirmed')
    expect((await gate(c.id)).status).toBe(200)

    // The intro and the first prompt are one message.
    const ask = await e.say(user, '/replace Swap')
    expect(ask.text).toContain('New credentials for Swap (MEXC)')
    const { after } = await sendCredentials(e, user, ask, mexcKey())
    const report = await reportOf(e, after)
    const replaced = e.app.connections.list(user.id)[0]!
    expect(replaced.status).toBe('needs_confirmation')
    expect(replaced.withdrawConfirmedAt).toBeNull()
    expect(report.text).toContain(plain(tr('en', 'verdict-needs-confirmation', { exchange: 'MEXC' })))
    expect(report.text).toContain(plain(tr('en', 'replace-saved-needs_confirmation', { name: 'Swap', key: replaced.maskedKey })))
    expect(buttons(report)[0]).toBe(tr('en', 'button-confirm-withdraw'))
    expect((await gate(c.id)).status).toBe(409)
    expect((await eventsOf(c.id)).at(-1)).toBe('key_replaced:needs_confirmation')

    // A tap on the button made for the OLD key: a short true answer, nothing recorded.
    const stale = e.tg.tapButton(user, first, tr('en', 'button-confirm-withdraw'))
    const answer = await e.tg.waitFor(() => e.tg.callbackAnswer(stale))
    expect(answer.text).toBe(tr('en', 'confirm-withdraw-stale', { name: 'Swap' }))
    expect(e.app.connections.get(user.id, c.id).status).toBe('needs_confirmation')
    expect((await gate(c.id)).status).toBe(409)

    const done = await e.tap(user, report, tr('en', 'button-confirm-withdraw'))
    expect(done.text).toContain('that Withdraw is off on Swap')
    expect(e.app.connections.get(user.id, c.id).status).toBe('online')
    expect((await gate(c.id)).status).toBe(200)
    // Tapped twice (a double tap): answered, nothing else happens.
    const again = e.tg.forgeCallback(user, report, `wc:${c.id}:${replaced.keyTag}`)
    expect((await e.tg.waitFor(() => e.tg.callbackAnswer(again))).text).toBe(tr('en', 'confirm-withdraw-already'))
  })

  it('only the owner can confirm: another user\'s tap is "not found" and changes nothing', async () => {
    const owner = newUser()
    const other = newUser()
    await runConnect(e, owner, { exchange: 'mexc', credentials: mexcKey(), name: 'Mine' })
    const c = e.app.connections.list(owner.id)[0]!
    const where = await e.say(other, '/help')
    const q = e.tg.forgeCallback(other, where, `wc:${c.id}:${c.keyTag}`)
    expect((await e.tg.waitFor(() => e.tg.callbackAnswer(q))).text).toBe(tr('en', 'error-NOT_FOUND'))
    expect(e.app.connections.get(owner.id, c.id)).toMatchObject({ status: 'needs_confirmation', withdrawConfirmedAt: null })
    expect((await gate(c.id)).status).toBe(409)
  })

  it('speaks Portuguese: the report, the /status list and card, and the confirmation from the card', async () => {
    const user = newUser('pt-BR')
    const { report } = await runConnect(e, user, { exchange: 'mexc', credentials: mexcKey(), name: 'Principal', locale: 'pt-BR' })
    expect(report.text).toContain(plain(tr('pt-BR', 'verdict-needs-confirmation', { exchange: 'MEXC' })))
    expect(report.text).not.toContain(plain(tr('pt-BR', 'verdict-online')))
    expect(buttons(report)[0]).toBe('✅ Saque desativado nesta chave')
    await runConnect(e, user, { exchange: 'mexc', credentials: mexcKey(), name: 'Reserva', locale: 'pt-BR' })

    const list = await e.say(user, '/status')
    expect(list.text).toContain(`Principal · MEXC · Spot · ${tr('pt-BR', 'status-short-needs_confirmation')}`)
    expect(list.text).toContain(`🟠 Reserva`)
    const card = await e.tap(user, list, 'Principal')
    expect(card.text).toContain(tr('pt-BR', 'status-needs_confirmation'))
    expect(buttons(card)[0]).toBe(tr('pt-BR', 'button-confirm-withdraw'))
    const done = await e.tap(user, card, tr('pt-BR', 'button-confirm-withdraw'))
    expect(done.text).toContain('que o saque está desativado em Principal')
    expect(done.text).toContain('a plataforma já pode usá-la')
    const after = await e.say(user, '/status')
    expect(after.text).toContain(`🟢 Principal · MEXC · Spot · online`)
    expect(after.text).toContain(`🟠 Reserva · MEXC · Spot · ${tr('pt-BR', 'status-short-needs_confirmation')}`)
  })

  it('KuCoin proves withdrawal off: straight to Online, no confirmation asked, the gate serves at once', async () => {
    const user = newUser()
    const creds = fakeCredentials('kucoin')
    e.ex.addAccount({ exchange: 'kucoin', ...creds, ipWhitelist: [EGRESS_IP] })
    const { report } = await runConnect(e, user, { exchange: 'kucoin', credentials: { apiKey: creds.apiKey, secret: creds.secret, passphrase: creds.passphrase! }, name: 'Ku' })
    const c = e.app.connections.list(user.id)[0]!
    expect(c.status).toBe('online')
    expect(report.text).toContain(plain(tr('en', 'verdict-online')))
    expect(report.text).toContain('The platform can use it now')
    expect(buttons(report)).not.toContain(tr('en', 'button-confirm-withdraw'))
    expect((await gate(c.id)).status).toBe(200)
    expect(await eventsOf(c.id)).toEqual(['online:online'])
  })

  it('the monitor: an unconfirmed key that breaks goes offline and, working again, waits for the trader (told so), never Online', async () => {
    const user = newUser()
    await e.say(user, '/start')
    const key = mexcKey()
    await runConnect(e, user, { exchange: 'mexc', credentials: key, name: 'Watched' })
    const c = e.app.connections.list(user.id)[0]!
    e.ex.revokeAccount(key.apiKey)
    expect((await e.app.connections.testById(c.id, 'monitor'))?.after.status).toBe('offline')
    e.ex.updateAccount(key.apiKey, { revoked: false })
    expect((await e.app.connections.testById(c.id, 'monitor'))?.after.status).toBe('needs_confirmation')
    expect((await gate(c.id)).status).toBe(409)
    const kinds = (JSON.parse(queryJson(e.dbPath, 'SELECT kind FROM outbox WHERE connection_id = ? ORDER BY id', c.id)) as Array<{ kind: string }>).map((r) => r.kind)
    expect(kinds).toEqual(['offline', 'confirm'])
    // Confirmed, the same break and recovery end Online, announced as recovered.
    e.app.connections.confirmWithdrawOff(user.id, c.id, c.keyTag!)
    e.ex.revokeAccount(key.apiKey)
    await e.app.connections.testById(c.id, 'monitor')
    e.ex.updateAccount(key.apiKey, { revoked: false })
    expect((await e.app.connections.testById(c.id, 'monitor'))?.after.status).toBe('online')
    expect((await gate(c.id)).status).toBe(200)
  })
})
