/**
 * Reading BingX's `GET /openApi/v1/account/apiPermissions` (bingx-api.github.io, "Query user API
 * Key permissions"): `permissions` is a list of numbers, "1-spot trading, 2-reading,
 * 3-professional contract trading, 4-universal transfer, 5-coin withdrawal, 7-allow transfer
 * within sub-account", and `ipAddresses` the key's IP whitelist.
 *
 * Fail-safe: a number outside that list could be a permission we do not know, so it makes
 * withdrawal unprovable rather than safe.
 */
import { BadShapeError } from './diagnose.js'

/** The permission numbers BingX documents. */
export const BINGX_PERMISSION = { spotTrade: 1, read: 2, futuresTrade: 3, universalTransfer: 4, withdraw: 5, subAccountTransfer: 7 } as const

const KNOWN: ReadonlySet<number> = new Set(Object.values(BINGX_PERMISSION))

/** What a BingX key may do, as its permission list proves it. */
export interface BingxKeyInfo {
  spotTrade: boolean
  futuresTrade: boolean
  withdraw: boolean
  /** Numbers BingX does not document: withdrawal cannot be proven off while any is present. */
  unknown: number[]
  ips: string[]
}

/** Parses the `data` object; throws {@link BadShapeError} when a field has the wrong type. */
export function parseBingxKeyInfo(data: Record<string, unknown>): BingxKeyInfo {
  const raw = data['permissions']
  if (!Array.isArray(raw)) throw new BadShapeError('permissions')
  const perms = raw.map((p) => (typeof p === 'number' ? p : typeof p === 'string' && /^\d+$/.test(p.trim()) ? Number(p) : NaN))
  if (perms.some((p) => !Number.isInteger(p))) throw new BadShapeError('permissions')
  const ipRaw = data['ipAddresses']
  if (ipRaw !== undefined && ipRaw !== null && !(Array.isArray(ipRaw) && ipRaw.every((x) => typeof x === 'string'))) throw new BadShapeError('ipAddresses')
  return {
    spotTrade: perms.includes(BINGX_PERMISSION.spotTrade),
    futuresTrade: perms.includes(BINGX_PERMISSION.futuresTrade),
    withdraw: perms.includes(BINGX_PERMISSION.withdraw),
    unknown: perms.filter((p) => !KNOWN.has(p)),
    ips: ((ipRaw as string[] | null | undefined) ?? []).map((s) => s.trim()).filter(Boolean),
  }
}
