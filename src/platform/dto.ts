import type { PlatformEvent } from '../services/events.js'
import type { PlatformConnection } from '../services/platform-gate.js'

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString())

/** A connection in the API's JSON shape (times as ISO strings, the owner as `telegramUserId`). */
export function connectionDto(c: PlatformConnection) {
  return {
    id: c.id,
    telegramUserId: c.userId,
    exchange: c.exchange,
    market: c.market,
    name: c.name,
    status: c.status,
    paused: c.paused,
    pausedAt: iso(c.pausedAt),
    lastTestedAt: iso(c.lastTestedAt),
    lastCredentialReadAt: iso(c.lastCredentialReadAt),
    checkCodes: c.checkCodes,
    maskedKey: c.maskedKey,
    keyExpiresAt: iso(c.keyExpiresAt),
    withdrawal: c.withdrawal,
  }
}

/** An event in the API's JSON shape (ids as decimal strings, so a cursor stays opaque to clients). */
export function eventDto(e: PlatformEvent) {
  return { id: String(e.id), kind: e.kind, connectionId: e.connectionId, telegramUserId: e.userId, exchange: e.exchange, status: e.status, paused: e.paused, at: new Date(e.at).toISOString() }
}
