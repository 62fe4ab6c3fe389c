import type { ErrorHandler } from 'grammy'
import { AppError } from '../domain/errors.js'
import type { BotContext } from './context.js'
import { errorText } from './error-text.js'

/** The one thing the handler needs from i18n when the failure happened before i18n was installed. */
export interface FallbackTranslator {
  t(locale: string, key: string, params?: Record<string, string | number>): string
}

/** The locale of the fallback text: the user's language is unknown when the failure came first. */
const FALLBACK_LOCALE = 'en'

/**
 * The edge where failures become words. Logs the update id, chat and error code through the
 * redacting logger, never the update (it may hold a pasted key), and tells the user kindly.
 * A failure before the i18n middleware ran (e.g. the database was locked while the user was
 * recorded) has no `ctx.t`: the text then comes from the app's i18n in English. The handler
 * itself never throws, so nothing escapes the error boundary.
 */
export function createErrorHandler(i18n: FallbackTranslator): ErrorHandler<BotContext> {
  return async (err) => {
    const ctx = err.ctx
    const e = err.error
    try {
      ctx.deps.logger.error({ updateId: ctx.update.update_id, chatId: ctx.chat?.id, err: e instanceof AppError ? { code: e.code } : e }, 'update failed')
      const t: (key: string, params?: Record<string, string | number>) => string =
        typeof ctx.t === 'function' ? ctx.t.bind(ctx) : (key, params) => i18n.t(FALLBACK_LOCALE, key, params)
      const text = e instanceof AppError ? errorText({ code: e.code, params: e.params }, t) : t('error-generic')
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: text.replace(/<[^>]+>/g, '').slice(0, 190) })
      else if (ctx.chat) await ctx.reply(text, { parse_mode: 'HTML' })
    } catch (failure) {
      // Telegram unreachable or the user blocked us: nothing more to do for this update.
      ctx.deps.logger.debug({ updateId: ctx.update.update_id, err: failure }, 'error reply not sent')
    }
  }
}
