import { Api } from 'grammy'
import type { UserFromGetMe } from 'grammy/types'
import { createBot, type AppBot } from './bot/index.js'
import { registerCommands } from './bot/commands.js'
import { createCredentialIntake, type CredentialIntake } from './bot/credential-intake.js'
import { createI18n } from './bot/i18n.js'
import { createNotifySender } from './bot/notify-sender.js'
import { startPolling, startWebhook, type BotRunner } from './bot/runner.js'
import type { Config } from './config.js'
import { createExchangeRegistry } from './exchanges/registry.js'
import type { AppLogger } from './logger.js'
import { createOutboxWorker, type OutboxWorker } from './monitor/outbox-worker.js'
import { createMonitor, type Monitor } from './monitor/scheduler.js'
import { createTransitionRecorder } from './monitor/transitions.js'
import { openVault } from './secrets/open-vault.js'
import type { Sealer } from './secrets/sealer.js'
import { createConnectionService, type ConnectionService } from './services/connections.js'
import { registerInstance, type Heartbeat } from './services/instance-heartbeat.js'
import { createEventRecorder } from './services/events.js'
import { createPlatformGate, type PlatformGate } from './services/platform-gate.js'
import { createTokenService, type TokenService } from './services/platform-tokens.js'
import { createEventWaiters, type EventWaiters } from './platform/events-feed.js'
import { createMetrics, type Metrics } from './platform/metrics.js'
import type { PlatformApi } from './platform/server.js'
import { createWebhookWorker, type WebhookWorker } from './platform/webhook-worker.js'
import { createConnectionsRepo } from './storage/connections.repo.js'
import { openDatabase, type Database } from './storage/database.js'
import { createInstancesRepo } from './storage/instances.repo.js'
import { createWalScrubber } from './storage/wal-scrubber.js'
import { createOutboxRepo } from './storage/outbox.repo.js'
import { createPlatformAuditRepo } from './storage/platform-audit.repo.js'
import { createPlatformEventsRepo } from './storage/platform-events.repo.js'
import { createServiceTokensRepo } from './storage/service-tokens.repo.js'
import { createTestResultsRepo } from './storage/test-results.repo.js'
import { createUsersRepo } from './storage/users.repo.js'

/** Test and demo hooks: a known bot identity (no getMe) and throttling off for benchmarks. */
export interface AppOverrides {
  botInfo?: UserFromGetMe
  throttle?: boolean
  /** How long a flow lives idle once it holds a credential (default 10 minutes). */
  flowTimeoutMs?: number
  /** How long a flow lives idle before the first credential arrives (default 24 hours). */
  setupTimeoutMs?: number
  /** False keeps the background monitor and outbox worker from starting (tests of other parts). */
  monitor?: boolean
  /** How often a parked long poll re-reads the feed without a wake-up (default 1 s; tests raise it to prove the wake-up). */
  eventRecheckMs?: number
}

/** Everything the running bot is made of, wired once; tests build the same thing with fakes. */
export interface App {
  config: Config
  logger: AppLogger
  database: Database
  sealer: Sealer
  repos: {
    users: ReturnType<typeof createUsersRepo>
    connections: ReturnType<typeof createConnectionsRepo>
    testResults: ReturnType<typeof createTestResultsRepo>
    outbox: ReturnType<typeof createOutboxRepo>
    serviceTokens: ReturnType<typeof createServiceTokensRepo>
    platformAudit: ReturnType<typeof createPlatformAuditRepo>
    platformEvents: ReturnType<typeof createPlatformEventsRepo>
  }
  connections: ConnectionService
  /** Issue 14: the platform gate, its tokens, metrics, long-poll waiters and (once started) its API. */
  platform: {
    gate: PlatformGate
    tokens: TokenService
    metrics: Metrics
    waiters: EventWaiters
    webhookWorker: WebhookWorker | undefined
    /** Listening after start() when PLATFORM_API_PORT is set. */
    api: PlatformApi | undefined
  }
  intake: CredentialIntake
  bot: AppBot | undefined
  /** Re-tests every connection in the background; pushes transitions into the outbox. */
  monitor: Monitor
  /** Delivers the outbox to Telegram: retries, pacing, blocked users. */
  outboxWorker: OutboxWorker | undefined
  /** Starts receiving updates (polling, or webhook when WEBHOOK_URL is set). */
  start(): Promise<void>
  /** Stops receiving, lets running handlers finish, closes the database. */
  stop(): Promise<void>
  /** Called when the bot can no longer receive updates (Telegram refused polling for good). */
  onFatal(listener: (err: unknown) => void): void
}

/**
 * The composition root: the database first, then the keys checked against it (a missing key
 * file is never re-created over stored connections, and keys that cannot open what is stored
 * stop the start), the heartbeat that keeps `rotate-key` from running under us, then
 * exchanges, services, the bot. Nothing else builds singletons or reads the environment.
 */
export async function createApp(config: Config, logger: AppLogger, overrides: AppOverrides = {}): Promise<App> {
  const database = openDatabase(config.databasePath)
  const repos = {
    users: createUsersRepo(database.db),
    connections: createConnectionsRepo(database.db),
    testResults: createTestResultsRepo(database.db, config.historyKeep),
    outbox: createOutboxRepo(database.db),
    serviceTokens: createServiceTokensRepo(database.db),
    platformAudit: createPlatformAuditRepo(database.db),
    platformEvents: createPlatformEventsRepo(database.db),
  }
  let sealer: Sealer
  let heartbeat: Heartbeat
  try {
    const vault = await openVault(config, repos.connections.countByKeyId())
    vault.keys.forEach((k) => k.fill(0))
    sealer = vault.sealer
    if (vault.created) {
      logger.warn(
        { file: config.masterKeyFile },
        'NEW MASTER KEY CREATED. Back this file up together with the database: without it every stored connection is unreadable and users must re-enter their keys.',
      )
    }
    if (vault.unreadable.connections > 0) {
      logger.warn(
        { connections: vault.unreadable.connections, keyIds: vault.unreadable.keyIds },
        'ALLOW_UNREADABLE_CONNECTIONS=true: STARTING WITH CONNECTIONS NO LOADED MASTER KEY CAN OPEN. Their owners are told to /replace them; restore the right key and restart to get them back.',
      )
    }
    heartbeat = registerInstance(
      { repo: createInstancesRepo(database.db), transaction: database.transaction, transactionIfFree: database.transactionIfFree, onBeatError: (err) => logger.warn({ err }, 'heartbeat not written') },
      { role: 'bot', sealKeyId: sealer.currentKeyId },
    )
  } catch (err) {
    database.close()
    throw err
  }
  const metrics = createMetrics({
    connectionsByState: () => repos.connections.countByState(),
    outboxPending: () => repos.outbox.pendingCount(),
    webhookPending: () => repos.platformEvents.pushBacklog(),
  })
  const exchanges = metrics.countTests(createExchangeRegistry({ urls: config.exchangeUrls }))
  // After a delete or replace commits, the old ciphertext leaves the WAL and the main file at once.
  const walScrubber = createWalScrubber({ truncateWal: database.truncateWal, logger })
  let outboxWorker: OutboxWorker | undefined
  const waiters = createEventWaiters(overrides.eventRecheckMs ? { recheckMs: overrides.eventRecheckMs } : {})
  const webhookWorker = config.platformWebhook ? createWebhookWorker({ events: repos.platformEvents, ...config.platformWebhook, logger }) : undefined
  // Every platform event commits with its change; listeners re-read after the commit.
  const events = createEventRecorder({
    events: repos.platformEvents,
    push: webhookWorker !== undefined,
    onAppended: (kind) => {
      metrics.eventRecorded(kind)
      waiters.wake()
      webhookWorker?.kick()
    },
  })
  // The state change and its notification row commit in one transaction (see onTested).
  const notify = createTransitionRecorder({
    outbox: repos.outbox,
    users: repos.users,
    reminderHours: config.offlineReminderHours,
    logger,
    onQueued: () => outboxWorker?.kick(),
  })
  const connections = createConnectionService({
    ...repos,
    onTested: (e) => {
      notify(e)
      events.tested(e)
    },
    events,
    sealer,
    exchanges,
    transaction: database.transaction,
    scrubDisk: walScrubber.request,
    settings: {
      egressIps: config.egressIps,
      requestTimeoutMs: config.exchangeTimeoutMs,
      totalTimeoutMs: config.testTimeoutMs,
      offlineAfterFailures: config.offlineAfterFailures,
      limits: { maxConnections: config.maxConnectionsPerUser, connectPerHour: config.connectPerHour, testPerHour: config.testPerHour, stopMonitorAfterInvalid: config.monitorStopAfterInvalid },
    },
    logger,
  })
  const gate = createPlatformGate({ connections: repos.connections, audit: repos.platformAudit, sealer, events, transaction: database.transaction })
  const tokens = createTokenService({ repo: repos.serviceTokens, sealer })
  const i18n = createI18n()
  const flowTimeoutMs = overrides.flowTimeoutMs ?? 10 * 60_000
  let bot: AppBot | undefined
  // Creating a key on the exchange (2FA, e-mail codes, a trading password) can take a quarter of
  // an hour: no short timer runs until a credential is held.
  const intake = createCredentialIntake({
    idleMs: flowTimeoutMs,
    setupMs: overrides.setupTimeoutMs ?? 24 * 60 * 60_000,
    onIdle: (chatId, locale) => {
      bot?.api.sendMessage(chatId, i18n.t(locale, 'flow-timeout')).catch((err: unknown) => logger.warn({ err, chatId }, 'timeout notice not sent'))
    },
  })
  if (config.botToken) {
    bot = createBot(
      config.botToken,
      { connections, gate, users: repos.users, intake, logger, settings: { egressIps: config.egressIps } },
      { apiRoot: config.telegramApiRoot, i18n, ...(overrides.botInfo ? { botInfo: overrides.botInfo } : {}), ...(overrides.throttle === false ? { throttle: false } : {}) },
    )
  }
  const monitor = createMonitor({
    targets: () => repos.connections.listForSweep(),
    test: (id) => connections.testById(id, 'monitor'),
    logger,
    onSweep: (stats) => metrics.sweepDone(stats),
    settings: { intervalMs: config.checkIntervalSeconds * 1000, concurrency: config.monitorConcurrency, exchangeRps: config.monitorExchangeRps },
  })
  if (config.botToken) {
    // A plain Api: the worker must see each 429 itself to pause every send (no retrying transport).
    const sender = createNotifySender({
      api: new Api(config.botToken, { apiRoot: config.telegramApiRoot }),
      users: repos.users,
      translate: (l, k, p) => i18n.t(l, k, p),
      egressIps: config.egressIps,
      exchangeLabel: (id) => exchanges.getAdapter(id).label,
    })
    outboxWorker = createOutboxWorker({
      outbox: repos.outbox,
      users: repos.users,
      send: sender.send,
      classify: sender.classify,
      logger,
      settings: { ratePerSecond: config.notifyRatePerSecond, maxAttempts: config.notifyMaxAttempts },
    })
  }
  const background = overrides.monitor !== false
  let runner: BotRunner | undefined
  const fatalListeners: Array<(err: unknown) => void> = []
  // Readiness: Telegram answered a getMe lately (polling), or the webhook is registered.
  let telegramSeen = { ok: false, at: 0 }
  const telegramReady = async (): Promise<boolean> => {
    if (config.webhook) return runner !== undefined
    if (!bot || Date.now() - telegramSeen.at < 15_000) return telegramSeen.ok
    // Through the bot's own transport (retries included), bounded so a probe never hangs.
    const ok = await Promise.race([bot.api.getMe().then(() => true, () => false), new Promise<boolean>((r) => setTimeout(() => r(false), 5_000).unref())])
    telegramSeen = { ok, at: Date.now() }
    return ok
  }
  const keepEventsMs = config.platformEventsKeepDays * 86_400_000
  let pruner: NodeJS.Timeout | undefined
  const platform: App['platform'] = { gate, tokens, metrics, waiters, webhookWorker, api: undefined }
  return {
    config,
    logger,
    database,
    sealer,
    repos,
    connections,
    intake,
    bot,
    monitor,
    outboxWorker,
    platform,
    async start() {
      if (!bot) throw new Error('no BOT_TOKEN: use the demo')
      await bot.init()
      await registerCommands(bot.api, (l, k) => i18n.t(l, k), logger)
      runner = config.webhook ? await startWebhook(bot, config.webhook, logger) : await startPolling(bot, logger, (err) => fatalListeners.forEach((l) => l(err)))
      if (background) {
        outboxWorker?.start()
        monitor.start()
      }
      webhookWorker?.start()
      const prune = () => {
        const n = repos.platformEvents.pruneBefore(Date.now() - keepEventsMs)
        if (n > 0) logger.info({ pruned: n }, 'old platform events pruned')
      }
      prune()
      pruner = setInterval(prune, 3_600_000).unref()
      if (config.platformApi) {
        // Loaded only when asked for: an install without the gate does not pay Fastify's start-up.
        const { startPlatformApi } = await import('./platform/server.js')
        platform.api = await startPlatformApi({
          logger,
          tokens,
          gate,
          audit: repos.platformAudit,
          events: repos.platformEvents,
          waiters,
          metrics,
          ready: async () => ({ database: database.ping(), telegram: await telegramReady() }),
          settings: config.platformApi,
        })
      }
    },
    onFatal(listener) {
      fatalListeners.push(listener)
    },
    async stop() {
      // Long polls answer first, then nothing can reach the database while it closes.
      await platform.api?.close()
      clearInterval(pruner)
      await webhookWorker?.stop()
      await monitor.stop()
      await outboxWorker?.stop()
      await runner?.stop()
      walScrubber.stop()
      try {
        heartbeat.stop()
      } catch (err) {
        logger.warn({ err }, 'heartbeat row not removed (it goes stale on its own)')
      }
      database.checkpoint()
      database.close()
    },
  }
}
