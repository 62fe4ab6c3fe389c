import type { ExchangeId, Market } from '../../domain/types.js'
import type { ExchangeAdapter } from '../../exchanges/adapter.js'
import { type SaveOutcome } from '../../services/connections.js'
import type { FlowContext } from '../context.js'
import { errorText, toFlowError, type FlowError } from '../error-text.js'
import type { FlowOutcome, Retry } from '../flow-outcomes.js'
import { escapeHtml } from '../html.js'
import { checklistMarketKeyboard, exchangeKeyboard, marketKeyboard, nameKeyboard, readyKeyboard, reportKeyboard, retryKeyboard } from '../keyboards.js'
import { renderReport } from '../render/report.js'
import { editLong } from '../send-long.js'
import type { InlineKeyboardMarkup } from 'grammy/types'
import { collectCredentials, revealAll, type Carried } from './collect-credentials.js'
import { startFlow, type Flow, type FlowKit } from './flow-kit.js'

/** The conversation id /connect enters. */
export const CONNECT_FLOW = 'connect'

/** Where a /connect starts: from the top, or at the step of an old button tapped after its flow ended. */
export interface ConnectStart {
  exchange?: ExchangeId
  /** The checklist was confirmed ("I have created the key"). */
  ready?: boolean
  market?: Market
  /** The old message whose button was tapped: it shows what that tap answered, without buttons. */
  origin?: number
  /** The tap answered nothing this flow reuses (a suggested name, "start over"): the origin only loses its buttons. */
  originAnswers?: boolean
  /** "🔑 Try another key": the name of the setup whose key was refused (kept if still free), and the key prompt says so. */
  name?: string
  again?: true
}

/**
 * /connect: exchange → that exchange's key checklist, which also asks the market → name → key,
 * secret (and passphrase) → the connection test → the report. Each answered question turns into
 * its answer ("Exchange: MEXC ✓") and loses its buttons, so the chat reads as a short record. A
 * key of another exchange is caught when pasted, and the trader can switch exchange keeping the
 * market and name. Every side effect that touches a credential runs in one `external` that
 * returns only the non-secret outcome. A key pasted once the exchange is known is kept for the
 * key step.
 */
export async function connectFlow(conversation: Flow, ctx: FlowContext, start: ConnectStart = {}): Promise<void> {
  const kit = await startFlow(conversation, ctx)
  const { deps, flowId, userId } = kit
  const t = ctx.t.bind(ctx)
  const adapters = deps.connections.exchanges()
  const marketName = (m: Market) => t(`market-${m}`)

  let exchange: ExchangeId
  const resumed = start.exchange !== undefined && adapters.some((a) => a.id === start.exchange)
  if (resumed) exchange = start.exchange!
  else {
    await kit.keepEarly('later')
    await kit.ask(ctx, t('connect-intro'), { parse_mode: 'HTML', reply_markup: exchangeKeyboard(flowId, adapters, t) })
    exchange = (await kit.choose((a) => (a.a === 'exchange' ? a.exchange : null), 'flow-tap-button')).value
  }
  let adapter = deps.connections.adapter(exchange)
  if (!resumed) await kit.answered(t('answer-exchange', { exchange: adapter.label }))
  else if (start.origin !== undefined) await answerOrigin(kit, start, adapter, t)
  await kit.keepEarly(adapter)

  let market: Market | undefined = start.market && adapter.markets.includes(start.market) ? start.market : undefined
  if (adapter.markets.length === 1) market = adapter.markets[0]!
  if (!start.ready) {
    const ips = deps.settings.egressIps.join(', ')
    const checklist = t(`checklist-${exchange}`, { ips: ips || '-' }) + '\n\n' + t(ips ? 'checklist-ips' : 'checklist-no-ips', { ips: escapeHtml(ips) })
    if (market === undefined) {
      // The checklist already says "add Futures only if you trade futures": the market is chosen
      // right there, and tapping it also says the key is created.
      await kit.ask(ctx, `${checklist}\n\n${t('checklist-ask-market')}`, { parse_mode: 'HTML', reply_markup: checklistMarketKeyboard(flowId, exchange, adapter.markets, t, adapter.label) })
      market = (await kit.choose((a) => (a.a === 'market' ? a.market : null), 'flow-tap-button')).value
      await kit.answered(t('answer-ready-market', { market: marketName(market) }))
    } else {
      await kit.ask(ctx, checklist, { parse_mode: 'HTML', reply_markup: readyKeyboard(flowId, exchange, t, adapter.label) })
      await kit.choose((a) => (a.a === 'ready' ? true : null), 'flow-tap-button')
      await kit.answered(t('answer-ready'))
    }
  }
  if (market === undefined) market = await askMarket(kit, ctx, adapter)

  const suggest = (m: Market) => conversation.external(() => deps.connections.suggestName(userId, adapter.id, m, t(`name-market-${m}`)))
  const checkName = (text: string) => conversation.external((): { name: string } | { error: FlowError } => {
    try {
      return { name: deps.connections.checkName(userId, text) }
    } catch (err) {
      return { error: toFlowError(err) }
    }
  })
  let name = ''
  let suggested = false
  // Another key for a refused setup keeps its name, unless a connection took that name since.
  if (start.name !== undefined) {
    const r = await checkName(start.name)
    if ('name' in r) name = r.name
  }
  if (!name) {
    const suggestion = await suggest(market)
    await kit.keepEarly(adapter, true)
    await kit.ask(ctx, t('connect-ask-name', { suggestion: escapeHtml(suggestion) }), { parse_mode: 'HTML', reply_markup: nameKeyboard(flowId, exchange, market, suggestion, t) })
    name = await askName(suggestion)
    await kit.answered(t('answer-name', { name: escapeHtml(name) }))
  }

  /** Waits for a valid, free name (typed, or the suggestion tapped). */
  async function askName(suggestion: string): Promise<string> {
    let name = ''
    while (!name) {
      const e = await kit.next()
      if (e.kind === 'action' && e.action.a === 'suggested') {
        name = suggestion
        suggested = true
      } else if (e.kind === 'text' && !e.forwarded) {
        const r = await checkName(e.text)
        if ('error' in r) await e.ctx.reply(errorText(r.error, e.ctx.t.bind(e.ctx)), { parse_mode: 'HTML' })
        else name = r.name
      } else if (e.kind !== 'action') await e.ctx.reply(e.ctx.t('connect-name-as-text'))
    }
    return name
  }

  await kit.keepEarly(undefined)
  let note = ''
  let carried: Carried | undefined
  let intro = start.again ? t('retry-intro', { name: escapeHtml(name), exchange: adapter.label, market: marketName(market) }) : ''
  for (;;) {
    const got = await collectCredentials(conversation, kit, adapter, ctx, { switchable: true, ...(carried ? { carried } : {}), ...(intro ? { intro } : {}) })
    intro = ''
    if ('note' in got) {
      note = got.note
      break
    }
    // The key belongs to another exchange: switch, keeping the market (if it trades there) and the
    // name (a suggested one names the old exchange, so it is suggested again), and read it again.
    adapter = deps.connections.adapter(got.switchTo)
    exchange = adapter.id
    await conversation.external(() => deps.intake.forgetReadValues(kit.chatId))
    const keptMarket = adapter.markets.includes(market)
    if (suggested) name = await suggest(keptMarket ? market : adapter.markets[0]!)
    await kit.answered(t('answer-switched', { exchange: adapter.label, name: escapeHtml(name), market: marketName(market) }))
    if (!keptMarket) market = await askMarket(kit, ctx, adapter)
    carried = got.carried
  }
  const testing = await ctx.reply([note, t('connect-testing', { exchange: adapter.label })].filter(Boolean).join('\n\n'))
  const finalMarket = market
  const result = await conversation.external(async (): Promise<{ ok: SaveOutcome } | { error: FlowError }> => {
    try {
      return { ok: await deps.connections.connect({ userId, exchange, market: finalMarket, name, credentials: revealAll(kit) }) }
    } catch (err) {
      return { error: toFlowError(err) }
    } finally {
      deps.intake.wipe(kit.chatId)
    }
  })
  await kit.end(await showSaveOutcome(ctx, testing.message_id, result, 'connect', { flowId, retry: { connect: { exchange, market: finalMarket, name } } }))
}

/** The market question alone (an old checklist's "I have created the key", or an exchange without the market chosen). */
async function askMarket(kit: FlowKit, ctx: FlowContext, adapter: ExchangeAdapter): Promise<Market> {
  const t = ctx.t.bind(ctx)
  await kit.ask(ctx, t('connect-ask-market'), { parse_mode: 'HTML', reply_markup: marketKeyboard(kit.flowId, adapter.id, adapter.markets, t) })
  const market = (await kit.choose((a) => (a.a === 'market' ? a.market : null), 'flow-tap-button')).value
  await kit.answered(t('answer-market', { market: t(`market-${market}`) }))
  return market
}

/** The old message whose button resumed this setup shows what the tap answered, and loses its buttons. */
async function answerOrigin(kit: FlowKit, start: ConnectStart, adapter: ExchangeAdapter, t: FlowContext['t']): Promise<void> {
  const summary = start.originAnswers === false
    ? undefined
    : start.market !== undefined
      ? t('answer-ready-market', { market: t(`market-${start.market}`) })
      : start.ready
        ? t('answer-ready')
        : t('answer-exchange', { exchange: adapter.label })
  await kit.adopt(start.origin!, summary)
}

/** The "nothing was saved" line of a refused /connect or /replace, by why it was refused. */
function refusalText(kind: 'connect' | 'replace', r: Extract<SaveOutcome, { outcome: 'refused' }>): string {
  if (r.reason === 'UNSAFE') return `${kind}-refused-unsafe`
  // UNPROVEN: the exchange never accepted the signature. Told apart: an exchange fault (retry
  // later, nothing to fix) from a key, secret, passphrase or whitelist to fix first.
  if (r.reason === 'UNPROVEN' && kind === 'connect') return r.report.transient ? 'connect-refused-unreachable' : 'connect-refused-unproven'
  return 'replace-refused-not-online'
}

/** Errors a different key cures: the trader is offered "🔑 Try another key" instead of starting over. */
const KEY_ERRORS = new Set<FlowError['code']>(['KEY_ALREADY_CONNECTED', 'KEY_ALREADY_YOURS'])

/** A refusal another key cures (not an exchange that could not be reached: the same key may pass later). */
function keyAtFault(kind: 'connect' | 'replace', r: Extract<SaveOutcome, { outcome: 'refused' }>): boolean {
  return kind === 'replace' || r.reason === 'UNSAFE' || !r.report.transient
}

/**
 * Edits the "testing…" message into the outcome of /connect or /replace; returns how the flow
 * ended. When another key would cure it (refused, already connected), the outcome carries
 * `again` and the message a "🔑 Try another key" button that starts exactly that again.
 */
export async function showSaveOutcome(
  ctx: FlowContext,
  messageId: number,
  result: { ok: SaveOutcome } | { error: FlowError },
  kind: 'connect' | 'replace',
  again?: { flowId: string; retry: Retry },
): Promise<FlowOutcome> {
  const t = ctx.t.bind(ctx)
  const ips = ctx.deps.settings.egressIps
  const edit = (text: string, extra: { reply_markup?: InlineKeyboardMarkup } = {}) => editLong(ctx.api, ctx.chat!.id, messageId, text, extra.reply_markup)
  const retryButton = again ? { reply_markup: retryKeyboard(again.flowId, t) } : {}
  if ('error' in result) {
    if (again && KEY_ERRORS.has(result.error.code)) {
      await edit(`${errorText(result.error, t)}\n\n${t(`${kind}-nothing-saved-retry`)}`, retryButton)
      return { kind: 'nothing', retry: again.retry }
    }
    await edit(`${errorText(result.error, t)}\n\n${t(`${kind}-nothing-saved`)}`)
    return { kind: 'nothing' }
  }
  const r = result.ok
  if (r.outcome === 'refused') {
    const refused = `${renderReport(r.report, t, ips)}

<b>${t(refusalText(kind, r))}</b>`
    if (again && keyAtFault(kind, r)) {
      await edit(refused, retryButton)
      return { kind: 'refused', retry: again.retry }
    }
    await edit(refused)
    return { kind: 'refused' }
  }
  const c = r.connection
  const label = ctx.deps.connections.adapter(c.exchange).label
  const report = renderReport(r.report, t, ips, { ...c, exchangeLabel: label })
  // Offline only because the exchange could not be reached: nothing for the user to fix.
  const state = c.status === 'online' || c.status === 'needs_confirmation' ? c.status : r.report.transient ? 'unchecked' : 'offline'
  await edit(`${report}\n\n${t(`${kind}-saved-${state}`, { name: escapeHtml(c.name), key: escapeHtml(c.maskedKey) })}`, {
    reply_markup: reportKeyboard(c, t, ctx.deps.connections.adapter(c.exchange).label),
  })
  return { kind: kind === 'connect' ? 'connected' : 'replaced', connectionId: c.id }
}
