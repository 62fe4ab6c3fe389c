/**
 * Turns one failed exchange call into a diagnosis code. The exchange's own error code wins
 * (ccxt's classes mislead: MEXC's invalid key and IP errors both arrive as BadRequest, every
 * KuCoin auth error as AuthenticationError); the HTTP status comes next; ccxt's class last.
 */
import {
  AccountNotEnabled,
  AccountSuspended,
  AuthenticationError,
  DDoSProtection,
  ExchangeNotAvailable,
  InvalidNonce,
  NetworkError,
  PermissionDenied,
  RateLimitExceeded,
  RequestTimeout,
} from 'ccxt'
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
  if (err instanceof InvalidNonce) return 'CLOCK_SKEW'
  if (status === 429 || err instanceof RateLimitExceeded || err instanceof DDoSProtection) return 'RATE_LIMITED'
  if ((status !== undefined && status >= 500) || err instanceof ExchangeNotAvailable || err instanceof RequestTimeout) return 'EXCHANGE_UNAVAILABLE'
  if (err instanceof NetworkError) return 'EXCHANGE_UNAVAILABLE'
  if (err instanceof AccountSuspended || err instanceof AccountNotEnabled) return 'ACCOUNT_RESTRICTED'
  if (err instanceof PermissionDenied) return 'PERMISSION'
  if (err instanceof AuthenticationError) return 'INVALID_KEY'
  return 'UNKNOWN'
}
