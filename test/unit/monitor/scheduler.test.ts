import { describe, expect, it } from 'vitest'
import type { TestReport } from '../../../src/domain/types.js'
import { createLogger } from '../../../src/logger.js'
import { createMonitor, type MonitorSettings, type SweepTarget } from '../../../src/monitor/scheduler.js'
import type { TestOutcome } from '../../../src/services/connections.js'

const logger = createLogger({ level: 'silent' })
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const targets = (exchange: string, n: number): SweepTarget[] => Array.from({ length: n }, (_, i) => ({ id: `${exchange}-${i}`, exchange }))

/** A fake test that takes `ms` and reports `requests` requests; records when each one started. */
function fakeTests(ms: number, requests = 4) {
  const starts = new Map<string, number>()
  let running = 0
  let peak = 0
  let finished = 0
  const test = async (id: string): Promise<TestOutcome | null> => {
    starts.set(id, performance.now())
    peak = Math.max(peak, ++running)
    await sleep(ms)
    running--
    finished++
    return { before: {} as TestOutcome['before'], after: {} as TestOutcome['after'], report: { requestCount: requests } as TestReport }
  }
  return { test, starts, peak: () => peak, finished: () => finished }
}

function monitor(list: SweepTarget[], test: (id: string) => Promise<TestOutcome | null>, settings: Partial<MonitorSettings> = {}) {
  return createMonitor({ targets: () => list, test, logger, settings: { intervalMs: 1_000, concurrency: 8, exchangeRps: Infinity, ...settings }, random: () => 0.5 })
}

describe('monitor sweep', () => {
  it('spreads the starts evenly over the spread window, each in its own slot', async () => {
    const f = fakeTests(1)
    const m = monitor(targets('mexc', 10), f.test)
    const t0 = performance.now()
    const stats = await m.sweepOnce({ spreadMs: 500 })
    expect(stats).toMatchObject({ planned: 10, tested: 10, requests: 40 })
    for (let j = 0; j < 10; j++) {
      const at = f.starts.get(`mexc-${j}`)! - t0
      expect(at).toBeGreaterThanOrEqual(j * 50 - 2)
      expect(at).toBeLessThan((j + 1) * 50 + 25)
    }
  })

  it('holds each exchange to its request budget without slowing the other exchange', async () => {
    const f = fakeTests(5)
    const m = monitor([...targets('mexc', 16), ...targets('kucoin', 16)], f.test, { exchangeRps: { mexc: 40, kucoin: 10_000 } })
    const t0 = performance.now()
    await m.sweepOnce()
    const startsOf = (ex: string) => [...f.starts].filter(([id]) => id.startsWith(ex)).map(([, at]) => at - t0)
    // 16 tests × 4 requests = 64: the bucket holds 40, the other 24 trickle in at 40/s (600 ms).
    expect(Math.max(...startsOf('mexc'))).toBeGreaterThanOrEqual(580)
    expect(startsOf('mexc').filter((at) => at < 100)).toHaveLength(10)
    expect(Math.max(...startsOf('kucoin'))).toBeLessThan(150)
  })

  it('refunds what a test did not use, so cheap tests are not throttled as if they cost the estimate', async () => {
    const f = fakeTests(5, 1)
    const m = monitor(targets('mexc', 16), f.test, { exchangeRps: { mexc: 40 } })
    const t0 = performance.now()
    await m.sweepOnce()
    expect(Math.max(...f.starts.values()) - t0).toBeLessThan(300)
  })

  it('never runs more tests at once than the concurrency', async () => {
    const f = fakeTests(30)
    const m = monitor(targets('mexc', 12), f.test, { concurrency: 3 })
    await m.sweepOnce()
    expect(f.peak()).toBe(3)
    expect(f.finished()).toBe(12)
  })

  it('counts vanished connections and failed tests without stopping the sweep', async () => {
    let n = 0
    const m = monitor(targets('mexc', 6), async () => {
      n++
      if (n % 3 === 0) throw new Error('boom')
      return n % 3 === 1 ? null : { before: {} as TestOutcome['before'], after: {} as TestOutcome['after'], report: { requestCount: 2 } as TestReport }
    })
    expect(await m.sweepOnce()).toMatchObject({ planned: 6, tested: 2, vanished: 2, errors: 2, requests: 4 })
  })

  it('stop() plans nothing new and waits for the tests in flight', async () => {
    const f = fakeTests(150)
    const m = monitor(targets('mexc', 5), f.test, { intervalMs: 1_000 })
    m.start()
    await sleep(220) // the first test (slot 0 of 180 ms) is running
    const started = f.starts.size
    expect(started).toBeGreaterThan(0)
    await m.stop()
    expect(f.finished()).toBe(started)
    await sleep(300)
    expect(f.starts.size).toBe(started)
  })

  it('sweeps again every interval while started', async () => {
    const counts = new Map<string, number>()
    const m = monitor(targets('mexc', 2), async (id) => {
      counts.set(id, (counts.get(id) ?? 0) + 1)
      return null
    }, { intervalMs: 100 })
    m.start()
    await sleep(450)
    await m.stop()
    for (const c of counts.values()) expect(c).toBeGreaterThanOrEqual(4)
  })
})
