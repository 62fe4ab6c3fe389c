import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Credentials } from '../../src/domain/types.js'
import { fakeCredentials } from '../fakes/exchange-server.js'
import type { FakeUser } from '../fakes/telegram-server.js'
import { EGRESS_IP, startE2E, type E2E } from '../helpers/e2e.js'
import { reportOf, runConnect, tr } from '../helpers/e2e-flows.js'

/**
 * Review F6: key squatting and junk load. /connect saved every result but "unsafe", including a
 * wrong secret; the key fingerprint is unique over all users, and the duplicate check ran before
 * any test. So Bob, knowing only Alice's API key (it shows in screenshots and request headers),
 * saved it with a junk secret and Alice could never connect it, and "already connected" told
 * anyone whether a key was registered. Nothing capped connections or tests per user, and the
 * monitor re-tested never-valid keys forever from our shared egress IP.
 * Everything here goes through the real bot, app, SQLite and ccxt against the fakes.
 */
describe('F6: no squatting, no oracle', () => {
  let e: E2E
  let nextUser = 6_000
  beforeAll(async () => {
    e = await startE2E()
  })
  afterAll(() => e.close())
  const newUser = (languageCode = 'en'): FakeUser => e.tg.createUser({ id: nextUser++, firstName: `U${nextUser}`, languageCode })
  const junkSecret = (exchange: 'mexc' | 'kucoin') => fakeCredentials(exchange).secret

  it('Bob pastes Alice\'s API key with a made-up secret: nothing is saved, and Alice then connects her key', async () => {
    const alice = newUser()
    const bob = newUser()
    const key = e.ex.addAccount({ exchange: 'mexc', ipWhitelist: [EGRESS_IP] })
    const squat = await runConnect(e, bob, { exchange: 'mexc', credentials: { apiKey: key.apiKey, secret: junkSecret('mexc') }, name: 'Squat' })
    expect(squat.report.text).toContain(tr('en', 'diag-INVALID_SECRET-cause'))
    expect(squat.report.text).toContain(tr('en', 'connect-refused-unproven'))
    expect(squat.report.text).not.toContain('Saved as')
    expect(squat.report.keyboard ?? []).toEqual([])
    expect(e.app.connections.list(bob.id)).toEqual([])
    expect(e.app.repos.connections.fingerprintTaken(e.app.sealer.fingerprint(key.apiKey))).toBe(false)

    const real = await runConnect(e, alice, { exchange: 'mexc', credentials: { apiKey: key.apiKey, secret: key.secret }, name: 'Alice main' })
    expect(real.report.text).toContain('Saved as Alice main')
    expect(e.app.connections.list(alice.id).map((c) => c.status)).toEqual(['online'])
  })

  it('the duplicate check is no oracle: a wrong secret gets the same answer whether or not the key is connected', async () => {
    const owner = newUser()
    const prober = newUser()
    const taken = e.ex.addAccount({ exchange: 'kucoin', ipWhitelist: [EGRESS_IP] })
    const free = e.ex.addAccount({ exchange: 'kucoin', ipWhitelist: [EGRESS_IP] })
    const full = (a: typeof taken): Credentials => ({ apiKey: a.apiKey, secret: a.secret, passphrase: a.passphrase })
    expect((await runConnect(e, owner, { exchange: 'kucoin', credentials: full(taken), name: 'Owner kc' })).report.text).toContain('Saved as Owner kc')

    const probe = async (a: typeof taken) => (await runConnect(e, prober, { exchange: 'kucoin', credentials: { ...full(a), secret: junkSecret('kucoin') }, name: 'Probe' })).report.text
    const onTaken = await probe(taken)
    const onFree = await probe(free)
    expect(onTaken).not.toContain(tr('en', 'error-KEY_ALREADY_CONNECTED'))
    // Same words, same checks: only the latency in the first line may differ.
    const shape = (text: string) => text.replace(/\(\d+ ms\)/g, '(… ms)')
    expect(shape(onTaken)).toBe(shape(onFree))
    expect(e.app.connections.list(prober.id)).toEqual([])
  })

  it('a proven key already connected by someone else: "already connected", naming nothing about them', async () => {
    const owner = newUser()
    const other = newUser('pt-BR')
    const shared = e.ex.addAccount({ exchange: 'mexc', ipWhitelist: [EGRESS_IP] })
    const creds = { apiKey: shared.apiKey, secret: shared.secret }
    await runConnect(e, owner, { exchange: 'mexc', credentials: creds, name: 'Desk 7' })
    const requests = e.ex.requests.length
    const again = await runConnect(e, other, { exchange: 'mexc', credentials: creds, name: 'Mine', locale: 'pt-BR' })
    expect(again.report.text).toContain(tr('pt-BR', 'error-KEY_ALREADY_CONNECTED'))
    expect(again.report.text).not.toContain('Desk 7')
    expect(again.report.text).not.toContain(String(owner.id))
    // The answer came only after the exchange accepted the secret.
    expect(e.ex.requests.length).toBeGreaterThan(requests)
    expect(e.app.connections.list(other.id)).toEqual([])
  })

  it('the caller\'s own key, connected twice: says which of their connections holds it', async () => {
    const user = newUser()
    const a = e.ex.addAccount({ exchange: 'mexc', ipWhitelist: [EGRESS_IP] })
    await runConnect(e, user, { exchange: 'mexc', credentials: { apiKey: a.apiKey, secret: a.secret }, name: 'First' })
    const again = await runConnect(e, user, { exchange: 'mexc', credentials: { apiKey: a.apiKey, secret: a.secret }, name: 'Second' })
    expect(again.report.text).toContain(tr('en', 'error-KEY_ALREADY_YOURS', { name: 'First' }))
    expect(again.report.text).toContain(tr('en', 'connect-nothing-saved'))
    expect(e.app.connections.list(user.id).map((c) => c.name)).toEqual(['First'])
  })

  it.each([
    ['a wrong passphrase', 'kucoin' as const, (a: { passphrase: string }) => ({ passphrase: `${a.passphrase}x` }), {}],
    ['our IP not in the key\'s whitelist (the exchange answers before it checks the signature)', 'kucoin' as const, () => ({}), { ipWhitelist: ['192.0.2.10'] }],
    ['an unknown API key', 'mexc' as const, () => ({ apiKey: fakeCredentials('mexc').apiKey }), {}],
  ])('%s: identity unproven, nothing saved', async (_what, exchange, patch, account) => {
    const user = newUser()
    const a = e.ex.addAccount({ exchange, ipWhitelist: [EGRESS_IP], ...account })
    const creds: Credentials = { apiKey: a.apiKey, secret: a.secret, ...(exchange === 'kucoin' ? { passphrase: a.passphrase } : {}), ...patch(a) }
    const { report } = await runConnect(e, user, { exchange, credentials: creds })
    expect(report.text).toContain(tr('en', 'connect-refused-unproven'))
    expect(e.app.connections.list(user.id)).toEqual([])
  })

  it('the exchange is down before it could check the key: nothing saved, told to come back later (nothing to fix)', async () => {
    const user = newUser()
    const a = e.ex.addAccount({ exchange: 'mexc', ipWhitelist: [EGRESS_IP] })
    e.ex.setScenario('maintenance', { exchange: 'mexc' })
    try {
      const { report } = await runConnect(e, user, { exchange: 'mexc', credentials: { apiKey: a.apiKey, secret: a.secret } })
      expect(report.text).toContain(tr('en', 'connect-refused-unreachable'))
      expect(report.text).not.toContain(tr('en', 'connect-refused-unproven'))
    } finally {
      e.ex.clearScenarios()
    }
    expect(e.app.connections.list(user.id)).toEqual([])
  })
})

describe('F6: per-user caps and the monitor\'s stop on refused keys', () => {
  let e: E2E
  let nextUser = 6_500
  beforeAll(async () => {
    e = await startE2E({ env: { MAX_CONNECTIONS_PER_USER: '2', CONNECT_PER_HOUR: '4', TEST_PER_HOUR: '2', MONITOR_STOP_AFTER_INVALID: '2' } })
  })
  afterAll(() => e.close())
  const newUser = (languageCode = 'en'): FakeUser => e.tg.createUser({ id: nextUser++, firstName: `C${nextUser}`, languageCode })
  const healthy = () => {
    const a = e.ex.addAccount({ exchange: 'mexc', ipWhitelist: [EGRESS_IP] })
    return { apiKey: a.apiKey, secret: a.secret }
  }

  it('at MAX_CONNECTIONS_PER_USER, /connect says so at once (both languages), before any key is asked for', async () => {
    const user = newUser()
    await runConnect(e, user, { exchange: 'mexc', credentials: healthy(), name: 'One' })
    await runConnect(e, user, { exchange: 'mexc', credentials: healthy(), name: 'Two' })
    const requests = e.ex.requests.length
    const refused = await e.say(user, '/connect')
    expect(refused.text).toBe(tr('en', 'error-CONNECTION_LIMIT', { max: 2 }))
    expect(refused.keyboard ?? []).toEqual([])
    expect(e.ex.requests.length).toBe(requests)
    expect(e.app.connections.list(user.id)).toHaveLength(2)

    const pt = newUser('pt-BR')
    await runConnect(e, pt, { exchange: 'mexc', credentials: healthy(), name: 'Um', locale: 'pt-BR' })
    await runConnect(e, pt, { exchange: 'mexc', credentials: healthy(), name: 'Dois', locale: 'pt-BR' })
    expect((await e.say(pt, '/connect')).text).toBe(tr('pt-BR', 'error-CONNECTION_LIMIT', { max: 2 }))
    // Deleting one makes room again.
    e.app.connections.remove(user.id, e.app.connections.list(user.id)[0]!.id)
    expect((await e.say(user, '/connect')).text).toContain(tr('en', 'connect-intro').replace(/<\/?b>/g, ''))
    await e.say(user, '/cancel')
  })

  it('CONNECT_PER_HOUR: failed attempts count too; the next /connect says when to try again', async () => {
    const user = newUser()
    for (let i = 0; i < 4; i++) {
      const { report } = await runConnect(e, user, { exchange: 'mexc', credentials: { ...healthy(), secret: fakeCredentials('mexc').secret } })
      expect(report.text).toContain('Nothing was saved')
    }
    const requests = e.ex.requests.length
    const refused = await e.say(user, '/connect')
    expect(refused.text).toMatch(/^You have tried 4 new keys in the last hour, the most we allow\. You can try again in (59|60) minutes\.$/)
    expect(e.ex.requests.length).toBe(requests)
  })

  it('TEST_PER_HOUR: manual tests are counted, the monitor\'s are not; the refusal says when', async () => {
    const user = newUser('pt-BR')
    await runConnect(e, user, { exchange: 'mexc', credentials: healthy(), name: 'Teste', locale: 'pt-BR' })
    for (let i = 0; i < 3; i++) await e.app.monitor.sweepOnce() // background tests: not the user's quota
    for (let i = 0; i < 2; i++) expect((await reportOf(e, await e.say(user, '/test'))).text).toContain('Teste: Online')
    const requests = e.ex.requests.length
    const refused = await reportOf(e, await e.say(user, '/test'))
    expect(refused.text).toMatch(/^Você fez 2 testes na última hora, o máximo permitido\. Você pode testar de novo em (59|60) minutos\./)
    expect(e.ex.requests.length).toBe(requests)
  })

  it('the monitor stops testing a key refused MONITOR_STOP_AFTER_INVALID times in a row, tells the owner once, and a passing /test resumes it', async () => {
    const user = newUser()
    const a = e.ex.addAccount({ exchange: 'mexc', ipWhitelist: [EGRESS_IP] })
    await e.say(user, '/start')
    await runConnect(e, user, { exchange: 'mexc', credentials: { apiKey: a.apiKey, secret: a.secret }, name: 'Revoked' })
    const id = e.app.connections.list(user.id)[0]!.id
    e.ex.revokeAccount(a.apiKey) // the trader deleted the key on MEXC
    const inSweep = () => e.app.repos.connections.listForSweep().some((t) => t.id === id)
    const monitorRuns = () => e.app.repos.testResults.listForConnection(id, 1_000).filter((r) => r.source === 'monitor').length
    await e.app.monitor.sweepOnce()
    expect(inSweep()).toBe(true)
    await e.app.monitor.sweepOnce()
    expect(inSweep()).toBe(false)
    expect(monitorRuns()).toBe(2)
    await e.app.monitor.sweepOnce()
    await e.app.monitor.sweepOnce()
    expect(monitorRuns(), 'no more signed requests with a dead key from our egress IP').toBe(2)
    expect(e.app.repos.outbox.listForUser(user.id).map((r) => r.kind)).toEqual(['offline', 'stopped'])

    e.app.outboxWorker!.start()
    let notices
    try {
      notices = [await e.next(user), await e.next(user)]
    } finally {
      await e.app.outboxWorker!.stop()
    }
    expect(notices.filter((m) => m.text.includes('stopped checking Revoked'))).toHaveLength(1)
    const stop = notices.find((m) => m.text.includes('stopped checking Revoked'))!
    expect(stop.text).toContain('/replace Revoked')
    expect(stop.keyboard!.flat().map((b) => b.text)).toEqual([tr('en', 'notify-button-replace'), tr('en', 'notify-button-test'), tr('en', 'button-open-api-page', { exchange: 'MEXC' })])

    // The trader restores the key on the exchange and taps "Test again": it passes, monitoring resumes.
    e.ex.updateAccount(a.apiKey, { revoked: false })
    const after = await reportOf(e, await e.tap(user, stop, tr('en', 'notify-button-test')))
    expect(after.text).toContain('Revoked: Online')
    expect(inSweep()).toBe(true)
    expect(e.app.repos.connections.getById(id)).toMatchObject({ authFailures: 0, monitorPausedAt: null })
  })
})
