import type { FlowContext } from '../context.js'
import { errorText, toFlowError, type FlowError } from '../error-text.js'
import { escapeHtml } from '../html.js'
import { cancelKeyboard } from '../keyboards.js'
import { startFlow, type Flow } from './flow-kit.js'

/** The conversation id /rename enters. */
export const RENAME_FLOW = 'rename'

/** /rename without a new name: asks for it, re-asking until it is valid and free. */
export async function renameFlow(conversation: Flow, ctx: FlowContext, connectionId: string): Promise<void> {
  const kit = await startFlow(conversation, ctx)
  const userId = ctx.from!.id
  const current = await conversation.external((): { name: string } | { error: FlowError } => {
    try {
      return { name: kit.deps.connections.get(userId, connectionId).name }
    } catch (err) {
      return { error: toFlowError(err) }
    }
  })
  if ('error' in current) {
    await ctx.reply(errorText(current.error, ctx.t.bind(ctx)), { parse_mode: 'HTML' })
    return kit.finish()
  }
  await kit.ask(ctx, ctx.t('rename-ask', { name: escapeHtml(current.name) }), { parse_mode: 'HTML', reply_markup: cancelKeyboard(kit.flowId, ctx.t.bind(ctx)) })
  for (;;) {
    const e = await kit.next()
    if (e.kind !== 'text' || e.forwarded) {
      await e.ctx.reply(e.ctx.t('connect-name-as-text'))
      continue
    }
    const text = e.text
    const r = await conversation.external((): { name: string } | { error: FlowError } => {
      try {
        return { name: kit.deps.connections.rename(userId, connectionId, text).name }
      } catch (err) {
        return { error: toFlowError(err) }
      }
    })
    if ('error' in r) {
      await e.ctx.reply(errorText(r.error, e.ctx.t.bind(e.ctx)), { parse_mode: 'HTML' })
      if (r.error.code === 'NOT_FOUND') return kit.finish()
      continue
    }
    await e.ctx.reply(e.ctx.t('rename-done', { from: escapeHtml(current.name), to: escapeHtml(r.name) }), { parse_mode: 'HTML' })
    return kit.finish()
  }
}
