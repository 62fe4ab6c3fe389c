import { unpack } from '../callback-data.js'
import type { BotContext } from '../context.js'
import { labelOf } from '../exchange-links.js'
import { reportKeyboard, statusListKeyboard } from '../keyboards.js'
import { packMessages } from '../render/chunk.js'
import { renderConnection, renderListLine } from '../render/report.js'
import { editLong } from '../send-long.js'
import { answerGone } from '../stale-buttons.js'
import { commandArgs, resolveTarget } from './resolve-target.js'
import type { ConnectionView } from '../../services/connection-view.js'
import { BotComposer } from '../composer.js'

const composer = new BotComposer<BotContext>()
const privateChat = composer.chatType('private')

/** One card, split if long; the buttons go under its last part. In place of `inPlace` (a picker just answered) when given. */
async function replyCard(ctx: BotContext, c: ConnectionView, inPlace?: number): Promise<void> {
  const t = ctx.t.bind(ctx)
  const label = labelOf(ctx.deps)
  const card = renderConnection(c, t, ctx.deps.settings.egressIps, true, label)
  const keyboard = reportKeyboard(c, t, label(c.exchange))
  if (inPlace !== undefined) {
    const edited = await editLong(ctx.api, ctx.chat!.id, inPlace, card, keyboard).then(() => true, () => false)
    if (edited) return
  }
  const parts = packMessages([card])
  for (const [i, part] of parts.entries()) await ctx.reply(part, { parse_mode: 'HTML', ...(i === parts.length - 1 ? { reply_markup: keyboard } : {}) })
}

privateChat.command('status', async (ctx) => {
  const t = ctx.t.bind(ctx)
  if (!commandArgs(ctx)) {
    const list = ctx.deps.connections.list(ctx.from.id)
    if (list.length === 0) return ctx.reply(t('no-connections'), { parse_mode: 'HTML' })
    if (list.length === 1) return replyCard(ctx, list[0]!)
    // One line per connection and a button to open each: a phone screen, not every card at once.
    const lines = list.map((c) => renderListLine(c, t, labelOf(ctx.deps)))
    const text = [t('status-list-title', { count: list.length }), '', ...lines, '', t('status-list-hint')].join('\n')
    const parts = packMessages([text])
    for (const [i, part] of parts.entries()) await ctx.reply(part, { parse_mode: 'HTML', ...(i === parts.length - 1 ? { reply_markup: statusListKeyboard(list) } : {}) })
    return
  }
  const c = await resolveTarget(ctx, 'status', { autoPickSingle: true })
  if (c) await replyCard(ctx, c)
})

// A connection tapped in the /status or /connections list (a menu: it stays, each tap opens a card).
privateChat.callbackQuery(/^s:/, async (ctx) => {
  const action = unpack(ctx.callbackQuery.data)
  if (action?.a !== 'status') return ctx.answerCallbackQuery()
  const c = ctx.deps.connections.list(ctx.from.id).find((x) => x.id === action.id)
  if (!c) return answerGone(ctx, action.id)
  await ctx.answerCallbackQuery()
  await replyCard(ctx, c)
})

// A connection picked after "which connection?": the question turns into its card.
privateChat.callbackQuery(/^p:s:/, async (ctx) => {
  const action = unpack(ctx.callbackQuery.data)
  if (action?.a !== 'pick') return ctx.answerCallbackQuery()
  const c = ctx.deps.connections.list(ctx.from.id).find((x) => x.id === action.id)
  if (!c) return answerGone(ctx, action.id)
  await ctx.answerCallbackQuery()
  await replyCard(ctx, c, ctx.callbackQuery.message?.message_id)
})

/** /status [name]: without a name one line per connection with buttons; with one, its card and fixes. */
export const statusFeature = composer
