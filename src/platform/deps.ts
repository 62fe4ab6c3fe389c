import type { AppLogger } from '../logger.js'
import type { PlatformGate } from '../services/platform-gate.js'
import type { TokenService } from '../services/platform-tokens.js'
import type { PlatformAuditRepo } from '../storage/platform-audit.repo.js'
import type { PlatformEventsRepo } from '../storage/platform-events.repo.js'
import type { EventWaiters } from './events-feed.js'
import type { Metrics } from './metrics.js'

/** What the readiness probe reports: each part the app needs to do its job. */
export interface Readiness {
  database: boolean
  /** Telegram answered recently (polling), or the webhook is registered (webhook mode). */
  telegram: boolean
}

/** Everything the platform API's routes use; built by the composition root. */
export interface PlatformApiDeps {
  logger: AppLogger
  tokens: TokenService
  gate: PlatformGate
  audit: PlatformAuditRepo
  events: PlatformEventsRepo
  waiters: EventWaiters
  metrics: Metrics
  ready: () => Promise<Readiness>
  settings: { host: string; port: number; credentialsPerMinute: number }
}
