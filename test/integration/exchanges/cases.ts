/**
 * Contract cases: for each exchange, one scenario per diagnosis code it can produce, set up on
 * the fake exchange and checked against the report. Typed as Record<ExchangeId, ...> so a new
 * exchange cannot join the registry without its cases.
 */
import { expect } from 'vitest'
import type { CheckId, CheckState, Credentials, DiagnosisCode, ExchangeId, Market, Verdict } from '../../../src/domain/types.js'
import { fakeCredentials, type FakeExchangeServer } from '../../fakes/exchange-server.js'

/** Our egress IP as the fake sees it, and a second one for multi-server setups. */
export const OUR_IP = '203.0.113.7'
export const OTHER_OUR_IP = '198.51.100.9'

/** What a case changes on the fake and in the test options. */
export interface Arranged {
  credentials: Credentials
  market?: Market
  egressIps?: string[]
  requestTimeoutMs?: number
  totalTimeoutMs?: number
}

/** One scenario and the report it must produce. */
export interface ContractCase {
  name: string
  code: DiagnosisCode | null
  arrange(fake: FakeExchangeServer): Arranged
  expect: {
    check: CheckId
    state: CheckState
    verdict: Verdict
    transient: boolean
    /** The target check's detail, exactly (none when absent); matchers allowed for measured values. */
    detail?: Record<string, string | number>
    /** Checks that must be `unknown` because `check` blocked them. */
    skipped?: CheckId[]
    requests: number
  }
}

const creds = (a: { apiKey: string; secret: string; passphrase: string }, patch: Partial<Credentials> = {}): Credentials => ({
  apiKey: a.apiKey,
  secret: a.secret,
  ...(a.passphrase ? { passphrase: a.passphrase } : {}),
  ...patch,
})

/** Failure scenarios shared by every exchange; `signedPath` is the first signed call. */
function commonCases(exchange: ExchangeId, signedPath: string, firstSigned: CheckId, healthyPerms: string[]): ContractCase[] {
  const healthy = (fake: FakeExchangeServer) => fake.addAccount({ exchange, permissions: healthyPerms })
  const t = (check: CheckId, requests: number, extra: Partial<ContractCase['expect']> = {}): ContractCase['expect'] => ({
    check,
    state: 'fail',
    verdict: 'offline',
    transient: true,
    requests,
    ...extra,
  })
  return [
    {
      name: 'healthy key',
      code: null,
      arrange: (f) => ({ credentials: creds(healthy(f)) }),
      expect: { check: 'key', state: 'pass', verdict: 'online', transient: false, requests: 3 },
    },
    {
      name: 'unknown key',
      code: 'INVALID_KEY',
      arrange: (f) => ({ credentials: creds(healthy(f), { apiKey: fakeCredentials(exchange).apiKey }) }),
      expect: t('key', 2, { transient: false, skipped: ['secret', 'balance', 'trade', 'withdraw', 'ip'] }),
    },
    {
      name: 'key revoked on the exchange after it was added',
      code: 'INVALID_KEY',
      arrange: (f) => {
        const a = healthy(f)
        f.revokeAccount(a.apiKey)
        return { credentials: creds(a) }
      },
      expect: t('key', 2, { transient: false }),
    },
    {
      name: 'wrong secret',
      code: 'INVALID_SECRET',
      arrange: (f) => ({ credentials: creds(healthy(f), { secret: fakeCredentials(exchange).secret }) }),
      expect: t('secret', 2, { transient: false, skipped: ['balance', 'trade', 'withdraw', 'ip'] }),
    },
    {
      name: 'whitelist without our IP',
      code: 'IP_NOT_ALLOWED',
      arrange: (f) => ({ credentials: creds(f.addAccount({ exchange, permissions: healthyPerms, ipWhitelist: ['192.0.2.10'] })) }),
      expect: t('ip', 2, { transient: false, detail: { ips: OUR_IP }, skipped: ['secret', 'balance', 'trade', 'withdraw'] }),
    },
    {
      name: 'account frozen by the exchange',
      code: 'ACCOUNT_RESTRICTED',
      arrange: (f) => ({ credentials: creds(f.addAccount({ exchange, permissions: healthyPerms, frozen: true })) }),
      expect: t('key', 2, { transient: false }),
    },
    {
      name: 'our clock is 4 s behind the exchange',
      code: 'CLOCK_SKEW',
      arrange: (f) => {
        f.setClockSkew(4000, exchange)
        return { credentials: creds(healthy(f)) }
      },
      // The offset is measured against the midpoint of the time call, so it is 4 s give or take half its latency.
      expect: { check: 'reachable', state: 'warn', verdict: 'online', transient: false, detail: { latencyMs: expect.any(Number), skewMs: expect.closeTo(4000, -3) }, requests: 3 },
    },
    {
      name: '429 with Retry-After on the first signed call',
      code: 'RATE_LIMITED',
      arrange: (f) => {
        f.setScenario('rate-limit', { exchange, path: signedPath, retryAfterS: 7 })
        return { credentials: creds(healthy(f)) }
      },
      expect: t('reachable', 2, { detail: { retryAfterS: 7, during: firstSigned }, skipped: ['key', 'secret', 'balance', 'trade', 'withdraw', 'ip'] }),
    },
    {
      name: '429 on the time endpoint',
      code: 'RATE_LIMITED',
      arrange: (f) => {
        f.setScenario('rate-limit', { exchange })
        return { credentials: creds(healthy(f)) }
      },
      expect: t('reachable', 1, { detail: { retryAfterS: 2 }, skipped: ['key'] }),
    },
    {
      name: 'outage: gateway 503 HTML',
      code: 'EXCHANGE_UNAVAILABLE',
      arrange: (f) => {
        f.setScenario('outage', { exchange })
        return { credentials: creds(healthy(f)) }
      },
      expect: t('reachable', 1, { skipped: ['key', 'secret'] }),
    },
    {
      name: 'maintenance on the signed call',
      code: 'EXCHANGE_UNAVAILABLE',
      arrange: (f) => {
        f.setScenario('maintenance', { exchange, path: signedPath })
        return { credentials: creds(healthy(f)) }
      },
      expect: t('reachable', 2, { detail: { during: firstSigned }, skipped: ['key'] }),
    },
    {
      name: 'slow answer past the request timeout',
      code: 'EXCHANGE_UNAVAILABLE',
      arrange: (f) => {
        f.setScenario('slow', { exchange, path: signedPath, delayMs: 1500 })
        return { credentials: creds(healthy(f)), requestTimeoutMs: 300 }
      },
      expect: t('reachable', 2, { detail: { during: firstSigned }, skipped: ['key'] }),
    },
    {
      name: 'whole test past its total bound',
      code: 'EXCHANGE_UNAVAILABLE',
      arrange: (f) => {
        f.setScenario('slow', { exchange, path: signedPath, delayMs: 1500 })
        return { credentials: creds(healthy(f)), requestTimeoutMs: 5000, totalTimeoutMs: 300 }
      },
      expect: t('reachable', 2, { detail: { during: firstSigned }, skipped: ['key'] }),
    },
    {
      name: 'malformed JSON from the time endpoint',
      code: 'EXCHANGE_UNAVAILABLE',
      arrange: (f) => {
        f.setScenario('malformed', { exchange })
        return { credentials: creds(healthy(f)) }
      },
      expect: t('reachable', 1),
    },
    {
      name: 'connection reset on the signed call',
      code: 'EXCHANGE_UNAVAILABLE',
      arrange: (f) => {
        f.setScenario('reset', { exchange, path: signedPath })
        return { credentials: creds(healthy(f)) }
      },
      expect: t('reachable', 2, { detail: { during: firstSigned }, skipped: ['key'] }),
    },
    {
      name: 'an error code nobody has mapped',
      code: 'UNKNOWN',
      arrange: (f) => {
        f.setScenario('unknown-error', { exchange, path: signedPath })
        return { credentials: creds(healthy(f)) }
      },
      expect: t(firstSigned, 2, { transient: false }),
    },
  ]
}

const MEXC_SPOT = ['SPOT_ACCOUNT_READ', 'SPOT_DEAL_READ', 'SPOT_DEAL_WRITE']
const KUCOIN_SPOT = ['General', 'Spot']

/** Every case, per exchange. */
export const CASES: Record<ExchangeId, ContractCase[]> = {
  mexc: [
    ...commonCases('mexc', '/api/v3/account', 'balance', MEXC_SPOT),
    {
      name: 'key without account read',
      code: 'NO_READ_PERMISSION',
      arrange: (f) => ({ credentials: creds(f.addAccount({ exchange: 'mexc', permissions: ['SPOT_DEAL_WRITE'] })) }),
      expect: { check: 'balance', state: 'fail', verdict: 'offline', transient: false, requests: 3 },
    },
    {
      name: 'key without spot trading',
      code: 'NO_TRADE_PERMISSION',
      arrange: (f) => ({ credentials: creds(f.addAccount({ exchange: 'mexc', permissions: ['SPOT_ACCOUNT_READ'] })) }),
      expect: { check: 'trade', state: 'fail', verdict: 'offline', transient: false, requests: 3 },
    },
    {
      name: 'futures wanted, contract account not readable',
      code: 'NO_FUTURES_PERMISSION',
      arrange: (f) => ({ credentials: creds(f.addAccount({ exchange: 'mexc', permissions: MEXC_SPOT })), market: 'both' }),
      expect: { check: 'futures', state: 'fail', verdict: 'offline', transient: false, requests: 4 },
    },
    {
      name: 'futures readable but trading cannot be proven',
      code: 'FUTURES_UNVERIFIED',
      arrange: (f) => ({ credentials: creds(f.addAccount({ exchange: 'mexc', permissions: [...MEXC_SPOT, 'CONTRACT_ACCOUNT_READ'] })), market: 'both' }),
      expect: { check: 'futures', state: 'unknown', verdict: 'online', transient: false, detail: { read: 'ok' }, requests: 4 },
    },
    {
      name: 'withdrawal cannot be read from a MEXC key',
      code: 'WITHDRAW_UNVERIFIED',
      arrange: (f) => ({ credentials: creds(f.addAccount({ exchange: 'mexc', permissions: MEXC_SPOT })) }),
      expect: { check: 'withdraw', state: 'unknown', verdict: 'online', transient: false, requests: 3 },
    },
    {
      name: 'whitelist holds our IP but MEXC cannot show it',
      code: 'IP_UNVERIFIED',
      arrange: (f) => ({ credentials: creds(f.addAccount({ exchange: 'mexc', permissions: MEXC_SPOT, ipWhitelist: [OUR_IP] })) }),
      expect: { check: 'ip', state: 'unknown', verdict: 'online', transient: false, detail: { ips: OUR_IP }, requests: 3 },
    },
  ],
  kucoin: [
    ...commonCases('kucoin', '/api/v1/user/api-key', 'key', KUCOIN_SPOT),
    {
      name: 'wrong passphrase',
      code: 'INVALID_PASSPHRASE',
      arrange: (f) => ({ credentials: creds(f.addAccount({ exchange: 'kucoin', permissions: KUCOIN_SPOT }), { passphrase: 'NotTheOne42' }) }),
      expect: { check: 'passphrase', state: 'fail', verdict: 'offline', transient: false, skipped: ['secret', 'balance', 'trade', 'withdraw', 'ip'], requests: 2 },
    },
    {
      name: 'key without General (read)',
      code: 'NO_READ_PERMISSION',
      arrange: (f) => ({ credentials: creds(f.addAccount({ exchange: 'kucoin', permissions: ['Spot'] })) }),
      expect: { check: 'balance', state: 'fail', verdict: 'offline', transient: false, requests: 3 },
    },
    {
      name: 'key without Spot trading',
      code: 'NO_TRADE_PERMISSION',
      arrange: (f) => ({ credentials: creds(f.addAccount({ exchange: 'kucoin', permissions: ['General'] })) }),
      expect: { check: 'trade', state: 'fail', verdict: 'offline', transient: false, requests: 3 },
    },
    {
      name: 'futures wanted, no Futures permission (no futures call made)',
      code: 'NO_FUTURES_PERMISSION',
      arrange: (f) => ({ credentials: creds(f.addAccount({ exchange: 'kucoin', permissions: KUCOIN_SPOT })), market: 'both' }),
      expect: { check: 'futures', state: 'fail', verdict: 'offline', transient: false, requests: 3 },
    },
    {
      name: 'Transfer permission on: the key can withdraw',
      code: 'WITHDRAW_ENABLED',
      arrange: (f) => ({ credentials: creds(f.addAccount({ exchange: 'kucoin', permissions: ['General', 'Spot', 'Transfer'] })) }),
      expect: { check: 'withdraw', state: 'fail', verdict: 'unsafe', transient: false, detail: { permissions: 'Transfer' }, requests: 3 },
    },
    {
      name: 'no IP whitelist',
      code: 'IP_WHITELIST_MISSING',
      arrange: (f) => ({ credentials: creds(f.addAccount({ exchange: 'kucoin', permissions: KUCOIN_SPOT })) }),
      expect: { check: 'ip', state: 'warn', verdict: 'online', transient: false, detail: { ips: OUR_IP }, requests: 3 },
    },
    {
      name: 'whitelist (masked by KuCoin) lacks our second egress IP',
      code: 'IP_NOT_ALLOWED',
      arrange: (f) => ({
        credentials: creds(f.addAccount({ exchange: 'kucoin', permissions: KUCOIN_SPOT, ipWhitelist: [OUR_IP] })),
        egressIps: [OUR_IP, OTHER_OUR_IP],
      }),
      expect: { check: 'ip', state: 'fail', verdict: 'offline', transient: false, detail: { ips: OTHER_OUR_IP }, requests: 3 },
    },
  ],
}
