import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CheckResult, TestReport } from '../../src/domain/types.js'
import { ipMatches } from '../../src/exchanges/key-checks.js'
import { parseKucoinPermissions } from '../../src/exchanges/kucoin-permissions.js'
import { createExchangeRegistry } from '../../src/exchanges/registry.js'
import { FakeExchangeServer, type FakeAccount } from '../fakes/exchange-server.js'
import type { PermissionFieldShape } from '../fakes/exchange/accounts.js'
import { EGRESS_IP, startE2E, type E2E } from '../helpers/e2e.js'
import { reportOf, runConnect, tr } from '../helpers/e2e-flows.js'

/**
 * Review F12: KuCoin's withdrawal check failed open. A `permission` field the adapter could not
 * parse (missing, null, an object, empty) read as "no Transfer permission", so a key that can
 * move funds out showed "✅ Withdrawal disabled" and was saved. A check must be proven to pass.
 */
const SHAPES: PermissionFieldShape[] = ['missing', 'null', 'object', 'empty-string', 'empty-array', 'array-of-objects']

const check = (r: TestReport, id: CheckResult['id']) => r.checks.find((c) => c.id === id)!

describe('F12: a permission list we cannot read is never a pass (adapter over real ccxt and HTTP)', () => {
  const fake = new FakeExchangeServer()
  let registry: ReturnType<typeof createExchangeRegistry>
  beforeAll(async () => {
    await fake.start()
    fake.callerIp = EGRESS_IP
    registry = createExchangeRegistry({ urls: fake.exchangeUrls })
  })
  afterAll(() => fake.stop())
  const test = (a: FakeAccount) =>
    registry.getAdapter('kucoin').testConnection({ apiKey: a.apiKey, secret: a.secret, passphrase: a.passphrase }, { market: 'spot', egressIps: [EGRESS_IP], requestTimeoutMs: 2_000, totalTimeoutMs: 5_000 })

  it.each(SHAPES)('permission field %s on a Transfer-enabled key: withdrawal not passed, verdict not online, the test is an exchange fault', async (shape) => {
    const a = fake.addAccount({ exchange: 'kucoin', permissions: ['General', 'Spot', 'Transfer'], ipWhitelist: [EGRESS_IP], permissionField: shape })
    const r = await test(a)
    expect(check(r, 'withdraw').state).not.toBe('pass')
    expect(check(r, 'trade').state).not.toBe('pass')
    expect(r.verdict).not.toBe('online')
    // Nothing the exchange said can be trusted: the report is transient, the key not blamed.
    expect(r.transient).toBe(true)
    expect(check(r, 'reachable')).toMatchObject({ state: 'fail', code: 'EXCHANGE_UNAVAILABLE' })
    expect(r.checks.filter((c) => c.state === 'pass').map((c) => c.id)).toEqual([])
  })

  it('the same key with the documented comma list: Transfer is found and the key is unsafe (control)', async () => {
    const a = fake.addAccount({ exchange: 'kucoin', permissions: ['General', 'Spot', 'Transfer'], ipWhitelist: [EGRESS_IP] })
    const r = await test(a)
    expect(check(r, 'withdraw')).toMatchObject({ state: 'fail', code: 'WITHDRAW_ENABLED' })
    expect(r.verdict).toBe('unsafe')
  })

  it('a frozen account proves nothing about the secret: no secret or passphrase pass is implied', async () => {
    const a = fake.addAccount({ exchange: 'kucoin', ipWhitelist: [EGRESS_IP], frozen: true })
    const r = await test(a)
    expect(check(r, 'key')).toMatchObject({ state: 'fail', code: 'ACCOUNT_RESTRICTED' })
    expect(check(r, 'secret').state).not.toBe('pass')
    expect(check(r, 'passphrase').state).not.toBe('pass')
  })
})

describe('F12: the parsers fail safe', () => {
  it.each([[undefined], [null], [{ Spot: true }], [''], [' , '], [[]], [[{}]], [[1, 2]]])('parseKucoinPermissions(%j) is unreadable (null), never an empty "safe" list', (value) => {
    expect(parseKucoinPermissions(value)).toBeNull()
  })
  it('reads the documented comma list and an array of words', () => {
    expect(parseKucoinPermissions('General, Spot,Transfer')).toEqual(['General', 'Spot', 'Transfer'])
    expect(parseKucoinPermissions(['General', 'Futures'])).toEqual(['General', 'Futures'])
  })
  it('a whitelist entry masked down to stars matches no IP', () => {
    for (const entry of ['*', '**', '***', '203.**', '**.7']) expect(ipMatches(entry, EGRESS_IP), entry).toBe(false)
    expect(ipMatches('203.**.7', EGRESS_IP)).toBe(true)
  })
})

describe('F12 through the bot: such a key is never saved or shown green', () => {
  let e: E2E
  let nextUser = 12_000
  beforeAll(async () => {
    e = await startE2E()
  })
  afterAll(() => e.close())
  const withdrawPassLine = `✅ ${tr('en', 'check-withdraw')}`

  it('/connect with a Transfer key whose permission field is missing: no ✅ withdrawal line, nothing saved', async () => {
    const a = e.ex.addAccount({ exchange: 'kucoin', permissions: ['General', 'Spot', 'Transfer'], ipWhitelist: [EGRESS_IP], permissionField: 'missing' })
    const user = e.tg.createUser({ id: nextUser++, firstName: 'Ana', languageCode: 'en' })
    const { report } = await runConnect(e, user, { exchange: 'kucoin', credentials: { apiKey: a.apiKey, secret: a.secret, passphrase: a.passphrase } })
    expect(report.text).not.toContain(withdrawPassLine)
    expect(report.text).not.toContain('Saved as')
    expect(report.text).toContain('Nothing was saved')
    expect(e.app.connections.list(user.id)).toEqual([])
  })

  it('a saved Online key whose exchange starts answering without the list: /test does not show it green', async () => {
    const a = e.ex.addAccount({ exchange: 'kucoin', ipWhitelist: [EGRESS_IP] })
    const user = e.tg.createUser({ id: nextUser++, firstName: 'Bia', languageCode: 'en' })
    const first = await runConnect(e, user, { exchange: 'kucoin', credentials: { apiKey: a.apiKey, secret: a.secret, passphrase: a.passphrase } })
    expect(first.report.text).toContain('Saved as KuCoin spot')
    e.ex.updateAccount(a.apiKey, { permissions: ['General', 'Spot', 'Transfer'], permissionField: 'object' })

    const after = await reportOf(e, await e.say(user, '/test'))
    expect(after.text).not.toContain(withdrawPassLine)
    expect(after.text).not.toContain('Connection works')
    const [c] = e.app.connections.list(user.id)
    expect(c!.status).not.toBe('online')
    expect(c!.report!.checks.find((x) => x.id === 'withdraw')!.state).not.toBe('pass')
  })
})
