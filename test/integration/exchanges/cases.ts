/**
 * Contract cases: for each exchange, one scenario per diagnosis code it can produce, set up on
 * the fake exchange and checked against the report. Typed as Record<ExchangeId, ...> so a new
 * exchange cannot join the registry without its cases.
 */
import { expect } from 'vitest'
import type { CheckId, CheckState, Credentials, DiagnosisCode, ExchangeId, Market, Verdict } from '../../../src/domain/types.js'
import { fakeCredentials, fakePrivateKeyPem, type FakeAccountInput, type FakeExchangeServer } from '../../fakes/exchange-server.js'
import { bingxCases, bitgetCases, coinbaseCases, gateCases, htxCases } from './cases-next.js'

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
  /** Needs test options the e2e bot does not have (other timeouts or egress IPs): contract suite only. */
  contractOnly?: true
  arrange(fake: FakeExchangeServer): Arranged
  expect: {
    check: CheckId
    state: CheckState
    verdict: Verdict
    transient: boolean
    /** The target check's detail, exactly (none when absent); matchers allowed for measured values. */
    detail?: Record<string, unknown>
    /** Checks that must be `unknown` because `check` blocked them. */
    skipped?: CheckId[]
    requests: number
  }
}

/** The credentials a fake account answers to, with some fields replaced. */
export const creds = (a: { apiKey: string; secret: string; passphrase: string }, patch: Partial<Credentials> = {}): Credentials => ({
  apiKey: a.apiKey,
  secret: a.secret,
  ...(a.passphrase ? { passphrase: a.passphrase } : {}),
  ...patch,
})

/** How an exchange differs in the shared scenarios. */
export interface CommonSpec {
  /** The first signed call's path and the check it proves. */
  signedPath: string
  firstSigned: CheckId
  healthyPerms: string[]
  /** What a key the exchange does not know is called (Binance -2015, OKX 50119). */
  unknownKey?: DiagnosisCode
  /** Where a whitelist without our IP lands (Binance says -2015, as for a bad key). */
  ipRefused?: { code: DiagnosisCode; check: CheckId }
}

/** Failure scenarios shared by every exchange. */
export function commonCases(exchange: ExchangeId, spec: CommonSpec): ContractCase[] {
  const { signedPath, firstSigned, healthyPerms } = spec
  const unknownKey = spec.unknownKey ?? 'INVALID_KEY'
  const ipRefused = spec.ipRefused ?? { code: 'IP_NOT_ALLOWED', check: 'ip' }
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
      code: unknownKey,
      arrange: (f) => ({ credentials: creds(healthy(f), { apiKey: fakeCredentials(exchange).apiKey }) }),
      expect: t('key', 2, { transient: false, skipped: ['secret', 'balance', 'trade', 'withdraw', 'ip'] }),
    },
    {
      name: 'key revoked on the exchange after it was added',
      code: unknownKey,
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
      code: ipRefused.code,
      arrange: (f) => ({ credentials: creds(f.addAccount({ exchange, permissions: healthyPerms, ipWhitelist: ['192.0.2.10'] })) }),
      expect: t(ipRefused.check, 2, {
        transient: false,
        ...(ipRefused.code === 'IP_NOT_ALLOWED' ? { detail: { ips: OUR_IP }, skipped: ['secret', 'balance', 'trade', 'withdraw'] as CheckId[] } : { skipped: ['secret', 'balance', 'trade', 'withdraw', 'ip'] as CheckId[] }),
      }),
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
      contractOnly: true,
      name: 'slow answer past the request timeout',
      code: 'EXCHANGE_UNAVAILABLE',
      arrange: (f) => {
        f.setScenario('slow', { exchange, path: signedPath, delayMs: 1500 })
        return { credentials: creds(healthy(f)), requestTimeoutMs: 300 }
      },
      expect: t('reachable', 2, { detail: { during: firstSigned }, skipped: ['key'] }),
    },
    {
      contractOnly: true,
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
const BINANCE_SPOT = ['enableReading', 'enableSpotAndMarginTrading']
const BYBIT_SPOT = ['Spot:SpotTrade']
const BYBIT_ALL = ['Spot:SpotTrade', 'ContractTrade:Order', 'ContractTrade:Position', 'Derivatives:DerivativesTrade']
const OKX_TRADE = ['read_only', 'trade']
const DAY_MS = 86_400_000

/** Days left until a stated expiry as the report counts them (rounded up), give or take the day the suite may cross. */
const daysUntil = (ms: number) => expect.closeTo(Math.ceil((ms - Date.now()) / DAY_MS), -0.4)

/** A report expectation for a non-transient outcome. */
const settled = (check: CheckId, state: CheckState, verdict: Verdict, requests: number, extra: Partial<ContractCase['expect']> = {}): ContractCase['expect'] => ({
  check,
  state,
  verdict,
  transient: false,
  requests,
  ...extra,
})

/** A case on one exchange: an account (and optionally a scenario or other credentials) and its outcome. */
function kase(
  exchange: ExchangeId,
  name: string,
  code: DiagnosisCode | null,
  account: Omit<FakeAccountInput, 'exchange'>,
  expect: ContractCase['expect'],
  more: { market?: Market; egressIps?: string[]; contractOnly?: true; patch?: (a: { apiKey: string; secret: string; passphrase: string }) => Partial<Credentials>; before?: (f: FakeExchangeServer) => void } = {},
): ContractCase {
  return {
    name,
    code,
    ...(more.egressIps || more.contractOnly ? { contractOnly: true as const } : {}),
    arrange: (f) => {
      more.before?.(f)
      const a = f.addAccount({ exchange, ...account })
      return { credentials: creds(a, more.patch?.(a) ?? {}), ...(more.market ? { market: more.market } : {}), ...(more.egressIps ? { egressIps: more.egressIps } : {}) }
    },
    expect,
  }
}

/** A case where the exchange answers one of its documented error bodies on `path`. */
function refusal(exchange: ExchangeId, name: string, code: DiagnosisCode | null, exchangeCode: string, path: string, perms: string[], expect: ContractCase['expect'], market?: Market): ContractCase {
  return kase(exchange, name, code, { permissions: perms }, expect, { before: (f) => f.setScenario('error', { exchange, path, code: exchangeCode }), ...(market ? { market } : {}) })
}

const mexc = (...a: Parameters<typeof kase> extends [unknown, ...infer R] ? R : never) => kase('mexc', ...a)
const kucoin = (...a: Parameters<typeof kase> extends [unknown, ...infer R] ? R : never) => kase('kucoin', ...a)
const binance = (...a: Parameters<typeof kase> extends [unknown, ...infer R] ? R : never) => kase('binance', ...a)
const bybit = (...a: Parameters<typeof kase> extends [unknown, ...infer R] ? R : never) => kase('bybit', ...a)
const okx = (...a: Parameters<typeof kase> extends [unknown, ...infer R] ? R : never) => kase('okx', ...a)

/** Every case, per exchange. */
export const CASES: Record<ExchangeId, ContractCase[]> = {
  mexc: [
    ...commonCases('mexc', { signedPath: '/api/v3/account', firstSigned: 'balance', healthyPerms: MEXC_SPOT }),
    mexc('key without account read', 'NO_READ_PERMISSION', { permissions: ['SPOT_DEAL_WRITE'] }, settled('balance', 'fail', 'offline', 3)),
    mexc('key without spot trading', 'NO_TRADE_PERMISSION', { permissions: ['SPOT_ACCOUNT_READ'] }, settled('trade', 'fail', 'offline', 3)),
    mexc('key limited to other pairs (30020): trades, but not the probe pair', 'NO_TRADE_PERMISSION', { permissions: MEXC_SPOT, symbols: ['ETHUSDT'] }, settled('trade', 'warn', 'online', 3, { detail: { symbol: 'BTCUSDT' } })),
    refusal('mexc', 'order/test refused on its merits (30018 market orders disabled): trading is proven', null, '30018', '/api/v3/order/test', MEXC_SPOT, settled('trade', 'pass', 'online', 3)),
    mexc('futures wanted, contract account not readable', 'NO_FUTURES_PERMISSION', { permissions: MEXC_SPOT }, settled('futures', 'fail', 'offline', 4), { market: 'both' }),
    mexc('futures readable but trading cannot be proven', 'FUTURES_UNVERIFIED', { permissions: [...MEXC_SPOT, 'CONTRACT_ACCOUNT_READ'] }, settled('futures', 'unknown', 'online', 4, { detail: { read: 'ok' } }), { market: 'both' }),
    refusal('mexc', 'contract API time window refused (513)', 'CLOCK_SKEW', '513', '/api/v1/private', [...MEXC_SPOT, 'CONTRACT_ACCOUNT_READ'], settled('reachable', 'fail', 'offline', 4, { detail: { skewMs: expect.any(Number), during: 'futures' } }), 'both'),
    mexc('withdrawal cannot be read from a MEXC key', 'WITHDRAW_UNVERIFIED', { permissions: MEXC_SPOT }, settled('withdraw', 'unknown', 'online', 3)),
    mexc('whitelist holds our IP but MEXC cannot show it', 'IP_UNVERIFIED', { permissions: MEXC_SPOT, ipWhitelist: [OUR_IP] }, settled('ip', 'unknown', 'online', 3, { detail: { ips: OUR_IP } })),
    mexc('a key whose IP link cannot be seen may expire after 90 days', 'KEY_EXPIRY_RULE', { permissions: MEXC_SPOT }, settled('expiry', 'unknown', 'online', 3, { detail: { days: 90 } })),
    refusal('mexc', 'web firewall limit (HTTP 403, code 403) is a rate limit, not a permission', 'RATE_LIMITED', '403', '/api/v3/account', MEXC_SPOT, { ...settled('reachable', 'fail', 'offline', 2, { detail: { during: 'balance' } }), transient: true }),
    refusal('mexc', 'API-key format invalid (700001)', 'INVALID_KEY', '700001', '/api/v3/account', MEXC_SPOT, settled('key', 'fail', 'offline', 2)),
    refusal('mexc', 'API key expired (402)', 'KEY_EXPIRED', '402', '/api/v3/account', MEXC_SPOT, settled('key', 'fail', 'offline', 2)),
  ],
  kucoin: [
    ...commonCases('kucoin', { signedPath: '/api/v1/user/api-key', firstSigned: 'key', healthyPerms: KUCOIN_SPOT }),
    kucoin('wrong passphrase', 'INVALID_PASSPHRASE', { permissions: KUCOIN_SPOT }, settled('passphrase', 'fail', 'offline', 2, { skipped: ['secret', 'balance', 'trade', 'withdraw', 'ip'] }), { patch: () => ({ passphrase: 'NotTheOne42' }) }),
    kucoin('key without General (read)', 'NO_READ_PERMISSION', { permissions: ['Spot'] }, settled('balance', 'fail', 'offline', 3)),
    refusal('kucoin', 'UID access denied, requires more permission (400010)', 'NO_READ_PERMISSION', '400010', '/api/v1/user/api-key', KUCOIN_SPOT, settled('balance', 'fail', 'offline', 2)),
    kucoin('key without Spot trading', 'NO_TRADE_PERMISSION', { permissions: ['General'] }, settled('trade', 'fail', 'offline', 3)),
    kucoin('futures wanted, no Futures permission (no futures call made)', 'NO_FUTURES_PERMISSION', { permissions: KUCOIN_SPOT }, settled('futures', 'fail', 'offline', 3), { market: 'both' }),
    kucoin('Transfer permission on: the key can withdraw', 'WITHDRAW_ENABLED', { permissions: ['General', 'Spot', 'Transfer'] }, settled('withdraw', 'fail', 'unsafe', 3, { detail: { permissions: 'Withdrawal (API: Transfer)' } })),
    kucoin('no IP whitelist', 'IP_WHITELIST_MISSING', { permissions: KUCOIN_SPOT }, settled('ip', 'warn', 'online', 3, { detail: { ips: OUR_IP } })),
    kucoin('no IP whitelist: KuCoin limits trading keys after 30 days unused', 'KEY_EXPIRY_RULE', { permissions: KUCOIN_SPOT }, settled('expiry', 'warn', 'online', 3, { detail: { days: 30 } })),
    kucoin('whitelisted key has no expiry', null, { permissions: KUCOIN_SPOT, ipWhitelist: [OUR_IP] }, settled('expiry', 'pass', 'online', 3)),
    kucoin('whitelist (masked by KuCoin) lacks our second egress IP', 'IP_NOT_ALLOWED', { permissions: KUCOIN_SPOT, ipWhitelist: [OUR_IP] }, settled('ip', 'fail', 'offline', 3, { detail: { ips: OTHER_OUR_IP } }), { egressIps: [OUR_IP, OTHER_OUR_IP] }),
    refusal('kucoin', 'V1/V2 key retired (400008): create a V3 key', 'KEY_OUTDATED', '400008', '/api/v1/user/api-key', KUCOIN_SPOT, settled('key', 'fail', 'offline', 2)),
    refusal('kucoin', 'key version refused (400009)', 'KEY_OUTDATED', '400009', '/api/v1/user/api-key', KUCOIN_SPOT, settled('key', 'fail', 'offline', 2)),
    refusal('kucoin', 'partner signature refused (4002xx): not the user key, not guessed', 'UNKNOWN', '400201', '/api/v1/user/api-key', KUCOIN_SPOT, settled('key', 'fail', 'offline', 2)),
    refusal('kucoin', 'restricted by local laws (4003xx)', 'ACCOUNT_RESTRICTED', '400301', '/api/v1/user/api-key', KUCOIN_SPOT, settled('key', 'fail', 'offline', 2)),
    refusal('kucoin', "Cloudflare's per-IP limit (1015, plain text 429)", 'RATE_LIMITED', '1015', '/api/v1/user/api-key', KUCOIN_SPOT, { ...settled('reachable', 'fail', 'offline', 2, { detail: { during: 'key' } }), transient: true }),
    refusal('kucoin', 'per-endpoint limit (200002 with HTTP 429)', 'RATE_LIMITED', '200002', '/api/v1/user/api-key', KUCOIN_SPOT, { ...settled('reachable', 'fail', 'offline', 2, { detail: { during: 'key' } }), transient: true }),
  ],
  binance: [
    ...commonCases('binance', { signedPath: '/sapi/v1/account/apiRestrictions', firstSigned: 'key', healthyPerms: BINANCE_SPOT, unknownKey: 'KEY_REJECTED', ipRefused: { code: 'KEY_REJECTED', check: 'key' } }),
    binance('healthy Ed25519 key (PEM private key as the secret)', null, { keyType: 'ed25519', permissions: BINANCE_SPOT, ipWhitelist: [OUR_IP] }, settled('key', 'pass', 'online', 3)),
    binance('healthy RSA key (PEM private key as the secret)', null, { keyType: 'rsa', permissions: BINANCE_SPOT, ipWhitelist: [OUR_IP] }, settled('ip', 'pass', 'online', 3)),
    binance('Ed25519 key signed with another private key', 'INVALID_SECRET', { keyType: 'ed25519', permissions: BINANCE_SPOT }, settled('secret', 'fail', 'offline', 2), { patch: () => ({ secret: fakePrivateKeyPem('ed25519') }) }),
    binance('API key cut short (-2014)', 'INVALID_KEY', { permissions: BINANCE_SPOT }, settled('key', 'fail', 'offline', 2), { contractOnly: true, patch: (a) => ({ apiKey: a.apiKey.slice(0, 63) }) }),
    binance('key without Enable Reading', 'NO_READ_PERMISSION', { permissions: ['enableSpotAndMarginTrading'] }, settled('balance', 'fail', 'offline', 2)),
    binance('key without Enable Spot & Margin Trading', 'NO_TRADE_PERMISSION', { permissions: ['enableReading'] }, settled('trade', 'fail', 'offline', 3)),
    binance('futures wanted, no Enable Futures (no futures call made)', 'NO_FUTURES_PERMISSION', { permissions: BINANCE_SPOT }, settled('futures', 'fail', 'offline', 3), { market: 'both' }),
    refusal('binance', 'futures refused with -2015 after the account was read (ccxt: DDoSProtection)', 'NO_FUTURES_PERMISSION', '-2015', '/fapi/', [...BINANCE_SPOT, 'enableFutures'], settled('futures', 'fail', 'offline', 4), 'both'),
    binance('futures switch missing from the answer: not proven', 'FUTURES_UNVERIFIED', { permissions: [...BINANCE_SPOT, 'enableFutures'], omitFields: ['enableFutures'] }, settled('futures', 'unknown', 'online', 3), { market: 'both' }),
    binance('Enable Withdrawals on: refused', 'WITHDRAW_ENABLED', { permissions: [...BINANCE_SPOT, 'enableWithdrawals'], ipWhitelist: [OUR_IP] }, settled('withdraw', 'fail', 'unsafe', 3, { detail: { permissions: 'Enable Withdrawals' } })),
    binance('Enable Internal Transfer on: funds can leave, refused', 'WITHDRAW_ENABLED', { permissions: [...BINANCE_SPOT, 'enableInternalTransfer'] }, settled('withdraw', 'fail', 'unsafe', 3, { detail: { permissions: 'Enable Internal Transfer' } })),
    binance('withdrawal switch missing from the answer: never a pass', 'WITHDRAW_UNVERIFIED', { permissions: BINANCE_SPOT, omitFields: ['enableWithdrawals'] }, settled('withdraw', 'unknown', 'online', 3)),
    binance('unrestricted key (no IP restriction)', 'IP_WHITELIST_MISSING', { permissions: BINANCE_SPOT }, settled('ip', 'warn', 'online', 3, { detail: { ips: OUR_IP } })),
    binance('restricted key, but only one of our two IPs can be proven', 'IP_UNVERIFIED', { permissions: BINANCE_SPOT, ipWhitelist: [OUR_IP] }, settled('ip', 'unknown', 'online', 3, { detail: { ips: `${OUR_IP}, ${OTHER_OUR_IP}` } }), { egressIps: [OUR_IP, OTHER_OUR_IP] }),
    binance('unrestricted key loses spot trading after 30 days', 'KEY_EXPIRY_RULE', { permissions: BINANCE_SPOT }, settled('expiry', 'warn', 'online', 3, { detail: { days: 30 } })),
    binance('Binance states when spot trading expires', 'KEY_EXPIRES', { permissions: BINANCE_SPOT, expiresAt: Date.UTC(2031, 0, 15) }, settled('expiry', 'warn', 'online', 3, { detail: { date: '2031-01-15', expiresAt: Date.UTC(2031, 0, 15), daysLeft: daysUntil(Date.UTC(2031, 0, 15)) } })),
    refusal('binance', 'not authorized for this request (-1002)', 'NO_READ_PERMISSION', '-1002', '/sapi/v1/account/apiRestrictions', BINANCE_SPOT, settled('balance', 'fail', 'offline', 2)),
  ],
  bybit: [
    ...commonCases('bybit', { signedPath: '/v5/user/query-api', firstSigned: 'key', healthyPerms: BYBIT_SPOT }),
    bybit('healthy RSA key (self-generated, PEM private key as the secret)', null, { keyType: 'rsa', permissions: BYBIT_SPOT, ipWhitelist: [OUR_IP] }, settled('expiry', 'pass', 'online', 3)),
    bybit('key past its expiry date (33004)', 'KEY_EXPIRED', { permissions: BYBIT_SPOT, expiresAt: Date.now() - DAY_MS }, settled('key', 'fail', 'offline', 2)),
    refusal('bybit', 'wallet read refused (10005)', 'NO_READ_PERMISSION', '10005', '/v5/account/wallet-balance', BYBIT_SPOT, settled('balance', 'fail', 'offline', 3)),
    bybit('Read-Only key', 'NO_TRADE_PERMISSION', { permissions: BYBIT_SPOT, readOnly: true }, settled('trade', 'fail', 'offline', 3)),
    bybit('futures wanted, no Contract or Derivatives trading', 'NO_FUTURES_PERMISSION', { permissions: BYBIT_SPOT }, settled('futures', 'fail', 'offline', 3), { market: 'both' }),
    bybit('classic account: futures read from the contract wallet', null, { permissions: BYBIT_ALL, uta: false, ipWhitelist: [OUR_IP] }, settled('futures', 'pass', 'online', 4), { market: 'both' }),
    bybit('Wallet: Withdraw on: refused', 'WITHDRAW_ENABLED', { permissions: [...BYBIT_SPOT, 'Wallet:AccountTransfer', 'Wallet:Withdraw'], ipWhitelist: [OUR_IP] }, settled('withdraw', 'fail', 'unsafe', 3, { detail: { permissions: 'Wallet: Withdraw' } })),
    bybit('Wallet group missing from the answer: never a pass', 'WITHDRAW_UNVERIFIED', { permissions: BYBIT_SPOT, omitFields: ['Wallet'] }, settled('withdraw', 'unknown', 'online', 3)),
    bybit('no IP bound', 'IP_WHITELIST_MISSING', { permissions: BYBIT_SPOT }, settled('ip', 'warn', 'online', 3, { detail: { ips: OUR_IP } })),
    bybit('bound IPs lack our second egress IP', 'IP_NOT_ALLOWED', { permissions: BYBIT_SPOT, ipWhitelist: [OUR_IP] }, settled('ip', 'fail', 'offline', 3, { detail: { ips: OTHER_OUR_IP } }), { egressIps: [OUR_IP, OTHER_OUR_IP] }),
    bybit('IP list missing from the answer', 'IP_UNVERIFIED', { permissions: BYBIT_SPOT, omitFields: ['ips'] }, settled('ip', 'unknown', 'online', 3, { detail: { ips: OUR_IP } })),
    bybit('unbound key: Bybit states the day it expires', 'KEY_EXPIRES', { permissions: BYBIT_SPOT, expiresAt: Date.UTC(2031, 5, 30) }, settled('expiry', 'warn', 'online', 3, { detail: { date: '2031-06-30', expiresAt: Date.UTC(2031, 5, 30), daysLeft: daysUntil(Date.UTC(2031, 5, 30)) } })),
    bybit('unbound key without a stated date: the 90-day rule', 'KEY_EXPIRY_RULE', { permissions: BYBIT_SPOT, omitFields: ['expiredAt', 'deadlineDay'] }, settled('expiry', 'warn', 'online', 3, { detail: { days: 90 } })),
    refusal('bybit', 'region or IP banned (10009)', 'ACCOUNT_RESTRICTED', '10009', '/v5/user/query-api', BYBIT_SPOT, settled('key', 'fail', 'offline', 2)),
  ],
  okx: [
    ...commonCases('okx', { signedPath: '/api/v5/account/config', firstSigned: 'key', healthyPerms: OKX_TRADE, unknownKey: 'KEY_WRONG_ENVIRONMENT' }),
    okx('key that is not an OKX key at all (50111)', 'INVALID_KEY', { permissions: OKX_TRADE }, settled('key', 'fail', 'offline', 2), { patch: () => ({ apiKey: 'not-an-okx-key-0000' }) }),
    okx('demo-trading key used live (50101)', 'KEY_WRONG_ENVIRONMENT', { permissions: OKX_TRADE, demo: true }, settled('key', 'fail', 'offline', 2)),
    okx('wrong passphrase', 'INVALID_PASSPHRASE', { permissions: OKX_TRADE }, settled('passphrase', 'fail', 'offline', 2, { skipped: ['balance', 'trade', 'withdraw', 'ip'] }), { patch: () => ({ passphrase: 'NotTheOne-42' }) }),
    refusal('okx', 'balance refused (50120)', 'NO_READ_PERMISSION', '50120', '/api/v5/account/balance', OKX_TRADE, settled('balance', 'fail', 'offline', 3)),
    okx('Read-only key', 'NO_TRADE_PERMISSION', { permissions: ['read_only'] }, settled('trade', 'fail', 'offline', 3)),
    okx('futures wanted, account in Spot mode (acctLv 1)', 'NO_FUTURES_PERMISSION', { permissions: OKX_TRADE, acctLv: '1' }, settled('futures', 'fail', 'offline', 3), { market: 'both' }),
    okx('account mode missing from the answer', 'FUTURES_UNVERIFIED', { permissions: OKX_TRADE, omitFields: ['acctLv'] }, settled('futures', 'unknown', 'online', 3), { market: 'both' }),
    okx('Withdraw permission on: refused', 'WITHDRAW_ENABLED', { permissions: ['read_only', 'trade', 'withdraw'], ipWhitelist: [OUR_IP] }, settled('withdraw', 'fail', 'unsafe', 3, { detail: { permissions: 'Withdraw' } })),
    okx('empty permission list: withdrawal never read as off', 'WITHDRAW_UNVERIFIED', { permissions: [] }, settled('withdraw', 'unknown', 'offline', 3)),
    okx('no IP bound', 'IP_WHITELIST_MISSING', { permissions: OKX_TRADE }, settled('ip', 'warn', 'online', 3, { detail: { ips: OUR_IP } })),
    okx('bound IPs lack our second egress IP', 'IP_NOT_ALLOWED', { permissions: OKX_TRADE, ipWhitelist: [OUR_IP] }, settled('ip', 'fail', 'offline', 3, { detail: { ips: OTHER_OUR_IP } }), { egressIps: [OUR_IP, OTHER_OUR_IP] }),
    okx('IP field missing from the answer', 'IP_UNVERIFIED', { permissions: OKX_TRADE, omitFields: ['ip'] }, settled('ip', 'unknown', 'online', 3, { detail: { ips: OUR_IP } })),
    okx('unbound trading key expires after 14 days unused', 'KEY_EXPIRY_RULE', { permissions: OKX_TRADE }, settled('expiry', 'warn', 'online', 3, { detail: { days: 14 } })),
    okx('bound key has no expiry', null, { permissions: OKX_TRADE, ipWhitelist: [OUR_IP] }, settled('expiry', 'pass', 'online', 3)),
  ],
  bitget: bitgetCases(),
  bingx: bingxCases(),
  htx: htxCases(),
  gate: gateCases(),
  coinbase: coinbaseCases(),
}
