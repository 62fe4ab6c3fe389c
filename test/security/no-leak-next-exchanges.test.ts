import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { fakeCredentials } from '../fakes/exchange-server.js'
import { conversationStore } from '../helpers/conversation-store.js'
import { EGRESS_IP } from '../helpers/e2e.js'
import { runConnect, tr } from '../helpers/e2e-flows.js'
import { findLeaks, startRestartableE2E, type RestartableE2E } from '../helpers/hostile.js'

// The same in-memory conversation store as no-leak.test.ts, so the replay log is scanned too.
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
 * Security proof 1 for Bitget, BingX, HTX, Coinbase and Gate: their signing material differs
 * (Bitget's plain passphrase header, HTX's key in the query string, Coinbase's JWT naming the key
 * and a multi-line private key), and none of it may reach SQLite, logs, Bot API calls or the
 * conversation state, in a healthy run or a refused one.
 */
describe('secrets never leak on the five newer exchanges', () => {
  let e: RestartableE2E
  let nextId = 9400
  beforeAll(async () => {
    e = await startRestartableE2E()
  })
  afterAll(() => e.close())

  it('healthy and refused runs on each: no secret, passphrase, full key or private-key line anywhere', async () => {
    const user = e.tg.createUser({ id: nextId++, firstName: 'Leak', languageCode: 'en' })
    const bitget = e.ex.addAccount({ exchange: 'bitget', ipWhitelist: [EGRESS_IP] })
    const bitget2 = e.ex.addAccount({ exchange: 'bitget', ipWhitelist: [EGRESS_IP] })
    const bingx = e.ex.addAccount({ exchange: 'bingx', ipWhitelist: [EGRESS_IP] })
    const htx = e.ex.addAccount({ exchange: 'htx', ipWhitelist: [EGRESS_IP] })
    const coinbase = e.ex.addAccount({ exchange: 'coinbase' })
    const gate = e.ex.addAccount({ exchange: 'gate', ipWhitelist: [EGRESS_IP] })
    const wrongPassphrase = 'NotTheOne-42'
    const wrongSecret = fakeCredentials('htx').secret
    const runs = [
      await runConnect(e, user, { exchange: 'bitget', credentials: { apiKey: bitget.apiKey, secret: bitget.secret, passphrase: bitget.passphrase }, name: 'Bg' }),
      await runConnect(e, user, { exchange: 'bitget', credentials: { apiKey: bitget2.apiKey, secret: bitget2.secret, passphrase: wrongPassphrase }, name: 'Bg2' }),
      await runConnect(e, user, { exchange: 'bingx', credentials: { apiKey: bingx.apiKey, secret: bingx.secret }, name: 'Bx' }),
      await runConnect(e, user, { exchange: 'htx', credentials: { apiKey: htx.apiKey, secret: wrongSecret }, name: 'Hx' }),
      // As copied out of Coinbase's JSON key file: quotes and \n escapes around the PEM.
      await runConnect(e, user, { exchange: 'coinbase', credentials: { apiKey: coinbase.apiKey, secret: JSON.stringify(coinbase.secret) }, name: 'Cb' }),
      await runConnect(e, user, { exchange: 'gate', credentials: { apiKey: gate.apiKey, secret: gate.secret }, name: 'Gt' }),
    ]
    expect(runs[0]!.report.text).toContain('Connection works')
    expect(runs[1]!.report.text).toContain(tr('en', 'diag-INVALID_PASSPHRASE-cause'))
    expect(runs[2]!.report.text).toContain('Connection works')
    expect(runs[3]!.report.text).toContain(tr('en', 'diag-INVALID_SECRET-cause'))
    expect(runs[4]!.report.text).toContain('Connection works')
    expect(runs[5]!.report.text).toContain('Connection works')
    for (const msg of runs.flatMap((r) => r.sent)) expect(e.tg.isDeleted(user, msg.messageId)).toBe(true)
    expect(e.app.intake.size()).toBe(0)
    const pemLines = coinbase.secret.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----'))
    const secrets = [
      ...[bitget, bitget2, bingx, htx, coinbase, gate].flatMap((a) => [a.apiKey, a.secret]),
      bitget.passphrase,
      bitget2.passphrase,
      wrongPassphrase,
      wrongSecret,
      JSON.stringify(coinbase.secret),
      ...pemLines,
    ]
    const stores = { 'conversation state (live)': conversationStore.live(), 'conversation state (every write)': conversationStore.everWritten() }
    expect(findLeaks(e, secrets, stores), 'before checkpoint').toEqual([])
    e.app.database.checkpoint()
    expect(findLeaks(e, secrets, stores), 'after checkpoint').toEqual([])
  })
})
