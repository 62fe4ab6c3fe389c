import { Composer } from 'grammy'
import { isAppError } from '../../domain/errors.js'
import { unpack } from '../callback-data.js'
import type { BotContext } from '../context.js'
import { labelOf } from '../exchange-links.js'
import { errorText } from '../error-text.js'
import { escapeHtml } from '../html.js'
import { reportKeyboard } from '../keyboards.js'
import { renderReport } from '../render/report.js'
import { editLong } from '../send-long.js'
import { resolveTarget } from './resolve-target.js'

const composer = new Composer<BotContext>()
const privateChat = composer.chatType('private')

/** Sends "testing…", runs the test (joining one already running), edits the message into the report. */
async function runAndShow(ctx: BotContext, id: string): Promise<void> {
  const t = ctx.t.bind(ctx)
  let name: string
  try {
    name = ctx.deps.connections.get(ctx.from!.id, id).name
  } catch (err) {
    if (isAppError(err, 'NOT_FOUND')) {
      await ctx.reply(t('error-NOT_FOUND'))
      return
    }
    throw err
  }
  const msg = await ctx.reply(t('test-running', { name: escapeHtml(name) }), { parse_mode: 'HTML' })
  try {
    const { after, report } = await ctx.deps.connections.test(ctx.from!.id, id, 'manual')
    const head = t('test-head', { name: escapeHtml(after.name), status: t(`status-${after.status}`) })
    await editLong(ctx.api, msg.chat.id, msg.message_id, `${head}\n\n${renderReport(report, t, ctx.deps.settings.egressIps)}`, reportKeyboard(after, t, labelOf(ctx.deps)(after.exchange)))
  } catch (err) {
    if (isAppError(err, 'TEST_QUOTA')) {
      await ctx.api.editMessageText(msg.chat.id, msg.message_id, errorText({ code: err.code, params: err.params }, t), { parse_mode: 'HTML' })
      return
    }
    if (!isAppError(err, 'NOT_FOUND')) throw err
    await ctx.api.editMessageText(msg.chat.id, msg.message_id, t('error-NOT_FOUND'))
  }
}

privateChat.command('test', async (ctx) => {
  const c = await resolveTarget(ctx, 'test', { autoPickSingle: true })
  if (c) await runAndShow(ctx, c.id)
})

privateChat.callbackQuery(/^t:/, async (ctx) => {
  const action = unpack(ctx.callbackQuery.data)
  if (action?.a !== 'test') return ctx.answerCallbackQuery()
  await ctx.answerCallbackQuery({ text: ctx.t('test-started') })
  await runAndShow(ctx, action.id)
})

/** /test [name] and the "Test again" button. */
export const testFeature = composer
