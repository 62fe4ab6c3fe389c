import { describe, expect, it } from 'vitest'
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
    expect(out).toMatchObject({ verdict: 'offline', transient: false, requestCount: 2 })
  })
  it('never lets an undecided check pass silently', () => {
    const out = createReport('kucoin', 'spot', ['withdraw']).finish({ startedAt: Date.now(), requestCount: 0 })
    expect(out.checks).toEqual([{ id: 'withdraw', state: 'unknown', code: 'UNKNOWN' }])
  })
})
