/**
 * Failure switches: set globally, per exchange or per path, they override the normal answer
 * with what that exchange really sends when it is down, busy or broken, or with one of its
 * documented error bodies (`error` + `code`) for refusals no account setting can provoke.
 */
import type { FakeExchangeId } from './accounts.js'
import { bybitBody } from './bybit-routes.js'
import { json, type FakeResponse } from './http.js'

/** The failures the fake can imitate. */
export type ScenarioKind = 'outage' | 'maintenance' | 'rate-limit' | 'slow' | 'malformed' | 'reset' | 'unknown-error' | 'error'

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
  /** For `error`: the exchange's code, answered with its documented message and status (see ERRORS). */
  code?: string
}

/** The first scenario matching this request, if any. */
export function matchScenario(list: readonly Scenario[], exchange: FakeExchangeId, path: string): Scenario | undefined {
  return list.find((s) => (s.exchange === undefined || s.exchange === exchange) && (s.path === undefined || path.includes(s.path)))
}

const OUTAGE_HTML = '<html><head><title>503 Service Temporarily Unavailable</title></head><body>503</body></html>'

/**
 * Documented error messages (and HTTP status) by exchange and code, for `error` scenarios.
 * MEXC: spot v3 and contract docs; KuCoin: docs-new "GATEWAY ERROR CODE" and rate-limit page;
 * Binance: errors.md; Bybit: docs/v5/error.mdx; OKX: docs-v5 error codes.
 */
export const ERRORS: Partial<Record<FakeExchangeId, Record<string, [status: number, msg: string]>>> = {
  mexc: {
    '30018': [400, 'market order is disabled'],
    '30020': [400, 'no permission for the symbol'],
    '403': [403, 'Access Denied'],
    '513': [200, 'Invalid request(for open api serves time more or less than 10s)'],
    '700001': [400, 'API-key format invalid.'],
    '402': [400, 'API key expired'],
  },
  kucoin: {
    '400008': [401, 'V1 & V2 API keys are no longer supported by this API. Please create a V3 API key.'],
    '400009': [401, 'Invalid KC-API-KEY-VERSION.'],
    '400010': [403, 'UID access denied, requires more permission.'],
    '400201': [401, 'Invalid KC-API-PARTNER-SIGN.'],
    '400301': [403, 'Operation restricted due to local laws, regulations, or policies in your country or region.'],
    '1015': [429, 'error code: 1015'],
    '200002': [429, 'Too many requests in a short period of time, please retry later.'],
  },
  binance: {
    '-1002': [401, 'You are not authorized to execute this request.'],
    '-1008': [503, 'Server is currently overloaded with other requests. Please try again in a few minutes.'],
    '-2008': [401, 'Invalid Api-Key ID.'],
    '-2015': [401, 'Invalid API-key, IP, or permissions for action.'],
  },
  bybit: {
    '10005': [200, 'Permission denied, please check your API key permissions.'],
    '10009': [200, 'IP has been banned.'],
    '10016': [200, 'Internal System Error.'],
    '10027': [200, 'Transactions are banned.'],
  },
  okx: {
    '50001': [503, 'Service temporarily unavailable. Please try again later.'],
    '50120': [200, "This API key doesn't have permission to use this function"],
    '50121': [403, "You can't access our services through the IP address (203.0.113.7)"],
  },
}

/** An exchange's error body in its own envelope; MEXC's contract API has its own. */
export function errorBody(exchange: FakeExchangeId, code: string, msg: string, status: number, path = ''): FakeResponse {
  switch (exchange) {
    case 'mexc':
      return path.startsWith('/api/v1/') ? json(status, { success: false, code: Number(code), message: msg }) : json(status, { code: Number(code), msg })
    case 'kucoin':
      // Cloudflare's own limit page in front of KuCoin is plain text, not KuCoin's JSON.
      return code === '1015' ? { status, body: msg, headers: { 'content-type': 'text/plain' } } : json(status, { code, msg })
    case 'binance':
      return json(status, { code: Number(code), msg })
    case 'bybit':
      return json(status, bybitBody(Date.now(), Number(code), msg))
    case 'okx':
      return json(status, { msg, code })
    default:
      throw new Error(`fake exchange: no error envelope for ${exchange}`)
  }
}

const MAINTENANCE: Partial<Record<FakeExchangeId, [string, string]>> = {
  mexc: ['801', 'System under maintenance'],
  kucoin: ['500000', 'System under maintenance, please try again later'],
  binance: ['-1008', 'Server is currently overloaded with other requests. Please try again in a few minutes.'],
  bybit: ['10016', 'Service is restarting'],
  okx: ['50001', 'Service temporarily unavailable. Please try again later.'],
}
const RATE_LIMIT: Partial<Record<FakeExchangeId, [string, string]>> = {
  mexc: ['429', 'Too Many Requests'],
  kucoin: ['429000', 'Too Many Requests'],
  binance: ['-1003', 'Too much request weight used; current limit is 6000 request weight per 1 MINUTE.'],
  bybit: ['10006', 'Too many visits. Exceeded the API Rate Limit.'],
  okx: ['50011', 'Rate limit reached. Please refer to API documentation and throttle requests accordingly.'],
}
const MALFORMED: Partial<Record<FakeExchangeId, string>> = {
  mexc: '{"serverTime":17',
  kucoin: '{"code":"200000","data":{',
  binance: '{"serverTime":17',
  bybit: '{"retCode":0,"retMsg":"OK","result":{"timeSecond":"17',
  okx: '{"code":"0","msg":"","data":[{"ts":"17',
}

/** What one exchange sends when it is in maintenance, limiting us, answering an unmapped error, or broken. */
interface ExchangeFaults {
  maintenance: () => FakeResponse
  rateLimit: (headers: Record<string, string>) => FakeResponse
  unknownError: () => FakeResponse
  /** A truncated body on a 200. */
  malformed: string
}

// The exchanges added with issue #13 describe their faults as whole responses; the others use the tables above.
const FAULTS: Partial<Record<FakeExchangeId, ExchangeFaults>> = {
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
 * and 429: the exchange's JSON body with its own code. Unknown error: a code nobody has mapped.
 */
export function scenarioResponse(s: Scenario, exchange: FakeExchangeId, path = ''): FakeResponse | 'reset' | 'slow' {
  const faults = FAULTS[exchange]
  const table = <T>(t: Partial<Record<FakeExchangeId, T>>): T => {
    const v = t[exchange]
    if (v === undefined) throw new Error(`fake exchange: no ${s.kind} answer for ${exchange}`)
    return v
  }
  switch (s.kind) {
    case 'reset':
      return 'reset'
    case 'slow':
      return 'slow'
    case 'outage':
      return { status: 503, body: OUTAGE_HTML, headers: { 'content-type': 'text/html' } }
    case 'maintenance':
      return faults ? faults.maintenance() : errorBody(exchange, ...table(MAINTENANCE), 503, path)
    case 'rate-limit': {
      const retry = { 'retry-after': String(s.retryAfterS ?? 2) }
      if (faults) return faults.rateLimit(retry)
      const r = errorBody(exchange, ...table(RATE_LIMIT), 429, path)
      return { ...r, headers: { ...r.headers, ...retry } }
    }
    case 'unknown-error':
      // An error code nobody has mapped yet: the adapter must say UNKNOWN, not guess.
      if (faults) return faults.unknownError()
      return errorBody(exchange, exchange === 'binance' ? '-9999' : exchange === 'mexc' || exchange === 'bybit' ? '99999' : '999999', 'Something new', exchange === 'bybit' ? 200 : 400, path)
    case 'error': {
      const known = s.code === undefined ? undefined : ERRORS[exchange]?.[s.code]
      if (!known) throw new Error(`fake exchange: no documented ${exchange} error ${s.code}`)
      return errorBody(exchange, s.code!, known[1], known[0], path)
    }
    case 'malformed':
      return { status: 200, body: faults ? faults.malformed : table(MALFORMED), headers: { 'content-type': 'application/json' } }
  }
}
