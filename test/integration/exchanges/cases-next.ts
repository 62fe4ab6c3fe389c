/**
 * Contract cases for Bitget, BingX, HTX, Coinbase and Gate: the shared scenarios (adjusted where
 * an exchange cannot tell two causes apart) plus one case per diagnosis code each can produce.
 *
 * cases.ts imports these functions to build CASES and this file imports its helpers, so nothing
 * here may run at module load: every constant lives inside the functions.
 */
import { createPrivateKey } from 'node:crypto'
import { expect } from 'vitest'
import { isoDay } from '../../../src/exchanges/expiry.js'
import { coinbaseEd25519Key } from '../../fakes/exchange-server.js'
import { commonCases, creds, OTHER_OUR_IP, OUR_IP, type CommonSpec, type ContractCase } from './cases.js'

/**
 * How one exchange departs from a shared case, by case name: a patch merged into it (its `expect`
 * merged too), or null to drop a case the exchange cannot produce.
 */
type CaseOverrides = Readonly<Record<string, (Partial<Omit<ContractCase, 'expect'>> & { expect?: Partial<ContractCase['expect']> }) | null>>

/** The shared cases of cases.ts with this exchange's departures applied. */
function shared(exchange: Parameters<typeof commonCases>[0], spec: CommonSpec, overrides: CaseOverrides = {}): ContractCase[] {
  const names = new Set(commonCases(exchange, spec).map((c) => c.name))
  for (const n of Object.keys(overrides)) if (!names.has(n)) throw new Error(`no shared case named "${n}"`)
  return commonCases(exchange, spec).flatMap((c): ContractCase[] => {
    const o = overrides[c.name]
    if (o === null) return []
    return o ? [{ ...c, ...o, expect: { ...c.expect, ...o.expect } }] : [c]
  })
}

/** A non-failing expectation on one check. */
function ok(check: ContractCase['expect']['check'], state: 'pass' | 'warn' | 'unknown', requests: number, extra: Partial<ContractCase['expect']> = {}): ContractCase['expect'] {
  return { check, state, verdict: 'online', transient: false, requests, ...extra }
}

/** A key-level failure on one check. */
function bad(check: ContractCase['expect']['check'], requests: number, extra: Partial<ContractCase['expect']> = {}): ContractCase['expect'] {
  return { check, state: 'fail', verdict: 'offline', transient: false, requests, ...extra }
}

/** Bitget: authorities codes, passphrase, Unified Trading Accounts answering 40085. */
export function bitgetCases(): ContractCase[] {
  const SPOT = ['stor', 'stow']
  const add = (f: Parameters<ContractCase['arrange']>[0], input: Omit<Parameters<typeof f.addAccount>[0], 'exchange'> = {}) => f.addAccount({ exchange: 'bitget', permissions: SPOT, ...input })
  return [
    ...shared('bitget', { signedPath: '/api/v2/spot/account/info', firstSigned: 'key', healthyPerms: SPOT }),
    {
      name: 'wrong passphrase',
      code: 'INVALID_PASSPHRASE',
      arrange: (f) => ({ credentials: creds(add(f), { passphrase: 'NotTheOne42' }) }),
      expect: bad('passphrase', 2, { skipped: ['balance', 'trade', 'withdraw', 'ip'] }),
    },
    {
      name: 'key without spot read: account info refused (40014)',
      code: 'NO_READ_PERMISSION',
      arrange: (f) => ({ credentials: creds(add(f, { permissions: ['coow', 'coor'] })) }),
      expect: bad('balance', 2, { skipped: ['trade', 'withdraw', 'ip'] }),
    },
    {
      name: 'spot read only: no stow',
      code: 'NO_TRADE_PERMISSION',
      arrange: (f) => ({ credentials: creds(add(f, { permissions: ['stor'] })) }),
      expect: bad('trade', 3),
    },
    {
      name: 'futures wanted, no futures permission (no futures call made)',
      code: 'NO_FUTURES_PERMISSION',
      arrange: (f) => ({ credentials: creds(add(f)), market: 'both' }),
      expect: bad('futures', 3),
    },
    {
      name: 'spot and futures trading, whitelisted: every check passes in 4 requests',
      code: null,
      arrange: (f) => ({ credentials: creds(add(f, { permissions: ['stor', 'stow', 'coor', 'coow'], ipWhitelist: [OUR_IP] })), market: 'both' }),
      expect: ok('futures', 'pass', 4),
    },
    {
      name: 'wwow: the key can withdraw',
      code: 'WITHDRAW_ENABLED',
      arrange: (f) => ({ credentials: creds(add(f, { permissions: ['stor', 'stow', 'wwow'] })) }),
      expect: { check: 'withdraw', state: 'fail', verdict: 'unsafe', transient: false, detail: { permissions: 'Wallet Withdraw' }, requests: 3 },
    },
    {
      name: 'an authority Bitget does not document: withdrawal not proven off',
      code: 'WITHDRAW_UNVERIFIED',
      arrange: (f) => ({ credentials: creds(add(f, { permissions: ['stor', 'stow', 'readonly'] })) }),
      expect: ok('withdraw', 'unknown', 3),
    },
    {
      name: 'no IP whitelist',
      code: 'IP_WHITELIST_MISSING',
      arrange: (f) => ({ credentials: creds(add(f)) }),
      expect: ok('ip', 'warn', 3, { detail: { ips: OUR_IP } }),
    },
    {
      contractOnly: true,
      name: 'whitelist lacks our second egress IP',
      code: 'IP_NOT_ALLOWED',
      arrange: (f) => ({ credentials: creds(add(f, { ipWhitelist: [OUR_IP] })), egressIps: [OUR_IP, OTHER_OUR_IP] }),
      expect: bad('ip', 3, { detail: { ips: OTHER_OUR_IP } }),
    },
    {
      name: 'Unified Trading Account (40085): trade cannot be read',
      code: 'PERMISSIONS_UNVERIFIED',
      arrange: (f) => ({ credentials: creds(add(f, { unified: true })) }),
      expect: ok('trade', 'unknown', 2),
    },
    {
      name: 'Unified Trading Account (40085): IP list cannot be read',
      code: 'IP_UNVERIFIED',
      arrange: (f) => ({ credentials: creds(add(f, { unified: true })) }),
      expect: ok('ip', 'unknown', 2, { detail: { ips: OUR_IP } }),
    },
    {
      name: 'Unified Trading Account (40085): futures cannot be read',
      code: 'FUTURES_UNVERIFIED',
      arrange: (f) => ({ credentials: creds(add(f, { unified: true })), market: 'both' }),
      expect: ok('futures', 'unknown', 2),
    },
  ]
}

/** BingX: permission numbers (5 = withdrawal), a clock ccxt does not correct, mis-classed codes. */
export function bingxCases(): ContractCase[] {
  const SPOT = ['1', '2']
  const add = (f: Parameters<ContractCase['arrange']>[0], input: Omit<Parameters<typeof f.addAccount>[0], 'exchange'> = {}) => f.addAccount({ exchange: 'bingx', permissions: SPOT, ...input })
  return [
    ...shared('bingx', { signedPath: '/openApi/v1/account/apiPermissions', firstSigned: 'key', healthyPerms: SPOT }),
    {
      // ccxt signs BingX requests with our own clock, so past BingX's 5 s window the key is refused (100421).
      name: 'our clock is 8 s behind: BingX refuses the timestamp, not the key',
      code: 'CLOCK_SKEW',
      arrange: (f) => {
        f.setClockSkew(8000, 'bingx')
        return { credentials: creds(add(f)) }
      },
      expect: bad('reachable', 2, { detail: { skewMs: expect.closeTo(8000, -3), during: 'key' }, skipped: ['key', 'secret', 'balance', 'trade', 'withdraw', 'ip', 'expiry'] }),
    },
    {
      name: 'key without reading (2): apiPermissions refused (100004)',
      code: 'NO_READ_PERMISSION',
      arrange: (f) => ({ credentials: creds(add(f, { permissions: ['1'] })) }),
      expect: bad('balance', 2, { skipped: ['trade', 'withdraw', 'ip', 'expiry'] }),
    },
    {
      name: 'read-only key: no spot trading (1)',
      code: 'NO_TRADE_PERMISSION',
      arrange: (f) => ({ credentials: creds(add(f, { permissions: ['2'] })) }),
      expect: bad('trade', 3),
    },
    {
      name: 'futures wanted, no perpetual futures permission (3): no futures call made',
      code: 'NO_FUTURES_PERMISSION',
      arrange: (f) => ({ credentials: creds(add(f)), market: 'both' }),
      expect: bad('futures', 3),
    },
    {
      name: 'spot and futures trading, whitelisted: every check passes in 4 requests',
      code: null,
      arrange: (f) => ({ credentials: creds(add(f, { permissions: ['1', '2', '3'], ipWhitelist: [OUR_IP] })), market: 'both' }),
      expect: ok('expiry', 'pass', 4),
    },
    {
      name: 'permission 5: the key can withdraw',
      code: 'WITHDRAW_ENABLED',
      arrange: (f) => ({ credentials: creds(add(f, { permissions: ['1', '2', '5'], ipWhitelist: [OUR_IP] })) }),
      expect: { check: 'withdraw', state: 'fail', verdict: 'unsafe', transient: false, detail: { permissions: 'Withdraw' }, requests: 3 },
    },
    {
      name: 'a permission number BingX does not document: withdrawal not proven off',
      code: 'WITHDRAW_UNVERIFIED',
      arrange: (f) => ({ credentials: creds(add(f, { permissions: ['1', '2', '6'] })) }),
      expect: ok('withdraw', 'unknown', 3),
    },
    {
      name: 'no IP whitelist',
      code: 'IP_WHITELIST_MISSING',
      arrange: (f) => ({ credentials: creds(add(f)) }),
      expect: ok('ip', 'warn', 3, { detail: { ips: OUR_IP } }),
    },
    {
      contractOnly: true,
      name: 'whitelist lacks our second egress IP',
      code: 'IP_NOT_ALLOWED',
      arrange: (f) => ({ credentials: creds(add(f, { ipWhitelist: [OUR_IP] })), egressIps: [OUR_IP, OTHER_OUR_IP] }),
      expect: bad('ip', 3, { detail: { ips: OTHER_OUR_IP } }),
    },
    {
      name: 'an unbound trading key: BingX deletes it after 14 days unused',
      code: 'KEY_EXPIRY_RULE',
      arrange: (f) => ({ credentials: creds(add(f)) }),
      expect: ok('expiry', 'warn', 3, { detail: { days: 14 } }),
    },
  ]
}

/** HTX: uid then the key's record; one auth code told apart by its message; contracts on their own host. */
export function htxCases(): ContractCase[] {
  const SPOT = ['readOnly', 'trade']
  const FUTURES = ['readOnly', 'trade', 'contracts']
  const add = (f: Parameters<ContractCase['arrange']>[0], input: Omit<Parameters<typeof f.addAccount>[0], 'exchange'> = {}) => f.addAccount({ exchange: 'htx', permissions: SPOT, ...input })
  return [
    ...shared('htx', { signedPath: '/v2/user/uid', firstSigned: 'key', healthyPerms: SPOT }, {
      // time, uid, api-key and the spot valuation.
      'healthy key': { expect: { requests: 4 } },
      'our clock is 4 s behind the exchange': { expect: { requests: 4 } },
      // HTX documents no code for a frozen account; the shared case cannot be produced.
      'account frozen by the exchange': null,
    }),
    {
      name: 'key without Read: HTX says "API key has no permission"',
      code: 'NO_READ_PERMISSION',
      arrange: (f) => ({ credentials: creds(add(f, { permissions: ['trade'] })) }),
      expect: bad('balance', 2, { skipped: ['trade', 'withdraw', 'ip', 'expiry'] }),
    },
    {
      name: 'read-only key: no trade',
      code: 'NO_TRADE_PERMISSION',
      arrange: (f) => ({ credentials: creds(add(f, { permissions: ['readOnly'] })) }),
      expect: bad('trade', 4),
    },
    {
      name: 'futures wanted, contracts trading not opened (1220 on the contract host)',
      code: 'NO_FUTURES_PERMISSION',
      arrange: (f) => ({ credentials: creds(add(f)), market: 'both' }),
      expect: bad('futures', 4),
    },
    {
      name: 'futures wanted, classic (not unified) account: the v5 balance answers 4007',
      code: 'FUTURES_UNVERIFIED',
      arrange: (f) => ({ credentials: creds(add(f, { permissions: FUTURES })), market: 'both' }),
      expect: ok('futures', 'unknown', 4),
    },
    {
      name: 'spot and futures, unified account, whitelisted: every check passes in 4 requests',
      code: null,
      arrange: (f) => ({ credentials: creds(add(f, { permissions: FUTURES, unified: true, ipWhitelist: [OUR_IP] })), market: 'both' }),
      expect: ok('expiry', 'pass', 4),
    },
    {
      name: 'withdraw permission: the key can withdraw',
      code: 'WITHDRAW_ENABLED',
      arrange: (f) => ({ credentials: creds(add(f, { permissions: ['readOnly', 'trade', 'withdraw'], ipWhitelist: [OUR_IP] })) }),
      expect: { check: 'withdraw', state: 'fail', verdict: 'unsafe', transient: false, detail: { permissions: 'Withdraw' }, requests: 4 },
    },
    {
      name: 'a permission word HTX does not document: withdrawal not proven off',
      code: 'WITHDRAW_UNVERIFIED',
      arrange: (f) => ({ credentials: creds(add(f, { permissions: ['readOnly', 'trade', 'margin'] })) }),
      expect: ok('withdraw', 'unknown', 4),
    },
    {
      name: 'no IP whitelist',
      code: 'IP_WHITELIST_MISSING',
      arrange: (f) => ({ credentials: creds(add(f)) }),
      expect: ok('ip', 'warn', 4, { detail: { ips: OUR_IP } }),
    },
    {
      contractOnly: true,
      name: 'whitelist lacks our second egress IP',
      code: 'IP_NOT_ALLOWED',
      arrange: (f) => ({ credentials: creds(add(f, { ipWhitelist: [OUR_IP] })), egressIps: [OUR_IP, OTHER_OUR_IP] }),
      expect: bad('ip', 4, { detail: { ips: OTHER_OUR_IP } }),
    },
    {
      name: 'an unbound trading key: validDays says 90 days left',
      code: 'KEY_EXPIRES',
      arrange: (f) => ({ credentials: creds(add(f)) }),
      // HTX counts validDays from now; the date is that day (UTC), as the report writes it.
      expect: ok('expiry', 'warn', 4, { detail: { daysLeft: 90, date: isoDay(Date.now() + 90 * 86_400_000), expiresAt: expect.any(Number) } }),
    },
    {
      name: 'an expired key',
      code: 'KEY_EXPIRED',
      arrange: (f) => ({ credentials: creds(add(f, { keyStatus: 'expired' })) }),
      expect: bad('key', 2, { skipped: ['secret', 'balance', 'trade', 'withdraw', 'ip', 'expiry'] }),
    },
    {
      name: 'HTX does not list this key: trade cannot be read',
      code: 'PERMISSIONS_UNVERIFIED',
      arrange: (f) => ({ credentials: creds(add(f, { otherKeys: ['0000aaaa-1111bbbb-2222cccc-3333d'] })) }),
      expect: ok('trade', 'unknown', 3),
    },
    {
      name: 'HTX does not list this key: its IP list cannot be read',
      code: 'IP_UNVERIFIED',
      arrange: (f) => ({ credentials: creds(add(f, { otherKeys: ['0000aaaa-1111bbbb-2222cccc-3333d'] })) }),
      expect: ok('ip', 'unknown', 3, { detail: { ips: OUR_IP } }),
    },
    {
      name: 'HTX does not list this key: its expiry cannot be read',
      code: 'KEY_EXPIRY_RULE',
      arrange: (f) => ({ credentials: creds(add(f, { otherKeys: ['0000aaaa-1111bbbb-2222cccc-3333d'] })) }),
      expect: ok('expiry', 'unknown', 3, { detail: { days: 90 } }),
    },
  ]
}

/** Coinbase: a CDP key name and its private key (JWT), key_permissions, no IP list, 401 for every auth cause. */
export function coinbaseCases(): ContractCase[] {
  const SPOT = ['view', 'trade']
  const add = (f: Parameters<ContractCase['arrange']>[0], input: Omit<Parameters<typeof f.addAccount>[0], 'exchange'> = {}) => f.addAccount({ exchange: 'coinbase', permissions: SPOT, ...input })
  const authRefused = ['secret', 'balance', 'trade', 'withdraw', 'ip'] as ContractCase['expect']['check'][]
  return [
    ...shared(
      'coinbase',
      { signedPath: '/api/v3/brokerage/key_permissions', firstSigned: 'key', healthyPerms: SPOT, unknownKey: 'KEY_REJECTED', ipRefused: { code: 'KEY_REJECTED', check: 'key' } },
      {
        // Coinbase's 401 does not say whether the key name or the private key is wrong.
        'wrong secret': { code: 'KEY_REJECTED', expect: { check: 'key', skipped: authRefused } },
        // Coinbase documents no code for a locked account; the shared case cannot be produced.
        'account frozen by the exchange': null,
      },
    ),
    {
      // ccxt builds the JWT from our clock: 10 s ahead, its start time is in Coinbase's future.
      name: 'our clock 10 s ahead: the JWT is refused like a wrong key, and the skew is shown',
      code: 'KEY_REJECTED',
      arrange: (f) => {
        f.setClockSkew(-10_000, 'coinbase')
        return { credentials: creds(add(f)) }
      },
      expect: bad('key', 2, { skipped: authRefused }),
    },
    {
      name: 'an Ed25519 key (key id and 88-character secret)',
      code: null,
      arrange: (f) => ({ credentials: creds(add(f, coinbaseEd25519Key())) }),
      expect: ok('trade', 'pass', 3),
    },
    {
      name: 'an Ed25519 private key pasted as PKCS#8 PEM',
      code: null,
      arrange: (f) => {
        const a = add(f, coinbaseEd25519Key())
        return { credentials: creds(a, { secret: ed25519Pem(a.secret) }) }
      },
      expect: ok('trade', 'pass', 3),
    },
    {
      name: "an ECDSA key pasted as it sits in Coinbase's JSON file (quotes, \\n escapes)",
      code: null,
      arrange: (f) => {
        const a = add(f)
        return { credentials: creds(a, { secret: JSON.stringify(a.secret) }) }
      },
      expect: ok('trade', 'pass', 3),
    },
    {
      name: 'an ECDSA key pasted as PKCS#8 PEM, its line breaks turned into spaces',
      code: null,
      arrange: (f) => {
        const a = add(f)
        return { credentials: creds(a, { secret: ecPkcs8(a.secret).replace(/\n/g, ' ') }) }
      },
      expect: ok('trade', 'pass', 3),
    },
    {
      name: 'key without View: balances cannot be read (no accounts call)',
      code: 'NO_READ_PERMISSION',
      arrange: (f) => ({ credentials: creds(add(f, { permissions: ['trade'] })) }),
      expect: bad('balance', 2),
    },
    {
      name: 'View only: no Trade',
      code: 'NO_TRADE_PERMISSION',
      arrange: (f) => ({ credentials: creds(add(f, { permissions: ['view'] })) }),
      expect: bad('trade', 3),
    },
    {
      name: 'futures wanted, no futures (CFM) account: balance summary not found',
      code: 'NO_FUTURES_PERMISSION',
      arrange: (f) => ({ credentials: creds(add(f)), market: 'both' }),
      expect: bad('futures', 4),
    },
    {
      name: 'spot and futures: every provable check passes in 4 requests',
      code: null,
      arrange: (f) => ({ credentials: creds(add(f, { permissions: ['view', 'trade', 'futures'] })), market: 'both' }),
      expect: ok('futures', 'pass', 4),
    },
    {
      name: 'can_transfer: the key can send funds off Coinbase',
      code: 'WITHDRAW_ENABLED',
      arrange: (f) => ({ credentials: creds(add(f, { permissions: ['view', 'trade', 'transfer'] })) }),
      expect: { check: 'withdraw', state: 'fail', verdict: 'unsafe', transient: false, detail: { permissions: 'Transfer' }, requests: 3 },
    },
    {
      name: 'Coinbase shows no IP list',
      code: 'IP_UNVERIFIED',
      arrange: (f) => ({ credentials: creds(add(f, { ipWhitelist: [OUR_IP] })) }),
      expect: ok('ip', 'unknown', 3, { detail: { ips: OUR_IP } }),
    },
    {
      name: 'key_permissions without can_transfer: withdrawal not proven off',
      code: 'WITHDRAW_UNVERIFIED',
      arrange: (f) => ({ credentials: creds(add(f, { omitFields: ['can_transfer'] })) }),
      expect: ok('withdraw', 'unknown', 3),
    },
    {
      name: 'key_permissions without can_trade: trading not proven',
      code: 'PERMISSIONS_UNVERIFIED',
      arrange: (f) => ({ credentials: creds(add(f, { omitFields: ['can_trade'] })) }),
      expect: ok('trade', 'unknown', 3),
    },
    {
      name: 'key_permissions without can_trade, futures wanted: the futures account answers, trading unproven',
      code: 'FUTURES_UNVERIFIED',
      arrange: (f) => ({ credentials: creds(add(f, { permissions: ['view', 'trade', 'futures'], omitFields: ['can_trade'] })), market: 'both' }),
      expect: ok('futures', 'unknown', 4),
    },
  ]
}

/** The Ed25519 key behind an 88-character Coinbase secret, as PKCS#8 PEM. */
function ed25519Pem(secret: string): string {
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.from(secret, 'base64').subarray(0, 32)])
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }).export({ format: 'pem', type: 'pkcs8' }).toString()
}

/** The same EC key in PKCS#8 PEM (`BEGIN PRIVATE KEY`) instead of Coinbase's SEC1. */
function ecPkcs8(sec1: string): string {
  return createPrivateKey(sec1).export({ format: 'pem', type: 'pkcs8' }).toString()
}

/** Gate: permissions only through main_keys (Account read, masked key), withdrawal never provable. */
export function gateCases(): ContractCase[] {
  const SPOT = ['spot:write', 'account:read']
  const add = (f: Parameters<ContractCase['arrange']>[0], input: Omit<Parameters<typeof f.addAccount>[0], 'exchange'> = {}) => f.addAccount({ exchange: 'gate', permissions: SPOT, ...input })
  // A key made 10 days ago (on a whole second, as Gate states it) without IP: 90 days kept, 80 left.
  const createdAt = (Math.floor(Date.now() / 1000) - 10 * 86_400) * 1000
  return [
    ...shared('gate', { signedPath: '/api/v4/account/main_keys', firstSigned: 'key', healthyPerms: SPOT }),
    {
      name: 'key without Account read: main_keys refused, the rest read where it can be',
      code: 'PERMISSIONS_UNVERIFIED',
      arrange: (f) => ({ credentials: creds(add(f, { permissions: ['spot:write'] })) }),
      expect: ok('trade', 'unknown', 3),
    },
    {
      name: 'key without Account read: its IP list cannot be read',
      code: 'IP_UNVERIFIED',
      arrange: (f) => ({ credentials: creds(add(f, { permissions: ['spot:write'], ipWhitelist: [OUR_IP] })) }),
      expect: ok('ip', 'unknown', 3, { detail: { ips: OUR_IP } }),
    },
    {
      name: 'key without Account read: its 90-day validity cannot be read',
      code: 'KEY_EXPIRY_RULE',
      arrange: (f) => ({ credentials: creds(add(f, { permissions: ['spot:write'] })) }),
      expect: ok('expiry', 'unknown', 3, { detail: { days: 90 } }),
    },
    {
      name: 'key without Account read, futures wanted: the futures account answers, trading unproven',
      code: 'FUTURES_UNVERIFIED',
      arrange: (f) => ({ credentials: creds(add(f, { permissions: ['spot:write', 'futures:write'] })), market: 'both' }),
      expect: ok('futures', 'unknown', 4),
    },
    {
      name: 'key without spot: the spot accounts are refused (FORBIDDEN)',
      code: 'NO_READ_PERMISSION',
      arrange: (f) => ({ credentials: creds(add(f, { permissions: ['account:read', 'futures:write'] })) }),
      expect: bad('balance', 3),
    },
    {
      name: 'spot read only',
      code: 'NO_TRADE_PERMISSION',
      arrange: (f) => ({ credentials: creds(add(f, { permissions: ['spot:read', 'account:read'] })) }),
      expect: bad('trade', 3),
    },
    {
      name: 'futures wanted, no futures permission (no futures call made)',
      code: 'NO_FUTURES_PERMISSION',
      arrange: (f) => ({ credentials: creds(add(f)), market: 'both' }),
      expect: bad('futures', 3),
    },
    {
      name: 'spot and futures, whitelisted, found among the account\'s other keys: 4 requests, only withdrawal unproven',
      code: null,
      arrange: (f) => ({ credentials: creds(add(f, { permissions: ['spot:write', 'futures:write', 'account:read'], ipWhitelist: [OUR_IP], otherKeys: ['0123456789abcdef0123456789abcdef'] })), market: 'both' }),
      expect: ok('futures', 'pass', 4),
    },
    {
      name: 'withdrawal is never provable on Gate',
      code: 'WITHDRAW_UNVERIFIED',
      arrange: (f) => ({ credentials: creds(add(f, { ipWhitelist: [OUR_IP] })) }),
      expect: ok('withdraw', 'unknown', 3),
    },
    {
      name: 'no IP whitelist',
      code: 'IP_WHITELIST_MISSING',
      arrange: (f) => ({ credentials: creds(add(f)) }),
      expect: ok('ip', 'warn', 3, { detail: { ips: OUR_IP } }),
    },
    {
      contractOnly: true,
      name: 'whitelist lacks our second egress IP',
      code: 'IP_NOT_ALLOWED',
      arrange: (f) => ({ credentials: creds(add(f, { ipWhitelist: [OUR_IP] })), egressIps: [OUR_IP, OTHER_OUR_IP] }),
      expect: bad('ip', 3, { detail: { ips: OTHER_OUR_IP } }),
    },
    {
      name: 'no IP bound: valid 90 days from creation',
      code: 'KEY_EXPIRES',
      arrange: (f) => ({ credentials: creds(add(f, { createdAt })) }),
      expect: ok('expiry', 'warn', 3, { detail: { daysLeft: 80, date: isoDay(createdAt + 90 * 86_400_000), expiresAt: createdAt + 90 * 86_400_000 } }),
    },
  ]
}
