import { conversations, createConversation } from '@grammyjs/conversations'
import { sequentialize } from '@grammyjs/runner'
import { Bot, type Middleware, type Transformer } from 'grammy'
import type { UserFromGetMe } from 'grammy/types'
import type { BotContext, BotDeps, FlowContext } from './context.js'
import { CONNECT_FLOW, connectFlow } from './conversations/connect.js'
import { createTransport } from './transport.js'
import { RENAME_FLOW, renameFlow } from './conversations/rename.js'
import { REPLACE_FLOW, replaceFlow } from './conversations/replace.js'
import { createErrorHandler } from './error-handler.js'
import { confirmWithdrawFeature } from './features/confirm-withdraw.js'
import { connectionsFeature } from './features/connections.js'
import { groupGuardFeature } from './features/guards.js'
import { ipsFeature } from './features/ips.js'
import { manageFeature } from './features/manage.js'
import { pauseFeature } from './features/pause.js'
import { settingsFeature } from './features/settings.js'
import { resumeFlowFeature } from './features/resume-flow.js'
import { startFeature } from './features/start.js'
import { statusFeature } from './features/status.js'
import { testFeature } from './features/test.js'
import { unhandledFeature } from './features/unhandled.js'
import { createI18n } from './i18n.js'
import { updateLogger } from './middlewares/update-logger.js'
import { userTracker } from './middlewares/user-tracker.js'
import { BotComposer } from './composer.js'

/** How the bot talks to Telegram: origin, a known identity (tests skip getMe), throttling. */
export interface BotOptions {
  apiRoot: string
  botInfo?: UserFromGetMe
  /** Telegram's rate limits, enforced on our side; off only in benchmarks of raw handling cost. */
  throttle?: boolean
  /** The app's i18n instance, so the locale files are read once per process. */
  i18n?: ReturnType<typeof createI18n>
}

/**
 * Builds the bot: the table of contents of the whole Telegram side. Order matters: per-chat
 * ordering, deps, errors, logging, the user, i18n, the group guard, the conversations plugin, the
 * credential intake (after the plugin, so it can end a flow whose time is up, and before every
 * conversation, so no credential reaches a replay log: the log records the update only when a
 * conversation runs), the flows, the features, the resumption of old flow buttons, and the
 * catch-all last.
 */
export function createBot(token: string, deps: BotDeps, options: BotOptions) {
  const bot = new Bot<BotContext>(token, {
    client: { apiRoot: options.apiRoot, fetch: createTransport({ throttle: options.throttle !== false }) },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  })
  // Every text we send is HTML; user-supplied parts are escaped where they are inserted.
  const htmlByDefault: Transformer = (prev, method, payload, signal) => {
    if ((method === 'sendMessage' || method === 'editMessageText') && !('parse_mode' in payload)) {
      return prev(method, { ...payload, parse_mode: 'HTML' } as typeof payload, signal)
    }
    return prev(method, payload, signal)
  }
  bot.api.config.use(htmlByDefault)
  const i18n = options.i18n ?? createI18n()

  const attachDeps: Middleware<FlowContext> = (ctx, next) => {
    ctx.deps = deps
    return next()
  }
  // Conversations build their own Api objects: retry and throttling reach them through the
  // transport (see transport.ts); only the payload default is installed here.
  const flowPlugins: Middleware<FlowContext>[] = [
    attachDeps,
    (ctx, next) => {
      ctx.api.config.use(htmlByDefault)
      return next()
    },
    i18n,
  ]
  // No wait timeout here: the intake times flows out (see credential-intake.ts).
  const flowOptions = (id: string) => ({ id, plugins: flowPlugins })

  bot.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()))
  bot.use(attachDeps as Middleware<BotContext>)
  // Anything that escapes the boundary (it never should) is logged through the scrubbing
  // logger, never grammY's console output, and never stops the bot.
  bot.catch((err) => deps.logger.error({ updateId: err.ctx.update.update_id, err: err.error }, 'update failed outside the error boundary'))
  // Everything inside the boundary is a BotComposer chain (composer.ts): every update walks it.
  const guarded = new BotComposer<BotContext>()
  bot.errorBoundary(createErrorHandler(i18n), guarded)
  guarded.use(updateLogger)
  guarded.use(userTracker)
  guarded.use(i18n as unknown as Middleware<BotContext>)
  guarded.use(groupGuardFeature)
  guarded.use(conversations<BotContext, FlowContext>())
  guarded.use(deps.intake.middleware)
  guarded.use(createConversation<BotContext, FlowContext>(connectFlow, flowOptions(CONNECT_FLOW)))
  guarded.use(createConversation<BotContext, FlowContext>(replaceFlow, flowOptions(REPLACE_FLOW)))
  guarded.use(createConversation<BotContext, FlowContext>(renameFlow, flowOptions(RENAME_FLOW)))
  guarded.use(startFeature, connectionsFeature, statusFeature, testFeature, confirmWithdrawFeature, manageFeature, pauseFeature, settingsFeature, ipsFeature)
  guarded.use(resumeFlowFeature)
  guarded.use(unhandledFeature)
  return bot
}

/** The bot's type, for main and tests. */
export type AppBot = ReturnType<typeof createBot>
