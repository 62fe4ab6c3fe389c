/**
 * Contract cases for Bitget, BingX, HTX, Coinbase and Gate: the shared scenarios (adjusted where
 * an exchange cannot tell two causes apart) plus one case per diagnosis code each can produce.
 *
 * cases.ts imports these functions to build CASES and this file imports its helpers, so nothing
 * here may run at module load: every constant lives inside the functions.
 */
import { commonCases, creds, OTHER_OUR_IP, OUR_IP, type ContractCase } from './cases.js'

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
    ...commonCases('bitget', '/api/v2/spot/account/info', 'key', SPOT),
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
      expect: { check: 'withdraw', state: 'fail', verdict: 'unsafe', transient: false, requests: 3 },
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

/** BingX (filled in below). */
export function bingxCases(): ContractCase[] {
  return []
}

/** HTX (filled in below). */
export function htxCases(): ContractCase[] {
  return []
}

/** Coinbase (filled in below). */
export function coinbaseCases(): ContractCase[] {
  return []
}

/** Gate (filled in below). */
export function gateCases(): ContractCase[] {
  return []
}
