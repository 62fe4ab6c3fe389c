import { Composer } from 'grammy'
import { unpack } from '../callback-data.js'
import type { BotContext } from '../context.js'
import { looksLikeCredential } from './guards.js'

const composer = new Composer<BotContext>()
const privateChat = composer.chatType('private')

// A key pasted with no flow waiting for it (a restart or a timeout ended the flow): delete it.
privateChat.on('message:text', async (ctx) => {
  if (ctx.message.text.startsWith('/')) return ctx.reply(ctx.t('unknown-command'))
  if (looksLikeCredential(ctx, ctx.message.text)) {
    const deleted = await ctx.deleteMessage().then(() => true, () => false)
    return ctx.reply(ctx.t(deleted ? 'stray-credential-deleted' : 'stray-credential-not-deleted'), { parse_mode: 'HTML' })
  }
  await ctx.reply(ctx.t('fallback'), { parse_mode: 'HTML' })
})

privateChat.on('message', (ctx) => ctx.reply(ctx.t('fallback'), { parse_mode: 'HTML' }))

// An old message edited into a key: the same clean-up as a pasted one; other edits need no answer.
privateChat.on('edited_message:text', async (ctx) => {
  if (!looksLikeCredential(ctx, ctx.editedMessage.text)) return
  const deleted = await ctx.deleteMessage().then(() => true, () => false)
  await ctx.reply(ctx.t(deleted ? 'stray-credential-deleted' : 'stray-credential-not-deleted'), { parse_mode: 'HTML' })
})

// Buttons of a flow that no longer exists, or forged data.
composer.on('callback_query:data', async (ctx) => {
  const action = unpack(ctx.callbackQuery.data)
  const flowButton = action !== null && 'flow' in action
  await ctx.answerCallbackQuery({ text: ctx.t(flowButton ? 'flow-ended' : 'button-unknown'), show_alert: flowButton })
})

/** Last in the chain: whatever nothing else handled gets a kind pointer to /help. */
export const unhandledFeature = composer
