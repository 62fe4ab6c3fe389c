import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { fakeCredentials } from '../fakes/exchange-server.js'
import { conversationStore } from '../helpers/conversation-store.js'
import { EGRESS_IP } from '../helpers/e2e.js'
import { reportOf, runConnect, sendCredentials, toKeyPrompt, tr } from '../helpers/e2e-flows.js'
import { connectionsTable, findLeaks, startRestartableE2E, type RestartableE2E } from '../helpers/hostile.js'
import { apiClient } from '../helpers/platform.js'

// The conversations plugin keeps its state (the replay log of every update a flow received) in a
// Map inside a closure. To scan it we hand the plugin an identical in-memory store that also keeps
// a copy of every state it ever wrote. If src/ ever passes its own storage, that one is used and
// the "state was recorded" assertion below fails, pointing here.
vi.mock('@grammyjs/conversations', async (importOriginal) => {
  const mod = await importOriginal<typeof import('@grammyjs/conversations')>()
  const { conversationStore: store } = await import('../helpers/conversation-store.js')
  return {
    ...mod,
    conversations: (options: Parameters<typeof mod.conversations>[0] = {}) =>
      mod.conversations({ ...options, storage: options.storage ?? ({ type: 'key', adapter: store.adapter } as never) }),
  }
})

/**
 * Security proof 1 end to end: after every way a flow can end, the exact bytes of each secret,
 * passphrase and full API key are absent from every file in the app's folder (SQLite, WAL,
 * journal, SHM), every log line, every Bot API call the bot made, and every state the
 * conversations plugin held or wrote; the in-memory intake is empty.
 */
describe('secrets never leak', () => {
  let e: RestartableE2E
  let nextId = 9100
  const newUser = () => e.tg.createUser({ id: nextId++, firstName: 'Leak', languageCode: 'en' })
  const stores = () => ({ 'conversation state (live)': conversationStore.live(), 'conversation state (every write)': conversationStore.everWritten() })
  /** Scans now (fresh pages in the WAL) and after a checkpoint (pages in the main file). */
  const expectNoLeak = (secrets: string[]) => {
    expect(findLeaks(e, secrets, stores()), 'before checkpoint').toEqual([])
    e.app.database.checkpoint()
    expect(findLeaks(e, secrets, stores()), 'after checkpoint').toEqual([])
  }
  const mexc = () => {
    const c = fakeCredentials('mexc')
    e.ex.addAccount({ exchange: 'mexc', ...c })
    return { apiKey: c.apiKey, secret: c.secret }
  }
  const kucoin = () => {
    const c = fakeCredentials('kucoin')
    e.ex.addAccount({ exchange: 'kucoin', ...c, ipWhitelist: [EGRESS_IP] })
    return { apiKey: c.apiKey, secret: c.secret, passphrase: c.passphrase! }
  }
  const values = (c: { apiKey: string; secret: string; passphrase?: string }) => [c.apiKey, c.secret, ...(c.passphrase ? [c.passphrase] : [])]

  beforeAll(async () => {
    e = await startRestartableE2E({ env: { PLATFORM_API_PORT: '0', PLATFORM_CREDENTIALS_PER_MINUTE: '3' } })
  })
  afterAll(() => e.close())

  it('the scans are live: the scanner finds a planted secret in every place it scans', async () => {
    const user = newUser()
    const planted = `PLANTED${Date.now()}`
    e.tg.sendText(user, planted) // the bot answers with its fallback; the text is not a credential
    await e.next(user)
    e.app.logger.info({ note: planted }, 'planted')
    const found = findLeaks(e, [planted], { 'a planted store': planted })
    expect(found).toContain(`${planted.slice(0, 4)}…(${planted.length}) in a log line`)
    expect(found).toContain(`${planted.slice(0, 4)}…(${planted.length}) in a planted store`)
    expect(conversationStore.writeCount()).toBe(0) // no flow yet: nothing recorded
  })

  it('after full MEXC and KuCoin setups: no secret, passphrase or full key in SQLite/WAL, logs, Bot API payloads or conversation state', async () => {
    const user = newUser()
    const m = mexc()
    const k = kucoin()
    const one = await runConnect(e, user, { exchange: 'mexc', credentials: m })
    const two = await runConnect(e, user, { exchange: 'kucoin', credentials: k })
    expect(one.report.text).toContain('Connection works')
    expect(two.report.text).toContain('Connection works')
    for (const msg of [...one.sent, ...two.sent]) expect(e.tg.isDeleted(user, msg.messageId), 'credential message deleted').toBe(true)
    expect(e.app.intake.size(), 'intake holds nothing').toBe(0)
    expect(conversationStore.writeCount(), 'the conversations plugin wrote its state to the scanned store').toBeGreaterThan(10)
    // The replay log did see the credential updates: as placeholders only.
    expect(conversationStore.everWritten()).toContain('credential:')
    expectNoLeak([...values(m), ...values(k)])
  })

  it('Binance (Ed25519 private key pasted as PEM), Bybit (a wrong secret: its 10004 quotes the API key) and OKX: nothing leaks', async () => {
    const user = newUser()
    const b = e.ex.addAccount({ exchange: 'binance', keyType: 'ed25519', ipWhitelist: [EGRESS_IP] })
    const y = e.ex.addAccount({ exchange: 'bybit', ipWhitelist: [EGRESS_IP] })
    const wrongSecret = fakeCredentials('bybit').secret
    const o = e.ex.addAccount({ exchange: 'okx', ipWhitelist: [EGRESS_IP] })
    const runs = [
      await runConnect(e, user, { exchange: 'binance', credentials: { apiKey: b.apiKey, secret: b.secret } }),
      await runConnect(e, user, { exchange: 'bybit', credentials: { apiKey: y.apiKey, secret: wrongSecret } }),
      await runConnect(e, user, { exchange: 'okx', credentials: { apiKey: o.apiKey, secret: o.secret, passphrase: o.passphrase } }),
    ]
    expect(runs[0]!.report.text).toContain('Connection works')
    expect(runs[1]!.report.text).toContain(tr('en', 'diag-INVALID_SECRET-cause'))
    expect(runs[2]!.report.text).toContain('Connection works')
    for (const msg of runs.flatMap((r) => r.sent)) expect(e.tg.isDeleted(user, msg.messageId)).toBe(true)
    // The PEM as pasted, and each of its base64 lines on its own.
    const pemLines = b.secret.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----'))
    expectNoLeak([b.apiKey, b.secret, ...pemLines, y.apiKey, y.secret, wrongSecret, o.apiKey, o.secret, o.passphrase])
  })

  it('/replace: neither the old nor the new credentials appear anywhere', async () => {
    const user = newUser()
    const old = mexc()
    await runConnect(e, user, { exchange: 'mexc', credentials: old, name: 'Swap' })
    const fresh = mexc()
    const intro = await e.say(user, '/replace Swap')
    expect(intro.text).toContain('New credentials for')
    const { sent, after } = await sendCredentials(e, user, await e.next(user), fresh)
    expect((await reportOf(e, after)).text).toContain('Swap now uses the new key')
    for (const msg of sent) expect(e.tg.isDeleted(user, msg.messageId)).toBe(true)
    expect(e.app.intake.size()).toBe(0)
    expectNoLeak([...values(old), ...values(fresh)])
  })

  it('/delete: the deleted connection\'s credentials appear nowhere', async () => {
    const user = newUser()
    const k = kucoin()
    await runConnect(e, user, { exchange: 'kucoin', credentials: k, name: 'Gone' })
    const confirm = await e.say(user, '/delete Gone')
    e.tg.tapButton(user, confirm, tr('en', 'button-delete-yes'))
    await e.tg.waitFor(() => confirm.history.length > 0)
    expect(confirm.text).toContain('was deleted')
    expect(e.app.connections.list(user.id)).toEqual([])
    expectNoLeak(values(k))
  })

  it('a failed test (wrong secret): nothing saved (review F6), and neither the wrong nor the right secret appears anywhere', async () => {
    const user = newUser()
    const right = mexc()
    const wrong = { apiKey: right.apiKey, secret: fakeCredentials('mexc').secret }
    const { report, sent } = await runConnect(e, user, { exchange: 'mexc', credentials: wrong, name: 'Wrong' })
    expect(report.text).toContain('does not work yet')
    expect(report.text).toContain('Nothing was saved')
    for (const msg of sent) expect(e.tg.isDeleted(user, msg.messageId)).toBe(true)
    expect(e.app.connections.list(user.id)).toEqual([])
    expect(e.app.intake.size()).toBe(0)
    expectNoLeak([wrong.apiKey, wrong.secret, right.secret])
  })

  it('/cancel mid-flow (key and secret sent, passphrase pending): nothing saved, intake wiped, nothing leaked', async () => {
    const user = newUser()
    const k = kucoin()
    const ask = await toKeyPrompt(e, user, 'KuCoin')
    const sentKey = e.tg.sendText(user, k.apiKey)
    await e.next(user) // got it
    await e.next(user) // secret prompt
    const sentSecret = e.tg.sendText(user, k.secret)
    await e.next(user)
    expect((await e.next(user)).text).toContain('API passphrase')
    expect(e.app.intake.size()).toBe(1)
    expect((await e.say(user, '/cancel')).text).toContain('Cancelled. Nothing was saved')
    expect(e.app.intake.size()).toBe(0)
    expect(e.tg.isDeleted(user, sentKey.messageId)).toBe(true)
    expect(e.tg.isDeleted(user, sentSecret.messageId)).toBe(true)
    expect(e.app.connections.list(user.id)).toEqual([])
    expect(ask.text).toContain('Paste the KuCoin API key')
    expectNoLeak(values(k))
  })

  it('platform API reads: the served credentials, and the token that read them, appear in no log, audit row, metric, event or file', async () => {
    const user = newUser()
    const m = mexc()
    const k = kucoin()
    await runConnect(e, user, { exchange: 'mexc', credentials: m, name: 'Read me' })
    await runConnect(e, user, { exchange: 'kucoin', credentials: k, name: 'And me' })
    const token = e.app.platform.tokens.create('leak-check', ['status', 'credentials']).token
    const api = apiClient(e)
    const [one, two] = e.app.connections.list(user.id)
    const served = await api.credentials(token, one!.id)
    expect(served.body).toMatchObject({ apiKey: m.apiKey, secret: m.secret })
    expect((await api.credentials(token, two!.id)).body).toMatchObject({ apiKey: k.apiKey, secret: k.secret, passphrase: k.passphrase })
    // Refusals of every kind are logged and audited too: paused, unknown token, a token sent as a connection id, the rate limit.
    expect((await e.say(user, '/pause Read me')).text).toContain('is paused')
    expect((await api.credentials(token, one!.id)).status).toBe(409)
    const forged = `${token.slice(0, -1)}${token.endsWith('0') ? '1' : '0'}` // the right id, one wrong character
    expect((await api.credentials(forged, one!.id)).status).toBe(401)
    expect((await api.credentials(token, token)).status).toBe(400) // too long for an id: refused before the limiter
    expect((await api.credentials(token, two!.id)).status).toBe(429) // the 4th read in a minute, over PLATFORM_CREDENTIALS_PER_MINUTE=3
    expect((await api.connections(token)).status).toBe(200)
    expect((await api.events(token)).status).toBe(200)
    const metrics = await api.call('GET', '/metrics', { token })
    expect(metrics.text).toContain('bfc_platform_api_requests_total')
    const audit = JSON.stringify(e.app.repos.platformAudit.recent(1000))
    expect(audit).toContain('"outcome":"served"')
    expect(audit).toContain('"outcome":"rate_limited"')
    expect(audit).toContain('"outcome":"bad_request"')
    const stores = {
      'the audit rows': audit,
      'the metrics': metrics.text,
      'the event feed': JSON.stringify(e.app.repos.platformEvents.all()),
      'the listing answer': (await api.connections(token)).text,
      'the token table': JSON.stringify(e.app.repos.serviceTokens.list()),
    }
    // The token's secret part, and any 16 characters of it (a truncated copy is a leak too).
    const secrets = [...values(m), ...values(k), ...[23, 39, 55, 71].map((at) => token.slice(at, at + 16))]
    expect(findLeaks(e, secrets, stores)).toEqual([])
    e.app.database.checkpoint()
    expect(findLeaks(e, secrets, stores), 'after checkpoint').toEqual([])
  })

  it('a crash mid-flow: the new process on the same file tells the user to start again, saved nothing, deletes the late paste, leaked nothing', async () => {
    const user = newUser()
    const k = kucoin()
    const ask = await toKeyPrompt(e, user, 'KuCoin')
    const sentKey = e.tg.sendText(user, k.apiKey)
    expect((await e.next(user)).text).toContain('Got the API key')
    const askSecret = await e.next(user)
    expect(askSecret.text).toContain('secret key')
    const table = connectionsTable(e.dbPath)
    expect(e.app.intake.size()).toBe(1) // the old process holds the key in memory only

    // Kill the app while the flow holds the key; in-memory conversation state dies with it.
    await e.restart(() => conversationStore.forgetLive())
    expect(e.app.intake.size()).toBe(0)
    const lateSecret = e.tg.sendText(user, k.secret)
    const told = await e.next(user)
    expect(told.text).toBe(tr('en', 'stray-credential-deleted'))
    expect(told.text).toContain('Send /connect to start again')
    expect(e.tg.isDeleted(user, lateSecret.messageId), 'the secret pasted after the restart is deleted').toBe(true)
    expect(e.tg.isDeleted(user, sentKey.messageId), 'the key pasted before the crash was deleted').toBe(true)
    // A button of the dead flow says the same.
    const tap = e.tg.tapButton(user, askSecret, tr('en', 'button-cancel'))
    expect(await e.tg.waitFor(() => e.tg.callbackAnswer(tap))).toMatchObject({ text: tr('en', 'flow-ended') })
    // Nothing half-saved.
    expect(e.app.connections.list(user.id)).toEqual([])
    expect(connectionsTable(e.dbPath)).toBe(table)
    expect(e.app.intake.size()).toBe(0)
    expect(ask.text).toContain('KuCoin')
    // And the user can start over on the new process.
    const again = await runConnect(e, user, { exchange: 'kucoin', credentials: k })
    expect(again.report.text).toContain('Connection works')
    expectNoLeak(values(k))
  })
})
