/**
 * Reading KuCoin's key info: the comma-separated permission list (the IP whitelist, which KuCoin
 * masks as `"203.**.154,103.**.34"`, is matched in `key-checks.ts`).
 */

/** Splits `"General,Spot,Futures"` (also tolerates `"General, Spot"` and arrays). */
export function parseKucoinPermissions(value: unknown): string[] {
  const parts = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(',') : []
  return parts.map((p) => p.trim()).filter(Boolean)
}

/**
 * Permission words that can move funds off the account. Any word containing "transfer" or
 * "withdraw", in any case: KuCoin's `Transfer` covers withdrawal and bypasses 2FA; `InnerTransfer`
 * is flagged too, on purpose, because we would rather ask for a cleaner key than guess.
 */
export function withdrawWords(permissions: readonly string[]): string[] {
  return permissions.filter((p) => /transfer|withdraw/i.test(p))
}
