import { isAppError } from '../../domain/errors.js'
import { type Action, unpack } from '../callback-data.js'
import type { BotContext } from '../context.js'
import { RENAME_FLOW } from '../conversations/rename.js'
import { REPLACE_FLOW } from '../conversations/replace.js'
import { escapeHtml } from '../html.js'
import { deleteKeyboard } from '../keyboards.js'
import type { ConnectionView } from '../../services/connection-view.js'
import { answerGone } from '../stale-buttons.js'
import { resolveTarget } from './resolve-target.js'
import { BotComposer } from '../composer.js'

const composer = new BotComposer<BotContext>()
const privateChat = composer.chatType('private')

type Owned = 'rename' | 'replace' | 'delete' | 'delete-yes' | 'delete-no' | 'pick'

/**
 * The caller's own connection by id from a button, or null (answered) when it is not theirs: a
 * button that really is on the message says its connection was deleted (see answerGone).
 */
async function ownedFromButton(ctx: BotContext, want: Owned, act?: string): Promise<ConnectionView | null> {
  const action: Action | null = unpack(ctx.callbackQuery?.data)
  if (!action || action.a !== want || (action.a === 'pick' && action.act !== act)) {
    await ctx.answerCallbackQuery()
    return null
  }
  const id = (action as { id: string }).id
  const c = ctx.deps.connections.list(ctx.from!.id).find((x) => x.id === id)
  if (!c) {
    await answerGone(ctx, id)
    return null
  }
  await ctx.answerCallbackQuery()
  return c
}

/** The message the tapped button is on (a picker that turns into what follows). */
const tapped = (ctx: BotContext) => ctx.callbackQuery?.message?.message_id

privateChat.command('rename', async (ctx) => {
  const c = await resolveTarget(ctx, 'rename', { autoPickSingle: true })
  if (c) await ctx.conversation.enter(RENAME_FLOW, c.id)
})
privateChat.callbackQuery(/^rn:/, async (ctx) => {
  const c = await ownedFromButton(ctx, 'rename')
  if (c) await ctx.conversation.enter(RENAME_FLOW, c.id)
})
privateChat.callbackQuery(/^p:rn:/, async (ctx) => {
  const c = await ownedFromButton(ctx, 'pick', 'rename')
  if (c) await ctx.conversation.enter(RENAME_FLOW, c.id, tapped(ctx))
})

privateChat.command('replace', async (ctx) => {
  const c = await resolveTarget(ctx, 'replace', { autoPickSingle: true })
  if (c) await ctx.conversation.enter(REPLACE_FLOW, c.id)
})
privateChat.callbackQuery(/^rp:/, async (ctx) => {
  const c = await ownedFromButton(ctx, 'replace')
  if (c) await ctx.conversation.enter(REPLACE_FLOW, c.id)
})
privateChat.callbackQuery(/^p:rp:/, async (ctx) => {
  const c = await ownedFromButton(ctx, 'pick', 'replace')
  if (c) await ctx.conversation.enter(REPLACE_FLOW, c.id, tapped(ctx))
})

/** Asks "Delete X?" as a new message, or in place of the picker just answered. */
async function askDelete(ctx: BotContext, c: ConnectionView, inPlace?: number): Promise<void> {
  const text = ctx.t('delete-confirm', { name: escapeHtml(c.name) })
  const other = { parse_mode: 'HTML' as const, reply_markup: deleteKeyboard(c.id, ctx.t.bind(ctx)) }
  const edited = inPlace !== undefined && (await ctx.api.editMessageText(ctx.chat!.id, inPlace, text, other).then(() => true, () => false))
  if (!edited) await ctx.reply(text, other)
}

privateChat.command('delete', async (ctx) => {
  const c = await resolveTarget(ctx, 'delete', { autoPickSingle: false })
  if (c) await askDelete(ctx, c)
})
privateChat.callbackQuery(/^d:/, async (ctx) => {
  const c = await ownedFromButton(ctx, 'delete')
  if (c) await askDelete(ctx, c)
})
privateChat.callbackQuery(/^p:d:/, async (ctx) => {
  const c = await ownedFromButton(ctx, 'pick', 'delete')
  if (c) await askDelete(ctx, c, tapped(ctx))
})
// The confirmation turns into the result and loses its buttons, whatever the answer.
privateChat.callbackQuery(/^dy:/, async (ctx) => {
  const c = await ownedFromButton(ctx, 'delete-yes')
  if (!c) return
  try {
    ctx.deps.connections.remove(ctx.from.id, c.id)
  } catch (err) {
    if (!isAppError(err, 'NOT_FOUND')) throw err
    return ctx.editMessageText(ctx.t('button-connection-deleted')).catch(() => {})
  }
  await ctx.editMessageText(ctx.t('delete-done', { name: escapeHtml(c.name) }), { parse_mode: 'HTML' }).catch(() => ctx.reply(ctx.t('delete-done', { name: escapeHtml(c.name) }), { parse_mode: 'HTML' }))
})
privateChat.callbackQuery(/^dn:/, async (ctx) => {
  const c = await ownedFromButton(ctx, 'delete-no')
  if (c) await ctx.editMessageText(ctx.t('delete-kept')).catch(() => {})
})

/** /rename, /replace and /delete, by name or from a picker; ownership checked on every id. */
export const manageFeature = composer
