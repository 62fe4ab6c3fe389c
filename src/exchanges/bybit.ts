/**
 * Bybit v5. `GET /v5/user/query-api` answers for a key of any permission set and reports all of
 * it: read-only or read-write, spot and derivatives trading, wallet withdrawal, the bound IPs and,
 * for keys without a bound IP, the day the key expires. So every check here is proven.
 *
 * Requests per test: time, query-api, wallet balance (unified account: one wallet for spot and
 * futures), plus the contract wallet for a classic account that wants both: 3, at most 4.
 */
import type { bybit } from 'ccxt'
import type { CheckId, Credentials, Market } from '../domain/types.js'
import type { ExchangeAdapter, TestOptions } from './adapter.js'
import { parseBybitKeyInfo } from './bybit-permissions.js'
import { createCcxtClient } from './ccxt-client.js'
import { loadCcxtClass } from './ccxt-load.js'
import type { AdapterDeps } from './deps.js'
import { BadShapeError, type CodeTable } from './diagnose.js'
import { setExpiryDate, setExpiryRule } from './expiry.js'
import { validateWith, type FormatRules } from './format.js'
import { setWhitelistCheck, setWithdrawCheck } from './key-checks.js'
import { canonicalPem, looksLikePem, pemProblem } from './pem.js'
import { createSession, requireNumber, requireObject, type StepSpec } from './session.js'

/**
 * Field shapes. Bybit's docs show an 18-character key (`opjSlSOzqIeXROT5rq`) and a
 * 36-character secret; only examples, so the ranges are loose but kept apart (16-24 and
 * 30-48) so a swapped paste is still spotted. Self-generated keys sign with RSA: the secret is
 * then the user's private key as PEM.
 */
export const BYBIT_FORMAT: FormatRules = {
  apiKey: { charset: /[A-Za-z0-9]/, minLength: 16, maxLength: 24 },
  secret: { charset: /[A-Za-z0-9]/, minLength: 30, maxLength: 48 },
}

/**
 * Bybit's own codes (docs/v5/error.mdx, ccxt 4.5.84). ccxt would call 10010 (IP) a
 * PermissionDenied and 10009 (region) an AuthenticationError.
 */
export const BYBIT_CODES: CodeTable = {
  '10003': 'INVALID_KEY', // API key is invalid (or made for testnet / demo trading)
  '10004': 'INVALID_SECRET', // error sign (its message echoes the API key: never kept)
  '10002': 'CLOCK_SKEW', // request time outside the window
  '10010': 'IP_NOT_ALLOWED', // unmatched IP
  '10005': 'PERMISSION', // permission denied
  '10006': 'RATE_LIMITED', // too many visits
  '10018': 'RATE_LIMITED', // IP rate limit
  '10000': 'EXCHANGE_UNAVAILABLE', // server timeout
  '10016': 'EXCHANGE_UNAVAILABLE', // internal error / service restarting
  '10008': 'ACCOUNT_RESTRICTED', // user banned
  '10009': 'ACCOUNT_RESTRICTED', // IP banned / region restricted
  '10027': 'ACCOUNT_RESTRICTED', // transactions banned
  '33004': 'KEY_EXPIRED', // api key expired (derivatives)
  '-2015': 'KEY_EXPIRED', // "(Spot) Your api key has expired"
}

const QUERY_API: StepSpec = { check: 'key', permission: { code: 'NO_READ_PERMISSION', check: 'balance' } }
const WALLET: StepSpec = { check: 'balance', permission: { code: 'NO_READ_PERMISSION', check: 'balance' } }
const CONTRACT: StepSpec = { check: 'futures', permission: { code: 'NO_FUTURES_PERMISSION', check: 'futures' } }

/** Bybit: "No ip bound api key will be invalid after 90 days" (modify-sub-apikey.mdx). */
export const BYBIT_UNBOUND_DAYS = 90

/** Builds the Bybit adapter; `deps.urls.bybit` replaces every Bybit host. */
export function createBybitAdapter(deps: AdapterDeps): ExchangeAdapter {
  return {
    id: 'bybit',
    label: 'Bybit',
    credentialFields: [
      { field: 'apiKey', secret: false },
      { field: 'secret', secret: true },
    ],
    markets: ['spot', 'futures', 'both'],
    validateField: (field, value, others) => {
      if (field === 'passphrase') return null
      if (looksLikePem(value)) return field === 'secret' ? pemProblem(value, ['rsa']) : 'LOOKS_LIKE_SECRET'
      return validateWith(BYBIT_FORMAT, field, value, others)
    },
    testConnection: (credentials, options) => testBybit(deps, credentials, options),
  }
}

function checksFor(market: Market): CheckId[] {
  const ids: CheckId[] = ['reachable', 'key', 'secret', 'balance', 'trade']
  if (market !== 'spot') ids.push('futures')
  return [...ids, 'withdraw', 'ip', 'expiry']
}

async function testBybit(deps: AdapterDeps, credentials: Credentials, options: TestOptions) {
  const base = deps.urls.bybit
  const secret = looksLikePem(credentials.secret) ? canonicalPem(credentials.secret) : credentials.secret
  const client = createCcxtClient(await loadCcxtClass<bybit>('bybit'), {
    credentials: { ...credentials, secret },
    timeoutMs: options.requestTimeoutMs,
    codeFields: ['retCode', 'ret_code'],
    ...(base ? { origin: () => base } : {}),
  })
  const s = createSession({ exchange: 'bybit', checks: checksFor(options.market), client, table: BYBIT_CODES, options })
  const { report } = s
  const { market, egressIps } = options

  if (!(await s.measureReachable((ex) => ex.publicGetV5MarketTime(), parseTime))) return s.finish()

  const key = await s.call(QUERY_API, (ex) => ex.privateGetV5UserQueryApi(), parseBybitKeyInfo)
  if (!key) {
    if (!s.blocked) report.skipRest('balance')
    return s.finish()
  }
  report.set('key', 'pass')
  report.set('secret', 'pass')

  const tradeOk = market === 'futures' ? key.futuresTrade : key.spotTrade
  if (tradeOk) report.set('trade', 'pass')
  else report.set('trade', 'fail', market === 'futures' ? 'NO_FUTURES_PERMISSION' : 'NO_TRADE_PERMISSION')

  setWithdrawCheck(report, key.withdraw)
  const bound = setWhitelistCheck(report, key.ips, egressIps)

  if (key.expiresAt !== undefined && Number.isFinite(key.expiresAt)) setExpiryDate(report, key.expiresAt, Date.now())
  else setExpiryRule(report, key.expiresAt === undefined ? bound : undefined, BYBIT_UNBOUND_DAYS)

  // A unified account has one wallet for spot and derivatives; a classic one has two.
  const first = key.uta ? 'UNIFIED' : market === 'futures' ? 'CONTRACT' : 'SPOT'
  const assets = await s.call(WALLET, (ex) => ex.privateGetV5AccountWalletBalance({ accountType: first }), countCoins)
  if (s.blocked) return s.finish()
  if (assets !== undefined) report.set('balance', 'pass', undefined, { assets })

  if (market !== 'spot') {
    if (!key.futuresTrade) report.set('futures', 'fail', 'NO_FUTURES_PERMISSION')
    else if (first !== 'SPOT') {
      if (assets !== undefined) report.set('futures', 'pass')
    } else {
      const ok = await s.call(CONTRACT, (ex) => ex.privateGetV5AccountWalletBalance({ accountType: 'CONTRACT' }), countCoins)
      if (s.blocked) return s.finish()
      if (ok !== undefined) report.set('futures', 'pass')
    }
  }
  return s.finish()
}

function parseTime(raw: unknown): number {
  const o = requireObject(raw)
  if (typeof o['time'] === 'number') return o['time']
  return requireNumber(requireObject(o['result'])['timeSecond']) * 1000
}

function countCoins(raw: unknown): number {
  const list = requireObject(requireObject(raw)['result'])['list']
  if (!Array.isArray(list)) throw new BadShapeError('wallet list')
  const held = new Set<string>()
  for (const account of list) {
    const coins = requireObject(account)['coin']
    if (!Array.isArray(coins)) throw new BadShapeError('wallet coins')
    for (const c of coins) {
      const o = requireObject(c)
      if (requireNumber(o['walletBalance'] || 0) > 0) held.add(String(o['coin']))
    }
  }
  return held.size
}
