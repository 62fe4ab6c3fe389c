import type { ConnectionStatus, ExchangeId, Market, TestReport } from '../domain/types.js'
import type { ConnectionRow } from '../storage/connections.repo.js'

/** What the bot may show about a connection: never a credential, the key only masked. */
export interface ConnectionView {
  id: string
  exchange: ExchangeId
  name: string
  market: Market
  maskedKey: string
  status: ConnectionStatus
  consecutiveFailures: number
  lastTestedAt: number | null
  report: TestReport | null
  /** Paused by the trader (/pause): the platform gate refuses its credentials while set. */
  pausedAt?: number | null
  /** When the platform last read its credentials through the gate. */
  lastCredentialReadAt?: number | null
}

/** Maps a stored row to its displayable view (drops every sealed column). */
export function toView(row: ConnectionRow): ConnectionView {
  return {
    id: row.id,
    exchange: row.exchange as ExchangeId,
    name: row.name,
    market: row.market as Market,
    maskedKey: row.maskedKey,
    status: row.status as ConnectionStatus,
    consecutiveFailures: row.consecutiveFailures,
    lastTestedAt: row.lastTestedAt,
    report: row.lastReport ? (JSON.parse(row.lastReport) as TestReport) : null,
    pausedAt: row.pausedAt,
    lastCredentialReadAt: row.lastCredentialReadAt,
  }
}
