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
export const ERRORS: Record<FakeExchangeId, Record<string, [status: number, msg: string]>> = {
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
  }
}

const MAINTENANCE: Record<FakeExchangeId, [string, string]> = {
  mexc: ['801', 'System under maintenance'],
  kucoin: ['500000', 'System under maintenance, please try again later'],
  binance: ['-1008', 'Server is currently overloaded with other requests. Please try again in a few minutes.'],
  bybit: ['10016', 'Service is restarting'],
  okx: ['50001', 'Service temporarily unavailable. Please try again later.'],
}
const RATE_LIMIT: Record<FakeExchangeId, [string, string]> = {
  mexc: ['429', 'Too Many Requests'],
  kucoin: ['429000', 'Too Many Requests'],
  binance: ['-1003', 'Too much request weight used; current limit is 6000 request weight per 1 MINUTE.'],
  bybit: ['10006', 'Too many visits. Exceeded the API Rate Limit.'],
  okx: ['50011', 'Rate limit reached. Please refer to API documentation and throttle requests accordingly.'],
}
const MALFORMED: Record<FakeExchangeId, string> = {
  mexc: '{"serverTime":17',
  kucoin: '{"code":"200000","data":{',
  binance: '{"serverTime":17',
  bybit: '{"retCode":0,"retMsg":"OK","result":{"timeSecond":"17',
  okx: '{"code":"0","msg":"","data":[{"ts":"17',
}

/**
 * The answer for a failure scenario. Outage: a gateway's HTML 503 (no JSON at all). Maintenance
 * and 429: the exchange's JSON body with its own code. Unknown error: a code nobody has mapped.
 */
export function scenarioResponse(s: Scenario, exchange: FakeExchangeId, path = ''): FakeResponse | 'reset' | 'slow' {
  switch (s.kind) {
    case 'reset':
      return 'reset'
    case 'slow':
      return 'slow'
    case 'outage':
      return { status: 503, body: OUTAGE_HTML, headers: { 'content-type': 'text/html' } }
    case 'maintenance':
      return errorBody(exchange, ...MAINTENANCE[exchange], 503, path)
    case 'rate-limit': {
      const r = errorBody(exchange, ...RATE_LIMIT[exchange], 429, path)
      return { ...r, headers: { ...r.headers, 'retry-after': String(s.retryAfterS ?? 2) } }
    }
    case 'unknown-error':
      // An error code nobody has mapped yet: the adapter must say UNKNOWN, not guess.
      return errorBody(exchange, exchange === 'binance' ? '-9999' : exchange === 'mexc' || exchange === 'bybit' ? '99999' : '999999', 'Something new', exchange === 'bybit' ? 200 : 400, path)
    case 'error': {
      const known = s.code === undefined ? undefined : ERRORS[exchange][s.code]
      if (!known) throw new Error(`fake exchange: no documented ${exchange} error ${s.code}`)
      return errorBody(exchange, s.code!, known[1], known[0], path)
    }
    case 'malformed':
      return { status: 200, body: MALFORMED[exchange], headers: { 'content-type': 'application/json' } }
  }
}
