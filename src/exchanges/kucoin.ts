/**
 * KuCoin spot, with futures on its own host. KuCoin reports the calling key's permissions and
 * IP whitelist (`GET /api/v1/user/api-key`, which needs the General permission: a key without
 * it is refused there with 400007), so trade, futures and withdrawal are read from the key
 * itself rather than guessed.
 *
 * Requests per test: timestamp, api-key, accounts, futures account-overview (futures/both and
 * only when the key has the Futures permission): 3 for spot, at most 4 otherwise.
 */
import type { kucoin } from 'ccxt'
import type { CheckId, Credentials, Market } from '../domain/types.js'
import type { ExchangeAdapter, TestOptions } from './adapter.js'
import { createCcxtClient } from './ccxt-client.js'
import { loadCcxtClass } from './ccxt-load.js'
import type { AdapterDeps } from './deps.js'
import { BadShapeError, type CodeTable } from './diagnose.js'
import { setExpiryRule } from './expiry.js'
import { validateWith, type FormatRules } from './format.js'
import { setWhitelistCheck, setWithdrawCheck } from './key-checks.js'
import { parseKucoinPermissions, withdrawWords } from './kucoin-permissions.js'
import { createSession, requireNumber, requireObject, type StepSpec } from './session.js'

/**
 * Field shapes. Key: 24 hex (KuCoin's SDK fixtures, e.g. `6705f5c311545b000157d3eb`).
 * Secret: a UUID, 36 characters with dashes [reference, not confirmed in docs found].
 * Passphrase: chosen by the user; KuCoin's length rule was not found in its docs, so only
 * printable ASCII without spaces, 1-64 characters, is enforced.
 */
export const KUCOIN_FORMAT: FormatRules = {
  apiKey: { charset: /[0-9a-fA-F]/, minLength: 24, maxLength: 24 },
  secret: { charset: /[0-9a-fA-F-]/, minLength: 36, maxLength: 36 },
  passphrase: { charset: /[\x21-\x7e]/, minLength: 1, maxLength: 64 },
}

// Families KuCoin's gateway documents as ranges: 4002xx partner (broker) errors, which come
// from ccxt's partner headers and say nothing about the user's key; 4003xx regional and KYC
// restrictions on the account.
const family = (from: number, code: 'UNKNOWN' | 'ACCOUNT_RESTRICTED') => Object.fromEntries(Array.from({ length: 100 }, (_, i) => [String(from + i), code]))

/**
 * KuCoin's own codes (docs-new "GATEWAY ERROR CODE", ccxt 4.5.84); ccxt maps 400001-400007 all
 * to AuthenticationError and 400008 (a retired V1/V2 key) to NotSupported.
 */
export const KUCOIN_CODES: CodeTable = {
  ...family(400200, 'UNKNOWN'),
  ...family(400300, 'ACCOUNT_RESTRICTED'),
  '400001': 'UNKNOWN', // auth headers missing: our bug, not the user's
  '400002': 'CLOCK_SKEW', // KC-API-TIMESTAMP outside the window
  '400003': 'INVALID_KEY', // KC-API-KEY does not exist
  '400004': 'INVALID_PASSPHRASE', // passphrase error (v2 passphrases are HMAC'd with the secret)
  '400005': 'INVALID_SECRET', // signature error
  '400006': 'IP_NOT_ALLOWED', // request IP not in the key's whitelist
  '400007': 'PERMISSION', // access denied: key lacks the permission
  '400008': 'KEY_OUTDATED', // V1 & V2 API keys are no longer supported: create a V3 key
  '400009': 'KEY_OUTDATED', // invalid KC-API-KEY-VERSION
  '400010': 'PERMISSION', // UID access denied, requires more permission
  '411100': 'ACCOUNT_RESTRICTED', // account frozen
  '429000': 'RATE_LIMITED',
  '1015': 'RATE_LIMITED', // Cloudflare's per-IP limit
  // 200002 is also "order cancel suspended": left to the HTTP status (429 = rate limit).
  '500000': 'EXCHANGE_UNAVAILABLE',
  '503000': 'EXCHANGE_UNAVAILABLE',
}

const API_KEY: StepSpec = { check: 'key', permission: { code: 'NO_READ_PERMISSION', check: 'balance' } }
const ACCOUNTS: StepSpec = { check: 'balance', permission: { code: 'NO_READ_PERMISSION', check: 'balance' } }
const FUTURES: StepSpec = { check: 'futures', permission: { code: 'NO_FUTURES_PERMISSION', check: 'futures' } }

/** Builds the KuCoin adapter; `urls.kucoin` replaces the spot hosts, `urls.kucoinFutures` the futures hosts. */
export function createKucoinAdapter(deps: AdapterDeps): ExchangeAdapter {
  return {
    id: 'kucoin',
    label: 'KuCoin',
    keyTerm: 'API Key',
    credentialFields: [
      { field: 'apiKey', secret: false },
      { field: 'secret', secret: true },
      { field: 'passphrase', secret: true },
    ],
    markets: ['spot', 'futures', 'both'],
    validateField: (field, value, others) => validateWith(KUCOIN_FORMAT, field, value, others),
    testConnection: (credentials, options) => testKucoin(deps, credentials, options),
  }
}

function checksFor(market: Market): CheckId[] {
  const ids: CheckId[] = ['reachable', 'key', 'secret', 'passphrase', 'balance', 'trade']
  if (market !== 'spot') ids.push('futures')
  return [...ids, 'withdraw', 'ip', 'expiry']
}

// The names KuCoin's API Management page shows for its API words, so a trader finds the box.
const KUCOIN_LABELS: Readonly<Record<string, string>> = {
  transfer: 'Withdrawal (API: Transfer)',
  innertransfer: 'Flex Transfers (API: InnerTransfer)',
}

/** KuCoin: trading keys without an IP are deleted or lose trading after 30 days unused (support 360015102174). */
export const KUCOIN_UNBOUND_DAYS = 30

/** Spot and futures share paths (`/api/v1/...`) on different hosts, so each gets its own base. */
export function kucoinOrigin(urls: AdapterDeps['urls']): ((path: readonly string[]) => string | undefined) | undefined {
  if (!urls.kucoin && !urls.kucoinFutures) return undefined
  return (path) => (path[0]?.startsWith('futures') ? urls.kucoinFutures : urls.kucoin)
}

async function testKucoin(deps: AdapterDeps, credentials: Credentials, options: TestOptions) {
  const origin = kucoinOrigin(deps.urls)
  const client = createCcxtClient(await loadCcxtClass<kucoin>('kucoin'), { credentials, timeoutMs: options.requestTimeoutMs, ...(origin ? { origin } : {}) })
  const s = createSession({ exchange: 'kucoin', checks: checksFor(options.market), client, table: KUCOIN_CODES, options })
  const { report } = s
  const { market } = options

  if (!(await s.measureReachable((ex) => ex.publicGetTimestamp(), (raw) => requireNumber(requireObject(raw)['data'])))) return s.finish()

  const info = await s.call(API_KEY, (ex) => ex.privateGetUserApiKey(), parseKeyInfo)
  if (!info) {
    // Only a permission refusal leaves the test unblocked here; nothing below can run without the key info.
    if (!s.blocked) report.skipRest('balance')
    return s.finish()
  }
  report.set('key', 'pass')
  report.set('secret', 'pass')
  report.set('passphrase', 'pass')

  const perms = info.permissions
  const hasSpot = perms.has('spot') || perms.has('trade')
  const hasFutures = perms.has('futures')
  if (market === 'futures') {
    if (hasFutures) report.set('trade', 'pass')
    else report.set('trade', 'fail', 'NO_FUTURES_PERMISSION')
  } else if (hasSpot) report.set('trade', 'pass')
  else report.set('trade', 'fail', 'NO_TRADE_PERMISSION')

  setWithdrawCheck(report, withdrawWords(info.rawPermissions).map((p) => KUCOIN_LABELS[p.toLowerCase()] ?? p))
  setExpiryRule(report, setWhitelistCheck(report, info.whitelist, options.egressIps), KUCOIN_UNBOUND_DAYS)

  const assets = await s.call(ACCOUNTS, (ex) => ex.privateGetAccounts(), countAssets)
  if (s.blocked) return s.finish()
  if (assets !== undefined) report.set('balance', 'pass', undefined, { assets })

  if (market !== 'spot') {
    if (!hasFutures) report.set('futures', 'fail', 'NO_FUTURES_PERMISSION')
    else {
      const ok = await s.call(FUTURES, (ex) => ex.futuresPrivateGetAccountOverview({ currency: 'USDT' }), (raw) => requireObject(requireObject(raw)['data']))
      if (s.blocked) return s.finish()
      if (ok) report.set('futures', 'pass')
    }
  }
  return s.finish()
}

interface KeyInfo {
  rawPermissions: string[]
  permissions: Set<string>
  whitelist: string[]
}

function parseKeyInfo(raw: unknown): KeyInfo {
  const data = requireObject(requireObject(raw)['data'])
  // Fail safe: a permission field we cannot read makes the whole call an exchange fault
  // (transient, nothing proven), never an empty list that would pass the withdrawal check.
  const rawPermissions = parseKucoinPermissions(data['permission'])
  if (rawPermissions === null) throw new BadShapeError('permission')
  const wl = data['ipWhitelist']
  const whitelist = Array.isArray(wl) ? wl.map(String) : typeof wl === 'string' ? wl.split(',') : wl == null ? [] : null
  if (whitelist === null) throw new BadShapeError('ipWhitelist')
  return { rawPermissions, permissions: new Set(rawPermissions.map((p) => p.toLowerCase())), whitelist: whitelist.map((s) => s.trim()).filter(Boolean) }
}

function countAssets(raw: unknown): number {
  const data = requireObject(raw)['data']
  if (!Array.isArray(data)) throw new BadShapeError('accounts')
  const held = new Set<string>()
  for (const a of data) {
    const o = requireObject(a)
    if (requireNumber(o['balance'] ?? 0) > 0) held.add(String(o['currency']))
  }
  return held.size
}
