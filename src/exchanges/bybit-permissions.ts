/**
 * Reading Bybit's `GET /v5/user/query-api` (docs/v5/user/apikey-info.mdx): `readOnly`, the
 * permission groups (`Spot: [SpotTrade]`, `ContractTrade: [Order, Position]`, `Derivatives:
 * [DerivativesTrade]`, `Wallet: [..., Withdraw]`), the bound IPs (`["*"]` = none) and, for keys
 * without a bound IP or after a password change, `expiredAt` / `deadlineDay`.
 */
import { BadShapeError } from './diagnose.js'
import { requireObject } from './session.js'

/** What the connection test needs from a Bybit key; `undefined` = could not be read. */
export interface BybitKeyInfo {
  spotTrade: boolean
  futuresTrade: boolean
  readOnly: boolean
  /** Wallet permissions that move funds off the account, as Bybit names them; undefined = unreadable. */
  withdraw: string[] | undefined
  /** Bound IPs; [] = none bound; undefined = unreadable. */
  ips: string[] | undefined
  /** `expiredAt` in ms when Bybit states one; NaN = stated but unreadable. */
  expiresAt: number | undefined
  /** Unified trading account (one wallet for spot and derivatives). */
  uta: boolean
}

const strings = (v: unknown): string[] | undefined => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined)

/**
 * Parses the key info. Missing trade groups read as empty (never a false pass: at worst "no
 * permission"); an unreadable `Wallet` group makes withdrawal unknown, never "off".
 */
export function parseBybitKeyInfo(raw: unknown): BybitKeyInfo {
  const r = requireObject(requireObject(raw)['result'])
  const readOnly = r['readOnly']
  if (readOnly !== 0 && readOnly !== 1) throw new BadShapeError('readOnly')
  const perms = requireObject(r['permissions'])
  const has = (group: string, name: string) => (strings(perms[group]) ?? []).includes(name)
  const rw = readOnly === 0
  const wallet = strings(perms['Wallet'])
  const ips = strings(r['ips'])
  return {
    readOnly: !rw,
    spotTrade: rw && has('Spot', 'SpotTrade'),
    futuresTrade: rw && (has('ContractTrade', 'Order') || has('ContractTrade', 'Position') || has('Derivatives', 'DerivativesTrade')),
    withdraw: wallet?.filter((p) => /withdraw/i.test(p)).map((p) => `Wallet: ${p}`),
    ips: ips?.map((ip) => ip.trim()).filter((ip) => ip !== '' && ip !== '*'),
    expiresAt: parseExpiry(r['expiredAt']),
    uta: r['uta'] === 1 || r['unified'] === 1,
  }
}

function parseExpiry(v: unknown): number | undefined {
  if (v === undefined || v === null || v === '') return undefined
  const t = typeof v === 'string' ? Date.parse(v) : NaN
  // Bybit has been seen to send zero dates for keys without expiry.
  if (Number.isFinite(t) && t <= 0) return undefined
  return t
}
