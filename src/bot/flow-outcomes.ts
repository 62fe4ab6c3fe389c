import type { ExchangeId, Market } from '../domain/types.js'
import type { ConnectionView } from '../services/connection-view.js'

/** What "🔑 Try another key" starts again: the same /connect (exchange, market, name) or the same /replace. */
export type Retry =
  | { connect: { exchange: ExchangeId; market: Market; name: string } }
  | { replace: string }

/** How a guided flow ended, remembered so a late tap on one of its buttons gets a true answer. */
export type FlowOutcome =
  /** /connect saved a connection (Online or not). */
  | { kind: 'connected'; connectionId: string }
  | { kind: 'replaced'; connectionId: string }
  | { kind: 'renamed'; connectionId: string }
  /** The key was refused (withdrawal on, or a /replace key that failed): nothing saved. */
  | { kind: 'refused'; retry?: Retry }
  /** It ended on an error (duplicate key, storage): nothing saved. */
  | { kind: 'nothing'; retry?: Retry }
  | { kind: 'cancelled' }
  /** The trader started a new setup over this one. */
  | { kind: 'superseded' }

/**
 * The ends of recent flows per chat, in memory and bounded (the oldest are forgotten first).
 * Keyed by chat and flow id, so a forged callback can only ever look up its own chat's flows.
 * After a restart nothing is remembered, and an old button falls back to resuming its step.
 */
export function createFlowOutcomes(max = 10_000) {
  const ends = new Map<string, FlowOutcome>()
  const key = (chatId: number, flowId: string) => `${chatId}:${flowId}`
  return {
    /** Remembers how the flow `flowId` of this chat ended. */
    record(chatId: number, flowId: string, outcome: FlowOutcome): void {
      const k = key(chatId, flowId)
      ends.delete(k)
      ends.set(k, outcome)
      if (ends.size > max) ends.delete(ends.keys().next().value!)
    },
    /** How that flow ended, if this process saw it end. */
    get: (chatId: number, flowId: string): FlowOutcome | undefined => ends.get(key(chatId, flowId)),
    /** Number of flows remembered: tests assert the bound. */
    size: () => ends.size,
  }
}

/** The outcomes' type, for injection. */
export type FlowOutcomes = ReturnType<typeof createFlowOutcomes>

type T = (key: string, params?: Record<string, string | number>) => string

/**
 * The short, true sentence a button of an ended flow answers with (a callback answer: plain
 * text, at most 200 characters). It reads the connection as it is now: renamed since, it says
 * the new name; deleted since, it says so.
 */
export function endedFlowAnswer(outcome: FlowOutcome, t: T, mine: readonly ConnectionView[]): string {
  if (outcome.kind === 'refused' || outcome.kind === 'nothing' || outcome.kind === 'cancelled') return t(`flow-over-${outcome.kind}`)
  if (outcome.kind === 'superseded') return t('flow-button-stale')
  const c = mine.find((x) => x.id === outcome.connectionId)
  if (!c) return t('flow-over-deleted')
  if (outcome.kind === 'connected') {
    if (c.status === 'online') return t('flow-over-connected', { name: c.name })
    if (c.status === 'needs_confirmation') return t('flow-over-waiting', { name: c.name })
    return t('flow-over-saved', { name: c.name, status: t(`status-short-${c.status}`) })
  }
  return t(`flow-over-${outcome.kind}`, { name: c.name })
}
