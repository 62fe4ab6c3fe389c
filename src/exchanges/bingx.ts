/**
 * BingX, one host for spot and perpetual futures. `GET /openApi/v1/account/apiPermissions`
 * reports the calling key's permissions (5 = withdrawal) and IP whitelist, so trade, futures and
 * withdrawal are read from the key itself.
 *
 * Two ccxt quirks shape this file: ccxt's BingX signs with its own clock, ignoring the clock
 * correction every other adapter gets (`nonce()` returns `milliseconds()`), so a skew beyond
 * BingX's 5 s window makes every signed call fail; and ccxt mis-classes several BingX codes
 * (100413 bad key as ExchangeError, 100419 IP as PermissionDenied, 100421 and 80014 timestamp as
 * BadSymbol and BadRequest, 100410 rate limit as OperationFailed). Both are handled by the code
 * table below: the exchange's code decides, and a skewed clock reads as CLOCK_SKEW, never a bad key.
 *
 * Requests per test: time, apiPermissions, spot balance, perpetual balance (futures/both and only
 * when the key has permission 3): 3 for spot, at most 4 otherwise.
 */
import type { bingx } from 'ccxt'
import type { CheckId, Credentials, Market } from '../domain/types.js'
import type { ExchangeAdapter, TestOptions } from './adapter.js'
import { parseBingxKeyInfo } from './bingx-permissions.js'
import { createCcxtClient } from './ccxt-client.js'
import { loadCcxtClass } from './ccxt-load.js'
import type { AdapterDeps } from './deps.js'
import { BadShapeError, type CodeTable } from './diagnose.js'
import { setExpiryRule } from './expiry.js'
import { validateWith, type FormatRules } from './format.js'
import { setWhitelistCheck, setWithdrawCheck } from './key-checks.js'
import { createSession, requireNumber, requireObject, type StepSpec } from './session.js'

/**
 * Field shapes. BingX documents no format for keys or secrets [unverified]; both are long
 * alphanumerics in practice, so only the charset and a loose 16-128 range are enforced.
 */
export const BINGX_FORMAT: FormatRules = {
  apiKey: { charset: /[A-Za-z0-9]/, minLength: 16, maxLength: 128 },
  secret: { charset: /[A-Za-z0-9]/, minLength: 16, maxLength: 128 },
}

/** BingX's codes (its apiPermissions and common error tables); every one ccxt mis-classes is here. */
export const BINGX_CODES: CodeTable = {
  '100413': 'INVALID_KEY', // Incorrect apiKey (ccxt: ExchangeError)
  '100001': 'INVALID_SECRET', // signature verification failed
  '100412': 'UNKNOWN', // null signature: our bug, not the user's
  '100419': 'IP_NOT_ALLOWED', // IP does not match IP whitelist (ccxt: PermissionDenied)
  '100421': 'CLOCK_SKEW', // null timestamp or timestamp mismatch (ccxt: BadSymbol)
  '100004': 'PERMISSION', // permission denied as the API key was created without the permission
  '100410': 'RATE_LIMITED', // rate limited / endpoint in its disabled period (ccxt: OperationFailed)
  '100500': 'EXCHANGE_UNAVAILABLE', // internal system error, system busy
  '80012': 'EXCHANGE_UNAVAILABLE', // service unavailable
  '100414': 'ACCOUNT_RESTRICTED', // risk control check failed
  '80020': 'ACCOUNT_RESTRICTED', // risk forbidden
}

// On apiPermissions BingX documents 80014 as "timestamp is invalid" (elsewhere: "Invalid parameter").
const PERMISSIONS_CODES: CodeTable = { '80014': 'CLOCK_SKEW' }

/** BingX deletes an unbound key with trading permissions after this many days without use. */
export const BINGX_UNBOUND_KEY_DAYS = 14

const PERMISSIONS: StepSpec = { check: 'key', permission: { code: 'NO_READ_PERMISSION', check: 'balance' }, table: PERMISSIONS_CODES }
const BALANCE: StepSpec = { check: 'balance', permission: { code: 'NO_READ_PERMISSION', check: 'balance' } }
const FUTURES: StepSpec = { check: 'futures', permission: { code: 'NO_FUTURES_PERMISSION', check: 'futures' } }

/** Builds the BingX adapter; `deps.urls.bingx` replaces its one host. */
export function createBingxAdapter(deps: AdapterDeps): ExchangeAdapter {
  return {
    id: 'bingx',
    label: 'BingX',
    credentialFields: [
      { field: 'apiKey', secret: false },
      { field: 'secret', secret: true },
    ],
    markets: ['spot', 'futures', 'both'],
    validateField: (field, value, others) => (field === 'passphrase' ? null : validateWith(BINGX_FORMAT, field, value, others)),
    testConnection: (credentials, options) => testBingx(deps, credentials, options),
  }
}

function checksFor(market: Market): CheckId[] {
  const ids: CheckId[] = ['reachable', 'key', 'secret', 'balance', 'trade']
  if (market !== 'spot') ids.push('futures')
  return [...ids, 'withdraw', 'ip', 'expiry']
}

async function testBingx(deps: AdapterDeps, credentials: Credentials, options: TestOptions) {
  const base = deps.urls.bingx
  const client = createCcxtClient(await loadCcxtClass<bingx>('bingx'), {
    credentials,
    timeoutMs: options.requestTimeoutMs,
    ...(base ? { origin: () => base } : {}),
  })
  const s = createSession({ exchange: 'bingx', checks: checksFor(options.market), client, table: BINGX_CODES, options })
  const { report } = s
  const { market } = options

  if (!(await s.measureReachable((ex) => ex.spotV1PublicGetServerTime(), (raw) => requireNumber(requireObject(requireObject(raw)['data'])['serverTime'])))) return s.finish()

  const info = await s.call(PERMISSIONS, (ex) => ex.accountV1PrivateGetAccountApiPermissions(), (raw) => parseBingxKeyInfo(requireObject(requireObject(raw)['data'])))
  if (!info) {
    // Only a permission refusal leaves the test unblocked here; nothing below can run without the key info.
    if (!s.blocked) report.skipRest('balance')
    return s.finish()
  }
  report.set('key', 'pass')
  report.set('secret', 'pass')

  if (market === 'futures') {
    if (info.futuresTrade) report.set('trade', 'pass')
    else report.set('trade', 'fail', 'NO_FUTURES_PERMISSION')
  } else if (info.spotTrade) report.set('trade', 'pass')
  else report.set('trade', 'fail', 'NO_TRADE_PERMISSION')

  // A permission number BingX does not document might be a withdrawal: then withdrawal is not proven off.
  setWithdrawCheck(report, info.withdraw ? ['Withdraw'] : [], info.unknown.length === 0)
  const bound = setWhitelistCheck(report, info.ips, options.egressIps)

  // Keys bound to an IP, or that can only read, never expire; an unbound trading key does after 14 days unused.
  const canTrade = info.spotTrade || info.futuresTrade
  setExpiryRule(report, bound === true || !canTrade, BINGX_UNBOUND_KEY_DAYS)

  const held = await s.call(BALANCE, (ex) => ex.spotV1PrivateGetAccountBalance(), countAssets)
  if (s.blocked) return s.finish()
  if (held !== undefined) report.set('balance', 'pass', undefined, { assets: held })

  if (market !== 'spot') {
    if (!info.futuresTrade) report.set('futures', 'fail', 'NO_FUTURES_PERMISSION')
    else {
      const ok = await s.call(FUTURES, (ex) => ex.swapV3PrivateGetUserBalance(), requireDataList)
      if (s.blocked) return s.finish()
      if (ok) report.set('futures', 'pass')
    }
  }
  return s.finish()
}

function countAssets(raw: unknown): number {
  const balances = requireObject(requireObject(raw)['data'])['balances']
  if (!Array.isArray(balances)) throw new BadShapeError('balances')
  return balances.filter((b) => {
    const o = requireObject(b)
    return requireNumber(o['free'] ?? 0) + requireNumber(o['locked'] ?? 0) > 0
  }).length
}

function requireDataList(raw: unknown): true {
  if (!Array.isArray(requireObject(raw)['data'])) throw new BadShapeError('swap balance')
  return true
}
