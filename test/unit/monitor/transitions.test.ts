import { describe, expect, it } from 'vitest'
import type { ConnectionStatus, TestReport } from '../../../src/domain/types.js'
import { decideExpiryReminder, decideNotification } from '../../../src/monitor/transitions.js'
import type { ConnectionView } from '../../../src/services/connection-view.js'
import type { TestedEvent, TestSource } from '../../../src/services/connections.js'

const HOUR = 3_600_000
const view = (status: ConnectionStatus): ConnectionView => ({ id: 'c1', exchange: 'mexc', name: 'Main', market: 'spot', maskedKey: 'mx0v…abcd', status, consecutiveFailures: 0, lastTestedAt: null, report: null })

function event(from: ConnectionStatus, to: ConnectionStatus, o: { source?: TestSource; since?: number | null; at?: number } = {}): TestedEvent {
  const at = o.at ?? 1_000_000
  return {
    before: view(from),
    after: view(to),
    report: { startedAt: at } as TestReport,
    source: o.source ?? 'monitor',
    userId: 7,
    statusChangedAt: o.since === undefined ? (from === to ? at - 1000 : at) : o.since,
  }
}

describe('notification rules', () => {
  it.each([
    ['online', 'offline', 'offline'],
    ['checking', 'offline', 'offline'],
    ['online', 'unsafe', 'unsafe'],
    ['checking', 'unsafe', 'unsafe'],
    ['offline', 'unsafe', 'unsafe'],
    ['untested', 'unsafe', 'unsafe'],
    ['offline', 'online', 'recovered'],
    ['unsafe', 'online', 'recovered'],
    ['online', 'checking', null],
    ['checking', 'checking', null],
    ['checking', 'online', null],
    ['online', 'online', null],
    ['offline', 'offline', null],
    ['unsafe', 'unsafe', null],
    ['unsafe', 'offline', null],
    ['untested', 'offline', null],
    ['untested', 'online', null],
    // Needs-your-confirmation (issue 11.1): never announced as Online, nor as offline while it works.
    ['untested', 'needs_confirmation', null],
    ['needs_confirmation', 'needs_confirmation', null],
    ['needs_confirmation', 'online', null],
    ['needs_confirmation', 'offline', 'offline'],
    ['needs_confirmation', 'unsafe', 'unsafe'],
    ['offline', 'needs_confirmation', 'confirm'],
    ['unsafe', 'needs_confirmation', 'confirm'],
  ] as const)('%s → %s: %s', (from, to, kind) => {
    expect(decideNotification(event(from, to), 0)?.kind ?? null).toBe(kind)
  })

  it('only the monitor notifies: a manual /test already shows the user its report', () => {
    expect(decideNotification(event('online', 'offline', { source: 'manual' }), 0)).toBeNull()
    expect(decideNotification(event('offline', 'online', { source: 'manual' }), 0)).toBeNull()
  })

  it('keys are unique per transition: the same transition replayed gets the same key, a later one another', () => {
    const a = decideNotification(event('online', 'offline', { at: 5000 }), 0)
    expect(decideNotification(event('online', 'offline', { at: 5000 }), 0)).toEqual(a)
    expect(decideNotification(event('online', 'offline', { at: 9000 }), 0)?.idempotencyKey).not.toBe(a?.idempotencyKey)
    expect(a?.idempotencyKey).toBe('c1:offline:5000')
  })

  it('reminds once per period while offline, never when reminders are off', () => {
    const since = 0
    const at = (h: number) => event('offline', 'offline', { since, at: h * HOUR })
    expect(decideNotification(at(23.9), 24 * HOUR)).toBeNull()
    const first = decideNotification(at(24.1), 24 * HOUR)
    expect(first).toEqual({ kind: 'reminder', idempotencyKey: 'c1:reminder:0:1' })
    expect(decideNotification(at(47), 24 * HOUR)).toEqual(first)
    expect(decideNotification(at(48.5), 24 * HOUR)?.idempotencyKey).toBe('c1:reminder:0:2')
    expect(decideNotification(at(100), 0)).toBeNull()
    expect(decideNotification(event('unsafe', 'unsafe', { since, at: 100 * HOUR }), 24 * HOUR)).toBeNull()
  })
})

describe('expiry reminders', () => {
  const DAY = 24 * HOUR
  const EXPIRES = Date.UTC(2027, 2, 1)
  const tested = (daysLeft: number, o: { source?: TestSource; status?: ConnectionStatus; code?: 'KEY_EXPIRES' | 'KEY_EXPIRY_RULE' } = {}): TestedEvent => {
    const e = event(o.status ?? 'online', o.status ?? 'online', { at: EXPIRES - daysLeft * DAY, ...(o.source ? { source: o.source } : {}) })
    e.report = { startedAt: EXPIRES - daysLeft * DAY, checks: [{ id: 'expiry', state: 'warn', code: o.code ?? 'KEY_EXPIRES', detail: { date: '2027-03-01', expiresAt: EXPIRES, daysLeft } }] } as unknown as TestReport
    return e
  }

  it('one reminder 7 days before and one 1 day before a stated date, each under its own key', () => {
    expect(decideExpiryReminder(tested(30))).toBeNull()
    expect(decideExpiryReminder(tested(7.01))).toBeNull()
    const week = decideExpiryReminder(tested(6.9))
    expect(week).toEqual({ kind: 'expiry', idempotencyKey: 'c1:expiry:2027-03-01:7d' })
    expect(decideExpiryReminder(tested(2))).toEqual(week)
    const day = decideExpiryReminder(tested(0.5))
    expect(day).toEqual({ kind: 'expiry', idempotencyKey: 'c1:expiry:2027-03-01:1d' })
    expect(decideExpiryReminder(tested(0))).toBeNull()
  })

  it('nothing for a rule without a date, a manual test or a key no longer used', () => {
    expect(decideExpiryReminder(tested(3, { code: 'KEY_EXPIRY_RULE' }))).toBeNull()
    expect(decideExpiryReminder(tested(3, { source: 'manual' }))).toBeNull()
    expect(decideExpiryReminder(tested(3, { status: 'unsafe' }))).toBeNull()
    expect(decideExpiryReminder(tested(3, { status: 'offline' }))?.kind).toBe('expiry')
  })
})
