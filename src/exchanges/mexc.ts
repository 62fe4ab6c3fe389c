/**
 * MEXC spot v3 (and the contract API for futures). MEXC has no endpoint that reports a key's
 * own permissions or IP list, so this adapter proves what it can by calling the endpoints the
 * key needs, and reports the rest (withdrawal, IP list, futures trading) as `unknown`.
 *
 * Requests per test: time, account, order/test (spot/both), contract assets (futures/both):
 * 3 for spot, 3 for futures, 4 for both.
 *
 * Expiry: MEXC keys without a linked IP are valid for 90 days (spot docs FAQ), and whether a
 * key has one cannot be read, so the expiry check states the rule as `unknown`.
 */
import type { mexc } from 'ccxt'
import type { CheckId, Credentials, Market } from '../domain/types.js'
import type { ExchangeAdapter, TestOptions } from './adapter.js'
import { countHeldBalances } from './balances.js'
import { createCcxtClient } from './ccxt-client.js'
import { loadCcxtClass } from './ccxt-load.js'
import type { AdapterDeps } from './deps.js'
import { BadShapeError, type CodeTable } from './diagnose.js'
import { setExpiryRule } from './expiry.js'
import { validateWith, type FormatRules } from './format.js'
import { createSession, requireNumber, requireObject, type StepSpec } from './session.js'

/**
 * Field shapes. Confirmed in MEXC's API docs examples: keys like `mx0aBYs33eIilxBWC5` (18
 * alphanumerics, every example starts `mx0`), secrets like `45d0b3c26f2644f19bfb98b07741b2f5`
 * (32 hex). The key length range is kept loose (16-40) and the `mx0` prefix is used only to
 * spot swapped fields, because only examples, not a rule, were found.
 */
export const MEXC_FORMAT: FormatRules = {
  apiKey: { charset: /[A-Za-z0-9]/, minLength: 16, maxLength: 40, looksLike: /^mx0[A-Za-z0-9]{10,}$/ },
  secret: { charset: /[0-9a-fA-F]/, minLength: 32, maxLength: 32 },
}

/**
 * MEXC's own codes (ccxt 4.5.84 exception table plus the spot v3 and contract docs). ccxt alone
 * would call 10072 and 700006 BadRequest, 700002 and 700007 the same AuthenticationError, and a
 * `403` body (MEXC's web firewall limit) PermissionDenied. Several codes here (402, 406, 602,
 * 701-704, 510, 604, 801) are the contract API's, applied to both APIs: they do not collide.
 */
export const MEXC_CODES: CodeTable = {
  '10072': 'INVALID_KEY', // invalid access key
  '700001': 'INVALID_KEY', // API-key format invalid
  '402': 'KEY_EXPIRED', // API key expired (contract)
  '700002': 'INVALID_SECRET', // signature not valid: wrong secret, or (ccxt) an expired key
  '602': 'INVALID_SECRET', // signature verification failed
  '700003': 'CLOCK_SKEW', // timestamp outside recvWindow
  '700006': 'IP_NOT_ALLOWED', // IP not in the key's whitelist
  '406': 'IP_NOT_ALLOWED',
  '700007': 'PERMISSION', // no permission to access the endpoint
  '701': 'PERMISSION',
  '702': 'PERMISSION',
  '703': 'PERMISSION',
  '704': 'PERMISSION',
  '429': 'RATE_LIMITED',
  '403': 'RATE_LIMITED', // "Access Denied": the web firewall's rate limit, not a permission
  '510': 'RATE_LIMITED',
  '500': 'EXCHANGE_UNAVAILABLE',
  '501': 'EXCHANGE_UNAVAILABLE',
  '503': 'EXCHANGE_UNAVAILABLE',
  '504': 'EXCHANGE_UNAVAILABLE',
  '604': 'EXCHANGE_UNAVAILABLE', // feature under maintenance
  '801': 'EXCHANGE_UNAVAILABLE', // system under maintenance
  '11444': 'EXCHANGE_UNAVAILABLE', // temporarily unavailable
  '60005': 'ACCOUNT_RESTRICTED', // account abnormal
  '730100': 'ACCOUNT_RESTRICTED', // unusual user status
  '140002': 'ACCOUNT_RESTRICTED', // sub-account forbidden
}

// On the contract API, 401 ("no authority") and 1000 (no contract account) mean futures is off
// for this key; 513 is its time-window refusal (request time more than 10 s off).
const CONTRACT_CODES: CodeTable = { '401': 'PERMISSION', '1000': 'PERMISSION', '10073': 'CLOCK_SKEW', '513': 'CLOCK_SKEW' }

// order/test rejected the order on its merits: the key got past the permission check
// (30018 "market order is disabled" included: the probe is a limit order anyway).
const ORDER_MERIT_CODES = new Set(['30002', '30003', '30004', '30005', '30010', '30014', '30016', '30018', '30027', '30028', '30029', '30032', '30041', '30087', '10101', '10095', '10096', '10097', '10102', '2011', '-2011', '-1121', '10007'])
// The key trades, but not this pair: MEXC keys carry a per-pair list (30020 "no permission for
// the symbol"; ccxt calls it AuthenticationError, which would blame the key).
const PAIR_NOT_ENABLED_CODES = new Set(['70011', '10004', '30020'])

/** MEXC: "The validity of an API Key without a linked IP address is 90 days" (spot docs FAQ). */
export const MEXC_UNBOUND_DAYS = 90

/** The pair used to prove trade permission through order/test; it is never placed. */
export const MEXC_PROBE_SYMBOL = 'BTCUSDT'

const ACCOUNT: StepSpec = { check: 'balance', permission: { code: 'NO_READ_PERMISSION', check: 'balance' } }
const ORDER_TEST: StepSpec = { check: 'trade', permission: { code: 'NO_TRADE_PERMISSION', check: 'trade' } }
const CONTRACT: StepSpec = { check: 'futures', permission: { code: 'NO_FUTURES_PERMISSION', check: 'futures' }, table: CONTRACT_CODES }

/** Builds the MEXC adapter; `deps.urls.mexc` replaces every MEXC host (spot, contract, v2, broker). */
export function createMexcAdapter(deps: AdapterDeps): ExchangeAdapter {
  return {
    id: 'mexc',
    label: 'MEXC',
    keyTerm: 'Access Key',
    credentialFields: [
      { field: 'apiKey', secret: false },
      { field: 'secret', secret: true },
    ],
    markets: ['spot', 'futures', 'both'],
    validateField: (field, value, others) => (field === 'passphrase' ? null : validateWith(MEXC_FORMAT, field, value, others)),
    testConnection: (credentials, options) => testMexc(deps, credentials, options),
  }
}

function checksFor(market: Market): CheckId[] {
  const ids: CheckId[] = ['reachable', 'key', 'secret', 'balance', 'trade']
  if (market !== 'spot') ids.push('futures')
  return [...ids, 'withdraw', 'ip', 'expiry']
}

async function testMexc(deps: AdapterDeps, credentials: Credentials, options: TestOptions) {
  const base = deps.urls.mexc
  const client = createCcxtClient(await loadCcxtClass<mexc>('mexc'), {
    credentials,
    timeoutMs: options.requestTimeoutMs,
    ...(base ? { origin: () => base } : {}),
  })
  const s = createSession({ exchange: 'mexc', checks: checksFor(options.market), client, table: MEXC_CODES, options })
  const { report } = s

  if (!(await s.measureReachable((ex) => ex.spotPublicGetTime(), (raw) => requireNumber(requireObject(raw)['serverTime'])))) return s.finish()

  const assets = await s.call(ACCOUNT, (ex) => ex.spotPrivateGetAccount(), countHeldBalances)
  if (s.blocked) return s.finish()
  report.set('key', 'pass')
  report.set('secret', 'pass')
  if (assets !== undefined) report.set('balance', 'pass', undefined, { assets })

  if (options.market === 'futures') {
    report.set('trade', 'unknown', 'FUTURES_UNVERIFIED')
  } else {
    const r = await s.tryCall(ORDER_TEST, (ex) => ex.spotPrivatePostOrderTest(probeOrder()), () => true)
    const code = r.ok ? undefined : r.failure.exchangeCode
    if (r.ok || (code !== undefined && ORDER_MERIT_CODES.has(code))) report.set('trade', 'pass')
    else if (code !== undefined && PAIR_NOT_ENABLED_CODES.has(code)) report.set('trade', 'warn', 'NO_TRADE_PERMISSION', { symbol: MEXC_PROBE_SYMBOL })
    else s.record(r.failure, ORDER_TEST)
    if (s.blocked) return s.finish()
  }

  if (options.market !== 'spot') {
    // Reading the contract account proves futures access; API futures orders are restricted
    // on MEXC (institutional only since 2022), so trading there stays unverified.
    const read = await s.call(CONTRACT, (ex) => ex.contractPrivateGetAccountAssets(), requireContractOk)
    if (s.blocked) return s.finish()
    if (read) report.set('futures', 'unknown', 'FUTURES_UNVERIFIED', { read: 'ok' })
  }

  // MEXC exposes no key-level withdrawal flag (canWithdraw is the account's), so never a pass.
  report.set('withdraw', 'unknown', 'WITHDRAW_UNVERIFIED')
  // Our calls got through, so either there is no whitelist or it holds this IP: we cannot tell which.
  report.set('ip', 'unknown', 'IP_UNVERIFIED', { ips: options.egressIps.join(', ') })
  setExpiryRule(report, undefined, MEXC_UNBOUND_DAYS)
  return s.finish()
}

function probeOrder(): Record<string, string> {
  // A limit buy far below the market: valid on its face, never placed (order/test only validates).
  return { symbol: MEXC_PROBE_SYMBOL, side: 'BUY', type: 'LIMIT', quantity: '0.001', price: '10000' }
}

function requireContractOk(raw: unknown): boolean {
  const o = requireObject(raw)
  if (o['success'] !== true || !Array.isArray(o['data'])) throw new BadShapeError('contract')
  return true
}
