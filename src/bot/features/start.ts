import { Composer } from 'grammy'
import type { BotContext } from '../context.js'
import { connectKeyboard } from '../keyboards.js'
import { CONNECT_FLOW } from '../conversations/connect.js'
import { unpack } from '../callback-data.js'

const composer = new Composer<BotContext>()
const privateChat = composer.chatType('private')

privateChat.command('start', async (ctx) => {
  if (ctx.match === 'connect') return ctx.conversation.enter(CONNECT_FLOW)
  await ctx.reply(ctx.t('start-text', { name: '' }), { parse_mode: 'HTML', reply_markup: connectKeyboard(ctx.t.bind(ctx)) })
})

privateChat.command('help', (ctx) => ctx.reply(ctx.t('help-text'), { parse_mode: 'HTML' }))

privateChat.command('connect', (ctx) => ctx.conversation.enter(CONNECT_FLOW))

privateChat.callbackQuery(/^c$/, async (ctx) => {
  await ctx.answerCallbackQuery()
  if (unpack(ctx.callbackQuery.data)?.a === 'connect') await ctx.conversation.enter(CONNECT_FLOW)
})

privateChat.command('cancel', (ctx) => ctx.reply(ctx.t('cancel-nothing')))

/** /start, /help, /connect and /cancel outside a flow. */
export const startFeature = composer
