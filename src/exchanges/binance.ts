/**
 * Binance: spot (`/api/v3`), wallet (`/sapi/v1`) and USDⓈ-M futures (`/fapi`). Binance reports
 * the calling key's own switches (`GET /sapi/v1/account/apiRestrictions`): reading, spot and
 * futures trading, withdrawals and whether an IP restriction is on, so withdrawal is proven off
 * rather than asked. The IP list itself is not shown, only the flag.
 *
 * Requests per test: time, apiRestrictions, account, futures balance (futures/both, only when
 * the key has Enable Futures): 3 for spot, at most 4 otherwise. Never an order.
 */
import type { binance } from 'ccxt'
import type { CheckId, Credentials, Market } from '../domain/types.js'
import type { ExchangeAdapter, TestOptions } from './adapter.js'
import { countHeldBalances } from './balances.js'
import { parseBinanceRestrictions } from './binance-permissions.js'
import { createCcxtClient } from './ccxt-client.js'
import { loadCcxtClass } from './ccxt-load.js'
import type { AdapterDeps } from './deps.js'
import { BadShapeError, type CodeTable } from './diagnose.js'
import { setExpiryDate, setExpiryRule } from './expiry.js'
import { validateWith, type FormatRules } from './format.js'
import { setWithdrawCheck } from './key-checks.js'
import { canonicalPem, looksLikePem, pemProblem } from './pem.js'
import { createSession, requireNumber, requireObject, type StepSpec } from './session.js'

/**
 * Field shapes. HMAC keys: API key and secret are 64 alphanumerics (Binance's docs samples,
 * `rest-api.md`). Ed25519 and RSA keys: Binance issues the API key (same shape) for a public
 * key the user uploaded; the secret is the user's own private key, pasted as PEM.
 */
export const BINANCE_FORMAT: FormatRules = {
  apiKey: { charset: /[A-Za-z0-9]/, minLength: 64, maxLength: 64 },
  secret: { charset: /[A-Za-z0-9]/, minLength: 64, maxLength: 64 },
}

/**
 * Binance's own codes (errors.md, ccxt 4.5.84's exceptions). `-2015` means "invalid key, IP or
 * permissions": on the first signed call one diagnosis walks all three; ccxt would call it
 * AuthenticationError, or DDoSProtection once any private call on the instance succeeded.
 */
export const BINANCE_CODES: CodeTable = {
  '-2015': 'KEY_REJECTED', // Invalid API-key, IP, or permissions for action.
  '-2014': 'INVALID_KEY', // API-key format invalid.
  '-2008': 'INVALID_KEY', // Invalid Api-Key ID (sapi, undocumented)
  '-1022': 'INVALID_SECRET', // Signature for this request is not valid.
  '-1021': 'CLOCK_SKEW', // Timestamp outside of the recvWindow / 1000 ms ahead
  '-1002': 'PERMISSION', // You are not authorized to execute this request.
  '-1003': 'RATE_LIMITED', // too much request weight used
  '-1015': 'RATE_LIMITED', // too many new orders
  '-1008': 'EXCHANGE_UNAVAILABLE', // server busy
  '-1016': 'EXCHANGE_UNAVAILABLE', // service shutting down (ccxt: BadRequest)
  '-1001': 'EXCHANGE_UNAVAILABLE', // internal error; unable to process your request
  '-3022': 'ACCOUNT_RESTRICTED', // your account's trading is banned
}

// Once apiRestrictions answered, the key, its secret and our IP are proven: a later -2015 can
// only be the permission that call needs.
const AFTER_AUTH: CodeTable = { '-2015': 'PERMISSION' }

const RESTRICTIONS: StepSpec = { check: 'key', permission: { code: 'NO_READ_PERMISSION', check: 'balance' } }
const ACCOUNT: StepSpec = { check: 'balance', permission: { code: 'NO_READ_PERMISSION', check: 'balance' }, table: AFTER_AUTH }
const FUTURES: StepSpec = { check: 'futures', permission: { code: 'NO_FUTURES_PERMISSION', check: 'futures' }, table: AFTER_AUTH }

/** Days an unrestricted key keeps "Enable Spot & Margin Trading" (Binance announcement, 2021-07-08). */
export const BINANCE_UNRESTRICTED_DAYS = 30

/** Builds the Binance adapter; `deps.urls.binance` replaces every Binance host (api, sapi, fapi, dapi...), keeping paths. */
export function createBinanceAdapter(deps: AdapterDeps): ExchangeAdapter {
  return {
    id: 'binance',
    label: 'Binance',
    credentialFields: [
      { field: 'apiKey', secret: false },
      { field: 'secret', secret: true },
    ],
    markets: ['spot', 'futures', 'both'],
    validateField: (field, value, others) => {
      if (field === 'passphrase') return null
      // A PEM block is a private key: right in the secret field, a swap in the key field.
      if (looksLikePem(value)) return field === 'secret' ? pemProblem(value, ['ed25519', 'rsa']) : 'LOOKS_LIKE_SECRET'
      return validateWith(BINANCE_FORMAT, field, value, others)
    },
    testConnection: (credentials, options) => testBinance(deps, credentials, options),
  }
}

function checksFor(market: Market): CheckId[] {
  const ids: CheckId[] = ['reachable', 'key', 'secret', 'balance', 'trade']
  if (market !== 'spot') ids.push('futures')
  return [...ids, 'withdraw', 'ip', 'expiry']
}

/** ccxt signs with Ed25519 or RSA when the secret holds a PEM private key (and tells them apart by length). */
export function binanceSecret(secret: string): string {
  return looksLikePem(secret) ? canonicalPem(secret) : secret
}

async function testBinance(deps: AdapterDeps, credentials: Credentials, options: TestOptions) {
  const base = deps.urls.binance
  const client = createCcxtClient(await loadCcxtClass<binance>('binance'), {
    credentials: { ...credentials, secret: binanceSecret(credentials.secret) },
    timeoutMs: options.requestTimeoutMs,
    ...(base ? { origin: () => base } : {}),
  })
  const s = createSession({ exchange: 'binance', checks: checksFor(options.market), client, table: BINANCE_CODES, options })
  const { report } = s
  const { market, egressIps } = options

  if (!(await s.measureReachable((ex) => ex.publicGetTime(), (raw) => requireNumber(requireObject(raw)['serverTime'])))) return s.finish()

  const key = await s.call(RESTRICTIONS, (ex) => ex.sapiGetAccountApiRestrictions(), parseBinanceRestrictions)
  if (!key) {
    if (!s.blocked) report.skipRest('balance')
    return s.finish()
  }
  report.set('key', 'pass')
  report.set('secret', 'pass')

  if (market === 'futures') {
    if (key.enableFutures === true) report.set('trade', 'pass')
    else report.set('trade', key.enableFutures === false ? 'fail' : 'unknown', key.enableFutures === false ? 'NO_FUTURES_PERMISSION' : 'FUTURES_UNVERIFIED')
  } else if (key.enableSpotAndMarginTrading) report.set('trade', 'pass')
  else report.set('trade', 'fail', 'NO_TRADE_PERMISSION')

  setWithdrawCheck(report, key.withdrawOn, key.withdrawKnown)

  // Binance shows only whether a restriction is on. Our call got through it, so it holds the IP
  // we called from; with several egress IPs the others cannot be proven.
  const ips = egressIps.join(', ')
  if (key.ipRestrict === true && egressIps.length <= 1) report.set('ip', 'pass')
  else if (key.ipRestrict === false) report.set('ip', 'warn', 'IP_WHITELIST_MISSING', { ips })
  else report.set('ip', 'unknown', 'IP_UNVERIFIED', { ips })

  if (key.tradingExpiresAt !== undefined) setExpiryDate(report, key.tradingExpiresAt, Date.now())
  else setExpiryRule(report, key.ipRestrict, BINANCE_UNRESTRICTED_DAYS)

  if (!key.enableReading) report.set('balance', 'fail', 'NO_READ_PERMISSION')
  else {
    const assets = await s.call(ACCOUNT, (ex) => ex.privateGetAccount({ omitZeroBalances: true }), countHeldBalances)
    if (s.blocked) return s.finish()
    if (assets !== undefined) report.set('balance', 'pass', undefined, { assets })
  }

  if (market !== 'spot') {
    if (key.enableFutures === false) report.set('futures', 'fail', 'NO_FUTURES_PERMISSION')
    else if (key.enableFutures === undefined) report.set('futures', 'unknown', 'FUTURES_UNVERIFIED')
    else {
      const ok = await s.call(FUTURES, (ex) => ex.fapiPrivateV3GetBalance(), requireBalanceList)
      if (s.blocked) return s.finish()
      if (ok) report.set('futures', 'pass')
    }
  }
  return s.finish()
}

function requireBalanceList(raw: unknown): true {
  if (!Array.isArray(raw)) throw new BadShapeError('fapi balance')
  return true
}
