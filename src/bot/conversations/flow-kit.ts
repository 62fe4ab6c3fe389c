import type { Conversation } from '@grammyjs/conversations'
import type { Message } from 'grammy/types'
import type { PasteContext } from '../../domain/paste.js'
import type { CredentialField } from '../../domain/types.js'
import type { ExchangeAdapter, FormatProblem } from '../../exchanges/adapter.js'
import { type Action, unpack } from '../callback-data.js'
import type { BotContext, BotDeps, FlowContext } from '../context.js'
import { readPlaceholder, type ReceivedCredential } from '../credential-intake.js'
import { fieldShapeOf } from '../credential-sniff.js'
import { restartKeyboard } from '../keyboards.js'

/** The conversation handle every flow receives. */
export type Flow = Conversation<BotContext, FlowContext>

/** What a flow step can receive, already sorted; anything else is answered inside `next()`. */
export type FlowEvent =
  | { kind: 'action'; action: Action; ctx: FlowContext }
  | { kind: 'text'; text: string; forwarded: boolean; ctx: FlowContext }
  | { kind: 'credential'; credential: ReceivedCredential; forwarded: boolean; ctx: FlowContext }
  /** A picture or file sent at a credential prompt (a screenshot may show the secret): already deleted. */
  | { kind: 'media'; credential: ReceivedCredential; ctx: FlowContext }
  | { kind: 'other'; ctx: FlowContext }

const FLOW_ACTIONS = new Set<Action['a']>(['exchange', 'market', 'ready', 'suggested', 'cancel', 'restart', 'continue'])
/** Commands that only read: they answer mid-flow and the flow stays where it was. */
const READ_ONLY = new Set(['help', 'status', 'ips', 'connections'])
/** Commands that start a setup: mid-flow they offer to start over or continue. */
const RESTARTS = new Set(['connect', 'start'])

/** The command a message starts with ("/Status@bot x" → "status"), or null. */
function commandOf(msg: Message): string | null {
  const e = msg.entities?.[0]
  if (e?.type !== 'bot_command' || e.offset !== 0 || typeof msg.text !== 'string') return null
  return msg.text.slice(1, e.length).split('@')[0]!.toLowerCase()
}

/** How the intake reads a paste for `adapter`: its fields, its format checks, and what any exchange calls a key. */
export function pasteContext(deps: BotDeps, adapter: ExchangeAdapter, expected?: CredentialField): Omit<PasteContext<FormatProblem>, 'known'> {
  return {
    fields: adapter.credentialFields.map((f) => f.field),
    ...(expected ? { expected } : {}),
    validate: (field, value, others) => adapter.validateField(field, value, others),
    fieldShape: fieldShapeOf(deps),
  }
}

/** "API key", "API key and secret key", "API key, secret key and API passphrase". */
export function fieldList(t: FlowContext['t'], fields: readonly CredentialField[]): string {
  const names = fields.map((f) => t(`field-${f}`))
  if (names.length <= 1) return names[0] ?? ''
  return t('list-and', { first: names.slice(0, -1).join(', '), last: names.at(-1)! })
}

/**
 * The shared rules of every guided flow: stale or double-tapped buttons, commands typed
 * mid-flow, /cancel, edits, credentials at the wrong step, answered the same way in every step,
 * so each flow reads as a straight list of questions. There is no wait timeout here: the
 * credential intake owns the flow's lifetime (a long one before the first credential, a short
 * one after) and ends the conversation when it expires.
 */
export async function startFlow(conversation: Flow, ctx: FlowContext) {
  const chatId = ctx.chat!.id
  const deps = ctx.deps
  const flowId = await conversation.external(() => Math.random().toString(36).slice(2, 10))
  const locale = await ctx.i18n.getLocale()
  await conversation.external(() => deps.intake.begin(chatId, locale))
  /** The question on screen now, sent again on "continue". */
  let lastPrompt: (() => Promise<unknown>) | undefined
  /**
   * Where a key pasted before the key step goes: checked against the exchange and kept (once the
   * exchange is known), set aside until the exchange is picked ('later'), or nowhere.
   */
  let early: { adapter: ExchangeAdapter; atName: boolean } | 'later' | undefined
  /** The handle of a message pasted at the exchange picker, read once the exchange is known. */
  let deferred: string | undefined

  async function cancel(c: FlowContext): Promise<never> {
    await conversation.external(() => deps.intake.wipe(chatId))
    await c.reply(c.t('flow-cancelled'), { reply_markup: { remove_keyboard: true } })
    return conversation.halt()
  }

  /** Ends this flow and hands the tap to the outside, which starts a fresh /connect. */
  async function restart(): Promise<never> {
    await conversation.external(() => deps.intake.wipe(chatId))
    return conversation.halt({ next: true })
  }

  /** A credential where none was asked for: the intake deleted it; keep it if the key step can use it. */
  async function stray(c: FlowContext, got: ReceivedCredential, forwarded: boolean): Promise<void> {
    const keeper = got.kind === 'stray' && !forwarded ? early : undefined
    let kept: CredentialField[] = []
    if (keeper === 'later') deferred = got.handle // the intake keeps only the latest such message
    else if (keeper) kept = (await conversation.external(() => deps.intake.accept(chatId, got.handle, pasteContext(deps, keeper.adapter)))).accepted
    else await conversation.external(() => deps.intake.drop(chatId, got.handle))
    const lines: string[] = []
    if (!got.deleted) lines.push(c.t(got.kind === 'command' ? 'command-credential-not-deleted' : 'credential-not-deleted'))
    if (keeper === 'later') lines.push(c.t('flow-credential-kept-later'))
    else if (keeper && kept.length > 0) lines.push(c.t(keeper.atName ? 'flow-credential-kept-name' : 'flow-credential-kept', { fields: fieldList(c.t.bind(c), kept) }))
    else if (got.deleted) lines.push(c.t(got.kind === 'command' ? 'command-credential-deleted' : 'flow-credential-not-now'))
    await c.reply(lines.join('\n\n'))
  }

  /** Waits for the next meaningful event of this flow; answers everything else and keeps waiting. */
  async function next(): Promise<FlowEvent> {
    for (;;) {
      const c = await conversation.wait()
      if (c.callbackQuery) {
        const action = unpack(c.callbackQuery.data)
        if (action && 'flow' in action && action.flow === flowId) {
          if (action.a === 'restart') return restart()
          await c.answerCallbackQuery().catch(() => {})
          if (action.a === 'cancel') return cancel(c)
          if (action.a === 'continue') {
            await lastPrompt?.()
            continue
          }
          return { kind: 'action', action, ctx: c }
        }
        // A connection picked from /status typed mid-flow: the card is shown, the flow stays put.
        if (action?.a === 'status') return conversation.skip({ next: true })
        const stale = action && FLOW_ACTIONS.has(action.a)
        await c.answerCallbackQuery({ text: c.t(stale ? 'flow-button-stale' : 'flow-finish-first'), show_alert: false }).catch(() => {})
        continue
      }
      if (c.editedMessage) {
        // The intake took an edit that looked like a key (or any edit at a credential prompt).
        if (readPlaceholder(c.editedMessage.text)?.deleted === false) await c.reply(c.t('credential-not-deleted'))
        await c.reply(c.t('flow-edit-ignored'))
        continue
      }
      const msg = c.message
      if (!msg) continue
      const forwarded = msg.forward_origin !== undefined
      const got = readPlaceholder(msg.text)
      if (got?.kind === 'answer') return { kind: 'credential', credential: got, forwarded, ctx: c }
      if (got?.kind === 'media') return { kind: 'media', credential: got, ctx: c }
      if (got) {
        await stray(c, got, forwarded)
        continue
      }
      if (typeof msg.text === 'string') {
        const command = commandOf(msg)
        if (command === 'cancel') return cancel(c)
        // Skipping leaves the update out of the replay log and lets the command's own handler answer.
        if (command && READ_ONLY.has(command)) return conversation.skip({ next: true })
        if (command && RESTARTS.has(command)) {
          await c.reply(c.t('flow-restart-offer'), { reply_markup: restartKeyboard(flowId, c.t.bind(c)) })
          continue
        }
        if (command) {
          await c.reply(c.t('flow-command-mid-flow'))
          continue
        }
        return { kind: 'text', text: msg.text, forwarded, ctx: c }
      }
      return { kind: 'other', ctx: c }
    }
  }

  /** Sends a step's question and remembers it, so "continue" can show it again. */
  async function ask(c: FlowContext, text: string, other?: Parameters<FlowContext['reply']>[1]) {
    lastPrompt = () => c.reply(text, other)
    return c.reply(text, other)
  }

  /**
   * From now on a key pasted early is kept for the key step (`adapter`), set aside until the
   * exchange is known ('later'), or no longer taken (undefined). Setting an adapter first reads
   * what was set aside: kept if it fits that exchange, dropped otherwise.
   */
  async function keepEarly(adapter: ExchangeAdapter | 'later' | undefined, atName = false): Promise<void> {
    if (adapter && adapter !== 'later' && deferred) {
      const handle = deferred
      deferred = undefined
      await conversation.external(() => deps.intake.accept(chatId, handle, pasteContext(deps, adapter)))
    }
    early = adapter === 'later' ? 'later' : adapter ? { adapter, atName } : undefined
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

  return { flowId, chatId, deps, next, choose, cancel, finish, ask, keepEarly }
}

/** The flow kit's type. */
export type FlowKit = Awaited<ReturnType<typeof startFlow>>
