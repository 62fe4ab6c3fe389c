import { describe, expect, it } from 'vitest'
import { createQuota } from '../../../src/services/quota.js'

describe('per-user sliding-window quota', () => {
  it('allows `limit` uses in any window, refuses the next with the exact wait, and frees a slot when the oldest use leaves the window', () => {
    let now = 1_000_000
    const q = createQuota({ limit: 3, windowMs: 60_000, now: () => now })
    expect([q.take(1), q.take(1)]).toEqual([0, 0])
    now += 10_000
    expect(q.take(1)).toBe(0)
    expect(q.waitMs(1)).toBe(50_000) // the first use leaves the window 60 s after it happened
    expect(q.take(1)).toBe(50_000) // refused, and not recorded
    expect(q.take(2)).toBe(0) // another user is not affected
    now += 49_999
    expect(q.take(1)).toBe(1)
    now += 1
    expect(q.waitMs(1)).toBe(0) // two uses at t0 left together: two slots free
    expect([q.take(1), q.take(1), q.take(1)]).toEqual([0, 0, 10_000])
  })

  it('waitMs never records a use', () => {
    const q = createQuota({ limit: 1, windowMs: 1_000, now: () => 5 })
    for (let i = 0; i < 5; i++) expect(q.waitMs(7)).toBe(0)
    expect(q.take(7)).toBe(0)
    expect(q.waitMs(7)).toBe(1_000)
  })
})
