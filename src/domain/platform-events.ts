/**
 * What the trading platform must react to, in its event feed. Each event carries the
 * connection's state after the change, so a consumer can act on the latest event alone.
 */
export const PLATFORM_EVENT_KINDS = [
  'online', // usable: credentials may be read (unless paused)
  'offline', // the key stopped working: stop using it
  'unsafe', // the key can withdraw: stop using it at once
  'needs_confirmation', // the trader must confirm something before the key may be used
  'paused', // the trader paused it from Telegram: stop using it
  'resumed', // the trader lifted the pause
  'key_replaced', // new credentials: read them again
  'deleted', // gone, with its credentials
] as const
/** One kind of platform event. */
export type PlatformEventKind = (typeof PLATFORM_EVENT_KINDS)[number]

/** Service token scopes: `status` reads connections, events and metrics; `credentials` reads keys. */
export const TOKEN_SCOPES = ['status', 'credentials'] as const
/** A service token scope. */
export type TokenScope = (typeof TOKEN_SCOPES)[number]

/**
 * The event a status change means for the platform, or null when it means none. `checking` (a
 * missed check, not yet offline) and `untested` send nothing: nothing is known to be wrong with
 * the key. `needs_confirmation` is listed for the state the trader's confirmation flow adds.
 */
export function statusEventKind(status: string): PlatformEventKind | null {
  switch (status) {
    case 'online':
    case 'offline':
    case 'unsafe':
    case 'needs_confirmation':
      return status
    default:
      return null
  }
}
