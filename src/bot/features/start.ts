import { isAppError } from '../../domain/errors.js'
import type { BotContext } from '../context.js'
import { errorText } from '../error-text.js'
import { labelOf } from '../exchange-links.js'
import { connectKeyboard, homeKeyboard } from '../keyboards.js'
import { renderListLine } from '../render/report.js'
import { CONNECT_FLOW } from '../conversations/connect.js'
import { unpack } from '../callback-data.js'
import { BotComposer } from '../composer.js'

const composer = new BotComposer<BotContext>()
const privateChat = composer.chatType('private')

/**
 * Enters /connect unless the user is at the connection cap or out of key tests for the hour:
 * then says why and when to come back, before they paste any credential for nothing.
 */
async function enterConnect(ctx: BotContext): Promise<void> {
  try {
    ctx.deps.connections.assertCanConnect(ctx.from!.id)
  } catch (err) {
    if (!isAppError(err)) throw err
    await ctx.reply(errorText({ code: err.code, params: err.params }, ctx.t.bind(ctx)), { parse_mode: 'HTML' })
    return
  }
  await ctx.conversation.enter(CONNECT_FLOW)
}

privateChat.command('start', async (ctx) => {
  if (ctx.match === 'connect') return enterConnect(ctx)
  const t = ctx.t.bind(ctx)
  const list = ctx.deps.connections.list(ctx.from.id)
  if (list.length === 0) return ctx.reply(t('start-text', { name: '' }), { parse_mode: 'HTML', reply_markup: connectKeyboard(t) })
  // A returning trader: where each connection stands, and the main actions, in one message.
  const online = list.filter((c) => c.status === 'online').length
  const lines = list.slice(0, 10).map((c) => renderListLine(c, t, labelOf(ctx.deps)))
  if (list.length > 10) lines.push(t('status-more', { count: list.length - 10 }))
  const text = [t('start-returning', { count: list.length, online, attention: list.length - online }), '', ...lines, '', t('start-returning-hint')].join('\n')
  await ctx.reply(text, { parse_mode: 'HTML', reply_markup: homeKeyboard(list, t) })
})

privateChat.command('help', (ctx) => ctx.reply(ctx.t('help-text'), { parse_mode: 'HTML' }))

privateChat.command('connect', (ctx) => enterConnect(ctx))

privateChat.callbackQuery(/^c$/, async (ctx) => {
  await ctx.answerCallbackQuery()
  if (unpack(ctx.callbackQuery.data)?.a === 'connect') await enterConnect(ctx)
})

privateChat.command('cancel', (ctx) => ctx.reply(ctx.t('cancel-nothing')))

/** /start, /help, /connect and /cancel outside a flow. */
export const startFeature = composer
