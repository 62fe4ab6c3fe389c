/**
 * Reading Gate's `GET /api/v4/account/main_keys` ("Query All Main Account Key Information"): Gate
 * has no endpoint for the calling key alone, so it lists every key of the main account, each
 * shown masked (`"key": "c5dcfbf1f3a7*****"`), with `perms: [{ name, read_only }]`, `ip_whitelist`,
 * `state`, `created_at`. Our key is found by matching its visible part; a key that matches none,
 * or more than one, is not read at all (never a guess).
 *
 * Gate's `perms` names (wallet, spot, futures, delivery, earn, options, account, loan, margin,
 * unified, copy...) include no withdrawal permission, so withdrawal is never proven here.
 */
import { BadShapeError } from './diagnose.js'

/** What our Gate key may do, from its entry in main_keys. */
export interface GateKeyInfo {
  spotTrade: boolean
  futuresTrade: boolean
  /** Permission names the key holds at all (read or write). */
  names: string[]
  ips: string[]
  /** Seconds since 1970, when Gate says (for the 90-day validity of keys without IP). */
  createdAt: number | undefined
}

/** True when a masked entry (`c5dcfbf1f3a7*****`, or a whole key) shows this key. */
export function gateKeyMatches(shown: string, apiKey: string): boolean {
  const star = shown.indexOf('*')
  if (star === -1) return shown === apiKey
  const head = shown.slice(0, star)
  const tail = shown.slice(shown.lastIndexOf('*') + 1)
  // At least a few visible characters, or any key would match a fully masked entry.
  return head.length + tail.length >= 4 && apiKey.length >= head.length + tail.length && apiKey.startsWith(head) && apiKey.endsWith(tail)
}

/** Finds our key in the list; null when no entry, or more than one, shows it. Throws {@link BadShapeError} on a body it cannot read. */
export function parseGateKeyInfo(list: unknown, apiKey: string): GateKeyInfo | null {
  if (!Array.isArray(list)) throw new BadShapeError('main_keys')
  const matches = list.filter((e) => e !== null && typeof e === 'object' && typeof (e as Record<string, unknown>)['key'] === 'string' && gateKeyMatches((e as Record<string, string>)['key'] as string, apiKey))
  if (matches.length !== 1) return null
  const entry = matches[0] as Record<string, unknown>
  const perms = entry['perms']
  if (!Array.isArray(perms)) throw new BadShapeError('perms')
  const parsed = perms.map((p) => {
    const o = p as Record<string, unknown> | null
    if (!o || typeof o['name'] !== 'string' || typeof o['read_only'] !== 'boolean') throw new BadShapeError('perm')
    return { name: o['name'].toLowerCase(), write: o['read_only'] === false }
  })
  const wl = entry['ip_whitelist']
  if (wl !== undefined && wl !== null && !(Array.isArray(wl) && wl.every((x) => typeof x === 'string'))) throw new BadShapeError('ip_whitelist')
  const created = entry['created_at']
  return {
    spotTrade: parsed.some((p) => p.name === 'spot' && p.write),
    futuresTrade: parsed.some((p) => p.name === 'futures' && p.write),
    names: parsed.map((p) => p.name),
    ips: ((wl as string[] | null | undefined) ?? []).map((s) => s.trim()).filter(Boolean),
    createdAt: typeof created === 'number' && Number.isFinite(created) && created > 0 ? created : undefined,
  }
}
