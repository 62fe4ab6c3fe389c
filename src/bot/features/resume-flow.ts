import { Composer } from 'grammy'
import { type Action, unpack } from '../callback-data.js'
import type { BotContext } from '../context.js'
import { CONNECT_FLOW, type ConnectStart } from '../conversations/connect.js'

const composer = new Composer<BotContext>()

/** The step an old button of an ended /connect leads to, or null when it cannot start one. */
export function resumePoint(action: Action | null): ConnectStart | null {
  switch (action?.a) {
    case 'restart': return {}
    case 'exchange': return { exchange: action.exchange }
    case 'ready': return { exchange: action.exchange, ready: true }
    case 'market': case 'suggested': return { exchange: action.exchange, ready: true, market: action.market }
    default: return null
  }
}

// Reached only when no flow is running (a running flow answers its own and stale buttons). A tap
// on the checklist's "I have created the key" after the setup timed out or finished means "go on":
// a new /connect starts at the step after that button instead of saying the setup ended.
composer.chatType('private').on('callback_query:data', async (ctx, next) => {
  const start = resumePoint(unpack(ctx.callbackQuery.data))
  if (!start) return next()
  await ctx.answerCallbackQuery()
  await ctx.conversation.enter(CONNECT_FLOW, start)
})

/** Old /connect buttons (and "Start over") open a new setup at the step they belong to. */
export const resumeFlowFeature = composer
