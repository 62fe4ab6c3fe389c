/**
 * Reading HTX's `GET /v2/user/api-key` (htx.com/en-us/opend/newApiPages "Get API key
 * information"): one entry per key, `accessKey`, `permission` ("readOnly,trade,withdraw"),
 * `ipAddresses` (comma-separated), `validDays` ("If it is -1, it means permanently valid") and
 * `status` ("normal", "expired").
 *
 * Fail-safe: a permission word outside readOnly/trade/withdraw makes withdrawal unprovable; a
 * `validDays` that is not a number leaves the expiry to HTX's documented rule.
 */
import { BadShapeError } from './diagnose.js'

const KNOWN = new Set(['readonly', 'trade', 'withdraw'])

/** What one HTX key may do and how long it lives, as the key info proves it. */
export interface HtxKeyInfo {
  read: boolean
  trade: boolean
  withdraw: boolean
  unknownWords: string[]
  ips: string[]
  /** Days left; -1 = permanent; undefined when HTX did not say. */
  validDays: number | undefined
  expired: boolean
}

/** Finds our key in the `data` list and reads it; null when HTX did not list it. */
export function parseHtxKeyInfo(data: unknown, accessKey: string): HtxKeyInfo | null {
  if (!Array.isArray(data)) throw new BadShapeError('api-key data')
  const entry = data.find((e) => e !== null && typeof e === 'object' && (e as Record<string, unknown>)['accessKey'] === accessKey) as Record<string, unknown> | undefined
  if (!entry) return null
  const perm = entry['permission']
  if (typeof perm !== 'string') throw new BadShapeError('permission')
  const words = perm.split(',').map((w) => w.trim()).filter(Boolean)
  const lower = words.map((w) => w.toLowerCase())
  const rawIps = entry['ipAddresses']
  const ips = typeof rawIps === 'string' ? rawIps.split(',') : Array.isArray(rawIps) ? rawIps.map(String) : rawIps == null ? [] : null
  if (ips === null) throw new BadShapeError('ipAddresses')
  const vd = entry['validDays']
  const validDays = typeof vd === 'number' ? vd : typeof vd === 'string' && /^-?\d+$/.test(vd.trim()) ? Number(vd) : undefined
  return {
    read: lower.includes('readonly'),
    trade: lower.includes('trade'),
    withdraw: lower.includes('withdraw'),
    unknownWords: words.filter((_, i) => !KNOWN.has(lower[i] as string)),
    ips: ips.map((s) => s.trim()).filter(Boolean),
    validDays: validDays !== undefined && Number.isInteger(validDays) ? validDays : undefined,
    expired: String(entry['status'] ?? '').toLowerCase() === 'expired',
  }
}
