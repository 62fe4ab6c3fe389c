import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { CHECK_IDS, DIAGNOSIS_CODES, EXCHANGE_IDS, type DiagnosisCode, type ExchangeId, type TestReport } from '../../../src/domain/types.js'
import { createExchangeRegistry, type ExchangeRegistry } from '../../../src/exchanges/registry.js'
import { FakeExchangeServer } from '../../fakes/exchange-server.js'
import { CASES, OUR_IP, type Arranged } from './cases.js'

const fake = new FakeExchangeServer()
let registry: ExchangeRegistry

beforeAll(async () => {
  await fake.start()
  registry = createExchangeRegistry({ urls: fake.exchangeUrls })
})
afterAll(() => fake.stop())
beforeEach(() => {
  fake.reset()
  fake.callerIp = OUR_IP
})

/** Properties every report must have, whatever the scenario. */
function assertInvariants(report: TestReport, secrets: string[]): void {
  const ids = report.checks.map((c) => c.id)
  expect(ids).toEqual(CHECK_IDS.filter((id) => ids.includes(id)))
  for (const c of report.checks) {
    if (c.state === 'pass') expect(c.code).toBeUndefined()
    else if (c.code === undefined) {
      // Skipped: unknown, no code, and the blocker is a failed check of this report.
      expect(c.state).toBe('unknown')
      const blocker = report.checks.find((b) => b.id === c.detail?.['skipped'])
      expect(blocker?.state).toBe('fail')
    }
  }
  // Exchange faults are never blamed on the key.
  if (report.transient) expect(report.checks.find((c) => c.id === 'key')?.state).not.toBe('fail')
  expect(report.requestCount).toBeLessThanOrEqual(4)
  const text = JSON.stringify(report)
  for (const s of secrets) if (s) expect(text).not.toContain(s)
}

describe.each(EXCHANGE_IDS.map((id) => [id] as const))('%s adapter contract', (id: ExchangeId) => {
  const observed = new Set<DiagnosisCode>()

  it.each(CASES[id].map((c) => [`${c.code ?? 'OK'}: ${c.name}`, c] as const))('%s', async (_name, c) => {
    const arranged: Arranged = c.arrange(fake)
    const adapter = registry.getAdapter(id)
    const report = await adapter.testConnection(arranged.credentials, {
      market: arranged.market ?? 'spot',
      egressIps: arranged.egressIps ?? [OUR_IP],
      requestTimeoutMs: arranged.requestTimeoutMs ?? 2000,
      totalTimeoutMs: arranged.totalTimeoutMs ?? 5000,
    })
    for (const check of report.checks) if (check.code) observed.add(check.code)

    // The API key too: Bybit's 10004 message echoes it, and a report must never carry it.
    assertInvariants(report, [arranged.credentials.apiKey, arranged.credentials.secret, arranged.credentials.passphrase ?? ''])
    const target = report.checks.find((x) => x.id === c.expect.check)
    expect(target?.state).toBe(c.expect.state)
    expect(target?.code).toBe(c.code ?? undefined)
    // Exact: a fact the fix text does not need (or a wrong one) is a failure too.
    expect(target?.detail).toEqual(c.expect.detail)
    for (const s of c.expect.skipped ?? []) {
      expect(report.checks.find((x) => x.id === s)).toEqual({ id: s, state: 'unknown', detail: { skipped: c.expect.check } })
    }
    expect(report.verdict).toBe(c.expect.verdict)
    expect(report.transient).toBe(c.expect.transient)
    expect(report.requestCount).toBe(c.expect.requests)
    // The fake saw exactly what the report counted: no hidden retries, no market loading.
    expect(fake.requestCount(id)).toBe(report.requestCount)
  })

  it('produces only the codes its cases declare', () => {
    const declared = new Set(CASES[id].map((c) => c.code).filter((c) => c !== null))
    expect([...observed].filter((c) => !declared.has(c))).toEqual([])
  })
})

describe('contract coverage', () => {
  it('drives every diagnosis code on at least one exchange', () => {
    const covered = new Set(EXCHANGE_IDS.flatMap((id) => CASES[id].map((c) => c.code)))
    expect(DIAGNOSIS_CODES.filter((c) => !covered.has(c))).toEqual([])
  })

  it('reads a healthy key and its futures account in at most 4 requests, on the right hosts', async () => {
    const m = fake.addAccount({ exchange: 'mexc', permissions: ['SPOT_ACCOUNT_READ', 'SPOT_DEAL_WRITE', 'CONTRACT_ACCOUNT_READ'] })
    const k = fake.addAccount({ exchange: 'kucoin', permissions: ['General', 'Spot', 'Futures'], ipWhitelist: [OUR_IP] })
    const opts = { market: 'both', egressIps: [OUR_IP], requestTimeoutMs: 2000, totalTimeoutMs: 5000 } as const
    const rm = await registry.getAdapter('mexc').testConnection(m, opts)
    const rk = await registry.getAdapter('kucoin').testConnection(k, opts)
    expect(rm.verdict).toBe('online')
    expect(rk.checks.every((c) => c.state === 'pass')).toBe(true)
    expect(fake.requests.map((r) => `${r.exchange} ${r.role} ${r.method} ${r.path}`)).toEqual([
      'mexc spot GET /api/v3/time',
      'mexc spot GET /api/v3/account',
      'mexc spot POST /api/v3/order/test',
      'mexc contract GET /api/v1/private/account/assets',
      'kucoin spot GET /api/v1/timestamp',
      'kucoin spot GET /api/v1/user/api-key',
      'kucoin spot GET /api/v1/accounts',
      'kucoin futures GET /api/v1/account-overview',
    ])
  })

  it('reads Binance, Bybit and OKX keys with futures in at most 4 requests each, on the right hosts, never an order', async () => {
    const b = fake.addAccount({ exchange: 'binance', permissions: ['enableReading', 'enableSpotAndMarginTrading', 'enableFutures'], ipWhitelist: [OUR_IP] })
    const y = fake.addAccount({ exchange: 'bybit', ipWhitelist: [OUR_IP] })
    const o = fake.addAccount({ exchange: 'okx', ipWhitelist: [OUR_IP] })
    const opts = { market: 'both', egressIps: [OUR_IP], requestTimeoutMs: 2000, totalTimeoutMs: 5000 } as const
    for (const [id, a] of [['binance', b], ['bybit', y], ['okx', o]] as const) {
      const r = await registry.getAdapter(id).testConnection(a, opts)
      expect(r.checks.filter((c) => c.state !== 'pass')).toEqual([])
    }
    expect(fake.requests.map((r) => `${r.exchange} ${r.role} ${r.method} ${r.path}`)).toEqual([
      'binance spot GET /api/v3/time',
      'binance sapi GET /sapi/v1/account/apiRestrictions',
      'binance spot GET /api/v3/account',
      'binance fapi GET /fapi/v3/balance',
      'bybit spot GET /v5/market/time',
      'bybit spot GET /v5/user/query-api',
      'bybit spot GET /v5/account/wallet-balance',
      'okx spot GET /api/v5/public/time',
      'okx spot GET /api/v5/account/config',
      'okx spot GET /api/v5/account/balance',
    ])
  })

  it('runs concurrent tests with different keys without mixing their signatures', async () => {
    // Three healthy keys per exchange, every exchange at once (default permissions are a healthy spot
    // key); one Binance and one Bybit key sign with the user's own private key (Ed25519, RSA).
    const accounts = EXCHANGE_IDS.flatMap((exchange) =>
      [0, 1, 2].map((i) => fake.addAccount({ exchange, ipWhitelist: [OUR_IP], ...(i === 0 && (exchange === 'binance' || exchange === 'bybit') ? { keyType: exchange === 'binance' ? 'ed25519' : 'rsa' } : {}) })),
    )
    const reports = await Promise.all(
      accounts.map((a) =>
        registry.getAdapter(a.exchange).testConnection(a, { market: 'spot', egressIps: [OUR_IP], requestTimeoutMs: 60_000, totalTimeoutMs: 120_000 }),
      ),
    )
    // Generous deadlines: 30 tests at once on a loaded machine are slow, and speed is not the point here.
    for (const r of reports) expect(r.verdict).toBe('online')
  })
})
