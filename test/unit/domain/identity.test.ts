import { describe, expect, it } from 'vitest'
import { credentialsRejected, identityProven } from '../../../src/domain/identity.js'
import type { CheckResult, TestReport } from '../../../src/domain/types.js'

const report = (checks: CheckResult[]): TestReport => ({ exchange: 'kucoin', market: 'spot', verdict: 'offline', transient: false, checks, startedAt: 0, durationMs: 0, requestCount: 0 })
const c = (id: CheckResult['id'], state: CheckResult['state'], code?: CheckResult['code']): CheckResult => ({ id, state, ...(code ? { code } : {}) })

describe('identity proven = the exchange accepted the signature', () => {
  it('needs the secret to pass, and the passphrase where the exchange has one', () => {
    expect(identityProven(report([c('key', 'pass'), c('secret', 'pass')]))).toBe(true) // MEXC: no passphrase check
    expect(identityProven(report([c('key', 'pass'), c('secret', 'pass'), c('passphrase', 'pass')]))).toBe(true)
    expect(identityProven(report([c('key', 'pass'), c('secret', 'pass'), c('passphrase', 'fail', 'INVALID_PASSPHRASE')]))).toBe(false)
    expect(identityProven(report([c('key', 'pass'), c('secret', 'fail', 'INVALID_SECRET')]))).toBe(false)
    expect(identityProven(report([c('key', 'pass'), c('secret', 'unknown')]))).toBe(false) // skipped: an outage or IP refusal came first
    expect(identityProven(report([c('key', 'fail', 'ACCOUNT_RESTRICTED'), c('secret', 'pass')]))).toBe(true) // refused after the signature was checked
    expect(identityProven(report([c('key', 'pass')]))).toBe(false)
  })
  it('credentials rejected = a failed key, secret or passphrase code anywhere', () => {
    expect(credentialsRejected(report([c('key', 'fail', 'INVALID_KEY')]))).toBe(true)
    expect(credentialsRejected(report([c('passphrase', 'fail', 'INVALID_PASSPHRASE')]))).toBe(true)
    expect(credentialsRejected(report([c('ip', 'fail', 'IP_NOT_ALLOWED')]))).toBe(false)
    expect(credentialsRejected(report([c('reachable', 'fail', 'EXCHANGE_UNAVAILABLE')]))).toBe(false)
  })
  it('a passphrase that was not proven (skipped, unknown) leaves identity unproven', () => {
    expect(identityProven(report([c('key', 'pass'), c('secret', 'pass'), c('passphrase', 'unknown')]))).toBe(false)
  })
  it('a credential code counts only on a failed check, and every one of the three counts', () => {
    expect(credentialsRejected(report([c('secret', 'fail', 'INVALID_SECRET'), c('ip', 'pass')]))).toBe(true)
    expect(credentialsRejected(report([c('key', 'unknown', 'INVALID_KEY'), c('secret', 'warn', 'INVALID_SECRET')]))).toBe(false)
    expect(credentialsRejected(report([c('key', 'fail')]))).toBe(false)
    expect(credentialsRejected(report([]))).toBe(false)
  })
})
