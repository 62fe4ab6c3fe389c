import type { ConversationFlavor } from '@grammyjs/conversations'
import type { I18nFlavor } from '@grammyjs/i18n'
import type { Context } from 'grammy'
import type { AppLogger } from '../logger.js'
import type { ConnectionService } from '../services/connections.js'
import type { PlatformGate } from '../services/platform-gate.js'
import type { UsersRepo } from '../storage/users.repo.js'
import type { CredentialIntake } from './credential-intake.js'

/** What every handler can reach through `ctx.deps`; injected by createBot, never imported. */
export interface BotDeps {
  connections: ConnectionService
  /** The platform gate: the trader's /pause and /resume. */
  gate: PlatformGate
  users: UsersRepo
  intake: CredentialIntake
  logger: AppLogger
  settings: {
    egressIps: readonly string[]
  }
}

/** The context inside conversations: deps and i18n are installed there by the flow's plugins. */
export type FlowContext = Context & I18nFlavor & { deps: BotDeps }

/** The context of the outside middleware tree. */
export type BotContext = ConversationFlavor<FlowContext>
