import { describe, expect, it } from 'vitest'
import { nextStatus, type StatusState } from '../../../src/domain/status.js'
import type { CheckId, CheckState, ConnectionStatus, DiagnosisCode, TestReport } from '../../../src/domain/types.js'
import { createReport } from '../../../src/exchanges/report.js'
import { decideNotification } from '../../../src/monitor/transitions.js'
import type { TestedEvent } from '../../../src/services/connections.js'

const THRESHOLD = 3

/**
 * A report built by the real report builder, so verdict and transient are the production rules.
 * Built inside each test (not at load time), so mutation testing can tell which test ran what.
 */
function report(...set: [CheckId, CheckState, DiagnosisCode?][]): TestReport {
  const r = createReport('mexc', 'spot', ['reachable', 'key', 'withdraw'])
  for (const [id, state, code] of set) r.set(id, state, code)
  r.skipRest(set.find(([, state]) => state === 'fail')?.[0] ?? 'reachable')
  return r.finish({ startedAt: 0, requestCount: 1 })
}

const healthy = () => report(['reachable', 'pass'], ['key', 'pass'], ['withdraw', 'pass'])
const outage = () => report(['reachable', 'fail', 'EXCHANGE_UNAVAILABLE'])
const rateLimited = () => report(['reachable', 'fail', 'RATE_LIMITED'])
const badKey = () => report(['reachable', 'pass'], ['key', 'fail', 'INVALID_KEY'])
const withdrawOn = () => report(['reachable', 'pass'], ['key', 'pass'], ['withdraw', 'fail', 'WITHDRAW_ENABLED'])

const at = (status: ConnectionStatus, consecutiveFailures = 0): StatusState => ({ status, consecutiveFailures })

/** Feeds reports one after another, as the monitor does, and returns every state it went through. */
function run(start: StatusState, reports: TestReport[]): StatusState[] {
  const states: StatusState[] = []
  let s = start
  for (const r of reports) states.push((s = nextStatus(s, r, THRESHOLD)))
  return states
}

describe('the reports these rules read', () => {
  it('are what the report builder concludes', () => {
    expect([healthy(), outage(), rateLimited(), badKey(), withdrawOn()].map((r) => [r.verdict, r.transient])).toEqual([
      ['online', false],
      ['offline', true],
      ['offline', true],
      ['offline', false],
      ['unsafe', false],
    ])
  })
})

describe('nextStatus', () => {
  it.each(['untested', 'online', 'checking', 'offline', 'unsafe'] as const)('one pass from %s brings it Online and clears the streak', (from) => {
    expect(nextStatus(at(from, 5), healthy(), THRESHOLD)).toEqual({ status: 'online', consecutiveFailures: 0 })
  })

  it.each(['untested', 'online', 'checking', 'offline'] as const)('withdrawal on makes it Unsafe at once from %s, counting the failure', (from) => {
    expect(nextStatus(at(from, 1), withdrawOn(), THRESHOLD)).toEqual({ status: 'unsafe', consecutiveFailures: 2 })
  })

  it.each(['untested', 'online', 'checking', 'unsafe'] as const)('a key-level failure makes it Offline at once from %s, no grace', (from) => {
    expect(nextStatus(at(from), badKey(), THRESHOLD)).toEqual({ status: 'offline', consecutiveFailures: 1 })
  })

  it('an outage shows Checking below the threshold and Offline exactly at it', () => {
    expect(run(at('online'), [outage(), rateLimited(), outage(), outage()])).toEqual([
      { status: 'checking', consecutiveFailures: 1 },
      { status: 'checking', consecutiveFailures: 2 },
      { status: 'offline', consecutiveFailures: 3 },
      { status: 'offline', consecutiveFailures: 4 },
    ])
  })

  it('the threshold counts failures in a row, including the one being recorded', () => {
    expect(nextStatus(at('checking', THRESHOLD - 2), outage(), THRESHOLD)).toEqual({ status: 'checking', consecutiveFailures: THRESHOLD - 1 })
    expect(nextStatus(at('checking', THRESHOLD - 1), outage(), THRESHOLD)).toEqual({ status: 'offline', consecutiveFailures: THRESHOLD })
    expect(nextStatus(at('online'), outage(), 1)).toEqual({ status: 'offline', consecutiveFailures: 1 })
  })

  it('a key never proven good is Offline on its first outage, not Checking: it has nothing to fall back on', () => {
    expect(nextStatus(at('untested'), outage(), THRESHOLD)).toEqual({ status: 'offline', consecutiveFailures: 1 })
  })

  it('an Offline connection stays Offline through an outage, counting failures', () => {
    expect(run(at('offline', 1), [outage(), rateLimited()])).toEqual([
      { status: 'offline', consecutiveFailures: 2 },
      { status: 'offline', consecutiveFailures: 3 },
    ])
  })

  it('an Unsafe key stays Unsafe through an outage of any length: it never drops to Checking or Offline', () => {
    expect(run(at('unsafe', 1), [outage(), rateLimited(), outage(), outage(), outage()])).toEqual([
      { status: 'unsafe', consecutiveFailures: 2 },
      { status: 'unsafe', consecutiveFailures: 3 },
      { status: 'unsafe', consecutiveFailures: 4 },
      { status: 'unsafe', consecutiveFailures: 5 },
      { status: 'unsafe', consecutiveFailures: 6 },
    ])
  })

  it('after a recovery the grace period starts over: one blip is Checking again, not Offline', () => {
    expect(run(at('online'), [outage(), outage(), healthy(), outage()])).toEqual([
      { status: 'checking', consecutiveFailures: 1 },
      { status: 'checking', consecutiveFailures: 2 },
      { status: 'online', consecutiveFailures: 0 },
      { status: 'checking', consecutiveFailures: 1 },
    ])
  })
})

describe('an Unsafe key through an outage, as the monitor notifies it', () => {
  it('sends the urgent Unsafe notification once, not again when the exchange comes back', () => {
    const kinds: (string | null)[] = []
    let state = at('online')
    for (const r of [withdrawOn(), outage(), outage(), outage(), outage(), withdrawOn()]) {
      const next = nextStatus(state, r, THRESHOLD)
      const view = (s: StatusState) => ({ id: 'c1', exchange: 'mexc', name: 'Main', market: 'spot', maskedKey: 'mx0v…abcd', status: s.status, consecutiveFailures: s.consecutiveFailures, lastTestedAt: null, report: null }) as const
      const e: TestedEvent = { before: view(state), after: view(next), report: r, source: 'monitor', userId: 7, statusChangedAt: 1 }
      kinds.push(decideNotification(e, 0)?.kind ?? null)
      state = next
    }
    expect(kinds).toEqual(['unsafe', null, null, null, null, null])
  })
})
