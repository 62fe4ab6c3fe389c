import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CheckResult } from '../../../src/domain/types.js'
import { createReport, isTransient, verdictOf } from '../../../src/exchanges/report.js'

const c = (id: CheckResult['id'], state: CheckResult['state'], code?: CheckResult['code']): CheckResult => ({ id, state, ...(code ? { code } : {}) })

describe('verdict', () => {
  it('is unsafe when withdrawal is on, even if other checks fail', () => {
    expect(verdictOf([c('key', 'fail', 'INVALID_KEY'), c('withdraw', 'fail', 'WITHDRAW_ENABLED')])).toBe('unsafe')
  })
  it('is offline on any failure, online when only warn/unknown remain', () => {
    expect(verdictOf([c('key', 'pass'), c('trade', 'fail', 'NO_TRADE_PERMISSION')])).toBe('offline')
    expect(verdictOf([c('ip', 'warn', 'IP_WHITELIST_MISSING'), c('withdraw', 'unknown', 'WITHDRAW_UNVERIFIED')])).toBe('online')
  })
  it('is transient only when every failure is the exchange fault', () => {
    expect(isTransient([c('reachable', 'fail', 'RATE_LIMITED'), c('key', 'unknown')])).toBe(true)
    expect(isTransient([c('reachable', 'fail', 'EXCHANGE_UNAVAILABLE'), c('trade', 'fail', 'NO_TRADE_PERMISSION')])).toBe(false)
    expect(isTransient([c('ip', 'warn', 'IP_WHITELIST_MISSING')])).toBe(false)
  })
})

describe('report builder', () => {
  it('orders checks as CHECK_IDS, drops checks not in this test and marks skipped ones', () => {
    const r = createReport('mexc', 'spot', ['ip', 'key', 'reachable', 'secret'])
    r.set('reachable', 'pass', undefined, { latencyMs: 5 })
    r.set('futures', 'pass')
    r.set('key', 'fail', 'INVALID_KEY')
    r.skipRest('key')
    const out = r.finish({ startedAt: Date.now(), requestCount: 2 })
    expect(out.checks.map((x) => x.id)).toEqual(['reachable', 'key', 'secret', 'ip'])
    expect(out.checks[2]).toEqual({ id: 'secret', state: 'unknown', detail: { skipped: 'key' } })
    expect(out.verdict).toBe('offline')
    expect(out.transient).toBe(false)
    expect(out.requestCount).toBe(2)
  })
  it('never lets an undecided check pass silently', () => {
    const out = createReport('kucoin', 'spot', ['withdraw']).finish({ startedAt: Date.now(), requestCount: 0 })
    expect(out.checks).toEqual([{ id: 'withdraw', state: 'unknown', code: 'UNKNOWN' }])
  })
})

describe('verdict and transient: edges', () => {
  it('withdrawal unknown or warned is not unsafe; a failure elsewhere with withdrawal passing is offline', () => {
    expect(verdictOf([c('withdraw', 'unknown', 'WITHDRAW_UNVERIFIED')])).toBe('online')
    expect(verdictOf([c('withdraw', 'warn')])).toBe('online')
    expect(verdictOf([c('withdraw', 'pass'), c('ip', 'fail', 'IP_NOT_ALLOWED')])).toBe('offline')
    expect(verdictOf([])).toBe('online')
  })

  it('a failure without a code is never transient', () => {
    expect(isTransient([c('reachable', 'fail')])).toBe(false)
    expect(isTransient([c('reachable', 'fail', 'EXCHANGE_UNAVAILABLE'), c('key', 'fail')])).toBe(false)
    expect(isTransient([])).toBe(false)
  })
})

describe('report builder: what each call stores', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('stores a code and a detail only when there is one', () => {
    const r = createReport('mexc', 'spot', ['reachable', 'key', 'secret', 'ip'])
    r.set('reachable', 'pass', undefined, {})
    r.set('key', 'pass')
    r.set('secret', 'fail', 'INVALID_SECRET')
    r.set('ip', 'unknown', 'IP_UNVERIFIED', { ips: '203.0.113.7' })
    expect(r.finish({ startedAt: 0, requestCount: 1 }).checks).toStrictEqual([
      { id: 'reachable', state: 'pass' },
      { id: 'key', state: 'pass' },
      { id: 'secret', state: 'fail', code: 'INVALID_SECRET' },
      { id: 'ip', state: 'unknown', code: 'IP_UNVERIFIED', detail: { ips: '203.0.113.7' } },
    ])
  })

  it('answers has, isSet and get for the checks of this test only', () => {
    const r = createReport('kucoin', 'spot', ['key', 'secret'])
    r.set('key', 'fail', 'INVALID_KEY')
    r.set('futures', 'pass')
    expect([r.has('key'), r.has('secret'), r.has('futures')]).toEqual([true, true, false])
    expect([r.isSet('key'), r.isSet('secret'), r.isSet('futures')]).toEqual([true, false, false])
    expect(r.get('key')).toStrictEqual({ id: 'key', state: 'fail', code: 'INVALID_KEY' })
    expect(r.get('secret')).toBeUndefined()
    expect(r.get('futures')).toBeUndefined()
  })

  it('a later set replaces an earlier one; skipping never overwrites a decided check', () => {
    const r = createReport('mexc', 'spot', ['reachable', 'key', 'secret'])
    r.set('key', 'pass')
    r.set('key', 'fail', 'INVALID_KEY')
    r.skipRest('key')
    expect(r.finish({ startedAt: 0, requestCount: 1 }).checks).toStrictEqual([
      { id: 'reachable', state: 'unknown', detail: { skipped: 'key' } },
      { id: 'key', state: 'fail', code: 'INVALID_KEY' },
      { id: 'secret', state: 'unknown', detail: { skipped: 'key' } },
    ])
  })

  it('finishes with the exchange, market, start, duration and request count it was given', () => {
    vi.useFakeTimers({ now: 10_000 })
    const r = createReport('kucoin', 'both', ['reachable'])
    r.set('reachable', 'fail', 'RATE_LIMITED', { retryAfterS: 3 })
    vi.setSystemTime(10_750)
    expect(r.finish({ startedAt: 10_000, requestCount: 3 })).toStrictEqual({
      exchange: 'kucoin',
      market: 'both',
      verdict: 'offline',
      transient: true,
      checks: [{ id: 'reachable', state: 'fail', code: 'RATE_LIMITED', detail: { retryAfterS: 3 } }],
      startedAt: 10_000,
      durationMs: 750,
      requestCount: 3,
    })
  })
})
