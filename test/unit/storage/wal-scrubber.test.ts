import { describe, expect, it } from 'vitest'
import { createLogger } from '../../../src/logger.js'
import { createWalScrubber } from '../../../src/storage/wal-scrubber.js'

/** Timers the test fires by hand: the scrubber's retries are asserted by count and delay, never by waiting. */
function manualTimers() {
  const pending: Array<{ fn: () => void; ms: number }> = []
  return {
    pending,
    setTimer: (fn: () => void, ms: number) => {
      const t = { fn, ms }
      pending.push(t)
      return t
    },
    clearTimer: (t: unknown) => void pending.splice(pending.indexOf(t as (typeof pending)[number]), 1),
    fire: () => pending.shift()!.fn(),
  }
}

describe('WAL scrubber after a delete or replace', () => {
  const logger = createLogger({ level: 'silent' })

  it('checkpoints at once; when busy it retries with doubling backoff until it succeeds; a failure never throws', () => {
    const results = [false, false, 'throw', true] as const
    let calls = 0
    const timers = manualTimers()
    const s = createWalScrubber({
      truncateWal: () => {
        const r = results[calls++]
        if (r === 'throw') throw new Error('SQLITE_BUSY')
        return r!
      },
      logger,
      retryMs: 100,
      maxRetryMs: 300,
      ...timers,
    })
    expect(() => s.request()).not.toThrow()
    expect(calls).toBe(1)
    expect(timers.pending.map((t) => t.ms)).toEqual([100])
    s.request() // merged into the pending retry
    expect(calls).toBe(1)
    timers.fire()
    expect(timers.pending.map((t) => t.ms)).toEqual([200])
    timers.fire() // throws inside: logged, retried
    expect(timers.pending.map((t) => t.ms)).toEqual([300])
    timers.fire()
    expect(calls).toBe(4)
    expect(s.pending()).toBe(false)
    expect(timers.pending).toEqual([])
    // The next request starts again from the first delay.
    s.request()
    expect(calls).toBe(5)
  })

  it('stop cancels a pending retry', () => {
    const timers = manualTimers()
    const s = createWalScrubber({ truncateWal: () => false, logger, ...timers })
    s.request()
    expect(s.pending()).toBe(true)
    s.stop()
    expect(timers.pending).toEqual([])
    s.request()
    expect(timers.pending).toEqual([])
  })
})
