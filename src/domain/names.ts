/** Why a connection name is refused; the bot explains each one. */
export type NameProblem = 'EMPTY' | 'TOO_LONG' | 'BAD_CHARS'

/** Longest name we accept: fits a button label and a callback-free display. */
export const NAME_MAX = 32

// Letters and digits of any script, space, and a few separators (+ for "spot+futures"); no control, format (zero-width,
// bidi overrides) or markup characters, so a name can never break a message's formatting.
const NAME_RE = /^[\p{L}\p{N}][\p{L}\p{N} _.\-#+]*$/u

/** Normalizes what the user typed (trim, collapse spaces, NFC) before validation and storage. */
export function normalizeName(raw: string): string {
  return raw.normalize('NFC').trim().replace(/\s+/g, ' ')
}

/** Checks a normalized name; null when acceptable. */
export function nameProblem(name: string): NameProblem | null {
  if (name.length === 0) return 'EMPTY'
  if ([...name].length > NAME_MAX) return 'TOO_LONG'
  if (!NAME_RE.test(name)) return 'BAD_CHARS'
  return null
}

/** First free "<Base> <market>", "<Base> <market> 2", ... among the user's names. */
export function suggestName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base
  for (let i = 2; ; i++) {
    const candidate = `${base} ${i}`
    if (!taken.has(candidate)) return candidate
  }
}
