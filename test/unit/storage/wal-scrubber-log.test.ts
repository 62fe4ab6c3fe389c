import { Writable } from 'node:stream'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createLogger } from '../../../src/logger.js'
import { createWalScrubber } from '../../../src/storage/wal-scrubber.js'

// What the operator sees while deleted ciphertext waits in the WAL, the backoff's exact steps,
// and the default timers (fake clock: counts and delays, never waiting).
function capture() {
  const lines: Array<Record<string, unknown>> = []
  const destination = new Writable({
    write(chunk, _enc, cb) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>)
      cb()
    },
  })
  return { lines, logger: createLogger({ level: 'debug', destination }) }
}

describe('WAL scrubber: logs and backoff', () => {
  afterEach(() => vi.useRealTimers())

  it('warns on the first busy attempt and every tenth, says once when it got through, and starts over after a success', () => {
    vi.useFakeTimers()
    const log = capture()
    let busy = 21
    const calls: number[] = []
    const s = createWalScrubber({ truncateWal: () => (calls.push(Date.now()), busy-- <= 0), logger: log.logger, retryMs: 10, maxRetryMs: 40 })
    s.request()
    vi.advanceTimersByTime(10_000)
    expect(calls).toHaveLength(22)
    // 10, 20, 40, then capped at 40.
    expect(calls.slice(1, 6).map((t, i) => t - calls[i]!)).toEqual([10, 20, 40, 40, 40])
    const summary = (l: Record<string, unknown>) => [l['level'], l['msg'], l['attempts'], l['retryMs']]
    const busyMsg = 'WAL busy: deleted ciphertext stays in the WAL until the checkpoint succeeds; retrying'
    expect(log.lines.map(summary)).toEqual([
      [40, busyMsg, 1, 10],
      [40, busyMsg, 10, 40],
      [40, busyMsg, 20, 40],
      [30, 'WAL checkpoint done after retries', 22, undefined],
    ])
    expect(s.pending()).toBe(false)
    // After a success: a new busy spell warns again and backs off from the first delay.
    busy = 1
    log.lines.length = 0
    s.request()
    expect(log.lines.map(summary)).toEqual([[40, busyMsg, 1, 10]])
    vi.advanceTimersByTime(9)
    expect(calls).toHaveLength(23)
    vi.advanceTimersByTime(1)
    expect(calls).toHaveLength(24)
    expect(log.lines.map(summary).at(-1)).toEqual([30, 'WAL checkpoint done after retries', 2, undefined])
  })

  it('a checkpoint that succeeds at once logs nothing; one that throws is logged with the error, then retried', () => {
    vi.useFakeTimers()
    const log = capture()
    const s = createWalScrubber({ truncateWal: () => true, logger: log.logger })
    s.request()
    expect(log.lines).toEqual([])
    let first = true
    const t = createWalScrubber({
      truncateWal: () => {
        if (!first) return true
        first = false
        throw new Error('SQLITE_BUSY')
      },
      logger: log.logger,
    })
    t.request()
    expect(log.lines.map((l) => [l['msg'], (l['err'] as { message?: string } | undefined)?.message])).toEqual([
      ['WAL checkpoint failed; will retry', 'SQLITE_BUSY'],
      ['WAL busy: deleted ciphertext stays in the WAL until the checkpoint succeeds; retrying', undefined],
    ])
    expect(t.pending()).toBe(true)
  })

  it('default timers: first retry after 1 s, doubling to at most 60 s; stop cancels the real timer', () => {
    vi.useFakeTimers()
    const log = capture()
    let calls = 0
    const s = createWalScrubber({ truncateWal: () => (calls++, false), logger: log.logger })
    s.request()
    vi.advanceTimersByTime(999)
    expect(calls).toBe(1)
    vi.advanceTimersByTime(1)
    expect(calls).toBe(2)
    vi.advanceTimersByTime(2000 + 4000 + 8000 + 16_000 + 32_000) // 2 s .. 32 s
    expect(calls).toBe(7)
    vi.advanceTimersByTime(59_999) // 64 s capped at 60 s
    expect(calls).toBe(7)
    vi.advanceTimersByTime(1)
    expect(calls).toBe(8)
    s.stop()
    expect(s.pending()).toBe(false)
    vi.advanceTimersByTime(600_000)
    expect(calls).toBe(8)
    s.request()
    expect(calls).toBe(8)
  })
})
