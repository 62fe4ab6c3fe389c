/**
 * Reading KuCoin's key info: the comma-separated permission list (the IP whitelist, which KuCoin
 * masks as `"203.**.154,103.**.34"`, is matched in `key-checks.ts`).
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
