/**
 * Reading OKX's `GET /api/v5/account/config` (docs-v5 "Get account configuration"): `perm` is
 * the calling key's permissions (`read_only`, `trade`, `withdraw`, comma-separated), `ip` its
 * bound IPs (`""` when none), `acctLv` the account mode (1 spot mode cannot trade derivatives).
 */
import { BadShapeError } from './diagnose.js'
import { requireObject } from './session.js'

/** What the connection test needs from an OKX key; `undefined` = could not be read. */
export interface OkxKeyInfo {
  trade: boolean
  /** Permission words that move funds out; undefined when `perm` was empty (unreadable). */
  withdraw: string[] | undefined
  /** Bound IPs; [] = none; undefined = unreadable. */
  ips: string[] | undefined
  /** '1' spot, '2' futures, '3' multi-currency margin, '4' portfolio margin; undefined = unreadable. */
  acctLv: string | undefined
}

/** Parses the config; a missing or non-string `perm` is a body we cannot read. */
export function parseOkxConfig(raw: unknown): OkxKeyInfo {
  const data = requireObject(raw)['data']
  if (!Array.isArray(data) || data.length === 0) throw new BadShapeError('config data')
  const c = requireObject(data[0])
  const perm = c['perm']
  if (typeof perm !== 'string') throw new BadShapeError('perm')
  const words = perm.split(',').map((w) => w.trim().toLowerCase()).filter(Boolean)
  const ip = c['ip']
  const lv = c['acctLv']
  return {
    trade: words.includes('trade'),
    withdraw: words.length === 0 ? undefined : words.includes('withdraw') ? ['Withdraw'] : [],
    ips: typeof ip === 'string' ? ip.split(',').map((s) => s.trim()).filter(Boolean) : undefined,
    acctLv: typeof lv === 'string' || typeof lv === 'number' ? String(lv) : undefined,
  }
}
