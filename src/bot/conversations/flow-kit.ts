import type { Conversation } from '@grammyjs/conversations'
import { type Action, unpack } from '../callback-data.js'
import type { BotContext, FlowContext } from '../context.js'
import type { ReceivedCredential } from '../credential-intake.js'
import { looksLikeCredential } from '../features/guards.js'
import { escapeHtml } from '../html.js'

/** The conversation handle every flow receives. */
export type Flow = Conversation<BotContext, FlowContext>

/** What a flow step can receive, already sorted; anything else is answered inside `next()`. */
export type FlowEvent =
  | { kind: 'action'; action: Action; ctx: FlowContext }
  | { kind: 'text'; text: string; forwarded: boolean; ctx: FlowContext }
  | { kind: 'credential'; credential: ReceivedCredential; forwarded: boolean; ctx: FlowContext }
  | { kind: 'other'; ctx: FlowContext }

const FLOW_ACTIONS = new Set<Action['a']>(['exchange', 'market', 'ready', 'suggested', 'cancel'])

/**
 * The shared rules of every guided flow: stale or double-tapped buttons, commands typed
 * mid-flow, /cancel, edits and timeouts, answered the same way in every step, so each flow
 * reads as a straight list of questions.
 */
export async function startFlow(conversation: Flow, ctx: FlowContext) {
  const chatId = ctx.chat!.id
  const deps = ctx.deps
  const flowId = await conversation.external(() => Math.random().toString(36).slice(2, 10))
  const timeout = deps.settings.flowTimeoutMs
  const locale = await ctx.i18n.getLocale()
  await conversation.external(() => deps.intake.begin(chatId, locale))

  async function cancel(c: FlowContext): Promise<never> {
    await conversation.external(() => deps.intake.wipe(chatId))
    await c.reply(c.t('flow-cancelled'), { reply_markup: { remove_keyboard: true } })
    return conversation.halt()
  }

  /** Waits for the next meaningful event of this flow; answers everything else and keeps waiting. */
  async function next(): Promise<FlowEvent> {
    for (;;) {
      const c = await conversation.wait({ maxMilliseconds: timeout })
      if (c.callbackQuery) {
        const action = unpack(c.callbackQuery.data)
        if (action && 'flow' in action && action.flow === flowId) {
          await c.answerCallbackQuery().catch(() => {})
          if (action.a === 'cancel') return cancel(c)
          return { kind: 'action', action, ctx: c }
        }
        const stale = action && FLOW_ACTIONS.has(action.a)
        await c.answerCallbackQuery({ text: c.t(stale ? 'flow-button-stale' : 'flow-finish-first'), show_alert: false }).catch(() => {})
        continue
      }
      if (c.editedMessage) {
        // The intake already deleted an edit that arrived while a credential was expected; at any
        // other step an edit that looks like a key is deleted here.
        const text = c.editedMessage.text
        let kept = deps.intake.received(chatId, text)?.deleted === false
        if (text !== undefined && !deps.intake.received(chatId, text) && looksLikeCredential(c, text)) {
          kept = !(await c.deleteMessage().then(() => true, () => false))
        }
        if (kept) await c.reply(c.t('credential-not-deleted'))
        await c.reply(c.t('flow-edit-ignored'))
        continue
      }
      const msg = c.message
      if (!msg) continue
      const forwarded = msg.forward_origin !== undefined
      if (typeof msg.text === 'string') {
        const credential = deps.intake.received(chatId, msg.text)
        if (credential) return { kind: 'credential', credential, forwarded, ctx: c }
        const command = msg.entities?.[0]?.type === 'bot_command' && msg.entities[0].offset === 0 ? msg.text.split(/[\s@]/)[0]!.toLowerCase() : null
        if (command === '/cancel') return cancel(c)
        if (command) {
          await c.reply(c.t('flow-command-mid-flow', { command: escapeHtml([...command].slice(0, 32).join('')) }))
          continue
        }
        // A key pasted before it was asked for (say, at a button step) must not stay in the chat.
        if (looksLikeCredential(c, msg.text)) {
          const deleted = await c.deleteMessage().then(() => true, () => false)
          await c.reply(c.t(deleted ? 'flow-credential-not-now' : 'credential-not-deleted'))
          continue
        }
        return { kind: 'text', text: msg.text, forwarded, ctx: c }
      }
      // A caption where a credential was expected: the intake deleted the message if it could.
      if (deps.intake.received(chatId, msg.caption)?.deleted === false) await c.reply(c.t('credential-not-deleted'))
      return { kind: 'other', ctx: c }
    }
  }

  /** Waits until `pick` accepts an action; other events get `hint` (a locale key) and a re-wait. */
  async function choose<T>(pick: (a: Action) => T | null, hint: string): Promise<{ value: T; ctx: FlowContext }> {
    for (;;) {
      const e = await next()
      if (e.kind === 'action') {
        const v = pick(e.action)
        if (v !== null) return { value: v, ctx: e.ctx }
        continue // a double tap on an earlier step's button: already answered, nothing to do
      }
      await e.ctx.reply(e.ctx.t(hint))
    }
  }

  /** Ends the flow's hold on this chat: nothing kept, no idle timer left. */
  const finish = () => conversation.external(() => deps.intake.wipe(chatId))

  return { flowId, chatId, deps, next, choose, cancel, finish }
}

/** The flow kit's type. */
export type FlowKit = Awaited<ReturnType<typeof startFlow>>
