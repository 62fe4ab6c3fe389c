import type { ErrorHandler } from 'grammy'
import { AppError } from '../domain/errors.js'
import type { BotContext } from './context.js'
import { errorText } from './error-text.js'

/**
 * The edge where failures become words. Logs the update id, chat and error code through the
 * redacting logger, never the update (it may hold a pasted key), and tells the user kindly.
 */
export const errorHandler: ErrorHandler<BotContext> = async (err) => {
  const ctx = err.ctx
  const e = err.error
  ctx.deps.logger.error({ updateId: ctx.update.update_id, chatId: ctx.chat?.id, err: e instanceof AppError ? { code: e.code } : e }, 'update failed')
  const text = e instanceof AppError ? errorText({ code: e.code, params: e.params }, ctx.t.bind(ctx)) : ctx.t('error-generic')
  try {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: text.replace(/<[^>]+>/g, '').slice(0, 190) })
    else if (ctx.chat) await ctx.reply(text, { parse_mode: 'HTML' })
  } catch {
    // Telegram unreachable or the user blocked us: nothing more to do for this update.
  }
}
