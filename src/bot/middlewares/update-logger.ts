import type { Middleware } from 'grammy'
import type { BotContext } from '../context.js'

/** Logs each update's kind and timing at debug level: ids only, never message text. */
export const updateLogger: Middleware<BotContext> = async (ctx, next) => {
  const started = performance.now()
  try {
    await next()
  } finally {
    if (ctx.deps.logger.isLevelEnabled('debug')) {
      const kind = Object.keys(ctx.update).find((k) => k !== 'update_id')
      ctx.deps.logger.debug({ updateId: ctx.update.update_id, kind, chatId: ctx.chat?.id, ms: Math.round(performance.now() - started) }, 'update handled')
    }
  }
}
