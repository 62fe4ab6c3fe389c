import { type Action, unpack } from '../callback-data.js'
import type { BotContext } from '../context.js'
import { CONNECT_FLOW, type ConnectStart } from '../conversations/connect.js'
import { REPLACE_FLOW } from '../conversations/replace.js'
import { endedFlowAnswer } from '../flow-outcomes.js'
import { stripFlowButtons } from '../stale-buttons.js'
import { BotComposer } from '../composer.js'

const composer = new BotComposer<BotContext>()

/** The step an old button of an ended /connect leads to, or null when it cannot start one. */
export function resumePoint(action: Action | null): ConnectStart | null {
  switch (action?.a) {
    case 'restart': return { originAnswers: false }
    case 'exchange': return { exchange: action.exchange }
    case 'ready': return { exchange: action.exchange, ready: true }
    case 'market': return { exchange: action.exchange, ready: true, market: action.market }
    // The name is asked again (the suggestion may differ now): the old question only loses its buttons.
    case 'suggested': return { exchange: action.exchange, ready: true, market: action.market, originAnswers: false }
    default: return null
  }
}

// Reached only when no flow is running (a running flow answers its own and stale buttons). A flow
// this process saw end (connected, refused, cancelled...) answers with how it ended: its buttons
// mean nothing any more. Otherwise (it timed out, or the bot restarted) a tap on a /connect
// button means "go on": a new /connect starts at the step after that button, and the tapped
// message shows what it answered instead of saying the setup ended.
composer.chatType('private').on('callback_query:data', async (ctx, next) => {
  const action = unpack(ctx.callbackQuery.data)
  if (!action || !('flow' in action)) return next()
  const outcome = ctx.deps.outcomes.get(ctx.chat.id, action.flow)
  // "🔑 Try another key" under a refusal: the same setup again, straight to the key prompt.
  if (action.a === 'again' && outcome && 'retry' in outcome && outcome.retry) {
    const retry = outcome.retry
    // Used once: a second tap (or a slow client) gets the ended setup's answer.
    ctx.deps.outcomes.record(ctx.chat.id, action.flow, { kind: outcome.kind })
    await ctx.answerCallbackQuery()
    await stripFlowButtons(ctx, action.flow)
    if ('replace' in retry) return ctx.conversation.enter(REPLACE_FLOW, retry.replace)
    const start: ConnectStart = { exchange: retry.connect.exchange, ready: true, market: retry.connect.market, name: retry.connect.name, again: true }
    return ctx.conversation.enter(CONNECT_FLOW, start)
  }
  // "Start over" of a setup it superseded itself (the tap the flow just handed out) starts the new one.
  if (outcome && !(action.a === 'restart' && outcome.kind === 'superseded')) {
    await ctx.answerCallbackQuery({ text: endedFlowAnswer(outcome, ctx.t.bind(ctx), ctx.deps.connections.list(ctx.from.id)), show_alert: true })
    await stripFlowButtons(ctx, action.flow)
    return
  }
  const start = resumePoint(action)
  if (!start) return next()
  await ctx.answerCallbackQuery()
  const origin = ctx.callbackQuery.message?.message_id
  await ctx.conversation.enter(CONNECT_FLOW, origin !== undefined ? { ...start, origin } : start)
})

/** Old /connect buttons (and "Start over") open a new setup at the step they belong to, unless their setup is known to be over. */
export const resumeFlowFeature = composer
