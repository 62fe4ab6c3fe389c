import type { Middleware } from 'grammy'
import type { BotContext } from '../context.js'

/** Creates the user on first contact and re-activates one who had blocked the bot and came back. */
export const userTracker: Middleware<BotContext> = (ctx, next) => {
  if (ctx.from && !ctx.from.is_bot && ctx.chat?.type === 'private') ctx.deps.users.touch(ctx.from.id)
  return next()
}
