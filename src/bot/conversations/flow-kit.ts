import type { Conversation } from '@grammyjs/conversations'
import type { InlineKeyboardMarkup, Message, ParseMode } from 'grammy/types'
import type { PasteContext } from '../../domain/paste.js'
import type { CredentialField, ExchangeId } from '../../domain/types.js'
import type { ExchangeAdapter, FormatProblem } from '../../exchanges/adapter.js'
import { foreignOwner } from '../../exchanges/recognize.js'
import { type Action, unpack } from '../callback-data.js'
import type { BotContext, BotDeps, FlowContext } from '../context.js'
import { readPlaceholder, type ReceivedCredential, type Recognise } from '../credential-intake.js'
import { fieldShapeOf } from '../credential-sniff.js'
import { endedFlowAnswer, type FlowOutcome } from '../flow-outcomes.js'
import { restartKeyboard } from '../keyboards.js'
import { stripFlowButtons } from '../stale-buttons.js'

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

const FLOW_ACTIONS = new Set<Action['a']>(['exchange', 'market', 'ready', 'suggested', 'cancel', 'restart', 'continue', 'switch', 'keep', 'again'])
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

/**
 * Names the other exchange a paste for `adapter` belongs to (its key's signature), or null. Only
 * asked while the flow holds no API key yet: once the key fits, a later paste is not second-guessed.
 */
export function recogniserFor(deps: BotDeps, adapter: ExchangeAdapter): Recognise {
  // A value the picked exchange would take as its key or secret is never second-guessed by a mere look.
  const fits = (v: string) => adapter.validateField('apiKey', v) === null || adapter.validateField('secret', v) === null
  return (values) => foreignOwner(values, adapter.id, deps.connections.exchanges(), fits)
}

/** What a step's question is sent with: HTML, and its inline buttons. */
export interface AskOptions {
  parse_mode?: ParseMode
  reply_markup?: InlineKeyboardMarkup
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
  const userId = ctx.from!.id
  const deps = ctx.deps
  const api = ctx.api
  const flowId = await conversation.external(() => Math.random().toString(36).slice(2, 10))
  const locale = await ctx.i18n.getLocale()
  await conversation.external(() => deps.intake.begin(chatId, locale))
  /** The question on screen now, sent again on "continue". */
  let lastPrompt: (() => Promise<unknown>) | undefined
  /** This flow's messages that still show its buttons: every one loses them once answered or over. */
  const open = new Set<number>()
  /** The message the answer to the current step is shown in: the step's question, or its latest re-ask. */
  let current: number | undefined
  /**
   * Where a key pasted before the key step goes: checked against the exchange and kept (once the
   * exchange is known), set aside until the exchange is picked ('later'), or nowhere.
   */
  let early: { adapter: ExchangeAdapter; atName: boolean } | 'later' | undefined
  /**
   * A message pasted early and not read yet: at the exchange picker (read once the exchange is
   * known), or another exchange's key (`foreign`: the key step asks whether to switch).
   */
  let deferred: { handle: string; foreign?: ExchangeId } | undefined

  /** Takes the buttons off these messages (already gone or unchanged: nothing to do). */
  async function strip(ids: Iterable<number>): Promise<void> {
    for (const id of [...ids]) {
      open.delete(id)
      await api.editMessageReplyMarkup(chatId, id).catch(() => {})
    }
  }

  /** Every button this flow still shows goes: the flow is over, or moved on. */
  async function closeButtons(): Promise<void> {
    current = undefined
    await strip(open)
  }

  /** Ends the flow for good: its buttons go, its outcome is remembered for late taps, its values are wiped. */
  async function end(outcome: FlowOutcome): Promise<void> {
    await closeButtons()
    await conversation.external(() => {
      deps.outcomes.record(chatId, flowId, outcome)
      deps.intake.wipe(chatId)
    })
  }

  async function cancel(c: FlowContext): Promise<never> {
    await end({ kind: 'cancelled' })
    await c.reply(c.t('flow-cancelled'), { reply_markup: { remove_keyboard: true } })
    return conversation.halt()
  }

  /** Ends this flow and hands the tap to the outside, which starts a fresh /connect. */
  async function restart(): Promise<never> {
    await end({ kind: 'superseded' })
    return conversation.halt({ next: true })
  }

  /** Reads a paste for `adapter`, first asking whether it is another exchange's key (only while no key is held). */
  async function readFor(handle: string, adapter: ExchangeAdapter, expected?: CredentialField) {
    return conversation.external(() => {
      const recognise = deps.intake.heldFields(chatId).includes('apiKey') ? undefined : recogniserFor(deps, adapter)
      return deps.intake.accept(chatId, handle, pasteContext(deps, adapter, expected), recognise)
    })
  }

  /** A credential where none was asked for: the intake deleted it; keep it if the key step can use it. */
  async function stray(c: FlowContext, got: ReceivedCredential, forwarded: boolean): Promise<void> {
    const keeper = got.kind === 'stray' && !forwarded ? early : undefined
    let kept: CredentialField[] = []
    let foreign: ExchangeId | undefined
    // The intake keeps only the latest unread message: whatever was set aside before is gone.
    if (keeper) deferred = undefined
    if (keeper === 'later') deferred = { handle: got.handle }
    else if (keeper) {
      const r = await readFor(got.handle, keeper.adapter)
      if (r.foreign) {
        foreign = r.foreign
        deferred = { handle: got.handle, foreign }
      } else kept = r.accepted
    } else await conversation.external(() => deps.intake.drop(chatId, got.handle))
    const lines: string[] = []
    if (!got.deleted) lines.push(c.t(got.kind === 'command' ? 'command-credential-not-deleted' : 'credential-not-deleted'))
    if (keeper === 'later') lines.push(c.t('flow-credential-kept-later'))
    else if (keeper && foreign) lines.push(c.t('flow-credential-foreign', { found: deps.connections.adapter(foreign).label, picked: keeper.adapter.label }))
    else if (keeper && kept.length > 0) lines.push(c.t(keeper.atName ? 'flow-credential-kept-name' : 'flow-credential-kept', { fields: fieldList(c.t.bind(c), kept) }))
    else if (got.deleted) lines.push(c.t(got.kind === 'command' ? 'command-credential-deleted' : 'flow-credential-not-now'))
    await c.reply(lines.join('\n\n'), { parse_mode: 'HTML' })
  }

  /** A button of another (older) flow: a true word on how that flow ended, and its buttons go. */
  async function staleTap(c: FlowContext, action: Action | null): Promise<void> {
    const flowButton = action !== null && FLOW_ACTIONS.has(action.a)
    const over = flowButton && 'flow' in action ? await conversation.external(() => {
      const o = deps.outcomes.get(chatId, action.flow)
      return o ? endedFlowAnswer(o, c.t.bind(c), deps.connections.list(userId)) : null
    }) : null
    await c.answerCallbackQuery({ text: over ?? c.t(flowButton ? 'flow-button-stale' : 'flow-finish-first'), show_alert: false }).catch(() => {})
    if (flowButton && 'flow' in action) await stripFlowButtons(c, action.flow)
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
        if (action?.a === 'status' || (action?.a === 'pick' && action.act === 'status')) return conversation.skip({ next: true })
        await staleTap(c, action)
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
          await say(c, c.t('flow-restart-offer'), { reply_markup: restartKeyboard(flowId, c.t.bind(c)) })
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

  /**
   * Sends a step's question (or turns `inPlace`, a message the trader just answered, into it) and
   * remembers it: "continue" shows it again, and the answer will be shown in it. Earlier
   * questions' buttons go: only the question on screen can be answered.
   */
  async function ask(c: FlowContext, text: string, other: AskOptions = {}, opts: { inPlace?: number } = {}): Promise<void> {
    lastPrompt = () => ask(c, text, other)
    await strip([...open].filter((id) => id !== opts.inPlace))
    let id: number | undefined
    if (opts.inPlace !== undefined) {
      id = await api.editMessageText(chatId, opts.inPlace, text, other).then(() => opts.inPlace, () => undefined)
    }
    id ??= (await c.reply(text, other)).message_id
    current = id
    if (other.reply_markup) open.add(id)
  }

  /**
   * A reply inside a step. 'again' waits for the same answer (a problem with the value, with a
   * Cancel button): the answer will be shown in it. 'aside' is a side note (buttons of its own
   * go when the flow moves on).
   */
  async function say(c: FlowContext, text: string, other: AskOptions = {}, role: 'again' | 'aside' = 'aside'): Promise<void> {
    const msg = await c.reply(text, other)
    if (other.reply_markup) open.add(msg.message_id)
    if (role === 'again') current = msg.message_id
  }

  /**
   * The step is answered: its question becomes `summary` ("Exchange: MEXC ✓"), without buttons,
   * and every other button of the flow goes. Returns false when no question was on screen to
   * show it in (the caller then says it with the next message).
   */
  async function answered(summary: string): Promise<boolean> {
    const id = current
    current = undefined
    if (id !== undefined) open.delete(id)
    await strip(open)
    if (id === undefined) return false
    return api.editMessageText(chatId, id, summary, { parse_mode: 'HTML' }).then(() => true, () => false)
  }

  /**
   * An old message whose button started this flow (a setup that ended): it shows what that tap
   * answered (`summary`), or only loses its buttons.
   */
  async function adopt(messageId: number, summary?: string): Promise<void> {
    if (summary === undefined) await api.editMessageReplyMarkup(chatId, messageId).catch(() => {})
    else await api.editMessageText(chatId, messageId, summary, { parse_mode: 'HTML' }).catch(() => {})
  }

  /** True while a question of this flow is on screen, ready to show its answer. */
  const asking = () => current !== undefined
  /** The question on screen (to turn it into the next one), if any. */
  const onScreen = () => current

  /**
   * From now on a key pasted early is kept for the key step (`adapter`), set aside until the
   * exchange is known ('later'), or no longer taken (undefined). Setting an adapter first reads
   * what was set aside: kept if it fits that exchange, dropped otherwise.
   */
  async function keepEarly(adapter: ExchangeAdapter | 'later' | undefined, atName = false): Promise<void> {
    if (adapter && adapter !== 'later' && deferred && !deferred.foreign) {
      const handle = deferred.handle
      const r = await readFor(handle, adapter)
      deferred = r.foreign ? { handle, foreign: r.foreign } : undefined
    }
    early = adapter === 'later' ? 'later' : adapter ? { adapter, atName } : undefined
  }

  /** Another exchange's key pasted before the key step, unread: the key step asks about it first. */
  function takeForeign(): { handle: string } | undefined {
    const d = deferred?.foreign ? { handle: deferred.handle } : undefined
    deferred = undefined
    return d
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

  return { flowId, chatId, userId, deps, next, choose, cancel, end, ask, say, answered, asking, onScreen, adopt, closeButtons, keepEarly, takeForeign, readFor }
}

/** The flow kit's type. */
export type FlowKit = Awaited<ReturnType<typeof startFlow>>
