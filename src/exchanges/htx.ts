/**
 * HTX (Huobi): spot on api.huobi.pro, contracts on their own host (api.hbdm.vn). The key's own
 * record (`GET /v2/user/api-key`, which needs the account's uid from `GET /v2/user/uid` first)
 * reports its permissions (readOnly, trade, withdraw), its IP whitelist, `validDays` and `status`,
 * so trade, withdrawal, IP and expiry are read from the key itself. HTX hides most auth causes
 * behind one code; `htx-errors.ts` reads them from the message.
 *
 * HTX signs the host (`METHOD\nhost\npath\nquery`), so with EXCHANGE_URL_HTX(_FUTURES) set the
 * adapter also tells ccxt to sign with that URL's host, as a proxy or a regional HTX host needs.
 *
 * Requests per test: time, uid, api-key, then spot asset valuation (spot) or the futures account
 * balance on the contract host (futures/both, when the key can trade): 4 at most. With futures the
 * spot balance is not read again: the api-key call already needed the key's Read permission.
 */
import type { htx } from 'ccxt'
import type { CheckId, Credentials, Market } from '../domain/types.js'
import type { ExchangeAdapter, TestOptions } from './adapter.js'
import { createCcxtClient } from './ccxt-client.js'
import { loadCcxtClass } from './ccxt-load.js'
import type { AdapterDeps } from './deps.js'
import { BadShapeError, type CodeTable } from './diagnose.js'
import { setExpiryDate, setExpiryRule } from './expiry.js'
import { validateWith, type FormatRules } from './format.js'
import { HTX_AUTH, readHtxCode } from './htx-errors.js'
import { parseHtxKeyInfo } from './htx-permissions.js'
import { setWhitelistCheck, setWithdrawCheck } from './key-checks.js'
import { createSession, requireNumber, requireObject, type StepSpec } from './session.js'

/**
 * Field shapes. HTX's docs show access keys like `e2xxxxxx-99xxxxxx-84xxxxxx-7xxxx` (groups of
 * letters and digits joined by dashes, lengths varying); the secret has the same shape, so
 * swapped fields cannot be told apart and only the charset and a loose 20-64 range are enforced.
 */
export const HTX_FORMAT: FormatRules = {
  apiKey: { charset: /[A-Za-z0-9-]/, minLength: 20, maxLength: 64 },
  secret: { charset: /[A-Za-z0-9-]/, minLength: 20, maxLength: 64 },
}

/** HTX's codes, after {@link readHtxCode} split `api-signature-not-valid` by its message. */
export const HTX_CODES: CodeTable = {
  [HTX_AUTH.key]: 'INVALID_KEY',
  [HTX_AUTH.signature]: 'INVALID_SECRET',
  [HTX_AUTH.ip]: 'IP_NOT_ALLOWED',
  [HTX_AUTH.time]: 'CLOCK_SKEW',
  [HTX_AUTH.permission]: 'PERMISSION',
  [HTX_AUTH.expired]: 'KEY_EXPIRED',
  'api-signature-not-valid': 'UNKNOWN', // a message none of the known phrases match
  '1002': 'INVALID_KEY', // v2 "unauthorized"
  '1003': 'INVALID_SECRET', // v2 "invalid signature"
  'base-request-exceed-frequency-limit': 'RATE_LIMITED',
  'rate-too-many-requests': 'RATE_LIMITED',
  'system-maintenance': 'EXCHANGE_UNAVAILABLE',
  'gateway-internal-error': 'EXCHANGE_UNAVAILABLE',
  timeout: 'EXCHANGE_UNAVAILABLE',
}

// On the contract host: futures not opened (1220), no contract account (1010); 4007 = the v5
// balance serves unified accounts only.
const CONTRACT_CODES: CodeTable = { '1220': 'PERMISSION', '1010': 'PERMISSION' }
const NOT_UNIFIED = '4007'

/** HTX deactivates a trading key without IP after this many days without use. */
export const HTX_UNBOUND_KEY_DAYS = 90

const DAY_MS = 86_400_000

const UID: StepSpec = { check: 'key', permission: { code: 'NO_READ_PERMISSION', check: 'balance' } }
const API_KEY: StepSpec = { check: 'key', permission: { code: 'NO_READ_PERMISSION', check: 'balance' } }
const VALUATION: StepSpec = { check: 'balance', permission: { code: 'NO_READ_PERMISSION', check: 'balance' } }
const FUTURES: StepSpec = { check: 'futures', permission: { code: 'NO_FUTURES_PERMISSION', check: 'futures' }, table: CONTRACT_CODES }

/** Builds the HTX adapter; `urls.htx` replaces the spot host, `urls.htxFutures` the contract host. */
export function createHtxAdapter(deps: AdapterDeps): ExchangeAdapter {
  return {
    id: 'htx',
    label: 'HTX',
    keyTerm: 'Access Key',
    credentialFields: [
      { field: 'apiKey', secret: false },
      { field: 'secret', secret: true },
    ],
    markets: ['spot', 'futures', 'both'],
    validateField: (field, value, others) => (field === 'passphrase' ? null : validateWith(HTX_FORMAT, field, value, others)),
    testConnection: (credentials, options) => testHtx(deps, credentials, options),
  }
}

function checksFor(market: Market): CheckId[] {
  const ids: CheckId[] = ['reachable', 'key', 'secret', 'balance', 'trade']
  if (market !== 'spot') ids.push('futures')
  return [...ids, 'withdraw', 'ip', 'expiry']
}

/** ccxt's `urls.api` entry `contract` is the contract host; every other entry is the spot host. */
export function htxOrigin(urls: AdapterDeps['urls']): ((path: readonly string[]) => string | undefined) | undefined {
  if (!urls.htx && !urls.htxFutures) return undefined
  return (path) => (path[0] === 'contract' ? urls.htxFutures : urls.htx)
}

async function testHtx(deps: AdapterDeps, credentials: Credentials, options: TestOptions) {
  const origin = htxOrigin(deps.urls)
  const client = createCcxtClient(await loadCcxtClass<htx>('htx'), {
    credentials,
    timeoutMs: options.requestTimeoutMs,
    readCode: readHtxCode,
    ...(origin ? { origin } : {}),
  })
  // The prehash names the host: sign with the host the request really goes to.
  const hostnames = client.ex.urls['hostnames'] as Record<string, unknown>
  if (deps.urls.htx) hostnames['spot'] = new URL(deps.urls.htx).host
  if (deps.urls.htxFutures) hostnames['contract'] = new URL(deps.urls.htxFutures).host
  const s = createSession({ exchange: 'htx', checks: checksFor(options.market), client, table: HTX_CODES, options })
  const { report } = s
  const { market } = options

  if (!(await s.measureReachable((ex) => ex.spotPublicGetV1CommonTimestamp(), (raw) => requireNumber(requireObject(raw)['data'])))) return s.finish()

  const uid = await s.call(UID, (ex) => ex.spotPrivateGetV2UserUid(), (raw) => requireNumber(requireObject(raw)['data']))
  if (uid === undefined) {
    if (!s.blocked) report.skipRest('balance')
    return s.finish()
  }
  const found = await s.call(API_KEY, (ex) => ex.spotPrivateGetV2UserApiKey({ uid, accessKey: credentials.apiKey }), (raw) => ({ info: parseHtxKeyInfo(requireObject(raw)['data'], credentials.apiKey) }))
  if (!found) {
    if (!s.blocked) report.skipRest('balance')
    return s.finish()
  }
  report.set('key', 'pass')
  report.set('secret', 'pass')
  const info = found.info
  if (!info) {
    // Authenticated, but HTX did not list this key (a sub-user's key, say): nothing else is proven.
    report.set('balance', 'pass')
    report.set('trade', 'unknown', 'PERMISSIONS_UNVERIFIED')
    report.set('futures', 'unknown', 'FUTURES_UNVERIFIED')
    setWithdrawCheck(report, undefined)
    setWhitelistCheck(report, undefined, options.egressIps)
    setExpiryRule(report, undefined, HTX_UNBOUND_KEY_DAYS)
    return s.finish()
  }

  // HTX's permissions do not separate spot from futures: `trade` covers both.
  if (info.trade) report.set('trade', 'pass')
  else report.set('trade', 'fail', market === 'futures' ? 'NO_FUTURES_PERMISSION' : 'NO_TRADE_PERMISSION')

  // A permission word HTX does not document might be a withdrawal: then withdrawal is not proven off.
  setWithdrawCheck(report, info.withdraw ? ['Withdraw'] : [], info.unknownWords.length === 0)

  const bound = setWhitelistCheck(report, info.ips, options.egressIps)

  if (info.expired) report.set('expiry', 'fail', 'KEY_EXPIRED')
  else if (info.validDays === -1) report.set('expiry', 'pass')
  else if (info.validDays !== undefined) setExpiryDate(report, Date.now() + info.validDays * DAY_MS, Date.now())
  else setExpiryRule(report, bound === true || !(info.trade || info.withdraw), HTX_UNBOUND_KEY_DAYS)

  if (market === 'spot') {
    const ok = await s.call(VALUATION, (ex) => ex.spotPrivateGetV2AccountAssetValuation({ accountType: 'spot' }), requireValuation)
    if (s.blocked) return s.finish()
    if (ok) report.set('balance', 'pass')
    return s.finish()
  }

  // The api-key call needed the key's Read permission, the same one balances need.
  report.set('balance', 'pass')
  if (!info.trade) {
    report.set('futures', 'fail', 'NO_FUTURES_PERMISSION')
    return s.finish()
  }
  const r = await s.tryCall(FUTURES, (ex) => ex.contractPrivateGetV5AccountBalance(), requireContractOk)
  if (r.ok) report.set('futures', 'pass')
  else if (r.failure.exchangeCode === NOT_UNIFIED) report.set('futures', 'unknown', 'FUTURES_UNVERIFIED')
  else s.record(r.failure, FUTURES)
  return s.finish()
}

function requireValuation(raw: unknown): true {
  const data = requireObject(requireObject(raw)['data'])
  requireNumber(data['balance'])
  return true
}

function requireContractOk(raw: unknown): true {
  const o = requireObject(raw)
  if (!(o['code'] === 200 || o['status'] === 'ok') || o['data'] === undefined) throw new BadShapeError('contract balance')
  return true
}
