/**
 * Bitget (classic account API v2), one host for spot and futures. `GET /api/v2/spot/account/info`
 * reports the calling key's permissions (`authorities`) and IP whitelist (`ips`), so trade,
 * futures and withdrawal are read from the key itself. It needs the key's spot read permission.
 * Unified Trading Accounts are refused there with `40085`: then only key, secret and passphrase are
 * proven (the exchange authenticated the call before refusing it) and the rest stays `unknown`.
 *
 * Requests per test: time, account/info, spot assets, USDT-M futures accounts (futures/both and
 * only when the key has a futures permission): 3 for spot, at most 4 otherwise.
 */
import type { bitget } from 'ccxt'
import type { CheckId, Credentials, Market } from '../domain/types.js'
import type { ExchangeAdapter, TestOptions } from './adapter.js'
import { parseBitgetKeyInfo } from './bitget-permissions.js'
import { createCcxtClient } from './ccxt-client.js'
import { loadCcxtClass } from './ccxt-load.js'
import type { AdapterDeps } from './deps.js'
import { BadShapeError, type CodeTable } from './diagnose.js'
import { validateWith, type FormatRules } from './format.js'
import { setWhitelistCheck, setWithdrawCheck } from './key-checks.js'
import { createSession, requireNumber, requireObject, type StepSpec } from './session.js'

/**
 * Field shapes. Key: `bg_` + hex (Bitget's own agent docs write `bg_xxxxxxxxxxxx`); the lengths
 * are not documented, so only the charset and a loose 16-64 range are enforced, and `bg_` only
 * spots swapped fields. Secret: 64 hex in practice [unverified], enforced as 32-128 alphanumerics.
 * Passphrase: chosen by the user when creating the key; printable ASCII without spaces, 1-64.
 */
export const BITGET_FORMAT: FormatRules = {
  apiKey: { charset: /[A-Za-z0-9_]/, minLength: 16, maxLength: 64, looksLike: /^bg_[0-9a-fA-F]{8,}$/ },
  secret: { charset: /[A-Za-z0-9]/, minLength: 32, maxLength: 128 },
  passphrase: { charset: /[\x21-\x7e]/, minLength: 1, maxLength: 64 },
}

/**
 * Bitget's codes (ccxt 4.5.84 exception table and its comments; Bitget's own error page was not
 * retrievable). ccxt calls 40018 (IP) PermissionDenied and 40013/40015 plain ExchangeError.
 */
export const BITGET_CODES: CodeTable = {
  '40001': 'UNKNOWN', // ACCESS_KEY empty: our bug, not the user's
  '40002': 'UNKNOWN', // SECRET_KEY empty
  '40003': 'UNKNOWN', // signature empty
  '40011': 'UNKNOWN', // ACCESS_PASSPHRASE empty
  '40004': 'CLOCK_SKEW', // request timestamp expired
  '40005': 'CLOCK_SKEW', // invalid ACCESS_TIMESTAMP
  '40008': 'CLOCK_SKEW', // request timestamp expired
  '40006': 'INVALID_KEY', // invalid ACCESS_KEY
  '40037': 'INVALID_KEY', // API key does not exist
  '40009': 'INVALID_SECRET', // sign signature error
  '40010': 'INVALID_SECRET', // sign signature error
  '40012': 'INVALID_PASSPHRASE', // "apikey/password is incorrect": the fix text also names the key
  '40018': 'IP_NOT_ALLOWED', // invalid IP
  '40014': 'PERMISSION', // incorrect permissions
  '40013': 'ACCOUNT_RESTRICTED', // user status is abnormal
  '40016': 'ACCOUNT_RESTRICTED', // the user must bind a phone or Google authenticator
  '40031': 'ACCOUNT_RESTRICTED', // account cancelled
  '429': 'RATE_LIMITED',
  '1001': 'RATE_LIMITED',
  '40015': 'EXCHANGE_UNAVAILABLE', // system is abnormal, try again later
  '40200': 'EXCHANGE_UNAVAILABLE', // server upgrade
  '500': 'EXCHANGE_UNAVAILABLE',
}

/** Unified Trading Account: the classic account API is not supported for it. */
export const BITGET_UNIFIED_ACCOUNT = '40085'

const ACCOUNT_INFO: StepSpec = { check: 'key', permission: { code: 'NO_READ_PERMISSION', check: 'balance' } }
const ASSETS: StepSpec = { check: 'balance', permission: { code: 'NO_READ_PERMISSION', check: 'balance' } }
const FUTURES: StepSpec = { check: 'futures', permission: { code: 'NO_FUTURES_PERMISSION', check: 'futures' } }

/** Builds the Bitget adapter; `deps.urls.bitget` replaces its one host. */
export function createBitgetAdapter(deps: AdapterDeps): ExchangeAdapter {
  return {
    id: 'bitget',
    label: 'Bitget',
    credentialFields: [
      { field: 'apiKey', secret: false },
      { field: 'secret', secret: true },
      { field: 'passphrase', secret: true },
    ],
    markets: ['spot', 'futures', 'both'],
    validateField: (field, value, others) => validateWith(BITGET_FORMAT, field, value, others),
    testConnection: (credentials, options) => testBitget(deps, credentials, options),
  }
}

function checksFor(market: Market): CheckId[] {
  const ids: CheckId[] = ['reachable', 'key', 'secret', 'passphrase', 'balance', 'trade']
  if (market !== 'spot') ids.push('futures')
  return [...ids, 'withdraw', 'ip']
}

async function testBitget(deps: AdapterDeps, credentials: Credentials, options: TestOptions) {
  const base = deps.urls.bitget
  const client = createCcxtClient(await loadCcxtClass<bitget>('bitget'), {
    credentials,
    timeoutMs: options.requestTimeoutMs,
    ...(base ? { origin: () => base } : {}),
  })
  const s = createSession({ exchange: 'bitget', checks: checksFor(options.market), client, table: BITGET_CODES, options })
  const { report } = s
  const { market } = options

  if (!(await s.measureReachable((ex) => ex.publicCommonGetV2PublicTime(), (raw) => requireNumber(requireObject(requireObject(raw)['data'])['serverTime'])))) return s.finish()

  const r = await s.tryCall(ACCOUNT_INFO, (ex) => ex.privateSpotGetV2SpotAccountInfo(), (raw) => parseBitgetKeyInfo(requireObject(requireObject(raw)['data'])))
  if (!r.ok && r.failure.exchangeCode === BITGET_UNIFIED_ACCOUNT) {
    // Authenticated, then refused for the account mode: the credentials are proven, nothing else is.
    for (const id of ['key', 'secret', 'passphrase'] as const) report.set(id, 'pass')
    report.set('balance', 'unknown', 'PERMISSIONS_UNVERIFIED')
    report.set('trade', 'unknown', 'PERMISSIONS_UNVERIFIED')
    report.set('futures', 'unknown', 'FUTURES_UNVERIFIED')
    setWithdrawCheck(report, undefined)
    setWhitelistCheck(report, undefined, options.egressIps)
    return s.finish()
  }
  if (!r.ok) {
    s.record(r.failure, ACCOUNT_INFO)
    // Only a permission refusal leaves the test unblocked here; nothing below can run without the key info.
    if (!s.blocked) report.skipRest('balance')
    return s.finish()
  }
  const info = r.value
  report.set('key', 'pass')
  report.set('secret', 'pass')
  report.set('passphrase', 'pass')

  if (market === 'futures') {
    if (info.futuresTrade) report.set('trade', 'pass')
    else report.set('trade', 'fail', 'NO_FUTURES_PERMISSION')
  } else if (info.spotTrade) report.set('trade', 'pass')
  else report.set('trade', 'fail', 'NO_TRADE_PERMISSION')

  // An authority Bitget does not document might be a withdrawal: then withdrawal is not proven off.
  setWithdrawCheck(report, info.withdraw ? ['Wallet Withdraw'] : [], info.unknownWords.length === 0)

  setWhitelistCheck(report, info.ips, options.egressIps)

  const held = await s.call(ASSETS, (ex) => ex.privateSpotGetV2SpotAccountAssets(), countAssets)
  if (s.blocked) return s.finish()
  if (held !== undefined) report.set('balance', 'pass', undefined, { assets: held })

  if (market !== 'spot') {
    if (!info.futuresTrade) report.set('futures', 'fail', 'NO_FUTURES_PERMISSION')
    else {
      const ok = await s.call(FUTURES, (ex) => ex.privateMixGetV2MixAccountAccounts({ productType: 'USDT-FUTURES' }), requireDataList)
      if (s.blocked) return s.finish()
      if (ok) report.set('futures', 'pass')
    }
  }
  return s.finish()
}

function countAssets(raw: unknown): number {
  const data = requireObject(raw)['data']
  if (!Array.isArray(data)) throw new BadShapeError('assets')
  const held = new Set<string>()
  for (const a of data) {
    const o = requireObject(a)
    const total = requireNumber(o['available'] ?? 0) + requireNumber(o['frozen'] ?? 0) + requireNumber(o['locked'] ?? 0)
    if (total > 0) held.add(String(o['coin']))
  }
  return held.size
}

function requireDataList(raw: unknown): true {
  if (!Array.isArray(requireObject(raw)['data'])) throw new BadShapeError('mix accounts')
  return true
}
