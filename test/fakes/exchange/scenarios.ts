/**
 * Failure switches: set globally, per exchange or per path, they override the normal answer
 * with what that exchange really sends when it is down, busy or broken.
 */
import type { FakeExchangeId } from './accounts.js'
import { json, type FakeResponse } from './http.js'

/** The failures the fake can imitate. */
export type ScenarioKind = 'outage' | 'maintenance' | 'rate-limit' | 'slow' | 'malformed' | 'reset' | 'unknown-error'

/** One active switch; without `exchange`/`path` it applies to every request. */
export interface Scenario {
  kind: ScenarioKind
  exchange?: FakeExchangeId
  /** Applies only when the request path contains this text (e.g. `/api/v3/account`). */
  path?: string
  /** For `rate-limit`: the Retry-After header, seconds (default 2). */
  retryAfterS?: number
  /** For `slow`: how long to wait before answering normally (default 2000 ms). */
  delayMs?: number
}

/** The first scenario matching this request, if any. */
export function matchScenario(list: readonly Scenario[], exchange: FakeExchangeId, path: string): Scenario | undefined {
  return list.find((s) => (s.exchange === undefined || s.exchange === exchange) && (s.path === undefined || path.includes(s.path)))
}

const OUTAGE_HTML = '<html><head><title>503 Service Temporarily Unavailable</title></head><body>503</body></html>'

/**
 * The answer for a failure scenario. Outage: a gateway's HTML 503 (no JSON at all). Maintenance
 * and 429: the exchange's JSON body with its own code (MEXC 801 / 429; KuCoin 500000 / 429000).
 */
export function scenarioResponse(s: Scenario, exchange: FakeExchangeId): FakeResponse | 'reset' | 'slow' {
  switch (s.kind) {
    case 'reset':
      return 'reset'
    case 'slow':
      return 'slow'
    case 'outage':
      return { status: 503, body: OUTAGE_HTML, headers: { 'content-type': 'text/html' } }
    case 'maintenance':
      return exchange === 'mexc'
        ? json(503, { code: 801, msg: 'System under maintenance' })
        : json(503, { code: '500000', msg: 'System under maintenance, please try again later' })
    case 'rate-limit': {
      const h = { 'retry-after': String(s.retryAfterS ?? 2) }
      return exchange === 'mexc' ? json(429, { code: 429, msg: 'Too Many Requests' }, h) : json(429, { code: '429000', msg: 'Too Many Requests' }, h)
    }
    case 'unknown-error':
      // An error code nobody has mapped yet: the adapter must say UNKNOWN, not guess.
      return exchange === 'mexc' ? json(400, { code: 99999, msg: 'Something new' }) : json(400, { code: '999999', msg: 'Something new' })
    case 'malformed':
      return { status: 200, body: exchange === 'mexc' ? '{"serverTime":17' : '{"code":"200000","data":{', headers: { 'content-type': 'application/json' } }
  }
}
