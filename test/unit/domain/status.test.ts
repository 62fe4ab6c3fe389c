import { describe, expect, it } from 'vitest'
import { nextStatus, withdrawalUnproven, type StatusState } from '../../../src/domain/status.js'
import type { CheckResult, CheckState, DiagnosisCode, TestReport, Verdict } from '../../../src/domain/types.js'

const THRESHOLD = 3

/** A report whose withdraw line is `withdraw`, plus one failing check when `verdict` is not online. */
function report(verdict: Verdict, withdraw: CheckState, o: { transient?: boolean; code?: DiagnosisCode } = {}): TestReport {
  const checks: CheckResult[] = [{ id: 'reachable', state: 'pass' }, { id: 'key', state: verdict === 'offline' ? 'fail' : 'pass', ...(verdict === 'offline' ? { code: o.code ?? 'INVALID_KEY' } : {}) }, { id: 'trade', state: 'pass' }]
  checks.push(withdraw === 'unknown' ? { id: 'withdraw', state: 'unknown', code: 'WITHDRAW_UNVERIFIED' } : withdraw === 'fail' ? { id: 'withdraw', state: 'fail', code: 'WITHDRAW_ENABLED' } : { id: 'withdraw', state: withdraw })
  return { exchange: 'mexc', market: 'spot', verdict, transient: o.transient ?? false, checks, startedAt: 1, durationMs: 1, requestCount: 3 }
}
const at = (status: StatusState['status'], consecutiveFailures = 0): StatusState => ({ status, consecutiveFailures })

describe('withdrawal that the exchange cannot prove (issue 11.1)', () => {
  it('an online report with withdraw unknown is unproven; a proven pass is not', () => {
    expect(withdrawalUnproven(report('online', 'unknown'))).toBe(true)
    expect(withdrawalUnproven(report('online', 'pass'))).toBe(false)
  })

  it('a new key that passes every check but cannot prove withdraw off waits for the trader, never Online', () => {
    expect(nextStatus(at('untested'), report('online', 'unknown'), THRESHOLD)).toEqual(at('needs_confirmation'))
    expect(nextStatus(at('untested'), report('online', 'unknown'), THRESHOLD, false).status).toBe('needs_confirmation')
  })

  it('a key proven safe by the exchange (KuCoin, Binance…) goes straight to Online, confirmed or not', () => {
    expect(nextStatus(at('untested'), report('online', 'pass'), THRESHOLD)).toEqual(at('online'))
    expect(nextStatus(at('untested'), report('online', 'pass'), THRESHOLD, true)).toEqual(at('online'))
  })

  it('once confirmed for this key, passing checks mean Online', () => {
    expect(nextStatus(at('needs_confirmation'), report('online', 'unknown'), THRESHOLD, true)).toEqual(at('online'))
    expect(nextStatus(at('online'), report('online', 'unknown'), THRESHOLD, true)).toEqual(at('online'))
  })

  it('unconfirmed, a passing re-test keeps it waiting (the monitor never promotes it)', () => {
    expect(nextStatus(at('needs_confirmation'), report('online', 'unknown'), THRESHOLD, false)).toEqual(at('needs_confirmation'))
  })

  it('a key-level failure takes it offline as usual; recovery of a confirmed key is Online, of an unconfirmed one waits again', () => {
    const down = nextStatus(at('needs_confirmation'), report('offline', 'unknown'), THRESHOLD)
    expect(down).toEqual(at('offline', 1))
    expect(nextStatus(down, report('online', 'unknown'), THRESHOLD, true)).toEqual(at('online'))
    expect(nextStatus(down, report('online', 'unknown'), THRESHOLD, false)).toEqual(at('needs_confirmation'))
    expect(nextStatus(at('online'), report('offline', 'unknown'), THRESHOLD, true)).toEqual(at('offline', 1))
  })

  it('withdrawal proven ON is Unsafe, whatever the trader confirmed', () => {
    expect(nextStatus(at('needs_confirmation'), report('unsafe', 'fail'), THRESHOLD, true)).toEqual(at('unsafe', 1))
  })

  it('a transient failure keeps a waiting key waiting (never "checking", which reads as in use) until the threshold', () => {
    const blip = report('offline', 'unknown', { transient: true, code: 'EXCHANGE_UNAVAILABLE' })
    expect(nextStatus(at('needs_confirmation'), blip, THRESHOLD)).toEqual(at('needs_confirmation', 1))
    expect(nextStatus(at('needs_confirmation', 2), blip, THRESHOLD)).toEqual(at('offline', 3))
    // A confirmed, Online key keeps the usual grace state.
    expect(nextStatus(at('online'), blip, THRESHOLD, true)).toEqual(at('checking', 1))
  })
})
