/**
 * The monitor wired as app.ts wires it, over real parts: the fake exchange reached by real ccxt,
 * the fake Bot API reached by grammY's Api, a real SQLite file with the real migrations, and
 * real libsodium sealing. Only the intervals are short.
 */
import { randomBytes } from 'node:crypto'
import { I18n } from '@grammyjs/i18n'
import { Api } from 'grammy'
import type { ExchangeId } from '../../../src/domain/types.js'
import { LOCALES_DIR } from '../../../src/bot/i18n.js'
import { createNotifySender } from '../../../src/bot/notify-sender.js'
import { createExchangeRegistry } from '../../../src/exchanges/registry.js'
import { createLogger } from '../../../src/logger.js'
import { createOutboxWorker, type OutboxSettings } from '../../../src/monitor/outbox-worker.js'
import { createMonitor, type MonitorSettings } from '../../../src/monitor/scheduler.js'
import { createTransitionRecorder } from '../../../src/monitor/transitions.js'
import { createSealer } from '../../../src/secrets/sealer.js'
import { createConnectionService, type ConnectionServiceDeps, type UserLimits } from '../../../src/services/connections.js'
import { createConnectionsRepo } from '../../../src/storage/connections.repo.js'
import { createOutboxRepo } from '../../../src/storage/outbox.repo.js'
import { createTestResultsRepo } from '../../../src/storage/test-results.repo.js'
import { createUsersRepo } from '../../../src/storage/users.repo.js'
import { FakeExchangeServer, type FakeAccount, type FakeAccountInput } from '../../fakes/exchange-server.js'
import { startFakeTelegram, type FakeTelegram } from '../../fakes/telegram-server.js'
import { openTestDb } from '../../helpers/test-db.js'

/** The address the fake exchange sees us calling from, and our configured egress IP. */
export const OUR_IP = '203.0.113.7'

/** Options of one harness; anything omitted gets a short-interval default. */
export interface HarnessOptions {
  intervalMs?: number
  threshold?: number
  reminderHours?: number
  monitor?: Partial<MonitorSettings>
  worker?: Partial<OutboxSettings>
  lock?: ConnectionServiceDeps['lock']
  /**
   * Per-user limits. By default none applies here: the monitor never stops testing a refused key
   * (the production default stops after 3), so tests of notifications can watch many sweeps of a
   * revoked key, and the hourly quotas do not cap tests that hammer one connection on purpose.
   */
  limits?: Partial<UserLimits>
  /** Wraps the transition recorder (to inject a failure inside the test's transaction). */
  wrapRecorder?: (recorder: NonNullable<ConnectionServiceDeps['onTested']>) => NonNullable<ConnectionServiceDeps['onTested']>
}

/** One language-independent translate over the real locale files, as the bot's i18n loads them. */
export const i18n = new I18n({ defaultLocale: 'en', directory: LOCALES_DIR, fluentBundleOptions: { useIsolating: false } })

/** Builds the whole pipeline; call `stop()` in afterEach. */
export async function startHarness(opts: HarnessOptions = {}) {
  const exchange = await new FakeExchangeServer().start()
  exchange.callerIp = OUR_IP
  const telegram: FakeTelegram = await startFakeTelegram()
  const db = openTestDb()
  const sealer = await createSealer([randomBytes(32)])
  const logger = createLogger({ level: 'silent' })
  const registry = createExchangeRegistry({ urls: exchange.exchangeUrls })
  const repos = {
    users: createUsersRepo(db.db),
    connections: createConnectionsRepo(db.db),
    testResults: createTestResultsRepo(db.db, 50),
    outbox: createOutboxRepo(db.db),
  }
  const sender = createNotifySender({
    api: new Api(telegram.token, { apiRoot: telegram.url }),
    users: repos.users,
    translate: (locale, key, params) => i18n.t(locale, key, params),
    egressIps: [OUR_IP],
    exchangeLabel: (id) => registry.getAdapter(id).label,
  })
  const worker = createOutboxWorker({
    outbox: repos.outbox,
    users: repos.users,
    send: sender.send,
    classify: sender.classify,
    logger,
    settings: { pollMs: 50, perChatGapMs: 100, backoffBaseMs: 30, backoffCapMs: 200, leaseMs: 5_000, ...opts.worker },
  })
  const recorder = createTransitionRecorder({ outbox: repos.outbox, users: repos.users, reminderHours: opts.reminderHours ?? 0, logger, onQueued: worker.kick })
  const service = createConnectionService({
    ...repos,
    sealer,
    exchanges: registry,
    transaction: db.transaction,
    settings: { egressIps: [OUR_IP], requestTimeoutMs: 1_000, totalTimeoutMs: 3_000, offlineAfterFailures: opts.threshold ?? 3, limits: { stopMonitorAfterInvalid: 1_000, connectPerHour: 1_000, testPerHour: 10_000, ...opts.limits } },
    logger,
    onTested: opts.wrapRecorder ? opts.wrapRecorder(recorder) : recorder,
    ...(opts.lock ? { lock: opts.lock } : {}),
  })
  const intervalMs = opts.intervalMs ?? 300
  const monitor = createMonitor({
    targets: () => repos.connections.listForSweep(),
    test: (id) => service.testById(id, 'monitor'),
    logger,
    settings: { intervalMs, concurrency: 4, exchangeRps: 10_000, ...opts.monitor },
  })

  let nextUser = 1000
  /** A Telegram user with a healthy connection, saved through the real /connect use case. */
  async function connectUser(o: { exchange?: ExchangeId; name?: string; language?: string; permissions?: string[]; account?: Omit<FakeAccountInput, 'exchange'> } = {}) {
    const userId = nextUser++
    const tgUser = telegram.createUser({ id: userId, firstName: `Trader${userId}` })
    const ex = o.exchange ?? 'mexc'
    const account: FakeAccount = exchange.addAccount({ exchange: ex, ipWhitelist: [OUR_IP], ...(o.permissions ? { permissions: o.permissions } : {}), ...o.account })
    const saved = await service.connect({
      userId,
      exchange: ex,
      market: 'spot',
      name: o.name ?? `${ex} main`,
      credentials: { apiKey: account.apiKey, secret: account.secret, ...(account.passphrase ? { passphrase: account.passphrase } : {}) },
    })
    if (saved.outcome !== 'saved' || saved.connection.status !== 'online') throw new Error(`seed connection not online: ${JSON.stringify(saved)}`)
    if (o.language) repos.users.setLanguage(userId, o.language)
    return { userId, tgUser, account, connectionId: saved.connection.id }
  }

  /** Resolves once `pred` holds, checking every 10 ms (for state that lives in SQLite). */
  async function until<T>(pred: () => T | undefined | null | false, timeoutMs = 5_000, what = 'condition'): Promise<T> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const v = pred()
      if (v) return v
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
      await new Promise((r) => setTimeout(r, 10))
    }
  }

  return {
    exchange,
    telegram,
    db,
    sealer,
    repos,
    service,
    sender,
    monitor,
    worker,
    intervalMs,
    connectUser,
    until,
    status: (id: string) => repos.connections.getById(id)?.status,
    async stop() {
      await monitor.stop()
      await worker.stop()
      await telegram.close()
      await exchange.stop()
      db.cleanup()
    },
  }
}

/** The harness's type. */
export type Harness = Awaited<ReturnType<typeof startHarness>>
