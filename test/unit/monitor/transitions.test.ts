import { Writable } from 'node:stream'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CheckResult, ConnectionStatus, TestReport } from '../../../src/domain/types.js'
import { createLogger } from '../../../src/logger.js'
import type { NotificationPayload } from '../../../src/monitor/notification.js'
import { createTransitionRecorder, decideExpiryReminder, decideNotification, decideStopNotice } from '../../../src/monitor/transitions.js'
import type { ConnectionView } from '../../../src/services/connection-view.js'
import type { TestedEvent, TestSource } from '../../../src/services/connections.js'
import { createConnectionsRepo } from '../../../src/storage/connections.repo.js'
import { createOutboxRepo, type OutboxRepo } from '../../../src/storage/outbox.repo.js'
import { createUsersRepo, type UsersRepo } from '../../../src/storage/users.repo.js'
import { openTestDb } from '../../helpers/test-db.js'

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

describe('notification rules: edges', () => {
  it('a transition with no recorded start time is keyed by the test that found it', () => {
    expect(decideNotification(event('online', 'offline', { since: null, at: 5000 }), 0)).toEqual({ kind: 'offline', idempotencyKey: 'c1:offline:5000' })
  })

  it('counts reminder periods from when the connection went offline, and keys them by that moment', () => {
    const since = 10 * HOUR
    const at = (h: number) => event('offline', 'offline', { since, at: h * HOUR })
    expect(decideNotification(at(33.9), 24 * HOUR)).toBeNull()
    expect(decideNotification(at(34), 24 * HOUR)).toEqual({ kind: 'reminder', idempotencyKey: `c1:reminder:${since}:1` })
    expect(decideNotification(at(58), 24 * HOUR)).toEqual({ kind: 'reminder', idempotencyKey: `c1:reminder:${since}:2` })
  })

  it('never reminds without a recorded start, or for a state other than Offline', () => {
    expect(decideNotification(event('offline', 'offline', { since: null, at: 100 * HOUR }), 24 * HOUR)).toBeNull()
    for (const s of ['checking', 'online', 'untested'] as const) expect(decideNotification(event(s, s, { since: 0, at: 100 * HOUR }), 24 * HOUR)).toBeNull()
    expect(decideNotification(event('offline', 'offline', { since: 0, at: 100 * HOUR }), -HOUR)).toBeNull()
  })

  it('an Unsafe key that only changes to Checking is not announced', () => {
    expect(decideNotification(event('unsafe', 'checking'), 0)).toBeNull()
    expect(decideNotification(event('checking', 'checking'), 24 * HOUR)).toBeNull()
  })
})

describe('transition recorder (real SQLite outbox)', () => {
  let db: ReturnType<typeof openTestDb>
  let outbox: OutboxRepo
  let users: UsersRepo
  let logLines: Record<string, unknown>[]
  let queued: ReturnType<typeof vi.fn<() => void>>

  const checks: CheckResult[] = [
    { id: 'reachable', state: 'pass', detail: { latencyMs: 12, skewMs: 3 } },
    // A pass is never listed as a problem, even one that carries a code.
    { id: 'balance', state: 'pass', code: 'UNKNOWN' },
    { id: 'key', state: 'fail', code: 'INVALID_KEY' },
    { id: 'secret', state: 'unknown', detail: { skipped: 'key' } },
    { id: 'withdraw', state: 'unknown', code: 'WITHDRAW_UNVERIFIED' },
    { id: 'ip', state: 'warn', code: 'IP_WHITELIST_MISSING' },
  ]
  const tested = (from: ConnectionStatus, to: ConnectionStatus, o: { source?: TestSource; userId?: number } = {}): TestedEvent => ({
    ...event(from, to, { at: 5000, ...(o.source ? { source: o.source } : {}) }),
    report: { exchange: 'mexc', market: 'spot', verdict: 'offline', transient: false, checks, startedAt: 5000, durationMs: 40, requestCount: 2 },
    userId: o.userId ?? 7,
  })
  const recorder = (reminderHours = 0, wake: { onQueued?: () => void } = { onQueued: queued }) => {
    const destination = new Writable({
      write(chunk, _enc, cb) {
        logLines.push(JSON.parse(String(chunk)) as Record<string, unknown>)
        cb()
      },
    })
    return createTransitionRecorder({ outbox, users, reminderHours, logger: createLogger({ level: 'debug', destination }), ...wake })
  }
  const rows = () => outbox.listForUser(7).map((r) => ({ kind: r.kind, key: r.idempotencyKey, connectionId: r.connectionId, payload: JSON.parse(r.payload) as NotificationPayload }))

  beforeEach(() => {
    db = openTestDb()
    outbox = createOutboxRepo(db.db)
    users = createUsersRepo(db.db)
    users.touch(7)
    createConnectionsRepo(db.db).insert({ id: 'c1', userId: 7, exchange: 'mexc', name: 'Main', market: 'spot', maskedKey: 'mx0v…abcd', keyFingerprint: 'f', sealKeyId: 'k', sealedApiKey: 'a', sealedSecret: 's' })
    logLines = []
    queued = vi.fn<() => void>()
  })
  afterEach(() => db.cleanup())

  it('queues one row per transition with the checks that did not pass as cause and fix', () => {
    recorder()(tested('online', 'offline'))
    expect(rows()).toEqual([
      {
        kind: 'offline',
        key: 'c1:offline:5000',
        connectionId: 'c1',
        payload: {
          kind: 'offline',
          connectionId: 'c1',
          name: 'Main',
          exchange: 'mexc',
          market: 'spot',
          since: 5000,
          checks: [
            { id: 'key', state: 'fail', code: 'INVALID_KEY' },
            { id: 'withdraw', state: 'unknown', code: 'WITHDRAW_UNVERIFIED' },
            { id: 'ip', state: 'warn', code: 'IP_WHITELIST_MISSING' },
          ],
        },
      },
    ])
    expect(queued).toHaveBeenCalledTimes(1)
    expect(logLines.map((l) => [l['msg'], l['connectionId'], l['userId'], l['kind']])).toEqual([['notification queued', 'c1', 7, 'offline']])
  })

  it('a recovery lists no problems, even if the report still has open questions', () => {
    recorder()(tested('offline', 'online'))
    expect(rows().map((r) => [r.kind, r.payload.checks])).toEqual([['recovered', []]])
  })

  it('a replayed or retried test queues nothing more and does not wake the worker again', () => {
    const record = recorder()
    record(tested('online', 'unsafe'))
    record(tested('online', 'unsafe'))
    expect(rows().map((r) => r.key)).toEqual(['c1:unsafe:5000'])
    expect(queued).toHaveBeenCalledTimes(1)
    expect(logLines.filter((l) => l['msg'] === 'notification queued')).toHaveLength(1)
  })

  it('queues nothing for a manual test, a non-transition, a user who opted out or blocked the bot, or an unknown user', () => {
    const record = recorder()
    record(tested('online', 'offline', { source: 'manual' }))
    record(tested('online', 'checking'))
    users.setNotifications(7, false)
    record(tested('online', 'offline'))
    users.setNotifications(7, true)
    users.setActive(7, false)
    record(tested('online', 'offline'))
    record(tested('online', 'offline', { userId: 8 }))
    expect(outbox.listForUser(7)).toEqual([])
    expect(outbox.listForUser(8)).toEqual([])
    expect(queued).not.toHaveBeenCalled()
    const why = 'notification not queued: user opted out or blocked the bot'
    expect(logLines.map((l) => [l['msg'], l['connectionId'], l['userId'], l['kinds']])).toEqual([
      [why, 'c1', 7, ['offline']],
      [why, 'c1', 7, ['offline']],
      [why, 'c1', 8, ['offline']],
    ])
  })

  it('a key back from Offline that still waits for its confirmation asks for it, listing no problems', () => {
    recorder()(tested('offline', 'needs_confirmation'))
    expect(rows().map((r) => [r.kind, r.key, r.payload.checks])).toEqual([['confirm', 'c1:confirm:5000', []]])
  })

  it('a test that changes nothing logs nothing, even for a user who turned notifications off', () => {
    users.setNotifications(7, false)
    recorder()(tested('online', 'online'))
    recorder()(tested('offline', 'offline'))
    expect(logLines).toEqual([])
    expect(outbox.listForUser(7)).toEqual([])
  })

  it('a monitor that stops testing a refused key queues one notice with the failing checks, keyed by when it stopped', () => {
    const record = recorder()
    record({ ...tested('offline', 'offline'), monitorStopped: true })
    record({ ...tested('offline', 'offline'), monitorStopped: true })
    record({ ...tested('offline', 'offline'), monitorStopped: false })
    expect(rows().map((r) => [r.kind, r.key, r.payload.checks.map((c) => c.id)])).toEqual([['stopped', 'c1:stopped:5000', ['key', 'withdraw', 'ip']]])
    expect(queued).toHaveBeenCalledTimes(1)
  })

  it('an expiry reminder carries the expiry check only, not the other open questions of the report', () => {
    const expiry: CheckResult = { id: 'expiry', state: 'warn', code: 'KEY_EXPIRES', detail: { date: '1970-01-03', expiresAt: 5000 + 2 * 86_400_000, daysLeft: 2 } }
    const e = tested('online', 'online')
    recorder()({ ...e, report: { ...e.report, checks: [...checks, expiry] } })
    expect(rows().map((r) => [r.kind, r.key, r.payload.checks])).toEqual([['expiry', 'c1:expiry:1970-01-03:7d', [expiry]]])
  })

  it('works without a wake-up hook', () => {
    recorder(0, {})(tested('online', 'offline'))
    expect(rows()).toHaveLength(1)
  })

  it('dates the notification from when the state began, or from the test when that is unknown', () => {
    const record = recorder()
    record({ ...tested('online', 'offline'), statusChangedAt: 3000 })
    record({ ...tested('offline', 'online'), statusChangedAt: null })
    expect(rows().map((r) => [r.key, r.payload.since])).toEqual([
      ['c1:offline:3000', 3000],
      ['c1:recovered:5000', 5000],
    ])
  })

  it('turns reminder hours into periods', () => {
    const record = recorder(24)
    record({ ...tested('offline', 'offline'), statusChangedAt: 0, report: { ...tested('offline', 'offline').report, startedAt: 25 * HOUR } })
    expect(rows().map((r) => r.key)).toEqual(['c1:reminder:0:1'])
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

  it('a key with exactly 7 days or exactly 1 day left gets that reminder', () => {
    expect(decideExpiryReminder(tested(7))?.idempotencyKey).toBe('c1:expiry:2027-03-01:7d')
    expect(decideExpiryReminder(tested(1))?.idempotencyKey).toBe('c1:expiry:2027-03-01:1d')
  })

  it('reads the date only as a number of milliseconds: a string, even of digits, or no detail at all is no date (and no crash)', () => {
    for (const expiresAt of [String(EXPIRES), '2027-03-01']) {
      const e = tested(3)
      e.report = { ...e.report, checks: [{ id: 'expiry', state: 'warn', code: 'KEY_EXPIRES', detail: { expiresAt } }] }
      expect(decideExpiryReminder(e)).toBeNull()
    }
    const bare = tested(3)
    bare.report = { ...bare.report, checks: [{ id: 'expiry', state: 'warn', code: 'KEY_EXPIRES' }] }
    expect(decideExpiryReminder(bare)).toBeNull()
  })

  it('nothing for a rule without a date, a manual test or a key no longer used', () => {
    expect(decideExpiryReminder(tested(3, { code: 'KEY_EXPIRY_RULE' }))).toBeNull()
    expect(decideExpiryReminder(tested(3, { source: 'manual' }))).toBeNull()
    expect(decideExpiryReminder(tested(3, { status: 'unsafe' }))).toBeNull()
    expect(decideExpiryReminder(tested(3, { status: 'offline' }))?.kind).toBe('expiry')
  })
})

describe('stop notice', () => {
  it('only for the test that made the monitor stop, keyed by that test', () => {
    expect(decideStopNotice({ ...event('offline', 'offline', { at: 42_000 }), monitorStopped: true })).toEqual({ kind: 'stopped', idempotencyKey: 'c1:stopped:42000' })
    expect(decideStopNotice({ ...event('offline', 'offline', { at: 42_000 }), monitorStopped: false })).toBeNull()
    expect(decideStopNotice(event('offline', 'offline', { at: 42_000 }))).toBeNull()
  })
})
