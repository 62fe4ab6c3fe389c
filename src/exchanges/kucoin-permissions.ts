/**
 * Reading KuCoin's key info: the comma-separated permission list and the IP whitelist, which
 * KuCoin returns masked (`"203.**.154,103.**.34"` in its own SDK fixtures), so matching has to
 * treat `**` as "any middle part".
 */

/**
 * Splits `"General,Spot,Futures"` (also tolerates `"General, Spot"` and an array of strings).
 * Returns null when the field is not a non-empty list of words (missing, null, an object, an
 * empty string or array, non-string items): the withdrawal check is then unprovable, and the
 * caller must fail safe (a list we could not read is never "no Transfer permission"). Every
 * KuCoin key has at least `General`, so an empty list is a shape we do not know, not a safe key.
 */
export function parseKucoinPermissions(value: unknown): string[] | null {
  let parts: string[]
  if (typeof value === 'string') parts = value.split(',')
  else if (Array.isArray(value) && value.every((p) => typeof p === 'string')) parts = value
  else return null
  const words = parts.map((p) => p.trim()).filter(Boolean)
  return words.length > 0 ? words : null
}

/**
 * Permission words that can move funds off the account. Any word containing "transfer" or
 * "withdraw", in any case: KuCoin's `Transfer` covers withdrawal and bypasses 2FA; `InnerTransfer`
 * is flagged too, on purpose, because we would rather ask for a cleaner key than guess.
 */
export function withdrawWords(permissions: readonly string[]): string[] {
  return permissions.filter((p) => /transfer|withdraw/i.test(p))
}

/** Whitelist verdict against our egress IPs: missing = none set, pass = all ours listed. */
export type WhitelistResult = { state: 'pass' } | { state: 'missing' } | { state: 'fail'; missing: string[] }

/**
 * Compares the key's whitelist with our egress IPs. An empty list is `missing`. With no egress
 * IPs configured, a non-empty list is a pass: the call we just made came through it.
 */
export function evaluateWhitelist(whitelist: readonly string[], egressIps: readonly string[]): WhitelistResult {
  if (whitelist.length === 0) return { state: 'missing' }
  const missing = egressIps.filter((ip) => !whitelist.some((entry) => ipMatches(entry, ip)))
  return missing.length === 0 ? { state: 'pass' } : { state: 'fail', missing }
}

/**
 * Exact match, or a masked entry (`203.**.7`) whose visible ends match the IP's. A mask must
 * show both ends: a bare `*` or `**` proves nothing about which IP is listed, so it never matches.
 */
export function ipMatches(entry: string, ip: string): boolean {
  const e = entry.trim().toLowerCase()
  const target = ip.trim().toLowerCase()
  if (!e.includes('*')) return e === target
  const [head, tail] = e.split(/\*+/, 2) as [string, string | undefined]
  if (!head || !tail) return false
  return target.startsWith(head) && target.endsWith(tail) && target.length > head.length + tail.length
}
