/**
 * Coinbase Advanced Trade credentials (CDP API keys). A key is either ECDSA, whose "API key" is
 * the key *name* `organizations/{org}/apiKeys/{id}` and whose secret is an EC P-256 private key in
 * PEM (several lines), or Ed25519, whose "API key" is the key id (a UUID) and whose secret is 88
 * characters of base64 (seed and public key). People paste these from the JSON file Coinbase
 * gives them, so a PEM often arrives with literal `\n` sequences, quotes, CRLF or its line breaks
 * turned into spaces.
 *
 * Every pasted secret is checked by parsing it for real (node:crypto) and handed to ccxt in the
 * one form its signer reads: `-----BEGIN EC PRIVATE KEY-----` (SEC1) for ECDSA, the 88-character
 * base64 for Ed25519 (ccxt picks the algorithm from these shapes).
 */
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto'
import type { FormatProblem } from './adapter.js'

/** A PEM or an 88-character secret is far below this; anything longer is not a Coinbase key. */
export const MAX_COINBASE_SECRET_LENGTH = 4096

const KEY_NAME = /^organizations\/[0-9a-f-]{36}\/apiKeys\/[0-9a-f-]{36}$/i
const KEY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const BLOCK = /^-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END ([A-Z0-9 ]+)-----$/
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/
const INVISIBLE = /\p{Cf}/u

/** Why a pasted key name or id is not one, or null. */
export function coinbaseKeyProblem(value: string): FormatProblem | null {
  if (value.trim() === '') return 'EMPTY'
  if (value.length > 256) return 'TOO_LONG'
  if (value.includes('-----BEGIN')) return 'LOOKS_LIKE_SECRET'
  if (/[\s\p{Cf}]/u.test(value)) return 'WHITESPACE'
  if (KEY_NAME.test(value) || KEY_ID.test(value)) return null
  if (/^[A-Za-z0-9+/]{86}==$/.test(value)) return 'LOOKS_LIKE_SECRET'
  return /^[A-Za-z0-9/_-]+$/.test(value) ? 'WRONG_LENGTH' : 'BAD_CHARSET'
}

/** Why a pasted secret cannot be used, or null when it is an ECDSA P-256 or Ed25519 private key. */
export function coinbaseSecretProblem(value: string): FormatProblem | null {
  return toCcxtSecret(value).problem
}

/** The secret in the form ccxt signs with; call only after {@link coinbaseSecretProblem} returned null. */
export function coinbaseCcxtSecret(value: string): string {
  const r = toCcxtSecret(value)
  if (r.problem) throw new Error('not a usable Coinbase secret')
  return r.secret
}

/** Undoes what copying from Coinbase's JSON file does to a key: quotes, `\n` escapes, CRLF. */
function unwrap(value: string): string {
  let v = value.trim()
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) v = v.slice(1, -1)
  return v.replace(/\\r\\n|\\n/g, '\n').replace(/\r\n?/g, '\n').trim()
}

function toCcxtSecret(raw: string): { problem: FormatProblem; secret: '' } | { problem: null; secret: string } {
  const fail = (problem: FormatProblem) => ({ problem, secret: '' as const })
  if (raw.trim() === '') return fail('EMPTY')
  if (raw.length > MAX_COINBASE_SECRET_LENGTH) return fail('TOO_LONG')
  if (INVISIBLE.test(raw)) return fail('WHITESPACE')
  const value = unwrap(raw)
  if (value.includes('-----BEGIN')) return fromPem(value)
  if (/\s/.test(value)) return fail('WHITESPACE')
  if (KEY_NAME.test(value) || KEY_ID.test(value)) return fail('LOOKS_LIKE_KEY')
  if (!BASE64.test(value)) return fail('BAD_CHARSET')
  const bytes = Buffer.from(value, 'base64')
  if (bytes.length !== 64 && bytes.length !== 32) return fail('WRONG_LENGTH')
  const ed = ed25519FromSeed(bytes.subarray(0, 32))
  if (!ed) return fail('PEM_INVALID')
  // seed + public key: the public half must be the seed's, or the paste is damaged.
  if (bytes.length === 64 && !ed.publicKey.equals(bytes.subarray(32))) return fail('PEM_INVALID')
  return { problem: null, secret: Buffer.concat([bytes.subarray(0, 32), ed.publicKey]).toString('base64') }
}

function fromPem(value: string): { problem: FormatProblem; secret: '' } | { problem: null; secret: string } {
  const fail = (problem: FormatProblem) => ({ problem, secret: '' as const })
  const m = BLOCK.exec(value)
  if (!m || m[1] !== m[3]) return fail('PEM_INVALID')
  const label = m[1] as string
  if (/PUBLIC KEY/.test(label)) return fail('PEM_PUBLIC_KEY')
  if (/ENCRYPTED/.test(label) || /Proc-Type:.*ENCRYPTED/.test(value)) return fail('PEM_ENCRYPTED')
  if (!/PRIVATE KEY$/.test(label)) return fail('PEM_INVALID')
  const body = (m[2] as string).replace(/\s+/g, '')
  if (!BASE64.test(body)) return fail('PEM_INVALID')
  let key: KeyObject
  try {
    key = createPrivateKey(`-----BEGIN ${label}-----\n${(body.match(/.{1,64}/g) ?? []).join('\n')}\n-----END ${label}-----\n`)
  } catch {
    return fail('PEM_INVALID')
  }
  if (key.asymmetricKeyType === 'ec') {
    if (key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') return fail('PEM_UNSUPPORTED')
    return { problem: null, secret: key.export({ format: 'pem', type: 'sec1' }).toString() }
  }
  if (key.asymmetricKeyType === 'ed25519') {
    const jwk = key.export({ format: 'jwk' })
    const seed = Buffer.from(jwk.d as string, 'base64url')
    const pub = Buffer.from(jwk.x as string, 'base64url')
    return { problem: null, secret: Buffer.concat([seed, pub]).toString('base64') }
  }
  return fail('PEM_UNSUPPORTED')
}

function ed25519FromSeed(seed: Buffer): { publicKey: Buffer } | null {
  try {
    // PKCS#8 wrapping of a raw Ed25519 seed (RFC 8410): a fixed 16-byte prefix.
    const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed])
    const pub = createPublicKey(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })).export({ format: 'jwk' })
    return { publicKey: Buffer.from(pub.x as string, 'base64url') }
  } catch {
    return null
  }
}
