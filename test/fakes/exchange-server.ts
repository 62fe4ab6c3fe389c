/**
 * A fake of every exchange we connect on one loopback port, reached by real ccxt through the
 * EXCHANGE_URL_* overrides (no mocking of ccxt or fetch). Each exchange host lives under a path
 * prefix: `/binance` (api, sapi and fapi paths), `/bybit`, `/okx`, `/mexc` (spot and contract),
 * `/kucoin` (spot host) and `/kucoin-futures` (futures host), `/bitget`, `/bingx`, `/htx` and
 * `/htx-futures`, `/coinbase`, `/gate`, so `exchangeUrls` can be passed straight to
 * `createExchangeRegistry({ urls })`.
 *
 * Imported by tests and by the demo (`npm start` without a token), so it must not import vitest.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { AccountBook, type FakeAccount, type FakeAccountInput, type FakeExchangeId } from './exchange/accounts.js'
import { binanceRoute } from './exchange/binance-routes.js'
import { bybitRoute } from './exchange/bybit-routes.js'
import type { FakeResponse, RouteContext } from './exchange/http.js'
import { bingxRoute } from './exchange/bingx-routes.js'
import { bitgetRoute } from './exchange/bitget-routes.js'
import { coinbaseRoute } from './exchange/coinbase-routes.js'
import { gateRoute } from './exchange/gate-routes.js'
import { htxRoute } from './exchange/htx-routes.js'
import { kucoinRoute } from './exchange/kucoin-routes.js'
import { mexcRoute } from './exchange/mexc-routes.js'
import { okxRoute } from './exchange/okx-routes.js'
import { matchScenario, scenarioResponse, type Scenario, type ScenarioKind } from './exchange/scenarios.js'

export { coinbaseEcKey, coinbaseEd25519Key, fakeCredentials, fakePrivateKeyPem, type FakeAccount, type FakeAccountInput, type FakeExchangeId } from './exchange/accounts.js'
export type { Scenario, ScenarioKind } from './exchange/scenarios.js'

/**
 * One request as the fake saw it; `role` is the host: mexc `spot`/`contract`, kucoin
 * `spot`/`futures`, binance `spot`/`sapi`/`fapi`, bybit and okx `spot`.
 */
export interface LoggedRequest {
  exchange: FakeExchangeId
  role: string
  method: string
  path: string
}

const PREFIXES: ReadonlyArray<[string, FakeExchangeId, string]> = [
  ['/kucoin-futures', 'kucoin', 'futures'],
  ['/kucoin', 'kucoin', 'spot'],
  ['/mexc', 'mexc', 'spot'],
  ['/binance', 'binance', 'spot'],
  ['/bybit', 'bybit', 'spot'],
  ['/okx', 'okx', 'spot'],
  ['/bitget', 'bitget', 'spot'],
  ['/bingx', 'bingx', 'spot'],
  ['/htx-futures', 'htx', 'futures'],
  ['/htx', 'htx', 'spot'],
  ['/coinbase', 'coinbase', 'spot'],
  ['/gate', 'gate', 'spot'],
]

const ROUTES: Record<FakeExchangeId, (ctx: RouteContext) => FakeResponse> = {
  mexc: mexcRoute,
  kucoin: kucoinRoute,
  binance: binanceRoute,
  bybit: bybitRoute,
  okx: okxRoute,
  bitget: bitgetRoute,
  bingx: bingxRoute,
  htx: htxRoute,
  coinbase: coinbaseRoute,
  gate: gateRoute,
}

// The host a path belongs to, where one prefix serves several hosts.
function roleOf(exchange: FakeExchangeId, path: string, hostRole: string): string {
  if (exchange === 'mexc' && path.startsWith('/api/v1/')) return 'contract'
  if (exchange === 'binance') return path.startsWith('/sapi/') ? 'sapi' : path.startsWith('/fapi/') ? 'fapi' : path.startsWith('/dapi/') ? 'dapi' : hostRole
  return hostRole
}

/** Where each fake host listens, in the shape of `Config['exchangeUrls']`. */
export interface FakeExchangeUrls {
  binance: string
  bybit: string
  okx: string
  mexc: string
  kucoin: string
  kucoinFutures: string
  bitget: string
  bingx: string
  htx: string
  htxFutures: string
  coinbase: string
  gate: string
}

/** The fake exchange; see the file comment. */
export class FakeExchangeServer {
  /** Every request since start/reset, in order. */
  readonly requests: LoggedRequest[] = []
  /** The address the fake treats as the caller's ("our egress IP"); undefined = the socket's address. */
  callerIp: string | undefined
  /**
   * Extra tolerance on every signed timestamp. 0 (default) checks them as the exchanges do; tests
   * that load the machine on purpose raise it, so a request slowed by the load is not a clock fault.
   */
  timestampSlackMs = 0
  /** Called synchronously as each request arrives (after it is logged), to act at an exact point of a test. */
  onRequest: ((request: LoggedRequest) => void) | undefined
  private readonly accounts = new AccountBook()
  private scenarios: Scenario[] = []
  private skew: Partial<Record<FakeExchangeId | 'all', number>> = {}
  private readonly timers = new Set<NodeJS.Timeout>()
  private server: Server | undefined
  private base = ''

  /** Base URL, e.g. `http://127.0.0.1:43123`. */
  get url(): string {
    if (!this.base) throw new Error('fake exchange not started')
    return this.base
  }

  /** Ready for `createExchangeRegistry({ urls })` or EXCHANGE_URL_* variables. */
  get exchangeUrls(): FakeExchangeUrls {
    const u = this.url
    return {
      binance: `${u}/binance`,
      bybit: `${u}/bybit`,
      okx: `${u}/okx`,
      mexc: `${u}/mexc`,
      kucoin: `${u}/kucoin`,
      kucoinFutures: `${u}/kucoin-futures`,
      bitget: `${u}/bitget`,
      bingx: `${u}/bingx`,
      htx: `${u}/htx`,
      htxFutures: `${u}/htx-futures`,
      coinbase: `${u}/coinbase`,
      gate: `${u}/gate`,
    }
  }

  /** Listens on 127.0.0.1, port 0 (a free port). */
  async start(): Promise<this> {
    const server = createServer((req, res) => void this.handle(req, res))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    this.server = server
    this.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    return this
  }

  /** Closes the port, open keep-alive sockets and pending slow answers. */
  async stop(): Promise<void> {
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
    const server = this.server
    this.server = undefined
    if (!server) return
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }

  /** Forgets accounts, scenarios, clock skew, caller IP and the request log. */
  reset(): void {
    this.accounts.clear()
    this.scenarios = []
    this.skew = {}
    this.callerIp = undefined
    this.requests.length = 0
  }

  /** Creates an account; missing credentials are generated (see `fakeCredentials`). */
  addAccount(input: FakeAccountInput): FakeAccount {
    return this.accounts.add(input)
  }

  /** Changes an account at runtime (permissions, whitelist, balances, frozen...). */
  updateAccount(apiKey: string, patch: Partial<Omit<FakeAccount, 'apiKey' | 'exchange'>>): FakeAccount {
    return this.accounts.update(apiKey, patch)
  }

  /** Deletes the key on the exchange's side: later calls answer "key does not exist". */
  revokeAccount(apiKey: string): void {
    this.accounts.update(apiKey, { revoked: true })
  }

  /** Turns a failure on: globally, or for one exchange and/or one path (see {@link Scenario}). */
  setScenario(kind: ScenarioKind, where: Omit<Scenario, 'kind'> = {}): void {
    this.scenarios.push({ kind, ...where })
  }

  /** Turns every failure scenario off. */
  clearScenarios(): void {
    this.scenarios = []
  }

  /** Moves the exchange's clock by `ms` (its time endpoint and its timestamp checks). */
  setClockSkew(ms: number, exchange?: FakeExchangeId): void {
    this.skew[exchange ?? 'all'] = ms
  }

  /** Requests seen, optionally for one exchange. */
  requestCount(exchange?: FakeExchangeId): number {
    return exchange ? this.requests.filter((r) => r.exchange === exchange).length : this.requests.length
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake')
    const prefix = PREFIXES.find(([p]) => url.pathname === p || url.pathname.startsWith(`${p}/`))
    const body = await readBody(req)
    if (!prefix) return write(res, { status: 404, body: 'unknown exchange prefix' })
    const [p, exchange, hostRole] = prefix
    const path = url.pathname.slice(p.length) || '/'
    const role = roleOf(exchange, path, hostRole)
    const logged: LoggedRequest = { exchange, role, method: req.method ?? 'GET', path }
    this.requests.push(logged)
    this.onRequest?.(logged)
    const ctx: RouteContext = {
      exchange,
      role,
      method: req.method ?? 'GET',
      path,
      query: url.search.replace(/^\?/, ''),
      headers: req.headers,
      body,
      callerIp: this.callerIp ?? (req.socket.remoteAddress ?? '').replace(/^::ffff:/, ''),
      now: Date.now() + (this.skew[exchange] ?? this.skew.all ?? 0),
      timestampSlackMs: this.timestampSlackMs,
      accounts: this.accounts,
    }
    const route = () => ROUTES[exchange](ctx)
    const scenario = matchScenario(this.scenarios, exchange, path)
    if (!scenario) return write(res, route())
    const answer = scenarioResponse(scenario, exchange, path)
    if (answer === 'reset') return void req.socket.destroy()
    if (answer !== 'slow') return write(res, answer)
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      write(res, route())
    }, scenario.delayMs ?? 2000)
    this.timers.add(timer)
  }
}

/** Creates and starts a fake on a free loopback port. */
export async function startFakeExchange(): Promise<FakeExchangeServer> {
  return new FakeExchangeServer().start()
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function write(res: ServerResponse, r: FakeResponse): void {
  if (res.destroyed || res.writableEnded) return
  res.writeHead(r.status, r.headers ?? {})
  res.end(r.body)
}
