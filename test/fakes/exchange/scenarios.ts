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

/** What one exchange sends when it is in maintenance, limiting us, answering an unmapped error, or broken. */
interface ExchangeFaults {
  maintenance: () => FakeResponse
  rateLimit: (headers: Record<string, string>) => FakeResponse
  unknownError: () => FakeResponse
  /** A truncated body on a 200. */
  malformed: string
}

const FAULTS: Record<FakeExchangeId, ExchangeFaults> = {
  mexc: {
    maintenance: () => json(503, { code: 801, msg: 'System under maintenance' }),
    rateLimit: (h) => json(429, { code: 429, msg: 'Too Many Requests' }, h),
    unknownError: () => json(400, { code: 99999, msg: 'Something new' }),
    malformed: '{"serverTime":17',
  },
  kucoin: {
    maintenance: () => json(503, { code: '500000', msg: 'System under maintenance, please try again later' }),
    rateLimit: (h) => json(429, { code: '429000', msg: 'Too Many Requests' }, h),
    unknownError: () => json(400, { code: '999999', msg: 'Something new' }),
    malformed: '{"code":"200000","data":{',
  },
  // Bitget: 40200 "Server upgrade", 429 "Too Many Requests" (ccxt's table; the body shape as Bitget sends 40037).
  bitget: {
    maintenance: () => json(503, { code: '40200', msg: 'Server upgrade, please try again later', requestTime: Date.now(), data: null }),
    rateLimit: (h) => json(429, { code: '429', msg: 'Too Many Requests', requestTime: Date.now(), data: null }, h),
    unknownError: () => json(400, { code: '49999', msg: 'Something new', requestTime: Date.now(), data: null }),
    malformed: '{"code":"00000","data":{"serverTime":"17',
  },
  // BingX answers HTTP 200 with its code: 100500 busy, 100410 rate limited (its apiPermissions error table).
  bingx: {
    maintenance: () => json(200, { code: 100500, msg: 'The current system is busy, please try again later', debugMsg: '' }),
    rateLimit: (h) => json(429, { code: 100410, msg: 'rate limited' }, h),
    unknownError: () => json(200, { code: 109999, msg: 'Something new', debugMsg: '' }),
    malformed: '{"code":0,"data":{"serverTime":17',
  },
  // HTX v1 gateway: {"status":"error","err-code":...}.
  htx: {
    maintenance: () => json(200, { status: 'error', 'err-code': 'system-maintenance', 'err-msg': 'System is in maintenance!', data: null }),
    rateLimit: (h) => json(429, { status: 'error', 'err-code': 'base-request-exceed-frequency-limit', 'err-msg': 'Frequency of requests has exceeded the limit, please try again later', data: null }, h),
    unknownError: () => json(200, { status: 'error', 'err-code': 'something-new', 'err-msg': 'Something new', data: null }),
    malformed: '{"status":"ok","data":17',
  },
  // Coinbase Advanced Trade: {"error":"...","message":"..."} with the HTTP status.
  coinbase: {
    maintenance: () => json(503, { error: 'UNAVAILABLE', error_details: 'Service unavailable', message: 'Service unavailable' }),
    rateLimit: (h) => json(429, { error: 'RATE_LIMIT_EXCEEDED', error_details: 'Too many requests', message: 'Too many requests' }, h),
    unknownError: () => json(400, { error: 'SOMETHING_NEW', error_details: 'Something new', message: 'Something new' }),
    malformed: '{"iso":"2026-11-30T10:00:00Z","epochMillis":"17',
  },
  // Gate: {"label":...,"message":...}.
  gate: {
    maintenance: () => json(503, { label: 'SERVER_ERROR', message: 'Internal server error' }),
    rateLimit: (h) => json(429, { label: 'TOO_MANY_REQUESTS', message: 'Request rate limit exceeded' }, h),
    unknownError: () => json(400, { label: 'SOMETHING_NEW', message: 'Something new' }),
    malformed: '{"server_time":17',
  },
}

/**
 * The answer for a failure scenario. Outage: a gateway's HTML 503 (no JSON at all). Maintenance
 * and 429: the exchange's JSON body with its own code (MEXC 801 / 429; KuCoin 500000 / 429000...).
 */
export function scenarioResponse(s: Scenario, exchange: FakeExchangeId): FakeResponse | 'reset' | 'slow' {
  const faults = FAULTS[exchange]
  switch (s.kind) {
    case 'reset':
      return 'reset'
    case 'slow':
      return 'slow'
    case 'outage':
      return { status: 503, body: OUTAGE_HTML, headers: { 'content-type': 'text/html' } }
    case 'maintenance':
      return faults.maintenance()
    case 'rate-limit':
      return faults.rateLimit({ 'retry-after': String(s.retryAfterS ?? 2) })
    case 'unknown-error':
      // An error code nobody has mapped yet: the adapter must say UNKNOWN, not guess.
      return faults.unknownError()
    case 'malformed':
      return { status: 200, body: faults.malformed, headers: { 'content-type': 'application/json' } }
  }
}
