import { Composer } from 'grammy'
import { isAppError } from '../../domain/errors.js'
import type { BotContext } from '../context.js'
import { errorText } from '../error-text.js'
import { connectKeyboard } from '../keyboards.js'
import { CONNECT_FLOW } from '../conversations/connect.js'
import { unpack } from '../callback-data.js'

const composer = new Composer<BotContext>()
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
  await ctx.reply(ctx.t('start-text', { name: '' }), { parse_mode: 'HTML', reply_markup: connectKeyboard(ctx.t.bind(ctx)) })
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
