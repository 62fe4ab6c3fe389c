import type { AppLogger } from '../logger.js'
import type { TestOutcome } from '../services/connections.js'
import { systemClock, type Clock } from './clock.js'
import { Semaphore, TokenBucket } from './limits.js'

/** A connection the sweep will test; the exchange picks the request budget it draws from. */
export interface SweepTarget {
  id: string
  exchange: string
}

/** How hard the monitor may push: per-connection cadence, parallelism, per-exchange budgets. */
export interface MonitorSettings {
  /** Every connection is re-tested once per interval (`CHECK_INTERVAL_SECONDS` × 1000). */
  intervalMs: number
  /** Tests in flight at once, over all exchanges (`MONITOR_CONCURRENCY`). */
  concurrency: number
  /** Requests per second the monitor may send to one exchange; a map sets them per exchange. */
  exchangeRps: number | Readonly<Record<string, number>>
  /** Requests budgeted per test before it runs (the rest is refunded after); default 4. */
  requestsPerTest?: number
  /** Share of the interval the starts are spread over, leaving room to finish; default 0.9. */
  spreadFraction?: number
}

/** What the monitor needs; the composition root passes repo and service functions. */
export interface MonitorDeps {
  /** Every connection, least recently tested first (`connections.listForSweep`). */
  targets: () => SweepTarget[]
  /** One test under the service's per-connection lock (`service.testById(id, 'monitor')`). */
  test: (id: string) => Promise<TestOutcome | null>
  settings: MonitorSettings
  logger: AppLogger
  /** Told each sweep's figures when it ends (the metrics' sweep duration). */
  onSweep?: (stats: SweepStats) => void
  clock?: Clock
  random?: () => number
}

/** One sweep's figures, logged and returned to tests and the benchmark. */
export interface SweepStats {
  planned: number
  tested: number
  /** Deleted, or given new credentials, while the sweep ran. */
  vanished: number
  errors: number
  requests: number
  durationMs: number
}

/** A stable phase in [0, 1) per id: each connection keeps its place in the interval. */
function phaseOf(id: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193)
  return (h >>> 0) / 2 ** 32
}

/**
 * The connection monitor. Each sweep splits the connections by exchange into lanes; a lane
 * spreads its starts evenly over the interval (each connection at a stable phase of its slot,
 * plus a little random jitter) and draws each test's requests from that exchange's token
 * bucket, so one slow or busy exchange never holds up another. A global semaphore bounds the
 * tests in flight. The service's lock makes a monitor test join a manual /test already running
 * on that connection instead of starting a second one.
 */
export function createMonitor(deps: MonitorDeps) {
  const { settings, logger } = deps
  const clock = deps.clock ?? systemClock
  const random = deps.random ?? Math.random
  const perTest = settings.requestsPerTest ?? 4
  const slots = new Semaphore(settings.concurrency)
  const buckets = new Map<string, TokenBucket>()
  const inFlight = new Set<Promise<void>>()
  let abort = new AbortController()
  let loop: Promise<void> | undefined

  const bucketFor = (exchange: string): TokenBucket => {
    let b = buckets.get(exchange)
    if (!b) {
      const rps = typeof settings.exchangeRps === 'number' ? settings.exchangeRps : (settings.exchangeRps[exchange] ?? Infinity)
      b = new TokenBucket(rps, Math.max(rps, perTest), clock)
      buckets.set(exchange, b)
    }
    return b
  }

  async function testOne(target: SweepTarget, bucket: TokenBucket, stats: SweepStats): Promise<void> {
    try {
      const outcome = await deps.test(target.id)
      if (!outcome) stats.vanished++
      else {
        stats.tested++
        stats.requests += outcome.report.requestCount
        bucket.refund(perTest - outcome.report.requestCount)
      }
    } catch (err) {
      stats.errors++
      logger.error({ err, connectionId: target.id }, 'monitor test failed')
    } finally {
      slots.release()
    }
  }

  async function lane(exchange: string, list: SweepTarget[], start: number, spreadMs: number, stats: SweepStats, signal: AbortSignal): Promise<void> {
    const bucket = bucketFor(exchange)
    const slotMs = spreadMs / list.length
    const launched: Promise<void>[] = []
    for (const [j, target] of list.entries()) {
      const jitter = (random() - 0.5) * 0.2
      const at = start + (j + Math.min(0.999, Math.max(0, phaseOf(target.id) + jitter))) * slotMs
      const wait = at - clock.now()
      if (wait > 0) await clock.sleep(wait, signal)
      if (signal.aborted || !(await bucket.take(perTest, signal))) break
      await slots.acquire()
      if (signal.aborted) {
        slots.release()
        break
      }
      const p = testOne(target, bucket, stats)
      inFlight.add(p)
      void p.finally(() => inFlight.delete(p))
      launched.push(p)
    }
    await Promise.all(launched)
  }

  /** One pass over every connection, its starts spread over `spreadMs` (0 = as fast as allowed). */
  async function sweep(spreadMs: number): Promise<SweepStats> {
    const start = clock.now()
    const targets = deps.targets()
    const stats: SweepStats = { planned: targets.length, tested: 0, vanished: 0, errors: 0, requests: 0, durationMs: 0 }
    const lanes = new Map<string, SweepTarget[]>()
    for (const t of targets) {
      const list = lanes.get(t.exchange)
      if (list) list.push(t)
      else lanes.set(t.exchange, [t])
    }
    const signal = abort.signal
    await Promise.all([...lanes].map(([exchange, list]) => lane(exchange, list, start, spreadMs, stats, signal)))
    stats.durationMs = clock.now() - start
    deps.onSweep?.(stats)
    return stats
  }

  async function run(signal: AbortSignal): Promise<void> {
    const spread = settings.intervalMs * (settings.spreadFraction ?? 0.9)
    while (!signal.aborted) {
      const started = clock.now()
      try {
        const stats = await sweep(spread)
        logger.info({ ...stats }, 'monitor sweep done')
      } catch (err) {
        logger.error({ err }, 'monitor sweep failed')
      }
      const wait = started + settings.intervalMs - clock.now()
      if (wait < 0 && !signal.aborted) logger.warn({ overrunMs: -wait }, 'monitor sweep took longer than the interval: raise MONITOR_CONCURRENCY or the exchange budgets')
      await clock.sleep(wait, signal)
    }
  }

  return {
    /** Starts sweeping now and then once per interval; a second call does nothing. */
    start(): void {
      if (loop) return
      abort = new AbortController()
      loop = run(abort.signal)
    },
    /** Stops planning new tests and waits for the ones in flight to be stored. */
    async stop(): Promise<void> {
      abort.abort()
      await loop
      loop = undefined
      await Promise.allSettled([...inFlight])
    },
    /** One sweep on demand (tests, benchmark); `spreadMs` defaults to no spreading. */
    sweepOnce(opts: { spreadMs?: number } = {}): Promise<SweepStats> {
      if (abort.signal.aborted) abort = new AbortController()
      return sweep(opts.spreadMs ?? 0)
    },
  }
}

/** The monitor's type, for the composition root. */
export type Monitor = ReturnType<typeof createMonitor>
