import type { DiagnosisCode, TestReport } from './types.js'

/**
 * True when the exchange accepted a request signed with these credentials: the secret (and the
 * passphrase, where the exchange has one) passed. Only such a test proves the trader holds the
 * secret, so only then may a key be saved, claim its fingerprint, or be told "already connected"
 * (anything earlier would let someone who knows only an API key squat it or probe for it).
 * Adapters set these passes only after a signed call succeeded or failed in a way the exchange
 * reports after checking the signature (see IMPLIED_PASSES in exchanges/session.ts).
 */
export function identityProven(report: TestReport): boolean {
  const secret = report.checks.find((c) => c.id === 'secret')
  const passphrase = report.checks.find((c) => c.id === 'passphrase')
  return secret?.state === 'pass' && (passphrase === undefined || passphrase.state === 'pass')
}

/** Codes that say the credentials themselves are wrong: re-testing cannot fix them. */
export const CREDENTIAL_CODES: ReadonlySet<DiagnosisCode> = new Set(['INVALID_KEY', 'INVALID_SECRET', 'INVALID_PASSPHRASE'])

/** True when the exchange refused the key, secret or passphrase (the monitor counts these in a row). */
export function credentialsRejected(report: TestReport): boolean {
  return report.checks.some((c) => c.state === 'fail' && c.code !== undefined && CREDENTIAL_CODES.has(c.code))
}
