import { unpack } from '../callback-data.js'
import type { BotContext } from '../context.js'
import { readPlaceholder, type ReceivedCredential } from '../credential-intake.js'
import { BotComposer } from '../composer.js'

const composer = new BotComposer<BotContext>()
const privateChat = composer.chatType('private')

/** What to say about a credential the intake took with no flow waiting for it (it timed out, the bot restarted). */
function strayText(got: ReceivedCredential): string {
  if (got.kind === 'command') return got.deleted ? 'command-credential-deleted' : 'command-credential-not-deleted'
  return got.deleted ? 'stray-credential-deleted' : 'stray-credential-not-deleted'
}

privateChat.on('message:text', async (ctx) => {
  const got = readPlaceholder(ctx.message.text)
  if (got) return ctx.reply(ctx.t(strayText(got)), { parse_mode: 'HTML' })
  // Never echo the command: its text may be a mistyped secret.
  if (ctx.message.text.startsWith('/')) return ctx.reply(ctx.t('unknown-command'))
  await ctx.reply(ctx.t('fallback'), { parse_mode: 'HTML' })
})

privateChat.on('message', (ctx) => ctx.reply(ctx.t('fallback'), { parse_mode: 'HTML' }))

// An old message edited into a key: the intake took it like a pasted one; other edits need no answer.
privateChat.on('edited_message:text', async (ctx) => {
  const got = readPlaceholder(ctx.editedMessage.text)
  if (got) await ctx.reply(ctx.t(strayText(got)), { parse_mode: 'HTML' })
})

// Buttons of a flow that no longer exists (and could not be resumed), or forged data.
composer.on('callback_query:data', async (ctx) => {
  const action = unpack(ctx.callbackQuery.data)
  const flowButton = action !== null && 'flow' in action
  await ctx.answerCallbackQuery({ text: ctx.t(flowButton ? 'flow-ended' : 'button-unknown'), show_alert: flowButton })
})

/** Last in the chain: whatever nothing else handled gets a kind pointer to /help. */
export const unhandledFeature = composer
