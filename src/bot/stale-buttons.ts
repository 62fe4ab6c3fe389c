import type { InlineKeyboardButton } from 'grammy/types'
import { type Action, unpack } from './callback-data.js'
import type { FlowContext } from './context.js'

/** The actions of every button on the tapped message, as the bot drew them (Telegram sends the message as it is). */
function tappedActions(ctx: FlowContext): Array<{ data: string; action: Action | null }> {
  const buttons: InlineKeyboardButton[] = ctx.callbackQuery?.message?.reply_markup?.inline_keyboard.flat() ?? []
  return buttons.flatMap((b) => ('callback_data' in b && typeof b.callback_data === 'string' ? [{ data: b.callback_data, action: unpack(b.callback_data) }] : []))
}

/**
 * Answers a tap on a button whose connection the caller no longer has. When the button really is
 * on the message (the bot drew it there, for this user's own connection), the connection was
 * deleted since, and the answer says so; when every button on that message is about that
 * connection, they all go. Forged data (not on the message) gets the neutral "not found" that
 * reveals nothing. Never a "Testing…" notice.
 */
export async function answerGone(ctx: FlowContext, id: string): Promise<void> {
  const data = ctx.callbackQuery?.data
  const on = tappedActions(ctx)
  if (data === undefined || !on.some((b) => b.data === data)) {
    await ctx.answerCallbackQuery({ text: ctx.t('error-NOT_FOUND') })
    return
  }
  await ctx.answerCallbackQuery({ text: ctx.t('button-connection-deleted'), show_alert: true })
  if (on.every((b) => b.action !== null && 'id' in b.action && b.action.id === id)) await ctx.editMessageReplyMarkup().catch(() => {})
}

/** Takes the buttons off the tapped message when they belong to the ended flow `flow` (never off another message). */
export async function stripFlowButtons(ctx: FlowContext, flow: string): Promise<void> {
  const on = tappedActions(ctx)
  if (on.length > 0 && on.every((b) => b.action !== null && 'flow' in b.action && b.action.flow === flow)) await ctx.editMessageReplyMarkup().catch(() => {})
}
