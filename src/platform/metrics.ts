import { Counter, Gauge, Histogram, Registry } from 'prom-client'
import type { ExchangeAdapter } from '../exchanges/adapter.js'
import type { ExchangeRegistry } from '../exchanges/registry.js'
import type { SweepStats } from '../monitor/scheduler.js'

/** What the gauges read at scrape time (cheap GROUP BY / COUNT queries). */
export interface MetricSources {
  connectionsByState: () => Array<{ status: string; exchange: string; paused: boolean; n: number }>
  outboxPending: () => number
  webhookPending: () => number
}

/**
 * The app's Prometheus metrics (prom-client: the standard text format, histograms and a registry
 * we do not have to write). Its own registry, not the global one, so two apps in one process
 * (tests) never share counters. Labels are closed sets (route patterns, exchange ids, statuses,
 * verdicts): never an id, a name or anything a caller sent.
 */
export function createMetrics(sources: MetricSources) {
  const registry = new Registry()
  const registers = [registry]
  new Gauge({
    name: 'bfc_connections',
    help: 'Stored connections by status, exchange and pause.',
    labelNames: ['status', 'exchange', 'paused'] as const,
    registers,
    collect() {
      this.reset()
      for (const r of sources.connectionsByState()) this.set({ status: r.status, exchange: r.exchange, paused: String(r.paused) }, r.n)
    },
  })
  new Gauge({ name: 'bfc_outbox_pending', help: 'Telegram notifications waiting in the outbox.', registers, collect() { this.set(sources.outboxPending()) } })
  new Gauge({ name: 'bfc_platform_webhook_pending', help: 'Platform events waiting to be pushed to PLATFORM_WEBHOOK_URL.', registers, collect() { this.set(sources.webhookPending()) } })
  const tests = new Counter({ name: 'bfc_connection_tests_total', help: 'Connection tests run, by exchange and outcome.', labelNames: ['exchange', 'verdict', 'transient'] as const, registers })
  const testSeconds = new Histogram({ name: 'bfc_connection_test_duration_seconds', help: 'Duration of one connection test.', labelNames: ['exchange'] as const, buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 25], registers })
  const sweeps = new Histogram({ name: 'bfc_monitor_sweep_duration_seconds', help: 'Duration of one monitor sweep over every connection.', buckets: [1, 5, 15, 60, 300, 900, 3600], registers })
  const swept = new Counter({ name: 'bfc_monitor_sweep_tests_total', help: 'Tests run by monitor sweeps, by result.', labelNames: ['result'] as const, registers })
  const api = new Counter({ name: 'bfc_platform_api_requests_total', help: 'Platform API requests by route, method and HTTP status.', labelNames: ['route', 'method', 'status'] as const, registers })
  const apiSeconds = new Histogram({ name: 'bfc_platform_api_request_duration_seconds', help: 'Platform API request duration by route.', labelNames: ['route'] as const, buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1], registers })
  const events = new Counter({ name: 'bfc_platform_events_total', help: 'Platform events recorded, by kind.', labelNames: ['kind'] as const, registers })
  return {
    registry,
    /** One finished API request (the route pattern, never the raw URL). */
    apiRequest(route: string, method: string, status: number, seconds: number): void {
      api.inc({ route, method, status: String(status) })
      // Long polls would swamp the latency histogram with their wait: it measures the other routes.
      if (route !== '/v1/events') apiSeconds.observe({ route }, seconds)
    },
    sweepDone(stats: SweepStats): void {
      sweeps.observe(stats.durationMs / 1000)
      swept.inc({ result: 'tested' }, stats.tested)
      swept.inc({ result: 'vanished' }, stats.vanished)
      swept.inc({ result: 'error' }, stats.errors)
    },
    eventRecorded(kind: string): void {
      events.inc({ kind })
    },
    /**
     * The same registry with each adapter's test counted (every test, from /connect, /test,
     * /replace and the monitor alike, refused ones included), without touching the adapters.
     */
    countTests(exchanges: ExchangeRegistry): ExchangeRegistry {
      const wrap = (a: ExchangeAdapter): ExchangeAdapter => ({
        ...a,
        async testConnection(credentials, options) {
          const report = await a.testConnection(credentials, options)
          tests.inc({ exchange: a.id, verdict: report.verdict, transient: String(report.transient) })
          testSeconds.observe({ exchange: a.id }, report.durationMs / 1000)
          return report
        },
      })
      const list = exchanges.listAdapters().map(wrap)
      return { getAdapter: (id) => list.find((a) => a.id === id)!, listAdapters: () => list }
    },
    /** The Prometheus text exposition and its content type. */
    async render(): Promise<{ body: string; contentType: string }> {
      return { body: await registry.metrics(), contentType: registry.contentType }
    },
  }
}

/** The metrics' type, for injection. */
export type Metrics = ReturnType<typeof createMetrics>
