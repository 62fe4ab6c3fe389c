/**
 * Coinbase Advanced Trade with a CDP API key (JWT-signed, ES256 or EdDSA). `GET
 * /api/v3/brokerage/key_permissions` says whether the key can view, trade and transfer, so trading
 * is proven and a key that can transfer (send funds off the platform) is refused. Coinbase shows
 * no IP allowlist, so the IP check is always `unknown`, and documents no key expiry (no expiry
 * check).
 *
 * Coinbase answers 401 for a wrong key name, a wrong private key, an IP outside the key's
 * allowlist and a JWT its clock rejects alike, so a 401 is KEY_REJECTED, whose fix walks the
 * causes in turn. ccxt builds the JWT from our own clock (no clock correction), so the skew the
 * time call measured is shown too.
 *
 * Requests per test: time, key_permissions, accounts, CFM futures balance summary (futures/both
 * and only when the key can trade): 3 for spot, at most 4 otherwise.
 */
import type { coinbase } from 'ccxt'
import type { CheckId, Credentials, Market } from '../domain/types.js'
import type { ExchangeAdapter, TestOptions } from './adapter.js'
import { createCcxtClient, type CodeReader } from './ccxt-client.js'
import { loadCcxtClass } from './ccxt-load.js'
import { coinbaseCcxtSecret, coinbaseKeyProblem, coinbaseSecretProblem } from './coinbase-credentials.js'
import type { AdapterDeps } from './deps.js'
import { BadShapeError, type CodeTable, type Failure } from './diagnose.js'
import { setWhitelistCheck, setWithdrawCheck } from './key-checks.js'
import { createSession, requireNumber, requireObject, type Session, type StepSpec } from './session.js'

/** Coinbase's `error` ids (ccxt 4.5.84 exception table; v3 bodies `{"error": ..., "message": ...}`). */
export const COINBASE_CODES: CodeTable = {
  authentication_error: 'KEY_REJECTED',
  unauthorized: 'KEY_REJECTED',
  UNAUTHENTICATED: 'KEY_REJECTED',
  invalid_token: 'KEY_REJECTED',
  expired_token: 'KEY_REJECTED',
  revoked_token: 'KEY_REJECTED',
  PERMISSION_DENIED: 'PERMISSION',
  invalid_scope: 'PERMISSION',
  rate_limit_exceeded: 'RATE_LIMITED',
  resource_exhausted: 'RATE_LIMITED',
  RATE_LIMIT_EXCEEDED: 'RATE_LIMITED',
  RESOURCE_EXHAUSTED: 'RATE_LIMITED',
  internal_server_error: 'EXCHANGE_UNAVAILABLE',
  INTERNAL: 'EXCHANGE_UNAVAILABLE',
  UNAVAILABLE: 'EXCHANGE_UNAVAILABLE',
}

// No futures (CFM) account for this portfolio: as good as no futures access.
const FUTURES_CODES: CodeTable = { NOT_FOUND: 'PERMISSION', not_found: 'PERMISSION' }

/** v3 `error`, or the first of v2's `errors[].id`. */
export const readCoinbaseCode: CodeReader = (body) => {
  const e = body['error']
  if (typeof e === 'string' && e !== '') return e
  const list = body['errors']
  const first = Array.isArray(list) ? (list[0] as Record<string, unknown> | undefined) : undefined
  return typeof first?.['id'] === 'string' ? first['id'] : undefined
}

const KEY_PERMISSIONS: StepSpec = { check: 'key', permission: { code: 'NO_READ_PERMISSION', check: 'balance' } }
const ACCOUNTS: StepSpec = { check: 'balance', permission: { code: 'NO_READ_PERMISSION', check: 'balance' } }
const FUTURES: StepSpec = { check: 'futures', permission: { code: 'NO_FUTURES_PERMISSION', check: 'futures' }, table: FUTURES_CODES }

/** Builds the Coinbase adapter; `deps.urls.coinbase` replaces api.coinbase.com. */
export function createCoinbaseAdapter(deps: AdapterDeps): ExchangeAdapter {
  return {
    id: 'coinbase',
    label: 'Coinbase',
    credentialFields: [
      { field: 'apiKey', secret: false, ownPrompt: true },
      { field: 'secret', secret: true, ownPrompt: true },
    ],
    markets: ['spot', 'futures', 'both'],
    validateField: (field, value, others) => {
      if (field === 'passphrase') return null
      if (field === 'apiKey' && others?.secret !== undefined && value === others.secret) return 'LOOKS_LIKE_SECRET'
      if (field === 'secret' && others?.apiKey !== undefined && value === others.apiKey) return 'SAME_AS_KEY'
      return field === 'apiKey' ? coinbaseKeyProblem(value) : coinbaseSecretProblem(value)
    },
    testConnection: (credentials, options) => testCoinbase(deps, credentials, options),
  }
}

function checksFor(market: Market): CheckId[] {
  const ids: CheckId[] = ['reachable', 'key', 'secret', 'balance', 'trade']
  if (market !== 'spot') ids.push('futures')
  return [...ids, 'withdraw', 'ip']
}

/** A 401 without a JSON code (Coinbase answers plain "Unauthorized") is the same KEY_REJECTED. */
function reject401(f: Failure): Failure {
  return f.status === 401 && f.exchangeCode === undefined ? { ...f, code: 'KEY_REJECTED' } : f
}

async function call<T>(s: Session<coinbase>, spec: StepSpec, fn: (ex: coinbase) => Promise<unknown>, parse: (raw: unknown) => T): Promise<T | undefined> {
  const r = await s.tryCall(spec, fn, parse)
  if (r.ok) return r.value
  s.record(reject401(r.failure), spec)
  return undefined
}

async function testCoinbase(deps: AdapterDeps, credentials: Credentials, options: TestOptions) {
  const base = deps.urls.coinbase
  // A secret the format check let through is always usable; anything else goes to ccxt as pasted.
  const secret = coinbaseSecretProblem(credentials.secret) === null ? coinbaseCcxtSecret(credentials.secret) : credentials.secret
  const client = createCcxtClient(await loadCcxtClass<coinbase>('coinbase'), {
    credentials: { apiKey: credentials.apiKey.trim(), secret },
    timeoutMs: options.requestTimeoutMs,
    readCode: readCoinbaseCode,
    ...(base ? { origin: () => base } : {}),
  })
  const s = createSession({ exchange: 'coinbase', checks: checksFor(options.market), client, table: COINBASE_CODES, options })
  const { report } = s
  const { market } = options

  if (!(await s.measureReachable((ex) => ex.v3PublicGetBrokerageTime(), (raw) => requireNumber(requireObject(raw)['epochMillis'])))) return s.finish()

  const perms = await call(s, KEY_PERMISSIONS, (ex) => ex.v3PrivateGetBrokerageKeyPermissions(), (raw) => requireObject(raw))
  if (!perms) {
    if (!s.blocked) report.skipRest('balance')
    return s.finish()
  }
  report.set('key', 'pass')
  report.set('secret', 'pass')

  // Only a boolean proves anything; a missing or odd field stays unknown, never a pass.
  const flag = (name: string) => (typeof perms[name] === 'boolean' ? (perms[name] as boolean) : undefined)
  const canView = flag('can_view')
  const canTrade = flag('can_trade')
  const canTransfer = flag('can_transfer')

  if (canTrade === true) report.set('trade', 'pass')
  else if (canTrade === false) report.set('trade', 'fail', market === 'futures' ? 'NO_FUTURES_PERMISSION' : 'NO_TRADE_PERMISSION')
  else report.set('trade', 'unknown', 'PERMISSIONS_UNVERIFIED')

  setWithdrawCheck(report, canTransfer === undefined ? undefined : canTransfer ? ['Transfer'] : [])
  // Coinbase shows no IP allowlist.
  setWhitelistCheck(report, undefined, options.egressIps)

  if (canView === false) report.set('balance', 'fail', 'NO_READ_PERMISSION')
  else {
    const held = await call(s, ACCOUNTS, (ex) => ex.v3PrivateGetBrokerageAccounts(), countAssets)
    if (s.blocked) return s.finish()
    if (held !== undefined) report.set('balance', 'pass', undefined, { assets: held })
  }

  if (market !== 'spot') {
    if (canTrade === false) report.set('futures', 'fail', 'NO_FUTURES_PERMISSION')
    else {
      const ok = await call(s, FUTURES, (ex) => ex.v3PrivateGetBrokerageCfmBalanceSummary(), (raw) => requireObject(requireObject(raw)['balance_summary']))
      if (s.blocked) return s.finish()
      if (ok) report.set('futures', canTrade === true ? 'pass' : 'unknown', canTrade === true ? undefined : 'FUTURES_UNVERIFIED')
    }
  }
  return s.finish()
}

function countAssets(raw: unknown): number {
  const accounts = requireObject(raw)['accounts']
  if (!Array.isArray(accounts)) throw new BadShapeError('accounts')
  const held = new Set<string>()
  for (const a of accounts) {
    const o = requireObject(a)
    const value = (k: string) => requireNumber(requireObject(o[k] ?? { value: 0 })['value'] ?? 0)
    if (value('available_balance') + value('hold') > 0) held.add(String(o['currency']))
  }
  return held.size
}
