import type { ExchangeId, Market } from '../../domain/types.js'
import { type SaveOutcome } from '../../services/connections.js'
import type { FlowContext } from '../context.js'
import { errorText, toFlowError, type FlowError } from '../error-text.js'
import { escapeHtml } from '../html.js'
import { exchangeKeyboard, marketKeyboard, nameKeyboard, readyKeyboard, reportKeyboard } from '../keyboards.js'
import { renderReport } from '../render/report.js'
import { editLong } from '../send-long.js'
import type { InlineKeyboardMarkup } from 'grammy/types'
import { collectCredentials, revealAll } from './collect-credentials.js'
import { startFlow, type Flow } from './flow-kit.js'

/** The conversation id /connect enters. */
export const CONNECT_FLOW = 'connect'

/**
 * /connect: exchange → that exchange's key checklist → market → name → key, secret (and
 * passphrase) → the connection test → the report. Every side effect that touches a credential
 * runs in one `external` that returns only the non-secret outcome.
 */
export async function connectFlow(conversation: Flow, ctx: FlowContext, preset?: ExchangeId): Promise<void> {
  const kit = await startFlow(conversation, ctx)
  const { deps, flowId } = kit
  const userId = ctx.from!.id
  const t = ctx.t.bind(ctx)
  const adapters = deps.connections.exchanges()

  let exchange: ExchangeId
  if (preset && adapters.some((a) => a.id === preset)) exchange = preset
  else {
    await ctx.reply(t('connect-intro'), { parse_mode: 'HTML', reply_markup: exchangeKeyboard(flowId, adapters, t) })
    exchange = (await kit.choose((a) => (a.a === 'exchange' ? a.exchange : null), 'flow-tap-button')).value
  }
  const adapter = deps.connections.adapter(exchange)
  const ips = deps.settings.egressIps.join(', ')
  await ctx.reply(t(`checklist-${exchange}`, { ips: ips || '-' }) + '\n\n' + t(ips ? 'checklist-ips' : 'checklist-no-ips', { ips: escapeHtml(ips) }), {
    parse_mode: 'HTML',
    reply_markup: readyKeyboard(flowId, t),
  })
  await kit.choose((a) => (a.a === 'ready' ? true : null), 'flow-tap-button')

  let market: Market = adapter.markets[0]!
  if (adapter.markets.length > 1) {
    await ctx.reply(t('connect-ask-market'), { parse_mode: 'HTML', reply_markup: marketKeyboard(flowId, adapter.markets, t) })
    market = (await kit.choose((a) => (a.a === 'market' ? a.market : null), 'flow-tap-button')).value
  }

  const suggestion = await conversation.external(() => deps.connections.suggestName(userId, exchange, market))
  await ctx.reply(t('connect-ask-name', { suggestion: escapeHtml(suggestion) }), { parse_mode: 'HTML', reply_markup: nameKeyboard(flowId, suggestion, t) })
  let name = ''
  while (!name) {
    const e = await kit.next()
    if (e.kind === 'action' && e.action.a === 'suggested') name = suggestion
    else if (e.kind === 'text' && !e.forwarded) {
      const text = e.text
      const r = await conversation.external((): { name: string } | { error: FlowError } => {
        try {
          return { name: deps.connections.checkName(userId, text) }
        } catch (err) {
          return { error: toFlowError(err) }
        }
      })
      if ('error' in r) await e.ctx.reply(errorText(r.error, e.ctx.t.bind(e.ctx)), { parse_mode: 'HTML' })
      else name = r.name
    } else if (e.kind !== 'action') await e.ctx.reply(e.ctx.t('connect-name-as-text'))
  }

  const handles = await collectCredentials(conversation, kit, adapter, ctx)
  const testing = await ctx.reply(t('connect-testing', { exchange: adapter.label }))
  const result = await conversation.external(async (): Promise<{ ok: SaveOutcome } | { error: FlowError }> => {
    try {
      return { ok: await deps.connections.connect({ userId, exchange, market, name, credentials: revealAll(kit, handles) }) }
    } catch (err) {
      return { error: toFlowError(err) }
    } finally {
      deps.intake.wipe(kit.chatId)
    }
  })
  await showSaveOutcome(ctx, testing.message_id, result, 'connect')
}

/** The "nothing was saved" line of a refused /connect or /replace, by why it was refused. */
function refusalText(kind: 'connect' | 'replace', r: Extract<SaveOutcome, { outcome: 'refused' }>): string {
  if (r.reason === 'UNSAFE') return `${kind}-refused-unsafe`
  // UNPROVEN: the exchange never accepted the signature. Told apart: an exchange fault (retry
  // later, nothing to fix) from a key, secret, passphrase or whitelist to fix first.
  if (r.reason === 'UNPROVEN' && kind === 'connect') return r.report.transient ? 'connect-refused-unreachable' : 'connect-refused-unproven'
  return 'replace-refused-not-online'
}

/** Edits the "testing…" message into the outcome of /connect or /replace. */
export async function showSaveOutcome(
  ctx: FlowContext,
  messageId: number,
  result: { ok: SaveOutcome } | { error: FlowError },
  kind: 'connect' | 'replace',
): Promise<void> {
  const t = ctx.t.bind(ctx)
  const ips = ctx.deps.settings.egressIps
  const edit = (text: string, extra: { reply_markup?: InlineKeyboardMarkup } = {}) => editLong(ctx.api, ctx.chat!.id, messageId, text, extra.reply_markup)
  if ('error' in result) {
    await edit(`${errorText(result.error, t)}\n\n${t(`${kind}-nothing-saved`)}`)
    return
  }
  const r = result.ok
  const report = renderReport(r.report, t, ips)
  if (r.outcome === 'refused') {
    await edit(`${report}\n\n<b>${t(refusalText(kind, r))}</b>`)
    return
  }
  const c = r.connection
  // Offline only because the exchange could not be reached: nothing for the user to fix.
  const state = c.status === 'online' ? 'online' : r.report.transient ? 'unchecked' : 'offline'
  await edit(`${report}\n\n${t(`${kind}-saved-${state}`, { name: escapeHtml(c.name), key: escapeHtml(c.maskedKey) })}`, {
    reply_markup: reportKeyboard(c, t),
  })
}
