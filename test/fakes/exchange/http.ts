/** Small HTTP vocabulary shared by the fake's route files. */
import { createHmac, createPublicKey, verify } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import type { AccountBook, FakeExchangeId } from './accounts.js'

/** What a route returns; the server writes it (or destroys the socket for `reset`). */
export interface FakeResponse {
  status: number
  body: string
  headers?: Record<string, string>
}

/** Everything a route needs to answer one request. */
export interface RouteContext {
  exchange: FakeExchangeId
  role: string
  method: string
  /** Path without the exchange prefix and without the query string. */
  path: string
  /** Raw query string without `?` (signatures are computed over the raw text). */
  query: string
  headers: IncomingHttpHeaders
  body: string
  callerIp: string
  /** The exchange's clock (ours plus the configured skew). */
  now: number
  /** Widens every timestamp window (see FakeExchangeServer.timestampSlackMs); 0 = the exchange's own. */
  timestampSlackMs: number
  accounts: AccountBook
}

/** JSON response helper. */
export function json(status: number, value: unknown, headers: Record<string, string> = {}): FakeResponse {
  return { status, body: JSON.stringify(value), headers: { 'content-type': 'application/json', ...headers } }
}

/** HMAC-SHA256 of `payload` with `secret`, in the encoding the exchange uses. */
export function hmac(secret: string, payload: string, encoding: 'hex' | 'base64'): string {
  return createHmac('sha256', secret).update(payload).digest(encoding)
}

/**
 * Checks a base64 signature made with the user's own private key: Ed25519 over the raw payload,
 * RSA as PKCS#1 v1.5 with SHA-256. The exchange holds only the public key; the fake derives it
 * from the PEM it stored as the account's secret.
 */
export function verifyKeySignature(privatePem: string, type: 'ed25519' | 'rsa', payload: string, signatureB64: string): boolean {
  try {
    const publicKey = createPublicKey(privatePem)
    return verify(type === 'ed25519' ? null : 'sha256', Buffer.from(payload), publicKey, Buffer.from(signatureB64, 'base64'))
  } catch {
    return false
  }
}

/** A header as a single string, or undefined. */
export function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name.toLowerCase()]
  return Array.isArray(v) ? v[0] : v
}

/** True when the whitelist is empty or lists the caller. */
export function ipAllowed(whitelist: readonly string[], ip: string): boolean {
  return whitelist.length === 0 || whitelist.includes(ip)
}

/** A copy of `o` without the keys the account asks the fake to leave out. */
export function omit<T extends Record<string, unknown>>(o: T, fields: readonly string[]): T {
  return Object.fromEntries(Object.entries(o).filter(([k]) => !fields.includes(k))) as T
}
