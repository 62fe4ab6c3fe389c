import type { SaveOutcome } from '../../services/connections.js'
import type { FlowContext } from '../context.js'
import { errorText, toFlowError, type FlowError } from '../error-text.js'
import { escapeHtml } from '../html.js'
import { collectCredentials, revealAll } from './collect-credentials.js'
import { showSaveOutcome } from './connect.js'
import { startFlow, type Flow } from './flow-kit.js'

/** The conversation id /replace enters. */
export const REPLACE_FLOW = 'replace'

/**
 * /replace: new credentials for one of the user's connections. The old key keeps working until
 * the new one passes the whole test; only then is the old ciphertext overwritten.
 */
export async function replaceFlow(conversation: Flow, ctx: FlowContext, connectionId: string): Promise<void> {
  const kit = await startFlow(conversation, ctx)
  const userId = ctx.from!.id
  const t = ctx.t.bind(ctx)
  const found = await conversation.external((): { exchange: string; name: string } | { error: FlowError } => {
    try {
      const c = kit.deps.connections.get(userId, connectionId)
      return { exchange: c.exchange, name: c.name }
    } catch (err) {
      return { error: toFlowError(err) }
    }
  })
  if ('error' in found) {
    await ctx.reply(errorText(found.error, t), { parse_mode: 'HTML' })
    return kit.finish()
  }
  const adapter = kit.deps.connections.adapter(found.exchange)
  await ctx.reply(t('replace-intro', { name: escapeHtml(found.name), exchange: adapter.label }), { parse_mode: 'HTML' })
  await collectCredentials(conversation, kit, adapter, ctx)
  const testing = await ctx.reply(t('connect-testing', { exchange: adapter.label }))
  const result = await conversation.external(async (): Promise<{ ok: SaveOutcome } | { error: FlowError }> => {
    try {
      return { ok: await kit.deps.connections.replace(userId, connectionId, revealAll(kit)) }
    } catch (err) {
      return { error: toFlowError(err) }
    } finally {
      kit.deps.intake.wipe(kit.chatId)
    }
  })
  await showSaveOutcome(ctx, testing.message_id, result, 'replace')
}
