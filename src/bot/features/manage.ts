import { Composer } from 'grammy'
import { isAppError } from '../../domain/errors.js'
import { unpack } from '../callback-data.js'
import type { BotContext } from '../context.js'
import { RENAME_FLOW } from '../conversations/rename.js'
import { REPLACE_FLOW } from '../conversations/replace.js'
import { escapeHtml } from '../html.js'
import { deleteKeyboard } from '../keyboards.js'
import { resolveTarget } from './resolve-target.js'

const composer = new Composer<BotContext>()
const privateChat = composer.chatType('private')

/** The caller's own connection by id from a button, or null (answered) when it is not theirs. */
async function ownedFromButton(ctx: BotContext, want: 'rename' | 'replace' | 'delete' | 'delete-yes' | 'delete-no') {
  const action = unpack(ctx.callbackQuery?.data)
  if (!action || action.a !== want) {
    await ctx.answerCallbackQuery()
    return null
  }
  try {
    const c = ctx.deps.connections.get(ctx.from!.id, action.id)
    await ctx.answerCallbackQuery()
    return c
  } catch (err) {
    if (!isAppError(err, 'NOT_FOUND')) throw err
    await ctx.answerCallbackQuery({ text: ctx.t('error-NOT_FOUND') })
    return null
  }
}

privateChat.command('rename', async (ctx) => {
  const c = await resolveTarget(ctx, 'rename', { autoPickSingle: true })
  if (c) await ctx.conversation.enter(RENAME_FLOW, c.id)
})
privateChat.callbackQuery(/^rn:/, async (ctx) => {
  const c = await ownedFromButton(ctx, 'rename')
  if (c) await ctx.conversation.enter(RENAME_FLOW, c.id)
})

privateChat.command('replace', async (ctx) => {
  const c = await resolveTarget(ctx, 'replace', { autoPickSingle: true })
  if (c) await ctx.conversation.enter(REPLACE_FLOW, c.id)
})
privateChat.callbackQuery(/^rp:/, async (ctx) => {
  const c = await ownedFromButton(ctx, 'replace')
  if (c) await ctx.conversation.enter(REPLACE_FLOW, c.id)
})

const askDelete = (ctx: BotContext, id: string, name: string) =>
  ctx.reply(ctx.t('delete-confirm', { name: escapeHtml(name) }), { parse_mode: 'HTML', reply_markup: deleteKeyboard(id, ctx.t.bind(ctx)) })

privateChat.command('delete', async (ctx) => {
  const c = await resolveTarget(ctx, 'delete', { autoPickSingle: false })
  if (c) await askDelete(ctx, c.id, c.name)
})
privateChat.callbackQuery(/^d:/, async (ctx) => {
  const c = await ownedFromButton(ctx, 'delete')
  if (c) await askDelete(ctx, c.id, c.name)
})
privateChat.callbackQuery(/^dy:/, async (ctx) => {
  const c = await ownedFromButton(ctx, 'delete-yes')
  if (!c) return
  try {
    ctx.deps.connections.remove(ctx.from.id, c.id)
  } catch (err) {
    if (!isAppError(err, 'NOT_FOUND')) throw err
    return ctx.editMessageText(ctx.t('error-NOT_FOUND')).catch(() => {})
  }
  await ctx.editMessageText(ctx.t('delete-done', { name: escapeHtml(c.name) }), { parse_mode: 'HTML' }).catch(() => ctx.reply(ctx.t('delete-done', { name: escapeHtml(c.name) }), { parse_mode: 'HTML' }))
})
privateChat.callbackQuery(/^dn:/, async (ctx) => {
  await ctx.answerCallbackQuery()
  await ctx.editMessageText(ctx.t('delete-kept')).catch(() => {})
})

/** /rename, /replace and /delete, by name or from a picker; ownership checked on every id. */
export const manageFeature = composer
