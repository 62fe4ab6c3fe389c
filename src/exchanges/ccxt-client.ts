/**
 * The one place that builds ccxt instances. Every instance is made for one connection test and
 * thrown away, so concurrent tests never sign with each other's secrets. It also points every
 * REST host at an override (tests, demo) and records what ccxt would otherwise hide from us:
 * the HTTP status, the exchange's own error code and Retry-After of the last response.
 */
import type { Exchange } from 'ccxt'
import type { Credentials } from '../domain/types.js'

/** A ccxt exchange class, e.g. `mexc` or `kucoin` from the 'ccxt' package. */
export type CcxtClass<E extends Exchange> = new (config?: Record<string, unknown>) => E

/** What the last HTTP response said, kept so a diagnosis never has to parse ccxt's message. */
export interface ResponseTrace {
  status?: number
  /** The exchange's own error code from a JSON body, as a string (`"10072"`, `"400003"`, Bybit's `retCode`). */
  exchangeCode?: string
  retryAfterS?: number
}

/** How to build one client: credentials, a per-request timeout and an optional host mapper. */
export interface CcxtClientSpec {
  credentials?: Credentials
  timeoutMs: number
  /**
   * Returns the base URL replacing scheme+host for the `urls.api` entry at `path`
   * (e.g. `['spot', 'private']` or `['futuresPrivate']`), or undefined to keep it.
   */
  origin?: (path: readonly string[]) => string | undefined
  /**
   * Where this exchange puts its error code in a JSON body, first present field wins; default
   * `['code']`. Bybit says `retCode` (`ret_code` on older paths).
   */
  codeFields?: readonly string[]
  /**
   * For exchanges whose code alone does not say what happened (HTX answers `api-signature-not-valid`
   * for a bad key, a bad secret, an IP or a clock): reads the body and returns a code from a fixed
   * vocabulary of its own, never the message text. Wins over `codeFields` when it returns a code.
   */
  readCode?: CodeReader
}

/** Reads an exchange's error code from a parsed JSON body; see {@link CcxtClientSpec.readCode}. */
export type CodeReader = (body: Record<string, unknown>) => string | undefined

/** A ccxt instance plus the request counter and last-response trace the report needs. */
export interface CcxtClient<E extends Exchange> {
  ex: E
  requestCount(): number
  lastResponse(): ResponseTrace
  /** Forgets the last response, so a network failure is never read with a stale body. */
  resetTrace(): void
}

/**
 * Builds a fresh instance. The rate limiter is off: a test makes at most four calls, far under
 * any exchange limit, and ccxt's throttler would otherwise delay them (MEXC's account endpoint
 * costs 10 tokens at 50 ms each). No markets are ever loaded through this client.
 */
export function createCcxtClient<E extends Exchange>(Klass: CcxtClass<E>, spec: CcxtClientSpec): CcxtClient<E> {
  const ex = new Klass({
    apiKey: spec.credentials?.apiKey,
    secret: spec.credentials?.secret,
    password: spec.credentials?.passphrase,
    timeout: spec.timeoutMs,
    enableRateLimit: false,
  })
  const codeFields = spec.codeFields ?? ['code']
  if (spec.origin) ex.urls['api'] = rewriteOrigins(ex.urls['api'], [], spec.origin) as typeof ex.urls['api']
  let count = 0
  let trace: ResponseTrace = {}
  const anyEx = ex as unknown as {
    milliseconds: () => number
    seconds: () => number
    fetch: (...a: unknown[]) => Promise<unknown>
    onRestResponse: (status: number, statusText: string, url: string, method: string, headers: Record<string, string>, body: string, ...rest: unknown[]) => string
  }
  // ccxt reads the clock through the `Date.now` it captured when it was imported; nonces and
  // timestamps then follow the process clock the rest of the app (and a test's controlled
  // clock) reads, so a signature and the report that judges it never disagree on the time.
  anyEx.milliseconds = () => Date.now()
  anyEx.seconds = () => Math.floor(Date.now() / 1000)
  const originalFetch = anyEx.fetch.bind(ex)
  anyEx.fetch = (...args: unknown[]) => {
    count++
    return originalFetch(...args)
  }
  anyEx.onRestResponse = (status, _text, _url, _method, headers, body) => {
    trace = { status, ...readBody(body, codeFields, spec.readCode), ...readRetryAfter(headers) }
    return typeof body === 'string' ? body.trim() : body
  }
  return {
    ex,
    requestCount: () => count,
    lastResponse: () => trace,
    resetTrace: () => {
      trace = {}
    },
  }
}

/** Replaces scheme+host of every string leaf of ccxt's `urls.api`, keeping each path. */
export function rewriteOrigins(node: unknown, path: string[], origin: (path: readonly string[]) => string | undefined): unknown {
  if (typeof node === 'string') {
    const base = origin(path)
    if (base === undefined) return node
    const u = new URL(node)
    const rest = u.pathname === '/' ? '' : u.pathname.replace(/\/+$/, '')
    return base.replace(/\/+$/, '') + rest + u.search
  }
  if (node !== null && typeof node === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(node)) out[k] = rewriteOrigins(v, [...path, k], origin)
    return out
  }
  return node
}

function readBody(body: unknown, fields: readonly string[], readCode?: CodeReader): Pick<ResponseTrace, 'exchangeCode'> {
  if (typeof body !== 'string' || !body.trimStart().startsWith('{')) return {}
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>
    const own = readCode?.(parsed)
    if (own !== undefined) return { exchangeCode: own }
    for (const f of fields) {
      const code = parsed[f]
      if (typeof code === 'string' || typeof code === 'number') return { exchangeCode: String(code) }
    }
    return {}
  } catch {
    return {}
  }
}

function readRetryAfter(headers: Record<string, string> | undefined): Pick<ResponseTrace, 'retryAfterS'> {
  const raw = headers?.['Retry-After'] ?? headers?.['retry-after']
  const n = raw === undefined ? NaN : Number(raw)
  return Number.isFinite(n) && n >= 0 ? { retryAfterS: Math.ceil(n) } : {}
}
