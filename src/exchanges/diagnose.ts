/**
 * Turns one failed exchange call into a diagnosis code. The exchange's own error code wins
 * (ccxt's classes mislead: MEXC's invalid key and IP errors both arrive as BadRequest, every
 * KuCoin auth error as AuthenticationError); the HTTP status comes next; ccxt's class last.
 *
 * ccxt's classes are recognised by name along the prototype chain, not with `instanceof`:
 * importing them from 'ccxt' would load every exchange at start (see ccxt-load.ts), and a name
 * check also holds if ccxt's CommonJS and ES builds ever meet in one process.
 */
import type { DiagnosisCode } from '../domain/types.js'
import type { ResponseTrace } from './ccxt-client.js'

/** One failed call, reduced to non-secret facts (never ccxt's message: it holds URLs and headers). */
export interface Failure extends ResponseTrace {
  /** `PERMISSION` means "the permission this call needs": the step decides which one. */
  code: DiagnosisCode | 'PERMISSION'
}

/** An exchange's error code table: its codes to our codes; `PERMISSION` means "the permission this call needs". */
export type CodeTable = Readonly<Record<string, DiagnosisCode | 'PERMISSION'>>

/** Thrown by our own code when the whole-test deadline passes; mapped like a timeout. */
export class DeadlineError extends Error {
  override readonly name = 'DeadlineError'
}

/** Thrown when a 2xx body does not have the shape we need (malformed JSON, HTML, wrong fields). */
export class BadShapeError extends Error {
  override readonly name = 'BadShapeError'
}

/** Reduces an error plus the last response trace to a {@link Failure}; never rethrows. */
export function toFailure(err: unknown, trace: ResponseTrace, table: CodeTable): Failure {
  const base: ResponseTrace = { ...trace }
  const byCode = trace.exchangeCode === undefined ? undefined : table[trace.exchangeCode]
  if (byCode !== undefined) return { ...base, code: byCode }
  return { ...base, code: fromStatusOrClass(err, trace.status) }
}

/**
 * Fallback when the exchange's code is unknown. InvalidNonce is tested before NetworkError (it
 * extends it) and PermissionDenied before AuthenticationError (same reason). A timeout, a 5xx,
 * a 429 or maintenance is never a bad key.
 */
export function fromStatusOrClass(err: unknown, status?: number): DiagnosisCode | 'PERMISSION' {
  if (err instanceof DeadlineError || err instanceof BadShapeError) return 'EXCHANGE_UNAVAILABLE'
  const is = ccxtClassesOf(err)
  if (is.has('InvalidNonce')) return 'CLOCK_SKEW'
  if (status === 429 || is.has('RateLimitExceeded') || is.has('DDoSProtection')) return 'RATE_LIMITED'
  if ((status !== undefined && status >= 500) || is.has('ExchangeNotAvailable') || is.has('RequestTimeout')) return 'EXCHANGE_UNAVAILABLE'
  if (is.has('NetworkError')) return 'EXCHANGE_UNAVAILABLE'
  if (is.has('AccountSuspended') || is.has('AccountNotEnabled')) return 'ACCOUNT_RESTRICTED'
  if (is.has('PermissionDenied')) return 'PERMISSION'
  if (is.has('AuthenticationError')) return 'INVALID_KEY'
  return 'UNKNOWN'
}

/**
 * The class names on an error's prototype chain up to ccxt's BaseError (e.g. InvalidNonce,
 * NetworkError, BaseError), or none when it is not a ccxt error. The chain must reach
 * `BaseError`, so a foreign error that happens to be called `NetworkError` is not taken for one.
 */
export function ccxtClassesOf(err: unknown): ReadonlySet<string> {
  const names: string[] = []
  for (let p: unknown = err instanceof Error ? Object.getPrototypeOf(err) : null; p && p !== Error.prototype; p = Object.getPrototypeOf(p)) {
    const name = (p as { constructor?: { name?: unknown } }).constructor?.name
    if (typeof name === 'string') names.push(name)
  }
  return names.at(-1) === 'BaseError' ? new Set(names) : NONE
}

const NONE: ReadonlySet<string> = new Set()
