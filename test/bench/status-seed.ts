/**
 * The /status benches' database (not a test): users × 5 connections each, sealed with the real
 * sealer, carrying real test reports from the fake exchange, so both benches show the same cards.
 */
import { createApp } from '../../src/app.js'
import type { Config } from '../../src/config.js'
import { nextStatus } from '../../src/domain/status.js'
import type { Credentials, ExchangeId, TestReport } from '../../src/domain/types.js'
import { createExchangeRegistry } from '../../src/exchanges/registry.js'
import type { AppLogger } from '../../src/logger.js'
import { randomCredentials, seedConnection } from '../helpers/seed.js'
import type { TemplateAccounts } from './bot-load.js'
import { EGRESS_IP, type FakesChild } from './harness.js'

/** How many users to seed, with how many connections, from which Telegram id up. */
export interface StatusSeedPlan {
  users: number
  perUser: number
  firstUser: number
}

async function templateReports(child: FakesChild): Promise<Record<string, { exchange: ExchangeId; report: TestReport }>> {
  const accounts = await child.request<TemplateAccounts>('templates')
  const registry = createExchangeRegistry({ urls: child.ready.exchangeUrls })
  const options = { market: 'spot', egressIps: [EGRESS_IP], requestTimeoutMs: 5000, totalTimeoutMs: 20000 } as const
  const out: Record<string, { exchange: ExchangeId; report: TestReport }> = {}
  for (const [name, creds] of Object.entries(accounts) as Array<[string, Credentials]>) {
    const exchange: ExchangeId = name.startsWith('mexc') ? 'mexc' : 'kucoin'
    out[name] = { exchange, report: await registry.getAdapter(exchange).testConnection(creds, options) }
  }
  return out
}

/**
 * Seeds the plan into the database at `config.databasePath`; per user two healthy keys, two with
 * something to fix, and a fifth that is healthy, unsafe (withdrawal found by the monitor) or
 * never tested. Returns the time it took and how many connections ended in each status.
 */
export async function seedStatusUsers(child: FakesChild, config: Config, logger: AppLogger, plan: StatusSeedPlan): Promise<{ ms: number; statuses: Record<string, number> }> {
  const t0 = performance.now()
  const reports = await templateReports(child)
  const app = await createApp(config, logger, { botInfo: child.ready.tg.botInfo, throttle: false, monitor: false })
  const statuses: Record<string, number> = {}
  const perUser = (u: number): Array<{ name: string; template: string | undefined }> => [
    { name: 'MEXC main', template: 'mexcHealthy' },
    { name: 'KuCoin main', template: 'kucoinHealthy' },
    { name: 'MEXC read-only', template: 'mexcNoTrade' },
    { name: 'KuCoin office', template: 'kucoinIpExcluded' },
    { name: 'Spare', template: u % 10 === 0 ? 'kucoinTransfer' : u % 10 === 1 ? undefined : 'mexcHealthy' },
  ]
  for (let from = 0; from < plan.users; from += 200) {
    app.database.transaction(() => {
      for (let u = from; u < Math.min(plan.users, from + 200); u++) {
        const userId = plan.firstUser + u
        app.repos.users.touch(userId)
        for (const c of perUser(u).slice(0, plan.perUser)) {
          const t = c.template ? reports[c.template]! : undefined
          const exchange = t?.exchange ?? 'mexc'
          const row = seedConnection(app.repos.connections, app.sealer, { userId, name: c.name, exchange, credentials: randomCredentials(exchange === 'kucoin') })
          if (!t) {
            statuses['untested'] = (statuses['untested'] ?? 0) + 1
            continue
          }
          const next = nextStatus({ status: 'untested', consecutiveFailures: 0 }, t.report, config.offlineAfterFailures)
          app.repos.connections.updateStatus(row.id, { ...next, lastTestedAt: t.report.startedAt, lastReport: JSON.stringify(t.report), statusChangedAt: t.report.startedAt })
          statuses[next.status] = (statuses[next.status] ?? 0) + 1
        }
      }
    })
  }
  await app.stop()
  return { ms: performance.now() - t0, statuses }
}
