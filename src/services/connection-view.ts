import type { ConnectionStatus, ExchangeId, Market, TestReport } from '../domain/types.js'
import type { ConnectionRow, ConnectionViewRow } from '../storage/connections.repo.js'

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
  /** When the trader confirmed withdrawal is off on the CURRENT key (null: not confirmed, or confirmed for a replaced key). */
  withdrawConfirmedAt?: number | null
  /** A short tag of the current key (fingerprint prefix, not a credential): a button made for an older key is recognised as stale. */
  keyTag?: string
}

/** The length of {@link ConnectionView.keyTag}: enough to tell a replaced key apart, too short to mean anything else. */
export const KEY_TAG_LENGTH = 10

/** When withdrawal was confirmed off for the row's current key; null when never, or for another key. */
export function withdrawConfirmedAt(row: Pick<ConnectionRow, 'withdrawConfirmedAt' | 'withdrawConfirmedFingerprint' | 'keyFingerprint'>): number | null {
  return row.withdrawConfirmedAt !== null && row.withdrawConfirmedFingerprint === row.keyFingerprint ? row.withdrawConfirmedAt : null
}

/**
 * Maps a stored row to its displayable view (drops every sealed column). The report is parsed on
 * first read: a list of connections shows none of them.
 */
export function toView(row: ConnectionViewRow): ConnectionView {
  let report: TestReport | null | undefined
  return {
    id: row.id,
    exchange: row.exchange as ExchangeId,
    name: row.name,
    market: row.market as Market,
    maskedKey: row.maskedKey,
    status: row.status as ConnectionStatus,
    consecutiveFailures: row.consecutiveFailures,
    lastTestedAt: row.lastTestedAt,
    get report(): TestReport | null {
      if (report === undefined) report = row.lastReport ? (JSON.parse(row.lastReport) as TestReport) : null
      return report
    },
    pausedAt: row.pausedAt,
    lastCredentialReadAt: row.lastCredentialReadAt,
    withdrawConfirmedAt: withdrawConfirmedAt(row),
    keyTag: row.keyFingerprint.slice(0, KEY_TAG_LENGTH),
  }
}
