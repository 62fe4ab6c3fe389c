/**
 * Reading Bitget's `GET /api/v2/spot/account/info`: `authorities` is a list of short codes, one
 * per permission and level (bitget.com/api-doc/spot/account/Get-Account-Info): read-only `coor`
 * futures orders, `cpor` futures holdings, `stor` spot trade, `smor` margin, `ttor` copy trading,
 * `wtor` wallet transfer, `taxr`, `chor`, `p2pr`, `pllr`; read-write `coow`, `cpow`, `stow`, `smow`,
 * `ttow`, `wtow`, `wwow` (wallet withdrawal), `chow`, `p2p`/`p2pw`, `pllw`, `taxw`. `ips` is the IP
 * whitelist as one comma-separated string.
 *
 * Fail-safe: a word outside that list could be a permission we do not know (the doc's own
 * example shows `"trade", "readonly"`), so it makes withdrawal unprovable rather than safe.
 */
import { BadShapeError } from './diagnose.js'

/** Every code Bitget documents for `authorities`. */
export const BITGET_KNOWN_AUTHORITIES: ReadonlySet<string> = new Set([
  'coor', 'cpor', 'stor', 'smor', 'ttor', 'wtor', 'taxr', 'chor', 'p2pr', 'pllr',
  'coow', 'cpow', 'stow', 'smow', 'ttow', 'wtow', 'wwow', 'chow', 'p2p', 'p2pw', 'pllw', 'taxw',
])

/** What a Bitget key may do, as far as its `authorities` prove it. */
export interface BitgetKeyInfo {
  /** `stow`: places and cancels spot orders. */
  spotTrade: boolean
  /** `coow`: places and cancels futures orders. */
  futuresTrade: boolean
  /** Any futures code, read or write. */
  futuresRead: boolean
  /** `wwow`: the key can withdraw. */
  withdraw: boolean
  /** Words Bitget does not document: withdrawal cannot be proven off while any is present. */
  unknownWords: string[]
  /** Whitelist entries, trimmed; empty when the key is not bound to any IP. */
  ips: string[]
}

/** Parses the `data` object of account/info; throws {@link BadShapeError} when a field has the wrong type. */
export function parseBitgetKeyInfo(data: Record<string, unknown>): BitgetKeyInfo {
  const authorities = data['authorities']
  if (!Array.isArray(authorities) || !authorities.every((a) => typeof a === 'string')) throw new BadShapeError('authorities')
  const words = (authorities as string[]).map((a) => a.trim().toLowerCase()).filter(Boolean)
  const has = (w: string) => words.includes(w)
  const rawIps = data['ips']
  if (rawIps !== undefined && rawIps !== null && typeof rawIps !== 'string') throw new BadShapeError('ips')
  return {
    spotTrade: has('stow'),
    futuresTrade: has('coow'),
    futuresRead: ['coor', 'coow', 'cpor', 'cpow'].some(has),
    withdraw: has('wwow'),
    unknownWords: words.filter((w) => !BITGET_KNOWN_AUTHORITIES.has(w)),
    ips: (rawIps ?? '').split(',').map((s) => s.trim()).filter(Boolean),
  }
}
