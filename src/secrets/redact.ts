/**
 * What counts as secret when data leaves memory: field names to hide in logs and the display
 * mask for an API key. Shared by the logger and the bot so both hide the same things.
 */

/** Object keys whose values are credentials or signing material, matched case-insensitively. */
export const SECRET_KEY_PATTERN =
  /^(api[-_]?key|apikey|secret|secret[-_]?key|api[-_]?secret|passphrase|password|pass|token|bot[-_]?token|master[-_]?key|signature|sign|authorization|cookie|x-mexc-apikey|x-mexc-signature|x-mbx-apikey|kc-api-[a-z-]+|x-bapi-[a-z-]+|ok-access-[a-z-]+|x-bx-apikey|access-(?:key|sign|passphrase)|accesskeyid|accesskey|key|private[-_]?key|credentials|plaintext|sealed)$/i

/** Replacement text for a redacted value. */
export const REDACTED = '[redacted]'

const QUERY_SECRET = /([?&](?:signature|sign|apikey|api_key|secret|passphrase|timestamp|accesskeyid|accesskey)=)[^&\s"']*/gi
// Binance X-MBX-APIKEY, Bybit X-BAPI-*, OKX OK-ACCESS-*, Bitget ACCESS-*, BingX X-BX-APIKEY, Gate KEY/SIGN (and the masked `key` of its key list), HTX AccessKeyId.
const HEADER_SECRET = /("?(?:X-MEXC-APIKEY|X-MBX-APIKEY|X-BAPI-[A-Z-]+|OK-ACCESS-[A-Z-]+|KC-API-[A-Z-]+|X-BX-APIKEY|ACCESS-(?:KEY|SIGN|PASSPHRASE)|AccessKeyId|KEY|SIGN|Authorization|apiKey|secret|passphrase|password)"?\s*[:=]\s*"?)(?:Bearer\s+)?[^",}&\s]*/gi
// Coinbase signs with a JWT (a bearer token for its request, naming the key); and a pasted private key.
const JWT = /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+/g
const PEM_PRIVATE_KEY = /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\s\S]*?(?:-----END \1PRIVATE KEY-----|$)/g
const TELEGRAM_TOKEN = /\d{5,}:[A-Za-z0-9_-]{30,}/g
// Bybit's 10004 "error sign! origin_string[<timestamp><API key><recvWindow><params>]" quotes the key.
const BYBIT_SIGNED_TEXT = /(origin_string\[)[^\]]*/gi
// A platform service token (see services/platform-tokens.ts): its public id stays, the secret part goes.
const PLATFORM_TOKEN = /(bfcpt_[0-9a-f]{16}_)[0-9a-f]{8,}/g

/** Scrubs signing material out of free text such as a ccxt error message (URL, headers, body). */
export function scrubText(text: string): string {
  return text
    .replace(PEM_PRIVATE_KEY, REDACTED)
    .replace(JWT, REDACTED)
    .replace(QUERY_SECRET, `$1${REDACTED}`)
    .replace(HEADER_SECRET, `$1${REDACTED}`)
    .replace(BYBIT_SIGNED_TEXT, `$1${REDACTED}`)
    .replace(TELEGRAM_TOKEN, REDACTED)
    .replace(PLATFORM_TOKEN, `$1${REDACTED}`)
}

/**
 * Deep copy of `value` with every secret-named field replaced and every string scrubbed; errors
 * become plain `{type, message, code}` so a library error cannot smuggle its request into a log.
 */
export function scrub(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return scrubText(value)
  if (value === null || typeof value !== 'object') return value
  if (depth > 8) return '[depth]'
  if (seen.has(value)) return '[circular]'
  seen.add(value)
  if (value instanceof Error) {
    const out: Record<string, unknown> = { type: value.name, message: scrubText(value.message) }
    const code = (value as { code?: unknown }).code
    if (typeof code === 'string' || typeof code === 'number') out.code = code
    if (value.stack) out.stack = scrubText(value.stack.split('\n').slice(1, 6).join('\n'))
    if (value.cause !== undefined) out.cause = scrub(value.cause, depth + 1, seen)
    return out
  }
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return `[${value.byteLength} bytes]`
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => scrub(v, depth + 1, seen))
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) {
    out[k] = SECRET_KEY_PATTERN.test(k) && v !== undefined && v !== null ? REDACTED : scrub(v, depth + 1, seen)
  }
  return out
}

/**
 * The only way an API key is shown: first and last four characters. Short values show nothing,
 * because masking a short value would reveal most of it.
 */
export function maskKey(apiKey: string): string {
  const k = apiKey.trim()
  if (k.length < 12) return '••••'
  return `${k.slice(0, 4)}…${k.slice(-4)}`
}
