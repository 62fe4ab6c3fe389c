import { describe, expect, it } from 'vitest'
import { toView } from '../../../src/services/connection-view.js'
import type { ConnectionViewRow } from '../../../src/storage/connections.repo.js'

const report = { exchange: 'mexc', market: 'spot', verdict: 'online', transient: false, checks: [{ id: 'reachable', status: 'pass' }], startedAt: 1, durationMs: 2, requestCount: 3 }
const row = (lastReport: string | null): ConnectionViewRow => ({
  id: 'c1', exchange: 'mexc', name: 'main', market: 'spot', maskedKey: 'mx0v…abcd', keyFingerprint: 'f'.repeat(64), status: 'online', consecutiveFailures: 0, lastTestedAt: 1,
  lastReport, pausedAt: null, lastCredentialReadAt: null, withdrawConfirmedAt: null, withdrawConfirmedFingerprint: null,
})

describe('toView', () => {
  it('reads the stored report on first use, once, and shows it like a plain field', () => {
    const stored = JSON.stringify(report)
    const source = row(stored)
    const view = toView(source)
    source.lastReport = 'not read before this point'
    expect(() => view.report).toThrow(SyntaxError)
    const fresh = toView(row(stored))
    expect(fresh.report).toEqual(report)
    expect(fresh.report).toBe(fresh.report)
    expect({ ...fresh }.report).toEqual(report)
    expect(JSON.parse(JSON.stringify(fresh)).report).toEqual(report)
    expect(fresh).toEqual(expect.objectContaining({ report }))
  })

  it('has no report for a connection never tested', () => {
    expect(toView(row(null)).report).toBeNull()
  })

  it('tags the key with a fingerprint prefix and keeps no sealed column', () => {
    const view = toView(row(null))
    expect(view.keyTag).toBe('f'.repeat(10))
    expect(Object.keys(view)).not.toContain('keyFingerprint')
  })
})
