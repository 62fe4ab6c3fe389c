/**
 * OKX v5, one host for spot and derivatives. `GET /api/v5/account/config` reports the calling
 * key's permissions (read, trade, withdraw), its bound IPs and the account mode, so withdrawal,
 * trading, the whitelist and futures access are all proven from one call.
 *
 * Requests per test: public time, account config, account balance: 3 for every market.
 */
import type { okx } from 'ccxt'
import type { CheckId, Credentials, Market } from '../domain/types.js'
import type { ExchangeAdapter, TestOptions } from './adapter.js'
import { createCcxtClient } from './ccxt-client.js'
import { loadCcxtClass } from './ccxt-load.js'
import type { AdapterDeps } from './deps.js'
import { BadShapeError, type CodeTable } from './diagnose.js'
import { setExpiryRule } from './expiry.js'
import { validateWith, type FormatRules } from './format.js'
import { setWhitelistCheck, setWithdrawCheck } from './key-checks.js'
import { parseOkxConfig } from './okx-permissions.js'
import { createSession, requireNumber, requireObject, type StepSpec } from './session.js'

/**
 * Field shapes. OKX documents no key format; keys seen are UUIDs and its docs' secret example
 * is 32 hex (`22582BD0CFF14C41EDBF1AB98506286D`), so the rules are loose and the usual shapes
 * only serve to spot swapped fields. The passphrase is chosen by the user (OKX asks for 8-32
 * characters with a digit, upper and lower case and a symbol, for broker keys at least), so
 * only printable ASCII without spaces, 1-64 characters, is enforced.
 */
export const OKX_FORMAT: FormatRules = {
  apiKey: { charset: /[A-Za-z0-9-]/, minLength: 16, maxLength: 64, looksLike: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i },
  secret: { charset: /[A-Za-z0-9]/, minLength: 16, maxLength: 64, looksLike: /^[0-9A-F]{32}$/i },
  passphrase: { charset: /[\x21-\x7e]/, minLength: 1, maxLength: 64 },
}

/**
 * OKX's own codes (docs-v5 error table, ccxt 4.5.84). ccxt would call 50110 (IP) a
 * PermissionDenied and leave 50119 (key does not exist) and 50120 (no permission) unmapped.
 */
export const OKX_CODES: CodeTable = {
  '50111': 'INVALID_KEY', // Invalid OK-ACCESS-KEY
  '50119': 'KEY_WRONG_ENVIRONMENT', // API key doesn't exist (often: made on another OKX site)
  '50101': 'KEY_WRONG_ENVIRONMENT', // APIKey does not match current environment (demo / region)
  '50113': 'INVALID_SECRET', // Invalid Sign
  '50105': 'INVALID_PASSPHRASE', // OK-ACCESS-PASSPHRASE incorrect
  '50110': 'IP_NOT_ALLOWED', // your IP is not in the key's whitelist
  '50120': 'PERMISSION', // this key has no permission for this function
  '50030': 'PERMISSION', // no permission to use this API endpoint
  '50102': 'CLOCK_SKEW', // timestamp request expired
  '50112': 'CLOCK_SKEW', // invalid OK-ACCESS-TIMESTAMP
  '50011': 'RATE_LIMITED', // rate limit reached
  '50061': 'RATE_LIMITED', // sub-account rate limit
  '50013': 'EXCHANGE_UNAVAILABLE', // systems are busy
  '50001': 'EXCHANGE_UNAVAILABLE', // service temporarily unavailable
  '50026': 'EXCHANGE_UNAVAILABLE', // system error
  '50100': 'ACCOUNT_RESTRICTED', // API frozen
  '50007': 'ACCOUNT_RESTRICTED', // account blocked
  '50121': 'ACCOUNT_RESTRICTED', // no access from this IP address (region)
  '51024': 'ACCOUNT_RESTRICTED', // account blocked
}

const CONFIG: StepSpec = { check: 'key', permission: { code: 'NO_READ_PERMISSION', check: 'balance' } }
const BALANCE: StepSpec = { check: 'balance', permission: { code: 'NO_READ_PERMISSION', check: 'balance' } }

/** OKX: keys with no IP bound and trade or withdraw permission expire after 14 days unused (docs-v5 "API key security"). */
export const OKX_UNBOUND_DAYS = 14

/** Builds the OKX adapter; `deps.urls.okx` replaces the OKX host. */
export function createOkxAdapter(deps: AdapterDeps): ExchangeAdapter {
  return {
    id: 'okx',
    label: 'OKX',
    credentialFields: [
      { field: 'apiKey', secret: false },
      { field: 'secret', secret: true },
      { field: 'passphrase', secret: true },
    ],
    markets: ['spot', 'futures', 'both'],
    validateField: (field, value, others) => validateWith(OKX_FORMAT, field, value, others),
    testConnection: (credentials, options) => testOkx(deps, credentials, options),
  }
}

function checksFor(market: Market): CheckId[] {
  const ids: CheckId[] = ['reachable', 'key', 'secret', 'passphrase', 'balance', 'trade']
  if (market !== 'spot') ids.push('futures')
  return [...ids, 'withdraw', 'ip', 'expiry']
}

async function testOkx(deps: AdapterDeps, credentials: Credentials, options: TestOptions) {
  const base = deps.urls.okx
  const client = createCcxtClient(await loadCcxtClass<okx>('okx'), { credentials, timeoutMs: options.requestTimeoutMs, ...(base ? { origin: () => base } : {}) })
  const s = createSession({ exchange: 'okx', checks: checksFor(options.market), client, table: OKX_CODES, options })
  const { report } = s
  const { market, egressIps } = options

  if (!(await s.measureReachable((ex) => ex.publicGetPublicTime(), parseTime))) return s.finish()

  const key = await s.call(CONFIG, (ex) => ex.privateGetAccountConfig(), parseOkxConfig)
  if (!key) {
    if (!s.blocked) report.skipRest('balance')
    return s.finish()
  }
  report.set('key', 'pass')
  report.set('secret', 'pass')
  report.set('passphrase', 'pass')

  // One permission covers spot and derivatives; the account mode decides whether futures trade.
  if (key.trade) report.set('trade', 'pass')
  else report.set('trade', 'fail', market === 'futures' ? 'NO_FUTURES_PERMISSION' : 'NO_TRADE_PERMISSION')

  setWithdrawCheck(report, key.withdraw)
  setExpiryRule(report, setWhitelistCheck(report, key.ips, egressIps), OKX_UNBOUND_DAYS)

  const assets = await s.call(BALANCE, (ex) => ex.privateGetAccountBalance(), countAssets)
  if (s.blocked) return s.finish()
  if (assets !== undefined) report.set('balance', 'pass', undefined, { assets })

  if (market !== 'spot') {
    if (!key.trade) report.set('futures', 'fail', 'NO_FUTURES_PERMISSION')
    else if (key.acctLv === '1') report.set('futures', 'fail', 'NO_FUTURES_PERMISSION')
    else if (key.acctLv === '2' || key.acctLv === '3' || key.acctLv === '4') report.set('futures', 'pass')
    else report.set('futures', 'unknown', 'FUTURES_UNVERIFIED')
  }
  return s.finish()
}

function parseTime(raw: unknown): number {
  const data = requireObject(raw)['data']
  if (!Array.isArray(data) || data.length === 0) throw new BadShapeError('time')
  return requireNumber(requireObject(data[0])['ts'])
}

function countAssets(raw: unknown): number {
  const data = requireObject(raw)['data']
  if (!Array.isArray(data) || data.length === 0) throw new BadShapeError('balance')
  const details = requireObject(data[0])['details']
  if (!Array.isArray(details)) throw new BadShapeError('balance details')
  return details.filter((d) => requireNumber(requireObject(d)['eq'] || 0) > 0).length
}
