import { Composer } from 'grammy'
import { unpack } from '../callback-data.js'
import type { BotContext } from '../context.js'
import { reportKeyboard } from '../keyboards.js'
import { packMessages } from '../render/chunk.js'
import { renderConnection } from '../render/report.js'
import { commandArgs, resolveTarget } from './resolve-target.js'

const composer = new Composer<BotContext>()
const privateChat = composer.chatType('private')
const MAX_CARDS = 10

/** One card, split if long; the buttons go under its last part. */
async function replyCard(ctx: BotContext, text: string, keyboard: ReturnType<typeof reportKeyboard>): Promise<void> {
  const parts = packMessages([text])
  for (const [i, part] of parts.entries()) await ctx.reply(part, { parse_mode: 'HTML', ...(i === parts.length - 1 ? { reply_markup: keyboard } : {}) })
}

privateChat.command('status', async (ctx) => {
  const t = ctx.t.bind(ctx)
  const ips = ctx.deps.settings.egressIps
  if (!commandArgs(ctx)) {
    const list = ctx.deps.connections.list(ctx.from.id)
    if (list.length === 0) return ctx.reply(t('no-connections'), { parse_mode: 'HTML' })
    const cards = list.slice(0, MAX_CARDS).map((c) => renderConnection(c, t, ips, true))
    if (list.length > MAX_CARDS) cards.push(t('status-more', { count: list.length - MAX_CARDS }))
    // Several cards with their fixes can pass Telegram's 4,096 characters: send as many as needed.
    for (const text of packMessages(cards)) await ctx.reply(text, { parse_mode: 'HTML' })
    return
  }
  const c = await resolveTarget(ctx, 'status', { autoPickSingle: true })
  if (c) await replyCard(ctx, renderConnection(c, t, ips, true), reportKeyboard(c, t))
})

privateChat.callbackQuery(/^s:/, async (ctx) => {
  const action = unpack(ctx.callbackQuery.data)
  const c = action?.a === 'status' ? ctx.deps.connections.list(ctx.from.id).find((x) => x.id === action.id) : undefined
  if (!c) return ctx.answerCallbackQuery({ text: ctx.t('error-NOT_FOUND') })
  await ctx.answerCallbackQuery()
  await replyCard(ctx, renderConnection(c, ctx.t.bind(ctx), ctx.deps.settings.egressIps, true), reportKeyboard(c, ctx.t.bind(ctx)))
})

/** /status [name]: state, last test, failing checks with fixes, masked key. */
export const statusFeature = composer
