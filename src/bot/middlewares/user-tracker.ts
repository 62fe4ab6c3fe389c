import type { Middleware } from 'grammy'
import type { BotContext } from '../context.js'

/** Creates the user on first contact and re-activates one who had blocked the bot and came back. */
export const userTracker: Middleware<BotContext> = (ctx, next) => {
  if (ctx.from && !ctx.from.is_bot && ctx.chat?.type === 'private') {
    const user = ctx.deps.users.touch(ctx.from.id)
    const code = ctx.from.language_code ?? null
    if (user.telegramLanguage !== code) ctx.deps.users.setTelegramLanguage(ctx.from.id, code)
  }
  return next()
}
