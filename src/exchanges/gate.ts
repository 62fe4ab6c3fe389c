/**
 * Gate (gate.io), API v4, one host for spot and futures. Gate has no endpoint for the calling
 * key's permissions: `GET /account/main_keys` lists the account's keys (masked) and needs the
 * key's extra Account read permission. With it, trade, futures, the IP whitelist and the
 * 90-day validity of unbound keys are read from our key's entry; without it they stay `unknown`.
 * Withdrawal is never provable on Gate (its permission list names no withdrawal): it is always
 * `unknown` WITHDRAW_UNVERIFIED, for the trader to confirm, as on MEXC.
 *
 * Requests per test: time, main_keys, spot accounts, USDT futures account (futures/both and only
 * when the key can trade futures): 3 for spot, at most 4 otherwise.
 */
import type { gate } from 'ccxt'
import type { CheckId, Credentials, Market } from '../domain/types.js'
import type { ExchangeAdapter, TestOptions } from './adapter.js'
import { createCcxtClient } from './ccxt-client.js'
import { loadCcxtClass } from './ccxt-load.js'
import type { AdapterDeps } from './deps.js'
import { BadShapeError, type CodeTable } from './diagnose.js'
import { setExpiryDate, setExpiryRule } from './expiry.js'
import { validateWith, type FormatRules } from './format.js'
import { parseGateKeyInfo } from './gate-permissions.js'
import { setWhitelistCheck, setWithdrawCheck } from './key-checks.js'
import { createSession, requireNumber, requireObject, type StepSpec } from './session.js'

/**
 * Field shapes. Gate documents none [unverified]; its keys are 32 hex characters and its secrets
 * 64 in practice, so only the charset and loose ranges are enforced.
 */
export const GATE_FORMAT: FormatRules = {
  apiKey: { charset: /[A-Za-z0-9]/, minLength: 16, maxLength: 64 },
  secret: { charset: /[A-Za-z0-9]/, minLength: 32, maxLength: 128 },
}

/** Gate's `label`s (its API v4 label list; ccxt calls IP_FORBIDDEN and REQUEST_EXPIRED AuthenticationError). */
export const GATE_CODES: CodeTable = {
  INVALID_KEY: 'INVALID_KEY',
  INVALID_CREDENTIALS: 'INVALID_KEY',
  INVALID_SIGNATURE: 'INVALID_SECRET',
  IP_FORBIDDEN: 'IP_NOT_ALLOWED',
  REQUEST_EXPIRED: 'CLOCK_SKEW',
  MISSING_REQUIRED_HEADER: 'UNKNOWN',
  FORBIDDEN: 'PERMISSION',
  READ_ONLY: 'PERMISSION',
  ACCOUNT_LOCKED: 'ACCOUNT_RESTRICTED',
  SUB_ACCOUNT_LOCKED: 'ACCOUNT_RESTRICTED',
  TOO_MANY_REQUESTS: 'RATE_LIMITED',
  SERVER_ERROR: 'EXCHANGE_UNAVAILABLE',
  TOO_BUSY: 'EXCHANGE_UNAVAILABLE',
  INTERNAL: 'EXCHANGE_UNAVAILABLE',
}

// The futures account does not exist yet: as good as no futures access.
const FUTURES_CODES: CodeTable = { USER_NOT_FOUND: 'PERMISSION' }

/** "If you opt for not binding, the API Key will allow access from any address and is valid for 90 days." */
export const GATE_UNBOUND_KEY_DAYS = 90

const DAY_MS = 86_400_000

const MAIN_KEYS: StepSpec = { check: 'key', permission: { code: 'PERMISSIONS_UNVERIFIED', check: 'trade' } }
const ACCOUNTS: StepSpec = { check: 'balance', permission: { code: 'NO_READ_PERMISSION', check: 'balance' } }
const FUTURES: StepSpec = { check: 'futures', permission: { code: 'NO_FUTURES_PERMISSION', check: 'futures' }, table: FUTURES_CODES }

/** Builds the Gate adapter; `deps.urls.gate` replaces its one host (`/api/v4` is kept). */
export function createGateAdapter(deps: AdapterDeps): ExchangeAdapter {
  return {
    id: 'gate',
    label: 'Gate.io',
    credentialFields: [
      { field: 'apiKey', secret: false },
      { field: 'secret', secret: true },
    ],
    markets: ['spot', 'futures', 'both'],
    validateField: (field, value, others) => (field === 'passphrase' ? null : validateWith(GATE_FORMAT, field, value, others)),
    testConnection: (credentials, options) => testGate(deps, credentials, options),
  }
}

function checksFor(market: Market): CheckId[] {
  const ids: CheckId[] = ['reachable', 'key', 'secret', 'balance', 'trade']
  if (market !== 'spot') ids.push('futures')
  return [...ids, 'withdraw', 'ip', 'expiry']
}

async function testGate(deps: AdapterDeps, credentials: Credentials, options: TestOptions) {
  const base = deps.urls.gate
  const client = createCcxtClient(await loadCcxtClass<gate>('gate'), {
    credentials,
    timeoutMs: options.requestTimeoutMs,
    codeFields: ['label'],
    ...(base ? { origin: () => base } : {}),
  })
  const s = createSession({ exchange: 'gate', checks: checksFor(options.market), client, table: GATE_CODES, options })
  const { report } = s
  const { market } = options

  if (!(await s.measureReachable((ex) => ex.publicSpotGetTime(), (raw) => requireNumber(requireObject(raw)['server_time'])))) return s.finish()

  const r = await s.tryCall(MAIN_KEYS, (ex) => ex.privateAccountGetMainKeys(), (raw) => parseGateKeyInfo(raw, credentials.apiKey))
  if (!r.ok && GATE_CODES[r.failure.exchangeCode ?? ''] !== 'PERMISSION') {
    s.record(r.failure, MAIN_KEYS)
    return s.finish()
  }
  // Gate authenticated the key either way: without Account read (FORBIDDEN) it refused only the listing.
  report.set('key', 'pass')
  report.set('secret', 'pass')
  // Gate names no withdrawal permission: never provable, the trader confirms it.
  setWithdrawCheck(report, undefined)
  const info = r.ok ? r.value : null
  if (!info) {
    report.set('trade', 'unknown', 'PERMISSIONS_UNVERIFIED')
    setWhitelistCheck(report, undefined, options.egressIps)
    setExpiryRule(report, undefined, GATE_UNBOUND_KEY_DAYS)
  } else {
    if (market === 'futures') {
      if (info.futuresTrade) report.set('trade', 'pass')
      else report.set('trade', 'fail', 'NO_FUTURES_PERMISSION')
    } else if (info.spotTrade) report.set('trade', 'pass')
    else report.set('trade', 'fail', 'NO_TRADE_PERMISSION')

    const bound = setWhitelistCheck(report, info.ips, options.egressIps)
    if (bound === true) report.set('expiry', 'pass')
    else if (info.createdAt !== undefined) setExpiryDate(report, info.createdAt * 1000 + GATE_UNBOUND_KEY_DAYS * DAY_MS, Date.now())
    else setExpiryRule(report, false, GATE_UNBOUND_KEY_DAYS)
  }

  const held = await s.call(ACCOUNTS, (ex) => ex.privateSpotGetAccounts(), countAssets)
  if (s.blocked) return s.finish()
  if (held !== undefined) report.set('balance', 'pass', undefined, { assets: held })

  if (market !== 'spot') {
    if (info && !info.futuresTrade) report.set('futures', 'fail', 'NO_FUTURES_PERMISSION')
    else {
      // Without the key's entry the futures account is still read: it proves futures access, not trading.
      const ok = await s.call(FUTURES, (ex) => ex.privateFuturesGetSettleAccounts({ settle: 'usdt' }), (raw) => requireObject(raw))
      if (s.blocked) return s.finish()
      if (ok) report.set('futures', info ? 'pass' : 'unknown', info ? undefined : 'FUTURES_UNVERIFIED')
    }
  }
  return s.finish()
}

function countAssets(raw: unknown): number {
  if (!Array.isArray(raw)) throw new BadShapeError('spot accounts')
  return raw.filter((a) => {
    const o = requireObject(a)
    return requireNumber(o['available'] ?? 0) + requireNumber(o['locked'] ?? 0) > 0
  }).length
}
