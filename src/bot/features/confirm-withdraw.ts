import { isAppError } from '../../domain/errors.js'
import type { ConfirmOutcome } from '../../services/connections.js'
import { unpack } from '../callback-data.js'
import type { BotContext } from '../context.js'
import { labelOf } from '../exchange-links.js'
import { escapeHtml } from '../html.js'
import { reportKeyboard } from '../keyboards.js'
import { utcTime } from '../render/report.js'
import { BotComposer } from '../composer.js'

const composer = new BotComposer<BotContext>()
const privateChat = composer.chatType('private')

/** The confirmation through the service, which checks ownership in SQL; null when the connection is not the caller's. */
function confirm(ctx: BotContext, id: string, key: string): ConfirmOutcome | null {
  try {
    return ctx.deps.connections.confirmWithdrawOff(ctx.from!.id, id, key)
  } catch (err) {
    if (isAppError(err, 'NOT_FOUND')) return null
    throw err
  }
}

// "✅ Withdraw is off on this key", under a report or a /status card of a connection waiting for it.
privateChat.callbackQuery(/^wc:/, async (ctx) => {
  const action = unpack(ctx.callbackQuery.data)
  if (action?.a !== 'confirm-withdraw') return ctx.answerCallbackQuery()
  const r = confirm(ctx, action.id, action.key)
  // Not theirs, or deleted: a short true answer, nothing else.
  if (!r) return ctx.answerCallbackQuery({ text: ctx.t('error-NOT_FOUND') })
  const t = ctx.t.bind(ctx)
  const c = r.connection
  if (r.outcome !== 'confirmed') return ctx.answerCallbackQuery({ text: t(`confirm-withdraw-${r.outcome}`, { name: c.name }), show_alert: r.outcome === 'stale' })
  await ctx.answerCallbackQuery()
  // The question is answered: its button goes, the rest of the message's buttons follow the new state.
  await ctx.editMessageReplyMarkup({ reply_markup: reportKeyboard(c, t, labelOf(ctx.deps)(c.exchange)) }).catch(() => undefined)
  const key = c.pausedAt ? 'confirm-withdraw-done-paused' : 'confirm-withdraw-done'
  await ctx.reply(t(key, { name: escapeHtml(c.name), key: escapeHtml(c.maskedKey), when: utcTime(c.withdrawConfirmedAt ?? Date.now()) }), { parse_mode: 'HTML' })
})

/** The trader's confirmation that withdrawal is off on a key whose exchange cannot prove it (issue 11). */
export const confirmWithdrawFeature = composer
