/**
 * Format checks shared by every adapter, run before any network call so a mis-paste costs the
 * user a sentence instead of a failed request (and never reaches the exchange's rate limit).
 * Each adapter supplies only the shape of its fields; the order of checks is the same everywhere.
 */
import type { CredentialField, Credentials } from '../domain/types.js'
import type { FormatProblem } from './adapter.js'

/** The shape of one credential field on one exchange. */
export interface FieldRule {
  /** Allowed characters, tested one by one (so look-alikes report BAD_CHARSET, not WRONG_LENGTH). */
  charset: RegExp
  minLength: number
  maxLength: number
  /** A distinctive mark (MEXC keys start with `mx0`): when set, it alone decides "looks like this field". */
  looksLike?: RegExp
}

/** An exchange's field shapes; `passphrase` only where the exchange has one. */
export type FormatRules = Readonly<Partial<Record<CredentialField, FieldRule>>>

/** Anything longer is not a credential on any exchange; checked first so 10 KB pastes cost nothing. */
export const MAX_FIELD_LENGTH = 256

// Whitespace and invisible format characters (zero-width space/joiners, BOM, word joiner).
const INVISIBLE = /[\s\p{Cf}]/u

/** True when `value` has the full shape of `rule` (charset and length). */
export function fits(rule: FieldRule | undefined, value: string): boolean {
  if (!rule) return false
  if (value.length < rule.minLength || value.length > rule.maxLength) return false
  return [...value].every((ch) => rule.charset.test(ch))
}

/** True when `value` carries the field's mark, or (without a mark) has its full shape. */
export function looksLike(rule: FieldRule | undefined, value: string): boolean {
  if (!rule) return false
  return rule.looksLike ? rule.looksLike.test(value) : fits(rule, value)
}

/**
 * Checks one field. Order matters: emptiness, size, invisible characters, then swapped fields
 * (the commonest mistake: secret pasted into the key field), then charset, then length.
 */
export function validateWith(
  rules: FormatRules,
  field: CredentialField,
  value: string,
  others: Partial<Credentials> = {},
): FormatProblem | null {
  const rule = rules[field]
  if (value.trim() === '') return 'EMPTY'
  if (value.length > MAX_FIELD_LENGTH) return 'TOO_LONG'
  if (INVISIBLE.test(value)) return 'WHITESPACE'
  if (field !== 'apiKey' && others.apiKey !== undefined && value === others.apiKey) return 'SAME_AS_KEY'
  if (field === 'apiKey' && others.secret !== undefined && value === others.secret) return 'LOOKS_LIKE_SECRET'
  if (field === 'passphrase' && others.secret !== undefined && value === others.secret) return 'LOOKS_LIKE_SECRET'
  if (field === 'apiKey' && looksLike(rules.secret, value) && !looksLike(rule, value)) return 'LOOKS_LIKE_SECRET'
  if (field === 'secret' && looksLike(rules.apiKey, value) && !looksLike(rule, value)) return 'LOOKS_LIKE_KEY'
  if (field === 'passphrase' && looksLike(rules.secret, value)) return 'LOOKS_LIKE_SECRET'
  if (!rule) return null
  if (![...value].every((ch) => rule.charset.test(ch))) return 'BAD_CHARSET'
  if (value.length < rule.minLength || value.length > rule.maxLength) return 'WRONG_LENGTH'
  return null
}
