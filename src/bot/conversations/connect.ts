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

/** Where a /connect starts: from the top, or at the step of an old button tapped after its flow ended. */
export interface ConnectStart {
  exchange?: ExchangeId
  /** The checklist was confirmed ("I have created the key"). */
  ready?: boolean
  market?: Market
}

/**
 * /connect: exchange → that exchange's key checklist → market → name → key, secret (and
 * passphrase) → the connection test → the report. Every side effect that touches a credential
 * runs in one `external` that returns only the non-secret outcome. A key pasted once the exchange
 * is known is kept for the key step.
 */
export async function connectFlow(conversation: Flow, ctx: FlowContext, start: ConnectStart = {}): Promise<void> {
  const kit = await startFlow(conversation, ctx)
  const { deps, flowId } = kit
  const userId = ctx.from!.id
  const t = ctx.t.bind(ctx)
  const adapters = deps.connections.exchanges()

  let exchange: ExchangeId
  if (start.exchange && adapters.some((a) => a.id === start.exchange)) exchange = start.exchange
  else {
    await kit.keepEarly('later')
    await kit.ask(ctx, t('connect-intro'), { parse_mode: 'HTML', reply_markup: exchangeKeyboard(flowId, adapters, t) })
    exchange = (await kit.choose((a) => (a.a === 'exchange' ? a.exchange : null), 'flow-tap-button')).value
  }
  const adapter = deps.connections.adapter(exchange)
  await kit.keepEarly(adapter)
  if (!start.ready) {
    const ips = deps.settings.egressIps.join(', ')
    await kit.ask(ctx, t(`checklist-${exchange}`, { ips: ips || '-' }) + '\n\n' + t(ips ? 'checklist-ips' : 'checklist-no-ips', { ips: escapeHtml(ips) }), {
      parse_mode: 'HTML',
      reply_markup: readyKeyboard(flowId, exchange, t, adapter.label),
    })
    await kit.choose((a) => (a.a === 'ready' ? true : null), 'flow-tap-button')
  }

  let market: Market = adapter.markets[0]!
  if (start.market && adapter.markets.includes(start.market)) market = start.market
  else if (adapter.markets.length > 1) {
    await kit.ask(ctx, t('connect-ask-market'), { parse_mode: 'HTML', reply_markup: marketKeyboard(flowId, exchange, adapter.markets, t) })
    market = (await kit.choose((a) => (a.a === 'market' ? a.market : null), 'flow-tap-button')).value
  }

  const suggestion = await conversation.external(() => deps.connections.suggestName(userId, exchange, market, t(`name-market-${market}`)))
  await kit.keepEarly(adapter, true)
  await kit.ask(ctx, t('connect-ask-name', { suggestion: escapeHtml(suggestion) }), { parse_mode: 'HTML', reply_markup: nameKeyboard(flowId, exchange, market, suggestion, t) })
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

  await kit.keepEarly(undefined)
  await collectCredentials(conversation, kit, adapter, ctx)
  const testing = await ctx.reply(t('connect-testing', { exchange: adapter.label }))
  const result = await conversation.external(async (): Promise<{ ok: SaveOutcome } | { error: FlowError }> => {
    try {
      return { ok: await deps.connections.connect({ userId, exchange, market, name, credentials: revealAll(kit) }) }
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
    reply_markup: reportKeyboard(c, t, ctx.deps.connections.adapter(c.exchange).label),
  })
}
