import { isAppError } from '../../domain/errors.js'
import { unpack } from '../callback-data.js'
import type { BotContext } from '../context.js'
import { labelOf } from '../exchange-links.js'
import { errorText } from '../error-text.js'
import { escapeHtml } from '../html.js'
import { reportKeyboard } from '../keyboards.js'
import { renderReport } from '../render/report.js'
import { editLong } from '../send-long.js'
import { answerGone } from '../stale-buttons.js'
import { resolveTarget } from './resolve-target.js'
import { BotComposer } from '../composer.js'

const composer = new BotComposer<BotContext>()
const privateChat = composer.chatType('private')

/**
 * Shows "testing…" (a new message, or `inPlace`: the picker just answered), runs the test
 * (joining one already running) and edits that message into the report.
 */
async function runAndShow(ctx: BotContext, id: string, name: string, inPlace?: number): Promise<void> {
  const t = ctx.t.bind(ctx)
  const running = t('test-running', { name: escapeHtml(name) })
  const chatId = ctx.chat!.id
  let messageId = inPlace !== undefined ? await ctx.api.editMessageText(chatId, inPlace, running, { parse_mode: 'HTML' }).then(() => inPlace, () => undefined) : undefined
  messageId ??= (await ctx.reply(running, { parse_mode: 'HTML' })).message_id
  try {
    const { after, report } = await ctx.deps.connections.test(ctx.from!.id, id, 'manual')
    const head = t('test-head', { name: escapeHtml(after.name), status: t(`status-${after.status}`) })
    const label = labelOf(ctx.deps)(after.exchange)
    await editLong(ctx.api, chatId, messageId, `${head}

${renderReport(report, t, ctx.deps.settings.egressIps, { ...after, exchangeLabel: label })}`, reportKeyboard(after, t, label))
  } catch (err) {
    if (isAppError(err, 'TEST_QUOTA')) {
      await ctx.api.editMessageText(chatId, messageId, errorText({ code: err.code, params: err.params }, t), { parse_mode: 'HTML' })
      return
    }
    if (!isAppError(err, 'NOT_FOUND')) throw err
    await ctx.api.editMessageText(chatId, messageId, t('error-NOT_FOUND'))
  }
}

/** The caller's own connection by id, or undefined. */
const mine = (ctx: BotContext, id: string) => ctx.deps.connections.list(ctx.from!.id).find((c) => c.id === id)

privateChat.command('test', async (ctx) => {
  const c = await resolveTarget(ctx, 'test', { autoPickSingle: true })
  if (c) await runAndShow(ctx, c.id, c.name)
})

// "Test again" under a report: a fresh "testing…" message, the old report stays as it was.
privateChat.callbackQuery(/^t:/, async (ctx) => {
  const action = unpack(ctx.callbackQuery.data)
  if (action?.a !== 'test') return ctx.answerCallbackQuery()
  const c = mine(ctx, action.id)
  if (!c) return answerGone(ctx, action.id)
  await ctx.answerCallbackQuery({ text: ctx.t('test-started') })
  await runAndShow(ctx, c.id, c.name)
})

// A connection picked from /test's list: the list turns into "testing…", then into the report.
privateChat.callbackQuery(/^p:t:/, async (ctx) => {
  const action = unpack(ctx.callbackQuery.data)
  if (action?.a !== 'pick') return ctx.answerCallbackQuery()
  const c = mine(ctx, action.id)
  if (!c) return answerGone(ctx, action.id)
  await ctx.answerCallbackQuery()
  await runAndShow(ctx, c.id, c.name, ctx.callbackQuery.message?.message_id)
})

/** /test [name], its picker, and the "Test again" button. */
export const testFeature = composer
