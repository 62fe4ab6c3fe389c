/**
 * The one place that builds ccxt instances, and keeps them: a ccxt instance costs about 2.5 ms
 * and 200 KB to build (a closure per endpoint) and carries its own keep-alive HTTP agent, so a
 * fresh one per test paid that, plus two new TCP (in production TLS) connections, every time.
 * Instances are pooled per class and host override instead, under one rule: **an instance
 * serves one test at a time**. A test leases one, its credentials are set on the lease and
 * wiped on release together with everything a request leaves behind (last request and
 * response, ccxt options such as the clock offset), and an instance with a request still in
 * flight at release (its test hit the deadline) is dropped, never reused, so a late answer can
 * never reach the next test. It also points every REST host at an override (tests, demo) and
 * records what ccxt would otherwise hide from us: the HTTP status, the exchange's own error code
 * and Retry-After of the last response.
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

/** A leased ccxt instance plus the request counter and last-response trace the report needs. */
export interface CcxtClient<E extends Exchange> {
  ex: E
  requestCount(): number
  lastResponse(): ResponseTrace
  /** Forgets the last response, so a network failure is never read with a stale body. */
  resetTrace(): void
  /**
   * Resolves once ccxt's lazy HTTP set-up of this instance is done (its undici agent, the
   * optional proxy modules it probes with dynamic imports): a latency or clock measurement
   * must not include it. Instant on a pooled instance.
   */
  ready(): Promise<void>
  /** Marks `p` (a call on `ex`) as in flight until it settles; returns it. */
  track<T>(p: Promise<T>): Promise<T>
  /**
   * Ends the lease: credentials and per-request state are wiped, and the instance goes back to
   * the pool, or is dropped if a call is still in flight. Idempotent; `ex` must not be used after.
   */
  release(): void
}

/** Idle instances kept per class and host override; more are dropped on release. */
export const POOL_MAX_IDLE = 32
/** An idle instance unused for this long is dropped (its sockets are long closed by then). */
export const POOL_IDLE_TTL_MS = 10 * 60_000

// Per-test fields a request leaves on the instance (ccxt's Exchange base class).
const LAST_FIELDS = ['last_http_response', 'last_json_response', 'last_response_headers', 'last_request_headers', 'last_request_body', 'last_request_url', 'last_request_path'] as const

interface Lease {
  /** Where this test's exchange puts its error code (the spec's), read by the instance's response hook. */
  codeFields: readonly string[]
  readCode: CodeReader | undefined
  count: number
  trace: ResponseTrace
  pending: number
  released: boolean
  /** Runs once nothing is pending any more (closing a dropped instance's agent). */
  onSettled?: () => void
}

interface Pooled<E extends Exchange> {
  ex: E
  ready: Promise<void> | undefined
  lease: Lease | undefined
  idleSince: number
  /** Fresh-instance values of the objects a test may change, restored on release. */
  defaults: { options: Record<string, unknown>; headers: Record<string, unknown> }
}

interface ClassPool {
  /** Leaf paths of the class's `urls.api`, found on its first instance (keys the overrides). */
  paths: string[][] | undefined
  idle: Map<string, Array<Pooled<Exchange>>>
}

const pools = new WeakMap<CcxtClass<Exchange>, ClassPool>()
const stats = { built: 0, leased: 0, dropped: 0 }

/**
 * Leases an instance of `Klass` (pooled, or built if none is idle) with these credentials and
 * timeout. The rate limiter is off: a test makes at most four calls, far under any exchange
 * limit, and ccxt's throttler would otherwise delay them (MEXC's account endpoint costs 10
 * tokens at 50 ms each). No markets are ever loaded through this client.
 */
export function createCcxtClient<E extends Exchange>(Klass: CcxtClass<E>, spec: CcxtClientSpec): CcxtClient<E> {
  const K = Klass as unknown as CcxtClass<Exchange>
  let pool = pools.get(K)
  if (!pool) {
    pool = { paths: undefined, idle: new Map() }
    pools.set(K, pool)
  }
  let fresh: Pooled<Exchange> | undefined
  let paths = pool.paths
  if (!paths) {
    const built = build(K, spec.origin)
    fresh = built.item
    paths = pool.paths = built.paths
  }
  const key = spec.origin ? paths.map((p) => spec.origin?.(p) ?? '').join('\n') : ''
  const idle = pool.idle.get(key) ?? []
  pool.idle.set(key, idle)
  trimIdle(idle)
  const item = fresh ?? idle.pop() ?? build(K, spec.origin).item
  stats.leased++
  const lease: Lease = { codeFields: spec.codeFields ?? ['code'], readCode: spec.readCode, count: 0, trace: {}, pending: 0, released: false }
  item.lease = lease
  const ex = item.ex as unknown as Record<string, unknown>
  ex['apiKey'] = spec.credentials?.apiKey
  ex['secret'] = spec.credentials?.secret
  ex['password'] = spec.credentials?.passphrase
  ex['timeout'] = spec.timeoutMs
  return {
    ex: item.ex as E,
    requestCount: () => lease.count,
    lastResponse: () => lease.trace,
    resetTrace: () => {
      lease.trace = {}
    },
    ready: () => (item.ready ??= warmUp(item.ex)),
    track: (p) => hold(lease, p),
    release: () => {
      if (lease.released) return
      lease.released = true
      wipe(item)
      if (lease.pending > 0 || idle.length >= POOL_MAX_IDLE) {
        drop(item, lease)
        return
      }
      item.lease = undefined
      item.idleSince = Date.now()
      idle.push(item)
    },
  }
}

/** Instances built, leases handed out and instances dropped since start: tests and benchmarks read reuse from it. */
export function ccxtPoolStats(): Readonly<typeof stats> {
  return { ...stats }
}

function build(Klass: CcxtClass<Exchange>, origin: CcxtClientSpec['origin']): { item: Pooled<Exchange>; paths: string[][] } {
  const ex = new Klass({ enableRateLimit: false })
  stats.built++
  const paths = leafPaths(ex.urls['api'])
  if (origin) ex.urls['api'] = rewriteOrigins(ex.urls['api'], [], origin) as (typeof ex.urls)['api']
  const item: Pooled<Exchange> = {
    ex,
    ready: undefined,
    lease: undefined,
    idleSince: 0,
    defaults: { options: { ...ex.options }, headers: { ...(ex.headers as Record<string, unknown>) } },
  }
  // Installed once per instance; they report into whichever lease holds the instance now.
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
    const lease = item.lease
    if (!lease || lease.released) return Promise.reject(new Error('ccxt instance used outside its lease'))
    lease.count++
    return hold(lease, originalFetch(...args))
  }
  anyEx.onRestResponse = (status, _text, _url, _method, headers, body) => {
    if (item.lease) item.lease.trace = { status, ...readBody(body, item.lease.codeFields, item.lease.readCode), ...readRetryAfter(headers) }
    return typeof body === 'string' ? body.trim() : body
  }
  return { item, paths }
}

/** Runs ccxt's own one-time loaders (both memoized by ccxt); a failure is left to the first request. */
async function warmUp(ex: Exchange): Promise<void> {
  const e = ex as unknown as { loadProxyModules?: () => Promise<void>; loadFetchImplementation?: () => Promise<void> }
  try {
    await e.loadProxyModules?.()
    await e.loadFetchImplementation?.()
  } catch {
    // the first real request reports it, as a network failure of that check
  }
}

/** Counts `p` as in flight on `lease` until it settles. */
function hold<T>(lease: Lease, p: Promise<T>): Promise<T> {
  lease.pending++
  const done = () => {
    if (--lease.pending === 0) lease.onSettled?.()
  }
  p.then(done, done)
  return p
}

/** Removes every credential ccxt knows of and what the last requests left behind. */
function wipe(item: Pooled<Exchange>): void {
  const ex = item.ex as unknown as Record<string, unknown>
  for (const k of Object.keys(item.ex.requiredCredentials ?? {})) ex[k] = undefined
  ex['apiKey'] = undefined
  ex['secret'] = undefined
  ex['password'] = undefined
  for (const k of LAST_FIELDS) ex[k] = undefined
  ex['lastRestRequestTimestamp'] = 0
  if (Array.isArray(ex['fetchHistoryCache'])) (ex['fetchHistoryCache'] as unknown[]).length = 0
  restore(item.ex.options as Record<string, unknown>, item.defaults.options)
  restore(item.ex.headers as Record<string, unknown>, item.defaults.headers)
}

/** Puts `obj`'s own keys back to `defaults` (added keys removed), in place. */
function restore(obj: Record<string, unknown> | undefined, defaults: Record<string, unknown>): void {
  if (!obj) return
  for (const k of Object.keys(obj)) if (!(k in defaults)) delete obj[k]
  for (const k of Object.keys(defaults)) if (!Object.is(obj[k], defaults[k])) obj[k] = defaults[k] // Object.is: a -0 clock offset is not the default 0
}

/** Never pooled again; its HTTP agent is closed once nothing is in flight (sockets freed). */
function drop(item: Pooled<Exchange>, lease: Lease): void {
  stats.dropped++
  const close = () => {
    const dispatcher = (item.ex as unknown as { fetchDispatcher?: { close?: () => Promise<void> } }).fetchDispatcher
    dispatcher?.close?.().catch(() => undefined)
  }
  if (lease.pending === 0) close()
  else lease.onSettled = close
}

function trimIdle(idle: Array<Pooled<Exchange>>): void {
  const cutoff = Date.now() - POOL_IDLE_TTL_MS
  // Oldest first: the list is used as a stack, so recently used instances (warm sockets) stay.
  while (idle.length > 0 && idle[0]!.idleSince < cutoff) {
    const old = idle.shift()!
    drop(old, { codeFields: [], readCode: undefined, count: 0, trace: {}, pending: 0, released: true })
  }
}

function leafPaths(node: unknown, path: string[] = [], out: string[][] = []): string[][] {
  if (typeof node === 'string') out.push(path)
  else if (node !== null && typeof node === 'object') for (const [k, v] of Object.entries(node)) leafPaths(v, [...path, k], out)
  return out
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
