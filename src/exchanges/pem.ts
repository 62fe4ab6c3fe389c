/**
 * Private keys pasted as PEM (Binance Ed25519 and RSA keys, Bybit self-generated RSA keys).
 * Telegram, phones and copy buttons bend PEM text in many ways (CRLF, spaces for line breaks,
 * blank lines), and ccxt tells Ed25519 from RSA by the text's length, so a pasted key is
 * checked here by parsing it for real, and handed to ccxt only in one canonical form.
 */
import { createPrivateKey } from 'node:crypto'
import type { FormatProblem } from './adapter.js'

/** The key types an exchange may accept as a PEM secret. */
export type PemKeyType = 'ed25519' | 'rsa'

/** An RSA-4096 private key is about 3.3 kB of PEM; anything longer is not a key. */
export const MAX_PEM_LENGTH = 4096

const BLOCK = /^-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END ([A-Z0-9 ]+)-----$/
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/
// Invisible format characters (zero-width space, BOM...) never belong in a PEM, unlike line breaks.
const INVISIBLE = /\p{Cf}/u

/** True when the value is meant as a PEM block (it carries a BEGIN line). */
export function looksLikePem(value: string): boolean {
  return value.includes('-----BEGIN')
}

/** Why a pasted PEM cannot be used, or null when it is a private key of an `allowed` type. */
export function pemProblem(value: string, allowed: readonly PemKeyType[]): FormatProblem | null {
  if (value.length > MAX_PEM_LENGTH) return 'TOO_LONG'
  if (INVISIBLE.test(value)) return 'WHITESPACE'
  const parsed = parseBlock(value)
  if (!parsed) return 'PEM_INVALID'
  if (/PUBLIC KEY/.test(parsed.label)) return 'PEM_PUBLIC_KEY'
  if (/ENCRYPTED/.test(parsed.label) || /Proc-Type:.*ENCRYPTED/.test(value)) return 'PEM_ENCRYPTED'
  if (!/PRIVATE KEY$/.test(parsed.label)) return 'PEM_INVALID'
  const type = keyType(parsed)
  if (type === null) return 'PEM_INVALID'
  return (allowed as readonly string[]).includes(type) ? null : 'PEM_UNSUPPORTED'
}

/**
 * The same key as canonical PKCS#8 PEM (64-column lines, one trailing newline): the form
 * ccxt expects (it picks Ed25519 when the text is at most 120 characters, RSA above).
 * Call only after {@link pemProblem} returned null.
 */
export function canonicalPem(value: string): string {
  const parsed = parseBlock(value)
  if (!parsed) throw new Error('not a PEM block')
  return createPrivateKey(rewrap(parsed)).export({ format: 'pem', type: 'pkcs8' }).toString()
}

interface Block {
  label: string
  body: string
}

function parseBlock(value: string): Block | null {
  const m = BLOCK.exec(value.trim())
  if (!m || m[1] !== m[3]) return null
  const body = m[2]!.replace(/\s+/g, '')
  if (!BASE64.test(body)) return null
  return { label: m[1]!, body }
}

function rewrap(b: Block): string {
  const lines = b.body.match(/.{1,64}/g) ?? []
  return `-----BEGIN ${b.label}-----\n${lines.join('\n')}\n-----END ${b.label}-----\n`
}

function keyType(b: Block): string | null {
  try {
    return createPrivateKey(rewrap(b)).asymmetricKeyType ?? null
  } catch {
    return null
  }
}
